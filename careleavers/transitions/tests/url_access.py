"""Access to referrals, transition plans, health and the managers' view of waits, by role.

The world has one young person in the test team, with a referral and a transition plan with a
milestone. Their record's pages follow `people.view_youngperson` (readers) and
`people.change_youngperson` (writers); the managers' pages follow `transitions.view_waits`.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.accounts.roles import Role
from careleavers.core.access import UrlCase, expect
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions.tests.factories import (
    MilestoneFactory,
    ReferralChaseFactory,
    ReferralFactory,
    TransitionPlanFactory,
)

READERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
    Role.AUDITOR,
    Role.PERFORMANCE_ANALYST,
    Role.INSPECTOR,
]
WRITERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
]
SEE_WAITS = [
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.PERFORMANCE_ANALYST,
    Role.AUDITOR,
    Role.INSPECTOR,
]


def extend_world(world: SimpleNamespace) -> None:
    pa = world.users[Role.PERSONAL_ADVISER]
    person = YoungPersonFactory(team=world.team, has_ehc_plan=True)
    world.transitions_young_person = person
    world.transitions_referral = ReferralFactory(young_person=person, referred_by=pa)
    ReferralChaseFactory(referral=world.transitions_referral, by=pa)
    plan = TransitionPlanFactory(young_person=person)
    world.transitions_milestone = MilestoneFactory(plan=plan)


def _record(world: SimpleNamespace) -> dict[str, Any]:
    return {"pk": world.transitions_young_person.pk}


def _referral(world: SimpleNamespace) -> dict[str, Any]:
    return {"pk": world.transitions_young_person.pk, "referral_pk": world.transitions_referral.pk}


def _milestone(world: SimpleNamespace) -> dict[str, Any]:
    return {
        "pk": world.transitions_young_person.pk,
        "milestone_pk": world.transitions_milestone.pk,
    }


CASES = [
    UrlCase("transitions:young_person", expect(team_record=True, allowed=READERS), kwargs=_record),
    UrlCase("transitions:health_edit", expect(team_record=True, allowed=WRITERS), kwargs=_record),
    UrlCase(
        "transitions:referral_create", expect(team_record=True, allowed=WRITERS), kwargs=_record
    ),
    UrlCase(
        "transitions:referral_detail", expect(team_record=True, allowed=READERS), kwargs=_referral
    ),
    UrlCase(
        "transitions:referral_progress",
        expect(team_record=True, allowed=WRITERS),
        kwargs=_referral,
    ),
    UrlCase(
        "transitions:referral_decision",
        expect(team_record=True, allowed=WRITERS),
        kwargs=_referral,
    ),
    UrlCase(
        "transitions:referral_support", expect(team_record=True, allowed=WRITERS), kwargs=_referral
    ),
    UrlCase(
        "transitions:referral_withdraw",
        expect(team_record=True, allowed=WRITERS),
        kwargs=_referral,
    ),
    UrlCase("transitions:chase_add", expect(team_record=True, allowed=WRITERS), kwargs=_referral),
    UrlCase("transitions:plan_edit", expect(team_record=True, allowed=WRITERS), kwargs=_record),
    UrlCase(
        "transitions:milestone_add", expect(team_record=True, allowed=WRITERS), kwargs=_record
    ),
    UrlCase(
        "transitions:milestone_edit", expect(team_record=True, allowed=WRITERS), kwargs=_milestone
    ),
    UrlCase("transitions:waits", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:waiting_chart", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:monthly_chart", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:not_met", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:planning", expect(allowed=SEE_WAITS)),
]
