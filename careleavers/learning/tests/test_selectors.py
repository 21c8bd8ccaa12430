"""EET reads: constant queries, visibility, the theme counts and rates from the database."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.learning import selectors
from careleavers.learning.activ import ActivityValue, activity_on
from careleavers.learning.models import LearningPolicy, PanelAction
from careleavers.learning.tests.factories import (
    ActivityEpisodeFactory,
    NeetReasonRecordFactory,
    PanelCaseFactory,
    PanelMeetingFactory,
    PepFactory,
    reason,
    young_person_needing_pep,
)
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
D = datetime.date


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


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
    with django_assert_num_queries(5):
        agenda = selectors.panel_agenda_for(user=manager, meeting=meeting)
        for case in agenda.cases:
            list(case.reasons.all())
            list(case.actions.all())
    assert len(agenda.cases) == rows


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
