"""What the SSDA903 return will say about one young person, for the staff pages that record
what it reads (activity, accommodation).

The returns app decides it, with the one module of OC3 rules (returns/ssda903.py), and provides
it here; the pages below returns in the dependency order (learning, accommodation) ask through
this hook, so no page works out an answer of its own that the export would contradict. A
missing provider fails a system check at start-up.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core import checks


@dataclass(frozen=True)
class ReturnPreview:
    """One collection year's OC3 row for a young person, or why there is none."""

    year_label: str  # "2026 to 2027"
    included: bool
    reason: str  # why they are in the cohort, or why not
    about: str = ""  # the day the values are about: "their 19th birthday, 10 August 2026"
    in_touch: str = ""
    activ: str = ""  # "" where the return cannot say yet
    activ_label: str = ""
    accom: str = ""
    accom_label: str = ""
    provisional: bool = False
    notes: tuple[str, ...] = field(default=())


Provider = Callable[[int, datetime.date], Sequence[ReturnPreview]]
_provider: list[Provider] = []


def register(provider: Provider) -> None:
    """Set the provider (the returns app's); a second registration replaces the first."""
    _provider[:] = [provider]


def previews_for(young_person_id: int, *, today: datetime.date) -> Sequence[ReturnPreview]:
    """The return's rows for this collection year and the last, newest first."""
    if not _provider:
        raise LookupError("No provider is registered for core.return_preview")
    return _provider[0](young_person_id, today)


@checks.register
def provider_registered(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    if _provider:
        return []
    return [
        checks.Error(
            "Nothing provides what the SSDA903 return will say (core.return_preview).",
            hint="The returns app registers it in its AppConfig.ready(); is it installed?",
            id="core.E101",
        )
    ]
