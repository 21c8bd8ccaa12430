"""A figure kept for the day: worked out on the day's first ask, again the next day."""

from __future__ import annotations

import datetime

import pytest

from careleavers.core.once_a_day import once_a_day

pytestmark = pytest.mark.django_db


def test_a_figure_is_worked_out_once_a_day_and_says_when() -> None:
    asked: list[int] = []

    def work_out() -> int:
        asked.append(1)
        return len(asked)

    day = datetime.date(2026, 12, 1)
    first = once_a_day("test:figure", today=day, work_out=work_out)
    again = once_a_day("test:figure", today=day, work_out=work_out)
    assert (first.value, again.value, again.at) == (1, 1, first.at)
    following = once_a_day(
        "test:figure", today=day + datetime.timedelta(days=1), work_out=work_out
    )
    assert following.value == 2
    assert following.at >= first.at
    # Another figure on the same day is its own.
    assert once_a_day("test:other", today=day, work_out=work_out).value == 3
