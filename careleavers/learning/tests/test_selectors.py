"""EET reads: constant queries, visibility, the theme counts and rates from the database."""

from __future__ import annotations

import datetime
import random

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.learning import selectors
from careleavers.learning.activ import ActivityValue, activity_on
from careleavers.learning.models import ActionKind, LearningPolicy, NeetReason, PanelAction
from careleavers.learning.pep import MonthCompletion, overall_completion
from careleavers.learning.tests import reference
from careleavers.learning.tests.factories import (
    ActivityEpisodeFactory,
    NeetReasonRecordFactory,
    PanelCaseFactory,
    PanelMeetingFactory,
    PepFactory,
    reason,
    young_person_needing_pep,
)
from careleavers.learning.themes import ReasonDuration
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def manager(make_user, team):
    return make_user(Role.TEAM_MANAGER, team=team)


def _agenda_with(count: int, team, meeting) -> None:
    for _ in range(count):
        case = PanelCaseFactory(meeting=meeting, young_person=YoungPersonFactory(team=team))
        case.reasons.add(reason("confidence"))
        PanelAction.objects.create(
            case=case, kind="course", description="Apply", owner_name="Tutor", due_on=TODAY
        )


@pytest.mark.parametrize("rows", [1, 15])
def test_the_agenda_costs_the_same_queries_for_1_or_15_young_people(
    rows, manager, team, django_assert_num_queries
) -> None:
    meeting = PanelMeetingFactory()
    _agenda_with(rows, team, meeting)
    manager.role_names  # noqa: B018 - load the roles, as the request would have
    # The manager's teams, the count, the page, its reasons and actions, and the whole agenda.
    with django_assert_num_queries(6):
        agenda = selectors.panel_agenda_for(user=manager, meeting=meeting, per_page=10)
        for case in agenda.cases:
            list(case.reasons.all())
            list(case.actions.all())
    assert len(agenda.cases) == min(rows, 10)
    assert agenda.page.paginator.count == rows


def test_the_agenda_names_only_young_people_the_viewer_can_see(manager, team) -> None:
    meeting = PanelMeetingFactory()
    _agenda_with(2, team, meeting)
    PanelCaseFactory(meeting=meeting)  # another team's young person
    agenda = selectors.panel_agenda_for(user=manager, meeting=meeting)
    assert (len(agenda.cases), agenda.hidden) == (2, 1)


@pytest.mark.parametrize("rows", [1, 15])
def test_outstanding_peps_cost_one_query(rows, manager, team, django_assert_num_queries) -> None:
    for _ in range(rows):
        PepFactory(young_person=young_person_needing_pep(team=team), due_on=days_ago(3))
    manager.role_names  # noqa: B018
    list(manager.managed_teams.all())
    with django_assert_num_queries(2):  # the manager's teams, then the plans
        peps = list(
            selectors.peps_outstanding_visible_to(user=manager, today=TODAY, within_days=21)
        )
        [pep.young_person.display_name for pep in peps]
    assert len(peps) == rows


@pytest.mark.parametrize("rows", [1, 15])
def test_activity_values_for_many_cost_one_query(rows, django_assert_num_queries) -> None:
    people = [YoungPersonFactory() for _ in range(rows)]
    for person in people:
        ActivityEpisodeFactory(
            young_person=person, activ="F5", start=days_ago(100), end=days_ago(50)
        )
        ActivityEpisodeFactory(young_person=person, activ="G5", start=days_ago(49))
    from careleavers.people.models import YoungPerson

    with django_assert_num_queries(1):
        values = selectors.activity_values_for(YoungPerson.objects.all())
    assert len(values) == rows
    main = activity_on(values[people[0].pk], days_ago(60))
    assert main is not None
    assert main.activ == "F5"
    with django_assert_num_queries(1):
        by_id = selectors.activity_values_for([person.pk for person in people])
    assert by_id == values


def test_activity_values_leave_out_activities_recorded_in_error() -> None:
    person = YoungPersonFactory()
    ActivityEpisodeFactory(young_person=person, activ="F2", start=D(2024, 9, 1))
    ActivityEpisodeFactory(
        young_person=person,
        activ="G5",
        start=D(2024, 9, 1),
        archived_at=timezone.now(),
        archive_reason="Wrong person",
    )
    assert selectors.activity_values_for([person.pk]) == {
        person.pk: (ActivityValue("F2", D(2024, 9, 1), None, False),)
    }


def test_starting_higher_education_is_a_recorded_fact() -> None:
    student = YoungPersonFactory()
    ActivityEpisodeFactory(
        young_person=student, activ="F2", start=D(2023, 9, 1), end=D(2024, 7, 20)
    )
    ActivityEpisodeFactory(young_person=student, activ="F1", start=D(2024, 9, 23))
    ActivityEpisodeFactory(young_person=student, activ="P1", start=D(2025, 9, 22))
    other = YoungPersonFactory()
    ActivityEpisodeFactory(young_person=other, activ="F4")
    assert selectors.higher_education_started_on(young_person=student) == D(2024, 9, 23)
    assert selectors.higher_education_started_on(young_person=other) is None
    assert selectors.higher_education_starts([student.pk, other.pk]) == {
        student.pk: D(2024, 9, 23)
    }


def test_theme_counts_on_a_known_dataset() -> None:
    """Two meetings last month and this month: reasons and actions counted by meeting month."""
    this_month = TODAY.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    first = PanelMeetingFactory(held_on=last_month + datetime.timedelta(days=9))
    second = PanelMeetingFactory(held_on=this_month)
    ann, ben, cat = YoungPersonFactory(), YoungPersonFactory(), YoungPersonFactory()
    for meeting, person, codes in [
        (first, ann, ["mental-health", "unstable-housing"]),
        (first, ben, ["mental-health"]),
        (second, ann, ["mental-health"]),
        (second, cat, ["pregnancy-parenting"]),
    ]:
        case = PanelCaseFactory(meeting=meeting, young_person=person)
        case.reasons.add(*[reason(code) for code in codes])
        PanelAction.objects.create(
            case=case, kind="health", description="Refer", owner_name="GP", due_on=TODAY
        )
    # Ann has been NEET for 50 days with mental health recorded.
    ActivityEpisodeFactory(young_person=ann, activ="G4", start=days_ago(49))
    NeetReasonRecordFactory(
        young_person=ann, reason=reason("mental-health"), identified_on=days_ago(40)
    )

    summary = selectors.theme_summary(today=TODAY)

    assert summary.meetings == 2
    assert summary.young_people[-2:] == [2, 2]
    by_reason = {row.key: row for row in summary.reasons}
    assert by_reason["mental-health"].counts[-2:] == [2, 1]
    assert by_reason["mental-health"].label == "Mental health"
    assert by_reason["unstable-housing"].counts[-2:] == [1, 0]
    assert by_reason["pregnancy-parenting"].counts[-2:] == [0, 1]
    assert summary.reasons[0].key == "mental-health"  # the most often, first
    assert [(row.key, row.counts[-2:]) for row in summary.actions] == [("health", [2, 2])]
    assert [(d.label, d.row.median_days, d.row.still_neet) for d in summary.durations] == [
        ("Mental health", 50, 1)
    ]


def test_on_the_fifth_of_a_month_the_themes_compare_complete_months_only() -> None:
    # One young person with the same reason at each of the last six monthly meetings, and the
    # first days of this month with no meeting yet: the trend is steady, not falling, and this
    # month is labelled as partial.
    today = D(2026, 12, 5)
    for months_back in range(1, 7):
        month = datetime.date(2026, 12 - months_back, 10)
        case = PanelCaseFactory(meeting=PanelMeetingFactory(held_on=month))
        case.reasons.add(reason("mental-health"))

    summary = selectors.theme_summary(today=today)

    row = {row.key: row for row in summary.reasons}["mental-health"]
    assert row.counts[-7:] == [1, 1, 1, 1, 1, 1, 0]
    assert row.trend == "No change"
    assert summary.month_labels[-1] == "Dec 2026 so far"
    assert summary.month_labels[-2] == "Nov 2026"


def test_pep_completion_from_the_database() -> None:
    month_start = TODAY.replace(day=1)
    PepFactory(due_on=month_start, completed_on=month_start)
    PepFactory(due_on=month_start, completed_on=None)
    PepFactory(due_on=month_start, not_required_on=month_start)  # not counted
    rows = selectors.pep_completion(today=TODAY)
    assert len(rows) == 12
    assert (rows[-1].due, rows[-1].on_time, rows[-1].rate) == (2, 1, 50.0)


def test_eet_rates_count_relevant_and_former_relevant_young_people_by_age() -> None:
    def aged(years: int, category: str = "former_relevant"):
        born = TODAY.replace(year=TODAY.year - years) - datetime.timedelta(days=20)
        return YoungPersonFactory(date_of_birth=born, category=category)

    ActivityEpisodeFactory(young_person=aged(19), activ="F5")
    ActivityEpisodeFactory(young_person=aged(20), activ="G5")
    aged(20)  # nothing recorded: counted, not known
    ActivityEpisodeFactory(young_person=aged(19, "qualifying"), activ="F5")  # not in the cohort
    ActivityEpisodeFactory(young_person=aged(17, "relevant"), activ="F2")
    policy = LearningPolicy.current()
    policy.eet_target_19_21_percent = 40
    policy.save()

    bands = {band.rate.band.key: band for band in selectors.eet_rates_on(on=TODAY)}

    assert (bands["19-21"].rate.cohort, bands["19-21"].rate.eet) == (3, 1)
    assert bands["19-21"].rate.eet_rate == 33.3
    assert bands["19-21"].target == 40
    assert bands["19-21"].meets_target is False
    assert bands["19-21"].national is not None
    assert bands["17-18"].rate.eet_rate == 100.0
    assert bands["22-25"].rate.cohort == 0
    assert bands["22-25"].meets_target is None


# The figures counted by the database are the figures the records give one by one ------------

# Mostly NEET and not known, so that several often cover the same day.
ACTIVITIES = ["F1", "P2", "F4", "P5", "G4", "G5", "G6", "G4", "G5", "G6", "0", "0"]


def _ended_or_not(
    rng: random.Random, start: datetime.date, *, still_open: float
) -> datetime.date | None:
    """No end, by the chance `still_open`, or an end up to 300 days after `start`."""
    if rng.random() < still_open:
        return None
    return start + datetime.timedelta(days=rng.randint(0, 300))


def _a_council(seed: int, today: datetime.date, people: int = 40) -> None:
    """Young people of every age and category, some archived, with overlapping, touching and
    archived activities, NEET reasons opened and resolved, and twelve months of panels."""

    rng = random.Random(seed)
    reasons = list(NeetReason.objects.all())
    meetings = [
        PanelMeetingFactory(held_on=today - datetime.timedelta(days=28 * months_back + 3))
        for months_back in range(14)
    ]
    meetings.append(PanelMeetingFactory(held_on=today + datetime.timedelta(days=10)))
    archived = {"archived_at": timezone.now(), "archive_reason": "Recorded in error"}
    for index in range(people):
        born = today - datetime.timedelta(days=rng.randint(15 * 365, 27 * 365))
        if index % 13 == 0:
            born = D(2004, 2, 29)
        person = YoungPersonFactory(
            date_of_birth=born,
            category=rng.choice(["relevant", "former_relevant", "qualifying", "eligible"]),
            **(archived if rng.random() < 0.05 else {}),
        )
        start, end = today - datetime.timedelta(days=rng.randint(0, 900)), None
        for _ in range(rng.randint(0, 6)):
            # The next starts the day after the last ended, overlaps it, starts the same day,
            # or starts anywhere.
            way = rng.choice(["touching", "overlapping", "same day", "anywhere"])
            if way == "touching" and end is not None:
                start = end + datetime.timedelta(days=1)
            elif way == "overlapping":
                start = start + datetime.timedelta(days=rng.randint(1, 30))
            elif way == "anywhere":
                start = today - datetime.timedelta(days=rng.randint(0, 900))
            end = _ended_or_not(rng, start, still_open=0.35)
            ActivityEpisodeFactory(
                young_person=person,
                activ=rng.choice(ACTIVITIES),
                start=start,
                end=end,
                **(archived if rng.random() < 0.1 else {}),
            )
        for reason_ in rng.sample(reasons, rng.randint(0, 3)):
            identified = today - datetime.timedelta(days=rng.randint(0, 900))
            resolved = _ended_or_not(rng, identified, still_open=0.4)
            NeetReasonRecordFactory(
                young_person=person,
                reason=reason_,
                identified_on=identified,
                resolved_on=resolved,
                **(archived if rng.random() < 0.1 else {}),
            )
        for meeting in rng.sample(meetings, rng.randint(0, 4)):
            case = PanelCaseFactory(meeting=meeting, young_person=person)
            case.reasons.add(*rng.sample(reasons, rng.randint(0, 3)))
            for _ in range(rng.randint(0, 2)):
                PanelAction.objects.create(
                    case=case,
                    kind=rng.choice(ActionKind.values),
                    description="Agreed",
                    owner_name="Tutor",
                    due_on=today,
                )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_themes_are_the_figures_the_records_give_one_by_one(seed) -> None:
    _a_council(seed, TODAY)
    summary = selectors.theme_summary(today=TODAY)
    assert summary == reference.theme_summary(today=TODAY)
    assert summary.reasons
    assert summary.actions
    assert summary.durations


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_eet_rates_are_the_figures_the_records_give_one_by_one(seed) -> None:
    _a_council(seed, TODAY, people=60)
    rates = [band.rate for band in selectors.eet_rates_on(on=TODAY)]
    assert rates == reference.eet_rates_on(on=TODAY)
    assert all(rate.cohort for rate in rates)


@pytest.mark.parametrize("seed", [1, 2])
def test_on_sqlite_the_themes_and_rates_are_worked_out_in_python_to_the_same_figures(
    seed, monkeypatch
) -> None:
    """A new user's demo runs on SQLite, which cannot run the PostgreSQL queries: there the
    figures come from the records in Python (figures_in_python.py), and must be the same."""

    _a_council(seed, TODAY, people=60)
    counted = selectors.theme_summary(today=TODAY), selectors.eet_rates_on(on=TODAY)
    monkeypatch.setattr(connection, "vendor", "sqlite")
    cache.clear()  # the durations are kept for the day: work them out again, the other way
    assert (selectors.theme_summary(today=TODAY), selectors.eet_rates_on(on=TODAY)) == counted
    assert counted[0].durations


@pytest.mark.parametrize("people", [1, 12])
def test_the_themes_and_rates_cost_the_same_queries_for_1_or_12_young_people(
    people, django_assert_num_queries, settings
) -> None:
    # A cache outside the database, as in production (Redis), so that only the figures' own
    # queries are counted.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()  # a process's memory cache outlives each test
    _a_council(people, TODAY, people=people)
    LearningPolicy.current()
    # SQLite (the laptop demo's database) reads the records the figures come from and works
    # the durations and the counts by band out in Python: one query more for each.
    in_python = 0 if connection.vendor == "postgresql" else 1
    # The months, the reasons' labels, the young people, reasons and actions by month, the
    # durations and the meetings.
    with django_assert_num_queries(7 + in_python):
        selectors.theme_summary(today=TODAY)
    # The durations are kept for the day.
    with django_assert_num_queries(6):
        selectors.theme_summary(today=TODAY)
    with django_assert_num_queries(2 + in_python):  # the counts by band and status, the policy
        selectors.eet_rates_on(on=TODAY)


def _reason(young_person, code: str, identified_on, resolved_on=None):
    """A NEET reason recorded for them, by the reason's code."""
    return NeetReasonRecordFactory(
        young_person=young_person,
        reason=reason(code),
        identified_on=identified_on,
        resolved_on=resolved_on,
    )


def test_which_reasons_keep_young_people_neet_longest() -> None:
    today = D(2025, 1, 31)
    ann, ben, cat = YoungPersonFactory(), YoungPersonFactory(), YoungPersonFactory()
    # Ann: 100 days NEET with mental health; then 31 days (ongoing) with mental health again.
    ActivityEpisodeFactory(young_person=ann, activ="G4", start=D(2024, 1, 1), end=D(2024, 4, 9))
    ActivityEpisodeFactory(young_person=ann, activ="F2", start=D(2024, 4, 10), end=D(2024, 12, 31))
    ActivityEpisodeFactory(young_person=ann, activ="G5", start=D(2025, 1, 1))
    _reason(ann, "mental-health", D(2024, 1, 5), resolved_on=D(2024, 4, 9))
    _reason(ann, "mental-health", D(2025, 1, 2))
    # Ben: 366 days NEET (2024 is a leap year), as G5 then G6 the day after, with housing and
    # mental health.
    ActivityEpisodeFactory(young_person=ben, activ="G5", start=D(2024, 1, 1), end=D(2024, 5, 31))
    ActivityEpisodeFactory(young_person=ben, activ="G6", start=D(2024, 6, 1), end=D(2024, 12, 31))
    _reason(ben, "unstable-housing", D(2024, 1, 1), resolved_on=D(2024, 12, 31))
    _reason(ben, "mental-health", D(2024, 6, 1), resolved_on=D(2024, 12, 31))
    # Cat: a reason recorded outside any NEET spell counts for nothing.
    ActivityEpisodeFactory(young_person=cat, activ="G5", start=D(2024, 1, 1), end=D(2024, 1, 31))
    _reason(cat, "confidence", D(2024, 3, 1))
    # Dev: a reason recorded on the last day of a spell counts for it.
    dev = YoungPersonFactory()
    ActivityEpisodeFactory(young_person=dev, activ="G5", start=D(2024, 3, 1), end=D(2024, 3, 31))
    _reason(dev, "confidence", D(2024, 3, 31))

    assert selectors.neet_duration_by_reason(today=today) == [
        ReasonDuration(
            "unstable-housing",
            young_people=1,
            spells=1,
            median_days=366,
            longest_days=366,
            still_neet=0,
        ),
        ReasonDuration(
            "mental-health",
            young_people=2,
            spells=3,
            median_days=100,
            longest_days=366,
            still_neet=1,
        ),
        ReasonDuration(
            "confidence", young_people=1, spells=1, median_days=31, longest_days=31, still_neet=0
        ),
    ]


def test_the_durations_are_kept_for_the_day_and_worked_out_again_the_next() -> None:
    today = D(2025, 1, 31)
    ann = YoungPersonFactory()
    ActivityEpisodeFactory(young_person=ann, activ="G5", start=D(2024, 12, 1), end=D(2024, 12, 31))
    NeetReasonRecordFactory(
        young_person=ann, reason=reason("confidence"), identified_on=D(2024, 12, 1)
    )
    labels = selectors.theme_reason_labels()
    first = selectors.duration_rows(labels, today=today)
    assert [(row.row.reason, row.row.young_people) for row in first.rows] == [("confidence", 1)]

    ben = YoungPersonFactory()
    ActivityEpisodeFactory(young_person=ben, activ="G6", start=D(2025, 1, 2), end=D(2025, 1, 3))
    NeetReasonRecordFactory(
        young_person=ben, reason=reason("confidence"), identified_on=D(2025, 1, 2)
    )
    # Later the same day: the figures and the time they were worked out stay as they were.
    assert selectors.duration_rows(labels, today=today) == first
    # The next day counts Ben.
    following = selectors.duration_rows(labels, today=today + datetime.timedelta(days=1))
    assert [(row.row.reason, row.row.young_people) for row in following.rows] == [
        ("confidence", 2)
    ]
    assert following.worked_out_at >= first.worked_out_at


def test_eet_rates_count_everyone_in_the_band_including_not_known() -> None:
    on = D(2025, 6, 1)

    def born(day: datetime.date, *activities: str) -> None:
        person = YoungPersonFactory(date_of_birth=day, category="former_relevant")
        for code in activities:
            ActivityEpisodeFactory(young_person=person, activ=code, start=D(2025, 1, 1))

    born(D(2007, 5, 1), "F2")  # 18: EET
    born(D(2007, 6, 2), "G5")  # 17 (18 tomorrow): NEET
    born(D(2005, 1, 1), "F5", "G5")  # 20: EET, the main activity of the two
    born(D(2005, 1, 1), "P4")  # 20: EET
    born(D(2004, 6, 1))  # 21 today: not known
    born(D(2003, 6, 2), "G6")  # 21 (22 tomorrow): NEET
    born(D(2000, 1, 1), "F1")  # 25: EET
    born(D(1999, 1, 1), "F1")  # 26: outside every band
    born(D(2009, 1, 1), "F2")  # 16: outside every band

    rows = {band.rate.band.key: band.rate for band in selectors.eet_rates_on(on=on)}

    assert (rows["17-18"].cohort, rows["17-18"].eet, rows["17-18"].neet) == (2, 1, 1)
    assert rows["17-18"].eet_rate == 50.0
    assert (
        rows["19-21"].cohort,
        rows["19-21"].eet,
        rows["19-21"].neet,
        rows["19-21"].not_known,
    ) == (4, 2, 1, 1)
    assert (rows["22-25"].cohort, rows["22-25"].eet_rate) == (1, 100.0)


def test_staff_are_found_by_email_or_full_name_in_any_case(make_user, team) -> None:
    alex = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Alex", last_name="Kerr")
    make_user(Role.PERSONAL_ADVISER, team=team, first_name="Sam", last_name="Kerr")
    make_user(Role.PERSONAL_ADVISER, first_name="Gone", last_name="Away", is_active=False)
    young_person_user = make_user(Role.YOUNG_PERSON, first_name="Young", last_name="Person")

    assert selectors.staff_named("alex kerr") == [alex]
    assert selectors.staff_named(alex.email.upper()) == [alex]
    assert selectors.staff_named("Kerr") == []
    assert selectors.staff_named("Gone Away") == []
    assert selectors.staff_named(young_person_user.get_full_name()) == []
    make_user(Role.SOCIAL_WORKER, first_name="Alex", last_name="Kerr")
    assert len(selectors.staff_named("Alex Kerr")) == 2


def test_pep_completion_on_a_known_dataset() -> None:
    today = D(2025, 11, 20)
    for due_on, completed_on in [
        # October: 4 due; 2 on time (one on the day), 1 late, 1 not done.
        (D(2025, 10, 13), D(2025, 10, 1)),
        (D(2025, 10, 13), D(2025, 10, 13)),
        (D(2025, 10, 13), D(2025, 10, 20)),
        (D(2025, 10, 13), None),
        # November: one due already (on time); one due later this month, not counted yet; one
        # recorded as completed after today (a mistake), so not yet done.
        (D(2025, 11, 3), D(2025, 11, 1)),
        (D(2025, 11, 28), None),
        (D(2025, 11, 10), D(2025, 11, 25)),
        # Before the twelve months.
        (D(2024, 11, 13), None),
    ]:
        PepFactory(due_on=due_on, completed_on=completed_on)

    rows = selectors.pep_completion(today=today)

    assert len(rows) == 12
    assert rows[-3:] == [
        MonthCompletion(2025, 9, due=0, on_time=0, late=0, outstanding=0),
        MonthCompletion(2025, 10, due=4, on_time=2, late=1, outstanding=1),
        MonthCompletion(2025, 11, due=2, on_time=1, late=0, outstanding=1),
    ]
    assert [row.rate for row in rows[-3:]] == [None, 50.0, 50.0]
    overall = overall_completion(rows)
    assert overall is not None
    assert (overall.due, overall.on_time, overall.rate) == (6, 3, 50.0)
    assert rows[-2].label == "October 2025"


@pytest.mark.parametrize("seed", [1, 2])
def test_pep_completion_is_the_figures_the_plans_give_one_by_one(seed) -> None:

    rng = random.Random(seed)
    for _ in range(60):
        due_on = TODAY - datetime.timedelta(days=rng.randint(-30, 420))
        completed_on = (
            None if rng.random() < 0.3 else due_on + datetime.timedelta(days=rng.randint(-40, 40))
        )
        not_required = due_on if rng.random() < 0.1 else None
        PepFactory(due_on=due_on, completed_on=completed_on, not_required_on=not_required)

    rows = selectors.pep_completion(today=TODAY)

    assert rows == reference.pep_completion(today=TODAY)
    assert sum(row.due for row in rows) > 0
    for row in rows:
        assert row.due == row.on_time + row.late + row.outstanding


@pytest.mark.parametrize("plans", [1, 15])
def test_pep_completion_costs_one_query(plans, django_assert_num_queries) -> None:
    for _ in range(plans):
        PepFactory(due_on=days_ago(20))
    with django_assert_num_queries(1):
        selectors.pep_completion(today=TODAY)
