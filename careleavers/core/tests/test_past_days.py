"""The one rule for a day recorded as having happened, and how a service refuses by field."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from careleavers.core.past_days import (
    after_today_message,
    is_after_today,
    not_after_today,
    refuse_after_today,
)
from careleavers.core.refusals import raise_if

TODAY = datetime.date(2026, 12, 5)


def test_today_and_earlier_days_pass_and_tomorrow_does_not():
    assert not is_after_today(TODAY, today=TODAY)
    assert not is_after_today(TODAY - datetime.timedelta(days=400), today=TODAY)
    assert is_after_today(TODAY + datetime.timedelta(days=1), today=TODAY)


def test_a_missing_day_is_left_to_the_check_that_asks_for_it():
    errors = {"done_on": "Enter the date"}
    not_after_today(errors, "done_on", None, today=TODAY)
    assert errors == {"done_on": "Enter the date"}


def test_the_message_names_what_the_date_is_the_gov_uk_way():
    errors: dict[str, str] = {}
    not_after_today(
        errors,
        "held_on",
        datetime.date(2062, 12, 5),
        subject="The date of the review",
        today=TODAY,
    )
    assert errors == {"held_on": "The date of the review must be today or in the past"}
    assert after_today_message() == "The date must be today or in the past"


def test_refusing_at_once_names_the_field_and_changes_nothing_when_the_day_is_fine():
    refuse_after_today("start", TODAY, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        refuse_after_today("start", TODAY + datetime.timedelta(days=1), today=TODAY)
    assert refused.value.message_dict == {"start": ["The date must be today or in the past"]}


@pytest.mark.parametrize(
    ("instant", "allowed", "refused"),
    [
        # 00:30 on 1 June in British Summer Time is still 31 May in UTC: 1 June is today.
        (
            datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC),
            datetime.date(2026, 6, 1),
            datetime.date(2026, 6, 2),
        ),
        # 03:00 on a Saturday in winter: London and UTC agree.
        (
            datetime.datetime(2026, 12, 5, 3, 0, tzinfo=datetime.UTC),
            datetime.date(2026, 12, 5),
            datetime.date(2026, 12, 6),
        ),
    ],
)
def test_today_is_the_councils_day_not_the_servers(settings, instant, allowed, refused):
    settings.TIME_ZONE = "Europe/London"
    with time_machine.travel(instant, tick=False):
        assert not is_after_today(allowed)
        assert is_after_today(refused)


def test_raise_if_refuses_with_every_problem_or_does_nothing():
    raise_if({})
    with pytest.raises(ValidationError) as refused:
        raise_if(
            {"note": "Enter what was done", "done_on": ["The date must be today or in the past"]}
        )
    assert refused.value.message_dict == {
        "note": ["Enter what was done"],
        "done_on": ["The date must be today or in the past"],
    }
