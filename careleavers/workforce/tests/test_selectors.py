"""Reads over the hand-checked service in conftest.py: rates, counts and who sees what."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.db.models import Value
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.dates import add_months, months_up_to
from careleavers.core.tests.days import days_ago
from careleavers.workforce import figures, selectors
from careleavers.workforce.models import SupervisionPolicy
from careleavers.workforce.tests.factories import (
    EmploymentFactory,
    PostFactory,
    SupervisionActionFactory,
    SupervisionRecordFactory,
    SupervisionReviewFactory,
)

pytestmark = pytest.mark.django_db


def test_vacancy_and_agency_rates_for_the_whole_service(service: SimpleNamespace) -> None:
    shot = selectors.workforce_snapshot(team_ids=None, on=timezone.localdate())
    assert (shot.funded_posts, shot.vacant_posts, round(shot.vacancy_rate or 0, 1)) == (
        6,
        2,
        33.3,
    )
    assert (shot.holders, shot.agency_holders, shot.agency_rate) == (4, 2, 50.0)


def test_vacancy_and_agency_rates_for_one_team(service: SimpleNamespace) -> None:
    shot = selectors.workforce_snapshot(
        team_ids=frozenset({service.a.pk}), on=timezone.localdate()
    )
    assert (shot.funded_posts, shot.vacant_posts, shot.vacancy_rate) == (4, 1, 25.0)
    assert (shot.holders, shot.agency_holders, round(shot.agency_rate or 0, 1)) == (3, 1, 33.3)


def test_posts_list_shows_holders_and_vacancies(service: SimpleNamespace) -> None:
    rows = {
        row.post.pk: row
        for row in selectors.post_rows(selectors.posts_in(team_ids=None), on=timezone.localdate())
    }
    assert rows[service.posts.p1.pk].holders[0].staff == service.w1
    assert rows[service.posts.p3.pk].vacant
    assert not rows[service.posts.p5.pk].funded
    assert not rows[service.posts.p5.pk].vacant


def test_supervision_in_time_follows_the_policy(service: SimpleNamespace) -> None:
    rows = selectors.supervision_frequency(
        workers=selectors.caseworkers(), on=timezone.localdate()
    )
    in_time = {row.worker.last_name: row.in_time for row in rows}
    assert in_time == {"One": True, "Two": False, "Three": True, "Four": False, "Five": False}
    teams = {row.team: (row.in_time, row.workers) for row in selectors.frequency_by_team(rows)}
    assert teams == {"A team": (2, 3), "B team": (0, 2)}


def test_the_database_counts_in_time_as_the_policy_does(service: SimpleNamespace) -> None:
    statuses = selectors.supervision_statuses(
        workers=selectors.caseworkers(),
        on=timezone.localdate(),
        policy=SupervisionPolicy.current(),
    )
    names = dict(User.objects.values_list("pk", "last_name"))
    in_time = {names[status.pk]: status.in_time for status in statuses}
    assert in_time == {"One": True, "Two": False, "Three": True, "Four": False, "Five": False}
    assert [
        (row.team, row.in_time, row.workers) for row in selectors.frequency_by_team(statuses)
    ] == [
        ("A team", 2, 3),
        ("B team", 0, 2),
    ]
    totals = selectors.frequency_totals(
        workers=selectors.caseworkers(),
        on=timezone.localdate(),
        policy=SupervisionPolicy.current(),
    )
    assert (totals.in_time, totals.workers) == (2, 5)
    team_a = selectors.frequency_totals(
        workers=selectors.caseworkers(team_ids=frozenset({service.a.pk})),
        on=timezone.localdate(),
        policy=SupervisionPolicy.current(),
    )
    assert (team_a.in_time, team_a.workers) == (2, 3)


@pytest.mark.parametrize("days_on", [0, 15, 30, 200])
def test_the_databases_totals_agree_with_each_workers_status(
    service: SimpleNamespace, days_on: int
) -> None:
    on = timezone.localdate() + datetime.timedelta(days=days_on)
    policy = SupervisionPolicy.current()
    for _ in range(3):
        _worker_started(days_ago(100), days_ago(10), days_ago(40))
    _worker_started(days_ago(20))
    statuses = selectors.supervision_statuses(
        workers=selectors.caseworkers(), on=on, policy=policy
    )
    totals = selectors.frequency_totals(workers=selectors.caseworkers(), on=on, policy=policy)
    assert (totals.workers, totals.in_time) == (
        len(statuses),
        sum(status.in_time for status in statuses),
    )


def _five_more_workers_supervised() -> dict[str, Any]:
    """Five more caseworkers with supervisions on record, and the arguments the supervision
    selectors take: the workers are still an unread query, so reading them is counted too."""
    policy = SupervisionPolicy.current()
    for _ in range(5):
        _worker_started(days_ago(100), days_ago(10), days_ago(40))
    return {"workers": selectors.caseworkers(), "on": timezone.localdate(), "policy": policy}


@pytest.mark.parametrize(
    "selector",
    [selectors.frequency_totals, selectors.supervision_statuses],
    ids=["the_index_totals", "supervision_statuses"],
)
def test_supervision_figures_cost_one_query_whatever_the_number_of_workers(
    service: SimpleNamespace, django_assert_num_queries: Any, selector: Any
) -> None:
    arguments = _five_more_workers_supervised()
    with django_assert_num_queries(1):
        selector(**arguments)


def test_the_average_caseload_on_the_index_costs_one_query_whatever_the_number_of_workers(
    service: SimpleNamespace, django_assert_num_queries: Any
) -> None:
    _five_more_workers_supervised()
    with django_assert_num_queries(1):
        selectors.adviser_average_caseload(team_ids=None)


def test_a_new_starter_is_due_two_weeks_after_their_last_supervision(
    service: SimpleNamespace,
) -> None:
    rows = selectors.supervision_frequency(
        workers=selectors.caseworkers().filter(pk=service.w3.pk), on=timezone.localdate()
    )
    assert rows[0].new_starter
    assert rows[0].next_due == days_ago(10 - 14)


def test_supervision_frequency_costs_the_same_queries_for_more_workers(
    service: SimpleNamespace, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(2):  # type: ignore[operator]
        selectors.supervision_frequency(workers=selectors.caseworkers(), on=timezone.localdate())


def test_quality_counts_graded_records_of_the_last_12_months(service: SimpleNamespace) -> None:
    summary = selectors.supervision_quality(team_ids=None, today=timezone.localdate())
    assert (summary.total.reflective, summary.total.graded) == (4, 5)
    assert summary.total.reflective_rate == 80.0
    teams = {row.label: (row.reflective, row.compliance_led) for row in summary.by_team}
    assert teams == {"A team": (4, 1)}


def test_quality_for_a_team_manager_counts_only_their_teams(service: SimpleNamespace) -> None:
    summary = selectors.supervision_quality(
        team_ids=frozenset({service.b.pk}), today=timezone.localdate()
    )
    assert summary.total.graded == 0


def test_caseloads_per_worker_and_team(service: SimpleNamespace) -> None:
    workers = selectors.caseload_rows_of(selectors.caseload_queryset(team_ids=None))
    caseloads = {row.worker.last_name: row.caseload for row in workers}
    assert caseloads == {"One": 3, "Two": 5, "Three": 1, "Four": 0, "Five": 4}
    teams = selectors.caseloads_by_team(team_ids=None)
    a_advisers = next(t for t in teams if t.team == "A team" and t.role == "Personal adviser")
    assert (a_advisers.spread.minimum, a_advisers.spread.median, a_advisers.spread.maximum) == (
        3,
        4.0,
        5,
    )


def test_the_personal_advisers_average_caseload(service: SimpleNamespace) -> None:
    assert selectors.adviser_average_caseload(team_ids=None) == 4.0  # (3 + 5 + 4) / 3
    assert selectors.adviser_average_caseload(team_ids=frozenset({service.b.pk})) == 4.0
    assert selectors.adviser_average_caseload(team_ids=frozenset()) is None


def test_each_workers_caseload_shows_their_hours_running_groups(service: SimpleNamespace) -> None:
    # Wyn One ran two sessions in the last three months (2.5 hours each) and one long before;
    # Wyn Two helped with one of the recent ones.
    from decimal import Decimal

    from careleavers.offer import services as offer_services
    from careleavers.offer.models import GroupActivity

    one, two = service.w1, service.w2
    group = GroupActivity.objects.create(name="Cook and eat", area="health_and_wellbeing")
    for days, run_by in ((10, [one, two]), (40, [one]), (200, [one])):
        offer_services.group_session_create(
            acting_user=one,
            activity=group,
            held_on=timezone.localdate() - datetime.timedelta(days=days),
            run_by=run_by,
            hours=Decimal("2.5"),
        )

    workers = selectors.caseload_rows_of(selectors.caseload_queryset(team_ids=None))

    hours = {row.worker.last_name: row.group_hours for row in workers}
    assert hours["One"] == Decimal("5.0")
    assert hours["Two"] == Decimal("2.5")
    assert hours["Three"] == Decimal(0)


def test_a_page_of_caseload_groups_is_counted_as_the_whole(service: SimpleNamespace) -> None:
    # A worker with no team, and a social worker in B, so that B has both roles.
    from careleavers.casework.tests.factories import AllocationFactory
    from careleavers.people.tests.factories import YoungPersonFactory

    for team in (None, service.b):
        worker = UserFactory(roles=[Role.SOCIAL_WORKER], team=team)
        for _ in range(2):
            AllocationFactory(worker=worker, young_person=YoungPersonFactory())
    every = selectors.caseloads_by_team(team_ids=None)
    groups = selectors.caseload_groups(team_ids=None)
    assert groups == [(row.role, row.team) for row in every]
    assert ("Social worker", "No team") in groups
    for start in range(len(groups)):
        page = groups[start : start + 2]
        assert selectors.caseloads_by_team(team_ids=None, groups=page) == every[start : start + 2]
    team_b = frozenset({service.b.pk})
    assert selectors.caseload_groups(team_ids=team_b) == [
        ("Personal adviser", "B team"),
        ("Social worker", "B team"),
    ]


def test_caseloads_by_team_cost_one_query(
    service: SimpleNamespace, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        selectors.caseloads_by_team(team_ids=None)


def test_supervision_records_visible_to_each_role(service: SimpleNamespace) -> None:
    record = service.records.w1_recent
    assert record in selectors.supervision_records_visible_to(user=service.w1)
    assert record not in selectors.supervision_records_visible_to(user=service.w2)
    assert record in selectors.supervision_records_visible_to(user=service.a.manager)
    assert record not in selectors.supervision_records_visible_to(user=service.b.manager)
    assert record in selectors.supervision_records_visible_to(user=service.head)
    for role in (
        Role.AUDITOR,
        Role.PERFORMANCE_ANALYST,
        Role.ADMINISTRATOR,
        Role.INSPECTOR,
        Role.DUTY_WORKER,
        Role.YOUNG_PERSON,
    ):
        other = UserFactory(roles=[role], team=service.a)
        assert not selectors.supervision_records_visible_to(user=other).exists(), role


def test_workers_supervised_by_a_team_manager_are_their_teams(service: SimpleNamespace) -> None:
    workers = set(selectors.workers_supervised_by(user=service.a.manager))
    assert workers == {service.w1, service.w2, service.w3}
    assert len(selectors.workers_supervised_by(user=service.head)) == 5


@pytest.mark.parametrize("days_back", [0, 60, 400, 800])
def test_the_databases_snapshot_agrees_with_the_figures_definitions(
    service: SimpleNamespace, days_back: int
) -> None:
    day = days_ago(days_back)
    for team_ids in (None, frozenset({service.a.pk}), frozenset({service.b.pk})):
        expected = figures.snapshot(
            day, selectors.post_facts(team_ids), selectors.employment_facts(team_ids)
        )
        assert selectors.workforce_snapshot(team_ids=team_ids, on=day) == expected


def test_the_snapshot_costs_two_queries_whatever_the_number_of_posts(
    service: SimpleNamespace, django_assert_num_queries: Any
) -> None:
    for _ in range(5):
        EmploymentFactory(post=PostFactory(team=service.a))
    with django_assert_num_queries(2):
        selectors.workforce_snapshot(team_ids=None, on=timezone.localdate())


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2024, 8, 31), datetime.date(2025, 2, 28)),
        (datetime.date(2023, 8, 31), datetime.date(2024, 2, 29)),
        (datetime.date(2024, 1, 15), datetime.date(2024, 7, 15)),
    ],
)
def test_the_database_adds_months_as_add_months_does(
    db: None, day: datetime.date, expected: datetime.date
) -> None:
    UserFactory()
    added = (
        User.objects.annotate(later=selectors.AddMonths(Value(day), 6))
        .values_list("later", flat=True)
        .first()
    )
    assert added == expected == add_months(day, 6)


def _worker_started(started: datetime.date, *held: datetime.date) -> Any:
    worker = UserFactory(roles=[Role.SOCIAL_WORKER], team=TeamFactory())
    EmploymentFactory(post=PostFactory(team=worker.team), staff=worker, start=started)
    for day in held:
        SupervisionRecordFactory(worker=worker, supervisor=UserFactory(), held_on=day)
    return worker


@pytest.mark.parametrize("offset", range(-3, 4))
def test_the_database_and_the_policy_agree_around_the_end_of_the_first_months(
    db: None, offset: int
) -> None:
    # Started on 31 August: the first 6 months end on 28 February, where the database's month
    # arithmetic and add_months must both clamp, and a supervision held either side of it is
    # due 14 or 28 days later.
    today = timezone.localdate()
    policy = SupervisionPolicy.current()
    started = datetime.date(today.year - 1, 8, 31)
    held = add_months(started, 6) + datetime.timedelta(days=offset)
    on = held + datetime.timedelta(days=20)
    worker = _worker_started(started, held)
    rows = selectors.supervision_frequency(workers=User.objects.filter(pk=worker.pk), on=on)
    statuses = selectors.supervision_statuses(
        workers=User.objects.filter(pk=worker.pk), on=on, policy=policy
    )
    assert [status.in_time for status in statuses] == [row.in_time for row in rows]
    assert rows[0].in_time == (offset >= 0)  # 14 days after (overdue), or 28 days (in time)


def test_a_worker_never_supervised_with_no_start_is_not_in_time(db: None) -> None:
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=TeamFactory())
    statuses = selectors.supervision_statuses(
        workers=User.objects.filter(pk=worker.pk),
        on=timezone.localdate(),
        policy=SupervisionPolicy.current(),
    )
    assert [status.in_time for status in statuses] == [False]


def test_the_supervision_list_counts_young_people_and_open_actions(
    service: SimpleNamespace,
) -> None:
    record = SupervisionRecordFactory(
        worker=service.w1, supervisor=service.a.manager, young_people=service.w1_people[:2]
    )
    SupervisionActionFactory(record=record, young_person=service.w1_people[0])
    SupervisionActionFactory(record=record, young_person=service.w1_people[1], done_on=days_ago(1))
    rows = selectors.supervision_list_for(user=service.head).filter(pk=record.pk)
    assert [(row.young_people_count, row.actions_open) for row in rows] == [(2, 1)]


def _graded_records_in_python(team_ids: frozenset[int] | None, today: datetime.date) -> Any:
    months = months_up_to(today, 12)
    reviews = selectors.graded_reviews(team_ids=team_ids, since=months[0], until=today)
    return figures.quality_summary(
        (
            figures.GradedRecord(
                held_on=review.record.held_on,
                team=review.record.team.name if review.record.team else "",
                supervisor=review.record.supervisor.get_full_name(),
                grade=review.grade,
            )
            for review in reviews.select_related("record__team", "record__supervisor")
        ),
        months=months,
    )


def test_quality_counted_from_plain_values_agrees_with_the_figures(
    service: SimpleNamespace,
) -> None:
    # More grades: a record with no team, two supervisors with the same name (one row, as the
    # page has always shown them), records held before the 12 months and after today.
    head = service.head
    twins = [UserFactory(first_name="Sam", last_name="Lee", team=service.b) for _ in "ab"]
    for days, team, supervisor, grade in (
        (5, None, twins[0], "reflective"),
        (35, service.b, twins[1], "compliance_led"),
        (65, service.b, twins[0], "reflective"),
        (400, service.b, twins[0], "reflective"),
        (-3, service.a, twins[1], "reflective"),
    ):
        record = SupervisionRecordFactory(
            worker=service.w4, supervisor=supervisor, team=team, held_on=days_ago(days)
        )
        SupervisionReviewFactory(record=record, sampled_by=head, grade=grade, graded_by=head)
    today = timezone.localdate()
    for team_ids in (None, frozenset({service.a.pk}), frozenset({service.b.pk}), frozenset()):
        expected = _graded_records_in_python(team_ids, today)
        assert selectors.supervision_quality(team_ids=team_ids, today=today) == expected
    summary = selectors.supervision_quality(team_ids=None, today=today)
    assert [(row.label, row.graded) for row in summary.by_team] == [
        ("A team", 5),
        ("B team", 2),
        ("No team", 1),
    ]
    assert ("Sam Lee", 3) in [(row.label, row.graded) for row in summary.by_supervisor]


def test_quality_costs_three_queries_whatever_the_number_of_records(
    service: SimpleNamespace, django_assert_num_queries: Any
) -> None:
    for days in range(1, 6):
        SupervisionReviewFactory(
            record=SupervisionRecordFactory(held_on=days_ago(days)),
            sampled_by=service.head,
            grade="reflective",
        )
    with django_assert_num_queries(3):
        selectors.supervision_quality(team_ids=None, today=timezone.localdate())
