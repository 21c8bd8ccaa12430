"""The tests' day helpers (core/tests/days.py)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from careleavers.core.tests.days import TODAY, date_fields, days_ago


def test_today_is_the_day_the_tests_started():
    assert timezone.localdate() - TODAY <= datetime.timedelta(days=1)


def test_days_ago_counts_back_from_today():
    today = timezone.localdate()
    assert days_ago(0) == today
    assert days_ago(3) == today - datetime.timedelta(days=3)
    assert days_ago(-2) == today + datetime.timedelta(days=2)


def test_date_fields_are_what_the_date_input_sends():
    assert date_fields("start", datetime.date(2026, 3, 9)) == {
        "start-day": "9",
        "start-month": "3",
        "start-year": "2026",
    }
