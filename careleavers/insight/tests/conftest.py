"""The known council (tests/factories.py), for every test that counts, and its day."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
import time_machine

from careleavers.insight.tests.factories import ON_NOON, build_known_council


@pytest.fixture
def known(db: None) -> SimpleNamespace:
    return build_known_council()


@pytest.fixture
def on_the_day() -> Iterator[None]:
    """The clock stopped at noon on the known council's day."""
    with time_machine.travel(ON_NOON, tick=False):
        yield
