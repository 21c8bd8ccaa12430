"""What the learning app adds to the work tray, the overview and the chronology."""

from __future__ import annotations

import datetime

import pytest

from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.casework.work_tray import WorkTrayScope
from careleavers.core.tests.days import TODAY
from careleavers.learning.registrations import activity_panel_context, peps_due
from careleavers.learning.tests.factories import (
    ActivityEpisodeFactory,
    NeetReasonRecordFactory,
    PepFactory,
    young_person_needing_pep,
)
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 15])
def test_peps_due_cost_the_same_queries_for_1_or_15(
    rows, make_user, team, django_assert_num_queries
) -> None:
    pa = make_user(Role.PERSONAL_ADVISER, team=team)
    for _ in range(rows):
        young_person = young_person_needing_pep(team=team)
        Allocation.objects.create(young_person=young_person, worker=pa, role="pa", reason="FIRST")
        PepFactory(young_person=young_person, due_on=TODAY + datetime.timedelta(days=5))
        PepFactory(young_person=young_person, due_on=TODAY + datetime.timedelta(days=90))
    pa.role_names  # noqa: B018 - loaded once per request
    scope = WorkTrayScope(user=pa, today=TODAY)
    scope.allocated_ids  # noqa: B018 - found once per work tray, shared by every kind
    with django_assert_num_queries(3):
        items = peps_due(scope)
    assert len(items) == rows
    assert items[0].title.startswith("PEP due")
    assert items[0].worker_name == pa.get_full_name()


def test_a_pep_missed_before_they_turned_18_is_no_longer_work(make_user, team) -> None:
    pa = make_user(Role.PERSONAL_ADVISER, team=team)
    adult = YoungPersonFactory(team=team)  # 19, so no PEP is needed any more
    Allocation.objects.create(young_person=adult, worker=pa, role="pa", reason="FIRST")
    PepFactory(young_person=adult, due_on=TODAY - datetime.timedelta(days=400))
    assert peps_due(WorkTrayScope(user=pa, today=TODAY)) == []


def test_the_overview_panel_shows_the_current_activity_and_open_reasons(make_user) -> None:
    young_person = YoungPersonFactory()
    ActivityEpisodeFactory(young_person=young_person, activ="G5")
    NeetReasonRecordFactory(young_person=young_person)
    context = activity_panel_context(young_person=young_person, user=make_user(Role.AUDITOR))
    rows = {row["key"]: row["value"] for row in context["rows"]}
    assert rows["Current activity"] == (
        "Not in education, employment or training: other circumstances (G5)"
    )
    assert rows["Reasons not in education, employment or training"] == ["Confidence"]


def test_the_overview_panel_never_invents_an_activity(make_user) -> None:
    context = activity_panel_context(
        young_person=YoungPersonFactory(), user=make_user(Role.AUDITOR)
    )
    assert context["rows"] == [{"key": "Current activity", "value": None}]
