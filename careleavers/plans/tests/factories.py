"""Plans in any state, built through the services so their history is real.

Other apps' tests may import these.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.plans import schedule, services
from careleavers.plans.models import PathwayPlan, PlanReview, PlanState, ReviewReason

YOUNG_PERSONS_WORDS = "I want to stay near my sister and finish my college course."


def words_for(key: str) -> str:
    return f"{YOUNG_PERSONS_WORDS} ({key})"


def fill_sections(plan: PathwayPlan, *, user: Any, words: str | None = None) -> PathwayPlan:
    """Write the young person's words in every section and a contingency plan."""
    for definition in schedule.PLAN_SECTIONS:
        section = plan.sections.get(key=definition.key)
        services.plan_update(
            acting_user=user,
            plan=plan,
            section_key=definition.key,
            version=section.version,
            young_persons_words=words or words_for(definition.key),
            assessment=(
                "If the tenancy breaks down, call the duty team; a room is held at Foyer House."
                if definition.key == schedule.CONTINGENCY
                else section.assessment or f"Assessment of {definition.title.lower()}."
            ),
        )
    return plan


def update_section(plan: PathwayPlan, key: str, *, user: Any, **changes: Any) -> None:
    """Save one section through the service, keeping what `changes` does not name."""
    section = plan.sections.get(key=key)
    fields = {
        "young_persons_words": section.young_persons_words,
        "assessment": section.assessment,
        **changes,
    }
    services.plan_update(
        acting_user=user, plan=plan, section_key=key, version=section.version, **fields
    )


def review_held_today(young_person: Any, *, user: Any, **record: Any) -> PlanReview:
    """A pathway plan review held today, recorded through the service: a scheduled one unless
    `record` gives another reason."""
    return services.review_record(
        acting_user=user,
        young_person=young_person,
        held_on=timezone.localdate(),
        **{"reason": ReviewReason.SCHEDULED, **record},
    )


def make_plan(
    young_person: Any,
    *,
    state: str = PlanState.DRAFT,
    writer: Any = None,
    manager: Any = None,
    filled: bool = True,
) -> PathwayPlan:
    """A plan for `young_person` taken through the workflow to `state`."""
    writer = writer or UserFactory(roles=[Role.PERSONAL_ADVISER], team=young_person.team)
    plan = services.plan_create(acting_user=writer, young_person=young_person)
    if filled or state != PlanState.DRAFT:
        fill_sections(plan, user=writer)
    if state == PlanState.DRAFT:
        return plan
    services.plan_submit(acting_user=writer, plan=plan)
    if state == PlanState.SUBMITTED:
        return _fresh(plan)
    manager = manager or UserFactory(roles=[Role.TEAM_MANAGER], team=young_person.team)
    if state == PlanState.RETURNED:
        services.plan_return(acting_user=manager, plan=plan, comment="Add more on money.")
        return _fresh(plan)
    services.plan_authorise(acting_user=manager, plan=plan)
    if state == PlanState.AUTHORISED:
        return _fresh(plan)
    services.plan_share(
        acting_user=writer,
        plan=plan,
        shared_on=timezone.localdate(),
        method="in_person",
        copy_given_and_explained=True,
        agreement="agrees",
        young_persons_response="I agree with most of it.",
    )
    return _fresh(plan)


def _fresh(plan: PathwayPlan) -> PathwayPlan:
    return PathwayPlan.objects.select_related("young_person").get(pk=plan.pk)
