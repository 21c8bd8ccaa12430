"""The figures and lists, over a small dataset whose answers are counted by hand."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.dates import add_months, month_start
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality import selectors
from careleavers.quality.models import AuditModeration
from careleavers.quality.tests.factories import (
    AuditActionFactory,
    AuditTargetFactory,
    CaseAuditFactory,
    OversightEntryFactory,
    YoungPersonFeedbackFactory,
)

pytestmark = pytest.mark.django_db

THIS_MONTH = month_start(TODAY)
LAST_MONTH = add_months(THIS_MONTH, -1)


@pytest.fixture
def data() -> SimpleNamespace:
    """Two teams. This month: North's target 2, South's 3; North completed 1 (good), South
    completed 2 (inadequate; good moderated to requires improvement). Last month: North's
    target 4, North completed 1 (outstanding). One audit in progress (not counted), one
    completed audit archived (not counted)."""
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    AuditTargetFactory(team=north, month=THIS_MONTH, target=2)
    AuditTargetFactory(team=south, month=THIS_MONTH, target=3)
    AuditTargetFactory(team=north, month=LAST_MONTH, target=4)

    def person(team: Any) -> Any:
        return YoungPersonFactory(team=team)

    north_good = CaseAuditFactory(
        young_person=person(north), completed_on=TODAY, grade="good", themes=("voice", "visits")
    )
    south_bad = CaseAuditFactory(
        young_person=person(south), completed_on=TODAY, grade="inadequate", themes=("voice",)
    )
    south_moderated = CaseAuditFactory(
        young_person=person(south),
        completed_on=THIS_MONTH,
        grade="good",
        themes=("voice", "contingency"),
    )
    AuditModeration.objects.create(
        audit=south_moderated,
        moderator=UserFactory(roles=[Role.AUDITOR]),
        agrees=False,
        grade="requires_improvement",
        reason="Out of date",
    )
    south_moderated.final_grade = "requires_improvement"
    south_moderated.save()
    north_last_month = CaseAuditFactory(
        young_person=person(north),
        completed_on=LAST_MONTH,
        grade="outstanding",
        themes=("contingency",),
    )
    CaseAuditFactory(young_person=person(north))  # in progress
    archived = CaseAuditFactory(young_person=person(north), completed_on=TODAY, grade="good")
    archived.archived_at = timezone.now()
    archived.save()
    return SimpleNamespace(
        north=north,
        south=south,
        north_good=north_good,
        south_bad=south_bad,
        south_moderated=south_moderated,
        north_last_month=north_last_month,
    )


# The figures insight calls ----------------------------------------------------------------


def test_audit_completion_for_the_service_this_month(data: SimpleNamespace) -> None:
    assert selectors.audit_completion(month=TODAY, team_ids=None) == (3, 5)


def test_audit_completion_for_one_team(data: SimpleNamespace) -> None:
    north = frozenset({data.north.pk})
    assert selectors.audit_completion(month=TODAY, team_ids=north) == (1, 2)
    assert selectors.audit_completion(month=LAST_MONTH, team_ids=north) == (1, 4)


def test_audit_completion_with_no_target(data: SimpleNamespace) -> None:
    south = frozenset({data.south.pk})
    assert selectors.audit_completion(month=LAST_MONTH, team_ids=south) == (0, 0)


def test_grade_counts_use_the_moderated_grade(data: SimpleNamespace) -> None:
    counts = selectors.audit_grade_counts(start=THIS_MONTH, end=TODAY)
    assert counts == {
        "outstanding": 0,
        "good": 1,
        "requires_improvement": 1,
        "inadequate": 1,
    }
    assert list(counts) == ["outstanding", "good", "requires_improvement", "inadequate"]


def test_grade_counts_over_a_period_and_team(data: SimpleNamespace) -> None:
    counts = selectors.audit_grade_counts(
        start=LAST_MONTH, end=TODAY, team_ids=frozenset({data.north.pk})
    )
    assert counts == {"outstanding": 1, "good": 1, "requires_improvement": 0, "inadequate": 0}


def test_themes_are_counted_most_frequent_first(data: SimpleNamespace) -> None:
    assert selectors.audit_themes(start=LAST_MONTH, end=TODAY) == [
        ("Voice of the young person", 3),
        ("Contingency planning", 2),
        ("Timeliness of visits and contact", 1),
    ]


def test_themes_for_one_team_this_month(data: SimpleNamespace) -> None:
    assert selectors.audit_themes(
        start=THIS_MONTH, end=TODAY, team_ids=frozenset({data.south.pk})
    ) == [("Voice of the young person", 2), ("Contingency planning", 1)]


def test_the_figures_cost_a_fixed_number_of_queries(
    data: SimpleNamespace, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(2):
        selectors.audit_completion(month=TODAY, team_ids=None)
    with django_assert_max_num_queries(1):
        selectors.audit_grade_counts(start=LAST_MONTH, end=TODAY)
    with django_assert_max_num_queries(1):
        selectors.audit_themes(start=LAST_MONTH, end=TODAY)


# The programme page -----------------------------------------------------------------------


def test_completion_by_team_lists_every_team(data: SimpleNamespace) -> None:
    rows = {
        row.label: (row.completed, row.target) for row in selectors.completion_by_team(month=TODAY)
    }
    assert rows["North"] == (1, 2)
    assert rows["South"] == (2, 3)


def test_completion_by_month(data: SimpleNamespace, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(2):
        rows = selectors.completion_by_month(months=[LAST_MONTH, THIS_MONTH])
    assert [(row.month, row.completed, row.target) for row in rows] == [
        (LAST_MONTH, 1, 4),
        (THIS_MONTH, 3, 5),
    ]


# Who sees which audits ----------------------------------------------------------------------


def test_a_team_manager_sees_their_teams_audits_only(data: SimpleNamespace) -> None:
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=data.north)
    visible = set(selectors.audits_visible_to(user=manager))
    assert data.north_good in visible
    assert data.south_bad not in visible


def test_an_auditor_sees_every_audit_but_restricted_records(data: SimpleNamespace) -> None:
    restricted = CaseAuditFactory(
        young_person=YoungPersonFactory(team=data.north, is_restricted=True)
    )
    visible = set(selectors.audits_visible_to(user=UserFactory(roles=[Role.AUDITOR])))
    assert {data.north_good, data.south_bad, data.south_moderated} <= visible
    assert restricted not in visible


def test_a_personal_adviser_sees_no_audits(data: SimpleNamespace) -> None:
    pa = UserFactory(roles=[Role.PERSONAL_ADVISER], team=data.north)
    assert not selectors.audits_visible_to(user=pa).exists()


def test_the_audit_list_filters_by_theme_and_moderation(data: SimpleNamespace) -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    by_theme = selectors.audit_list_visible_to(
        user=head, filters=selectors.AuditFilters(theme="contingency")
    )
    assert set(by_theme) == {data.south_moderated, data.north_last_month}
    to_moderate = selectors.audit_list_visible_to(
        user=head, filters=selectors.AuditFilters(status="to_moderate")
    )
    assert data.south_moderated not in set(to_moderate)
    assert data.south_bad in set(to_moderate)


def test_the_audit_list_costs_one_query(
    data: SimpleNamespace, django_assert_max_num_queries: Any
) -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    head.role_names  # noqa: B018 - load the roles first
    with django_assert_max_num_queries(1):
        audits = list(selectors.audit_list_visible_to(user=head))
        for audit in audits:
            str(audit.worker), audit.team, audit.auditor.get_full_name()
            getattr(audit, "moderation", None)
    assert len(audits) == 5


# Actions ---------------------------------------------------------------------------------------


def test_a_worker_sees_only_their_own_actions() -> None:
    team = TeamFactory()
    person = YoungPersonFactory(team=team)
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    AllocationFactory(young_person=person, worker=worker)
    audit = CaseAuditFactory(young_person=person, completed_on=TODAY)
    mine = AuditActionFactory(audit=audit, assignee=worker)
    AuditActionFactory(audit=audit, assignee=UserFactory(roles=[Role.TEAM_MANAGER], team=team))
    assert list(selectors.actions_visible_to(user=worker, today=TODAY)) == [mine]


def test_a_team_manager_sees_all_actions_on_their_teams_audits() -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    actions = [AuditActionFactory(audit=audit), AuditActionFactory(audit=audit, assignee=manager)]
    AuditActionFactory()  # another team's
    assert set(selectors.actions_visible_to(user=manager, today=TODAY)) == set(actions)


def test_actions_of_audits_in_progress_are_not_listed() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    AuditActionFactory(audit=CaseAuditFactory())
    assert not selectors.actions_visible_to(user=head, today=TODAY).exists()


def test_overdue_and_done_actions() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    overdue = AuditActionFactory(due_on=days_ago(2))
    done = AuditActionFactory(done_on=days_ago(1), done_note="Done")
    AuditActionFactory()
    assert list(selectors.actions_visible_to(user=head, state="overdue", today=TODAY)) == [overdue]
    assert list(selectors.actions_visible_to(user=head, state="done", today=TODAY)) == [done]
    assert selectors.actions_visible_to(user=head, state="open", today=TODAY).count() == 2


def test_the_audit_list_is_in_the_order_of_its_index() -> None:
    """The audit list's first page is read from the index in its order (at 100,000 young
    people, sorting every audit took 200 ms): the two must stay the same."""
    from careleavers.quality.models import CaseAudit

    [index] = [i for i in CaseAudit._meta.indexes if i.name == "quality_audit_list_order"]
    order = selectors.audit_list_visible_to(user=UserFactory()).query.order_by
    assert [field.replace("-pk", "-id") for field in order] == index.fields


# Oversight --------------------------------------------------------------------------------------


@pytest.fixture
def oversight() -> SimpleNamespace:
    """North: recent (10 days), old (5 months), never, and an archived recent entry only.
    South: recent."""
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    recent = YoungPersonFactory(team=north, last_name="Recent")
    old = YoungPersonFactory(team=north, last_name="Old")
    never = YoungPersonFactory(team=north, last_name="Never")
    archived_only = YoungPersonFactory(team=north, last_name="Archived")
    south_recent = YoungPersonFactory(team=south)
    OversightEntryFactory(young_person=recent, recorded_on=days_ago(10))
    OversightEntryFactory(young_person=recent, recorded_on=days_ago(200))
    OversightEntryFactory(young_person=old, recorded_on=add_months(TODAY, -5))
    gone = OversightEntryFactory(young_person=archived_only, recorded_on=days_ago(3))
    gone.archived_at = timezone.now()
    gone.save()
    OversightEntryFactory(young_person=south_recent, recorded_on=days_ago(60))
    return SimpleNamespace(north=north, south=south, recent=recent, old=old, never=never)


def test_oversight_counts_by_team(oversight: SimpleNamespace) -> None:
    counts = selectors.oversight_counts(on=TODAY, months=3)
    assert counts == {oversight.north.pk: (1, 4), oversight.south.pk: (1, 1)}


def test_oversight_counts_follow_the_policy_and_the_teams(oversight: SimpleNamespace) -> None:
    counts = selectors.oversight_counts(
        on=TODAY, months=6, team_ids=frozenset({oversight.north.pk})
    )
    assert counts == {oversight.north.pk: (2, 4)}
    assert selectors.oversight_counts(on=TODAY)[oversight.north.pk] == (1, 4)  # default 3


def test_oversight_at_exactly_the_limit_counts(oversight: SimpleNamespace) -> None:
    person = YoungPersonFactory(team=oversight.south)
    OversightEntryFactory(young_person=person, recorded_on=add_months(TODAY, -3))
    assert selectors.oversight_counts(on=TODAY, months=3)[oversight.south.pk] == (2, 2)


def test_without_oversight_lists_never_first_then_oldest(
    oversight: SimpleNamespace, django_assert_max_num_queries: Any
) -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    head.role_names  # noqa: B018
    with django_assert_max_num_queries(1):
        rows = [
            (person.last_name, person.last_oversight_on, person.team.name)
            for person in selectors.without_oversight_visible_to(
                user=head, on=TODAY, months=3, team_id=oversight.north.pk
            )
        ]
    assert [name for name, _, _ in rows] == ["Archived", "Never", "Old"]
    assert rows[2][1] == add_months(TODAY, -5)


def test_oversight_by_team_for_a_team_manager(oversight: SimpleNamespace) -> None:
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=oversight.north)
    rows = selectors.oversight_by_team_visible_to(user=manager, on=TODAY, months=3)
    assert [(row.team_name, row.cases, row.with_oversight) for row in rows] == [("North", 4, 1)]


# Feedback ---------------------------------------------------------------------------------------


def test_recent_feedback_follows_the_policy() -> None:
    person = YoungPersonFactory()
    recent = YoungPersonFeedbackFactory(young_person=person, given_on=days_ago(89))
    YoungPersonFeedbackFactory(young_person=person, given_on=days_ago(91))
    assert list(selectors.recent_feedback_for(young_person=person, today=TODAY)) == [recent]


def test_feedback_between_dates() -> None:
    inside = YoungPersonFeedbackFactory(given_on=datetime.date(2026, 3, 1))
    YoungPersonFeedbackFactory(given_on=datetime.date(2026, 4, 1))
    found = selectors.feedback_between(
        start=datetime.date(2026, 3, 1), end=datetime.date(2026, 3, 31)
    )
    assert list(found) == [inside]
