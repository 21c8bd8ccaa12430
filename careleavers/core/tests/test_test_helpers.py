"""The helpers other apps' tests share (days.py, html_fragments.py): what they promise."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from careleavers.core.tests.days import days_ago, days_from_today
from careleavers.core.tests.html_fragments import has_class, only, parse


def test_days_are_counted_from_todays_date_in_the_service_time_zone() -> None:
    # 23:30 UTC on 31 March 2027 is already 1 April in London (BST).
    with time_machine.travel(datetime.datetime(2027, 3, 31, 23, 30, tzinfo=datetime.UTC)):
        assert days_ago(1) == datetime.date(2027, 3, 31)
        assert days_from_today(1) == datetime.date(2027, 4, 2)
        assert days_from_today(-1) == days_ago(1)


def test_only_finds_the_one_element_and_fails_on_none_or_several() -> None:
    tree = parse('<p class="govuk-body lead">One</p><p class="govuk-body">Two</p>')
    assert only(tree, f"//p[{has_class('lead')}]").text == "One"
    with pytest.raises(AssertionError, match="matched 2 elements"):
        only(tree, f"//p[{has_class('govuk-body')}]")
    with pytest.raises(AssertionError, match="matched 0 elements"):
        only(tree, f"//p[{has_class('govuk')}]")
