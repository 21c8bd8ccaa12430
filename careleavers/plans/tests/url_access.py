"""Access to pathway planning pages, for every role (see core/tests/test_url_access.py).

The test world has two young people in the world team. The first has plan 1 authorised (not
yet shared), plan 2 being written (with an action and a goal), a needs assessment in progress
and an open request for a review. The second has a plan submitted by a personal adviser from
outside the world, waiting for a manager.

Personal advisers and social workers write plans, managers write and authorise, and every other
staff role that can open the record reads. Young people and administrators get nothing here.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from careleavers.core.access import REDIRECT, UrlCase, expect
from careleavers.core.tests.record_access import record_read
from careleavers.core.tests.roles import HOS, MANAGERS, PA, SW, TM

WRITERS = [PA, SW, TM, HOS]


def extend_world(world: Any) -> None:
    from careleavers.accounts.tests.factories import UserFactory
    from careleavers.people.tests.factories import YoungPersonFactory
    from careleavers.plans import services
    from careleavers.plans.models import PlanState
    from careleavers.plans.tests.factories import make_plan

    pa, manager = world.users[PA], world.users[TM]
    first = YoungPersonFactory(team=world.team, category="eligible")
    in_force = make_plan(first, state=PlanState.AUTHORISED, writer=pa, manager=manager)
    draft = make_plan(first, writer=pa)
    action = services.plan_action_save(
        acting_user=pa,
        plan=draft,
        section_key="contingency",
        what="Apply for a room at Foyer House",
        who="Personal adviser",
        by_when=timezone.localdate(),
        status="not_started",
    )
    goal = services.plan_goal_save(acting_user=pa, plan=draft, description="Pass my driving test")
    assessment = services.assessment_start(acting_user=pa, young_person=first)
    services.review_request(
        acting_user=pa,
        young_person=first,
        reason="young_person_asked",
        requested_on=timezone.localdate(),
    )

    second = YoungPersonFactory(team=world.team)
    outsider = UserFactory(roles=[PA], team=world.team)
    waiting = make_plan(second, state=PlanState.SUBMITTED, writer=outsider)

    world.plans = SimpleNamespace(
        first=first,
        in_force=in_force,
        draft=draft,
        action=action,
        goal=goal,
        assessment=assessment,
        second=second,
        waiting=waiting,
    )


def _first(world: Any) -> dict[str, Any]:
    return {"pk": world.plans.first.pk}


def _draft(world: Any) -> dict[str, Any]:
    return {"plan_pk": world.plans.draft.pk}


CASES = [
    record_read("plans:young_person_plans", _first),
    # Starting a plan or an assessment is a POST that always lands back on a page: here the
    # young people already have one open, so the service refuses and the page says why.
    UrlCase(
        "plans:plan_start",
        expect(team_record=True, allowed=WRITERS, outcome=REDIRECT),
        kwargs=lambda world: {"pk": world.plans.second.pk},
        method="post",
    ),
    UrlCase(
        "plans:assessment_start",
        expect(team_record=True, allowed=WRITERS, outcome=REDIRECT),
        kwargs=_first,
        method="post",
    ),
    record_read("plans:plan_history", _first),
    record_read("plans:plan_compare", _first),
    UrlCase("plans:review_request", expect(team_record=True, allowed=WRITERS), kwargs=_first),
    UrlCase("plans:review_record", expect(team_record=True, allowed=WRITERS), kwargs=_first),
    record_read(
        "plans:assessment_detail", lambda world: {"assessment_pk": world.plans.assessment.pk}
    ),
    UrlCase(
        "plans:assessment_complete",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"assessment_pk": world.plans.assessment.pk},
    ),
    record_read("plans:plan_detail", _draft),
    UrlCase(
        "plans:section_edit",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"plan_pk": world.plans.draft.pk, "key": "contingency"},
    ),
    UrlCase(
        "plans:action_add",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"plan_pk": world.plans.draft.pk, "key": "health"},
    ),
    UrlCase(
        "plans:action_edit",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"plan_pk": world.plans.draft.pk, "action_pk": world.plans.action.pk},
    ),
    UrlCase("plans:goal_add", expect(team_record=True, allowed=WRITERS), kwargs=_draft),
    UrlCase(
        "plans:goal_edit",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"plan_pk": world.plans.draft.pk, "goal_pk": world.plans.goal.pk},
    ),
    UrlCase("plans:plan_submit", expect(team_record=True, allowed=WRITERS), kwargs=_draft),
    UrlCase(
        "plans:plan_decide",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=lambda world: {"plan_pk": world.plans.waiting.pk},
    ),
    UrlCase(
        "plans:plan_share",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"plan_pk": world.plans.in_force.pk},
    ),
    record_read("plans:plan_pdf", lambda world: {"plan_pk": world.plans.in_force.pk}),
    UrlCase("plans:manager_view", expect(allowed=MANAGERS)),
]
