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
from careleavers.core.tests.record_access import record_change, record_read
from careleavers.core.tests.roles import ANALYST, AUDITOR, HOS, INSPECTOR, TM
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions.tests.factories import (
    MilestoneFactory,
    ReferralChaseFactory,
    ReferralFactory,
    TransitionPlanFactory,
)

SEE_WAITS = [TM, HOS, ANALYST, AUDITOR, INSPECTOR]


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
    record_read("transitions:young_person", _record),
    record_change("transitions:health_edit", _record),
    record_change("transitions:referral_create", _record),
    record_read("transitions:referral_detail", _referral),
    record_change("transitions:referral_progress", _referral),
    record_change("transitions:referral_decision", _referral),
    record_change("transitions:referral_support", _referral),
    record_change("transitions:referral_withdraw", _referral),
    record_change("transitions:chase_add", _referral),
    record_change("transitions:plan_edit", _record),
    record_change("transitions:milestone_add", _record),
    record_change("transitions:milestone_edit", _milestone),
    UrlCase("transitions:waits", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:waiting_chart", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:monthly_chart", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:not_met", expect(allowed=SEE_WAITS)),
    UrlCase("transitions:planning", expect(allowed=SEE_WAITS)),
]
