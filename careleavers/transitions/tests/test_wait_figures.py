"""The wait figures the database counts agree with the pure functions in waits.py, and SQLite's
path (the same pure functions over plain values) gives the same figures."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.dates import months_up_to
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions import selectors, wait_figures, waits
from careleavers.transitions.models import Outcome, Referral, ServiceKind
from careleavers.transitions.tests.factories import ReferralFactory, service_of

pytestmark = pytest.mark.django_db

OUTCOMES = [Outcome.THRESHOLD_MET, Outcome.THRESHOLD_NOT_MET, Outcome.SIGNPOSTED]


def _many_referrals(team: Any, today: datetime.date) -> None:
    """Open, decided and withdrawn referrals over 15 months to three services, by young people
    either side of 18 (one born on 29 February), with waits from 0 to over a year."""
    by = UserFactory()
    people = [
        YoungPersonFactory(team=team, date_of_birth=datetime.date(2004, 2, 29)),
        YoungPersonFactory(team=team, date_of_birth=today.replace(year=today.year - 18)),
        YoungPersonFactory(
            team=team,
            date_of_birth=today.replace(year=today.year - 18) + datetime.timedelta(days=40),
        ),
        YoungPersonFactory(team=team, date_of_birth=datetime.date(today.year - 21, 7, 1)),
    ]
    services = [
        service_of(kind)
        for kind in (
            ServiceKind.ADULT_MENTAL_HEALTH,
            ServiceKind.CAMHS,
            ServiceKind.SUBSTANCE_MISUSE,
        )
    ]
    for index in range(48):
        referred_on = today - datetime.timedelta(days=(index * 37) % 460)
        ended = referred_on + datetime.timedelta(days=(index * 11) % 90)
        fields: dict[str, Any] = {}
        if index % 3 == 1 and ended <= today:
            fields = {"decided_on": ended, "outcome": OUTCOMES[index % len(OUTCOMES)]}
        elif index % 7 == 2 and ended <= today:
            fields = {"withdrawn_on": ended}
        ReferralFactory(
            young_person=people[index % len(people)],
            service=services[index % len(services)],
            referred_on=referred_on,
            referred_by=by,
            **fields,
        )


def _as_python(referrals: Any) -> list[waits.ReferralDates]:
    return [
        waits.ReferralDates(*dates)
        for dates in referrals.values_list("referred_on", "decided_on", "withdrawn_on")
    ]


def _same(counted: Any, expected: Any) -> None:
    # The same to the last digit: the tables carry the exact figure for sorting.
    assert counted == expected


@pytest.mark.parametrize("age_group", ["", waits.UNDER_18, waits.ADULT])
def test_monthly_figures_from_the_database_agree_with_the_pure_functions(
    manager: Any, team: Any, age_group: str
) -> None:
    today = timezone.localdate()
    _many_referrals(team, today)
    months = months_up_to(today, 15)
    referrals = wait_figures.in_age_group(Referral.objects.all(), age_group)
    counted = wait_figures.monthly_waits(referrals, months=months, today=today)
    expected = waits.monthly_waits(_as_python(referrals), months=months, today=today)
    assert len(counted) == len(expected) == 15
    for month, rule in zip(counted, expected, strict=True):
        _same(month, rule)
    assert sum(month.decided for month in counted) > 0
    assert sum(month.waiting for month in counted) > 0


def _figures_both_ways(
    monkeypatch: pytest.MonkeyPatch, team: Any, manager: Any, read: Callable[..., Any]
) -> tuple[Any, Any]:
    """Many referrals in the team, and what `read` gives the manager from them: counted by the
    database, then as on SQLite (in Python)."""
    today = timezone.localdate()
    _many_referrals(team, today)
    counted = read(user=manager, today=today)
    monkeypatch.setattr(connection, "vendor", "sqlite")
    return counted, read(user=manager, today=today)


def test_monthly_figures_on_sqlite_are_the_same(
    manager: Any, team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted, in_python = _figures_both_ways(
        monkeypatch, team, manager, selectors.monthly_waits_visible_to
    )
    for month, rule in zip(counted, in_python, strict=True):
        _same(month, rule)


def test_a_month_with_nobody_decided_or_waiting_has_no_figures(manager: Any) -> None:
    today = timezone.localdate()
    months = selectors.monthly_waits_visible_to(user=manager, today=today, months=2)
    assert [(m.decided, m.decided_median, m.waiting, m.waiting_p90) for m in months] == [
        (0, None, 0, None),
        (0, None, 0, None),
    ]


def test_the_age_group_in_the_database_is_the_pure_rule(team: Any) -> None:
    today = timezone.localdate()
    _many_referrals(team, today)
    for group, _ in waits.AGE_GROUPS:
        found = set(
            wait_figures.in_age_group(Referral.objects.all(), group).values_list("pk", flat=True)
        )
        expected = {
            referral.pk
            for referral in Referral.objects.select_related("young_person")
            if waits.age_group(
                date_of_birth=referral.young_person.date_of_birth,
                referred_on=referral.referred_on,
            )
            == group
        }
        assert found == expected
        assert expected


@pytest.mark.parametrize(
    ("referred_on", "group"),
    [
        (datetime.date(2022, 2, 28), waits.UNDER_18),
        (datetime.date(2022, 3, 1), waits.ADULT),
        (datetime.date(2024, 2, 28), waits.ADULT),
    ],
)
def test_someone_born_on_29_february_turns_18_on_1_march(
    team: Any, referred_on: datetime.date, group: str
) -> None:
    ReferralFactory(
        young_person=YoungPersonFactory(team=team, date_of_birth=datetime.date(2004, 2, 29)),
        referred_on=referred_on,
    )
    assert wait_figures.in_age_group(Referral.objects.all(), group).count() == 1


def _open_waits(referrals: Any, today: datetime.date) -> list[waits.OpenWait]:
    return [
        waits.OpenWait(
            service=service,
            wait=waits.wait_days(referred_on=referred_on, ended_on=None, today=today),
            target_days=target,
        )
        for service, referred_on, target in referrals.values_list(
            "service_id", "referred_on", "service__target_wait_days"
        )
    ]


@pytest.mark.parametrize("age_group", ["", waits.UNDER_18, waits.ADULT])
def test_figures_by_service_from_the_database_agree_with_the_pure_functions(
    team: Any, age_group: str
) -> None:
    today = timezone.localdate()
    _many_referrals(team, today)
    # One referred tomorrow has waited no days yet, not a negative number.
    ReferralFactory(
        young_person=YoungPersonFactory(team=team), referred_on=today + datetime.timedelta(days=1)
    )
    targets = {service.pk: service.target_wait_days for service in selectors.all_services()}
    referrals = wait_figures.in_age_group(
        Referral.objects.filter(decided_on__isnull=True, withdrawn_on__isnull=True), age_group
    )
    counted = wait_figures.waiting_by_service(referrals, targets=targets, today=today)
    expected = waits.waiting_by_service(_open_waits(referrals, today), targets=targets)
    assert [row.service for row in counted] == list(targets)
    for row, rule in zip(counted, expected, strict=True):
        _same(row, rule)
    assert sum(row.over_target for row in counted) > 0


def test_figures_by_service_on_sqlite_are_the_same(
    manager: Any, team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted, in_python = _figures_both_ways(
        monkeypatch, team, manager, selectors.waiting_by_service_visible_to
    )
    assert [row.service for row in counted] == [row.service for row in in_python]
    for row, rule in zip(counted, in_python, strict=True):
        _same(row.figures, rule.figures)


def test_the_waiting_list_is_everyone_open_longest_wait_first(manager: Any, team: Any) -> None:
    today = timezone.localdate()
    _many_referrals(team, today)
    listed = list(selectors.waiting_list_visible_to(user=manager))
    expected = sorted(
        (r for r in Referral.objects.all() if r.is_open), key=lambda r: (r.referred_on, r.pk)
    )
    assert listed == expected
    waited = [row.wait for row in selectors.waiting_rows(listed, today=today)]
    assert waited == sorted(waited, reverse=True)
