"""Who may read and who may change a young person's record, for the apps' URL and role tests
(`tests/url_access.py`): the two groups, and the case of a record page each group may open."""

from __future__ import annotations

from typing import Any

from careleavers.core.access import UrlCase, expect
from careleavers.core.tests.roles import DUTY, HOS, PA, RECORD_READERS, SW, TM

# The people who work the case, who may change the record.
RECORD_WRITERS = [PA, SW, TM, HOS, DUTY]


def record_read(url_name: str, kwargs: Any) -> UrlCase:
    """A page of the team's young person's record that every record reader opens."""
    return UrlCase(url_name, expect(team_record=True, allowed=RECORD_READERS), kwargs=kwargs)


def record_change(url_name: str, kwargs: Any) -> UrlCase:
    """A form on the team's young person's record that the people who work the case open."""
    return UrlCase(url_name, expect(team_record=True, allowed=RECORD_WRITERS), kwargs=kwargs)
