"""Writes for referrals to adult services, transition plans and health.

Every service takes keyword arguments with `acting_user` first, runs in one transaction, locks
the row it changes and writes its AuditEvent in that transaction (DESIGN 4.2). Bad input is
refused with a `ValidationError` keyed by field, which the views show next to the field; edits
carry the version the editor started from and a stale one is refused (DESIGN 4.6). Views check
permissions through `rules` before calling a service.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core.audit import create_audited, save_audited
from careleavers.core.concurrency import refuse_if_stale
from careleavers.core.past_days import after_today_message, is_after_today, not_after_today
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson
from careleavers.transitions.models import (
    ChaseKind,
    HealthProfile,
    Milestone,
    Outcome,
    Referral,
    ReferralChase,
    Service,
    TransitionPlan,
)
from careleavers.transitions.needs import decision_problems, referral_date_problems

REFERRAL_DATES = (
    "referred_on",
    "acknowledged_on",
    "assessed_on",
    "decided_on",
    "support_started_on",
    "withdrawn_on",
)
HEALTH_FIELDS = (
    "gp_registration",
    "gp_practice",
    "dentist_registration",
    "dentist_practice",
    "health_history_given_on",
    "mental_health_needs",
    "mental_health_notes",
    "is_pregnant",
    "due_on",
    "is_parent",
    "number_of_children",
    "first_child_born_on",
    "parenting_notes",
)
PLAN_FIELDS = (
    "started_on",
    "young_persons_wishes",
    "summary",
    "other_professionals",
    "next_review_on",
)
MILESTONE_FIELDS = ("title", "owner", "due_on", "done_on", "notes")


# The fields a stale edit's message compares, so it can say what the other person changed.
REFERRAL_FIELDS = (
    *REFERRAL_DATES,
    "outcome",
    "decision_notes",
    "alternative_support",
    "withdrawn_reason",
)


def _today() -> datetime.date:
    return timezone.localdate()


def _refuse_problems(
    problems_of: Callable[[dict[str, Any]], dict[str, str]],
    record: Any,
    names: Iterable[str],
    fields: dict[str, Any],
) -> None:
    """Refuse, by form field, what `problems_of` finds in the record's `names` as they would be
    with `fields` changed."""
    problems = problems_of({name: getattr(record, name) for name in names} | fields)
    raise_if(problems)


def _json(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Service):
        return value.name
    return value


_OneEach = TypeVar("_OneEach", HealthProfile, TransitionPlan)


def _one_for_young_person(
    model: type[_OneEach], young_person: YoungPerson
) -> tuple[_OneEach, bool]:
    """The young person's one record of `model`, locked, or a new unsaved one, and whether it
    is new. The young person's row is locked first, so two people saving the first one at
    once are taken in turn rather than both creating it."""
    YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
    found = (
        model.objects.select_for_update(of=("self",))
        .select_related("modified_by")
        .filter(young_person=young_person)
        .first()
    )
    if found is None:
        return model(young_person=young_person), True
    return found, False


def _changes(instance: Any, fields: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [_json(getattr(instance, name)), _json(value)]
        for name, value in fields.items()
        if getattr(instance, name) != value
    }


def _check_dates(referral: Referral, *, today: datetime.date) -> None:
    dates = {name: getattr(referral, name) for name in REFERRAL_DATES}
    problems = referral_date_problems(dates, today=today)
    raise_if(problems)


def _locked_referral(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("service", "modified_by")
        .get(pk=referral.pk)
    )


def _refuse_if_withdrawn(referral: Referral) -> None:
    if referral.withdrawn_on is not None:
        raise ValidationError("This referral was withdrawn, so it cannot be changed.")


# Referrals -----------------------------------------------------------------------------------


@transaction.atomic
def referral_create(
    *,
    acting_user: User,
    young_person: YoungPerson,
    service: Service,
    referred_on: datetime.date,
    reason: str,
    section_117_aftercare: bool = False,
) -> Referral:
    """Record a referral of a young person to a service. Their wait starts on `referred_on`."""
    problems: dict[str, str] = {}
    if not service.is_active:
        problems["service"] = "Select a service that still takes referrals"
    if section_117_aftercare and not service.allows_section_117:
        problems["section_117_aftercare"] = (
            "Section 117 aftercare is only for referrals to mental health services"
        )
    if not reason.strip():
        problems["reason"] = "Enter why the young person is being referred"
    problems.update(referral_date_problems({"referred_on": referred_on}, today=_today()))
    # One open referral per service: a second would count the same wait twice.
    already = Referral.objects.live().filter(
        young_person=young_person,
        service=service,
        decided_on__isnull=True,
        withdrawn_on__isnull=True,
    )
    if "service" not in problems and already.exists():
        problems["service"] = (
            f"{young_person.display_name} already has an open referral to {service.name}"
        )
    raise_if(problems)
    referral = Referral(
        young_person=young_person,
        service=service,
        referred_on=referred_on,
        referred_by=acting_user,
        reason=reason.strip(),
        section_117_aftercare=section_117_aftercare,
    )
    save_audited(
        referral,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        detail={"service": service.name, "referred_on": referred_on.isoformat()},
    )
    return referral


def _referral_change(
    *,
    acting_user: User,
    referral: Referral,
    version: int | None,
    fields: dict[str, Any],
    event: str,
    check: Any = None,
) -> Referral:
    locked = _locked_referral(referral)
    refuse_if_stale(locked, version=version, what="this referral", fields=REFERRAL_FIELDS)
    _refuse_if_withdrawn(locked)
    changes = _changes(locked, fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    _check_dates(locked, today=_today())
    if check is not None:
        check(locked)
    if changes:
        save_audited(
            locked,
            acting_user=acting_user,
            young_person_id=locked.young_person_id,
            detail={"event": event, "changes": changes},
        )
    return locked


@transaction.atomic
def referral_progress_record(
    *,
    acting_user: User,
    referral: Referral,
    version: int | None,
    acknowledged_on: datetime.date | None,
    assessed_on: datetime.date | None,
) -> Referral:
    """Record when the service acknowledged the referral and when it assessed the young person."""
    return _referral_change(
        acting_user=acting_user,
        referral=referral,
        version=version,
        fields={"acknowledged_on": acknowledged_on, "assessed_on": assessed_on},
        event="progress",
    )


@transaction.atomic
def referral_decide(
    *,
    acting_user: User,
    referral: Referral,
    version: int | None,
    decided_on: datetime.date,
    outcome: str,
    decision_notes: str = "",
    alternative_support: str = "",
) -> Referral:
    """Record the service's decision. It stops the wait. When the threshold was not met, the
    support the young person gets instead is required."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Select what the service decided"})

    def check(locked: Referral) -> None:
        problems = decision_problems(
            outcome=outcome,
            alternative_support=alternative_support,
            support_started_on=locked.support_started_on,
        )
        if "support_started_on" in problems:
            problems = {
                "outcome": "Support has started from this service, so its threshold was met"
            }
        raise_if(problems)

    return _referral_change(
        acting_user=acting_user,
        referral=referral,
        version=version,
        fields={
            "decided_on": decided_on,
            "outcome": outcome,
            "decision_notes": decision_notes.strip(),
            "alternative_support": alternative_support.strip(),
        },
        event="decision",
        check=check,
    )


@transaction.atomic
def referral_support_start(
    *,
    acting_user: User,
    referral: Referral,
    version: int | None,
    support_started_on: datetime.date,
) -> Referral:
    """Record the day the service's support started (only after a decision of threshold met)."""

    def check(locked: Referral) -> None:
        if locked.outcome != Outcome.THRESHOLD_MET:
            raise ValidationError(
                {
                    "support_started_on": "Support from the service can only start when its "
                    "threshold was met. Record the decision first"
                }
            )

    return _referral_change(
        acting_user=acting_user,
        referral=referral,
        version=version,
        fields={"support_started_on": support_started_on},
        event="support_started",
        check=check,
    )


@transaction.atomic
def referral_withdraw(
    *,
    acting_user: User,
    referral: Referral,
    version: int | None,
    withdrawn_on: datetime.date,
    reason: str,
) -> Referral:
    """Close a referral without a decision (the young person declined, or moved away)."""
    locked = _locked_referral(referral)
    refuse_if_stale(locked, version=version, what="this referral", fields=REFERRAL_FIELDS)
    _refuse_if_withdrawn(locked)
    if locked.decided_on is not None:
        raise ValidationError("The service has decided this referral, so it cannot be withdrawn.")
    problems: dict[str, str] = {}
    if not reason.strip():
        problems["reason"] = "Enter why the referral was withdrawn"
    locked.withdrawn_on = withdrawn_on
    locked.withdrawn_reason = reason.strip()
    dates = {name: getattr(locked, name) for name in REFERRAL_DATES}
    problems.update(referral_date_problems(dates, today=_today()))
    raise_if(problems)
    save_audited(
        locked,
        acting_user=acting_user,
        young_person_id=locked.young_person_id,
        detail={"event": "withdrawn", "withdrawn_on": withdrawn_on.isoformat()},
    )
    return locked


@transaction.atomic
def referral_chase_record(
    *,
    acting_user: User,
    referral: Referral,
    kind: str,
    on: datetime.date,
    contacted: str,
    notes: str = "",
) -> ReferralChase:
    """Log a chase of the service, or an escalation to someone more senior."""
    locked = _locked_referral(referral)
    _refuse_if_withdrawn(locked)
    problems: dict[str, str] = {}
    if kind not in ChaseKind.values:
        problems["kind"] = "Select whether this was a chase or an escalation"
    if not contacted.strip():
        problems["contacted"] = "Enter who was contacted"
    if is_after_today(on, today=_today()):
        problems["on"] = after_today_message("Date")
    elif on < locked.referred_on:
        problems["on"] = "Date must be the same as or after the date referred"
    raise_if(problems)
    return create_audited(
        ReferralChase,
        acting_user=acting_user,
        young_person_id=locked.young_person_id,
        detail={"referral": locked.pk, "kind": kind, "on": on.isoformat()},
        referral=locked,
        kind=kind,
        on=on,
        by=acting_user,
        contacted=contacted.strip(),
        notes=notes.strip(),
    )


# Health --------------------------------------------------------------------------------------


def _health_problems(fields: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    today = _today()
    not_after_today(
        problems,
        "health_history_given_on",
        fields.get("health_history_given_on"),
        subject="Date given",
        today=today,
    )
    if fields.get("is_parent") and not fields.get("number_of_children"):
        problems["number_of_children"] = "Enter how many children they have"
    if not fields.get("is_parent") and fields.get("number_of_children"):
        problems["is_parent"] = "Select yes if they are a parent: you entered children"
    first_child = fields.get("first_child_born_on")
    if first_child is not None and not fields.get("is_parent"):
        problems["first_child_born_on"] = (
            "Leave the first child's date of birth empty unless they are a parent"
        )
    else:
        not_after_today(
            problems,
            "first_child_born_on",
            first_child,
            subject="The first child's date of birth",
            today=today,
        )
    if fields.get("due_on") and not fields.get("is_pregnant"):
        problems["due_on"] = "Leave the due date empty unless they are pregnant"
    return problems


@transaction.atomic
def health_profile_update(
    *,
    acting_user: User,
    young_person: YoungPerson,
    version: int | None,
    **fields: Any,
) -> HealthProfile:
    """Create or change the young person's health facts."""
    unknown = set(fields) - set(HEALTH_FIELDS)
    if unknown:
        raise TypeError(f"Not health fields: {sorted(unknown)}")
    profile, created = _one_for_young_person(HealthProfile, young_person)
    if not created and version is not None:
        refuse_if_stale(profile, version=version, what="this health record", fields=HEALTH_FIELDS)
    _refuse_problems(_health_problems, profile, HEALTH_FIELDS, fields)
    changes = _changes(profile, fields)
    for name, value in fields.items():
        setattr(profile, name, value)
    if not created and not changes:
        return profile
    save_audited(
        profile,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        detail={"changes": changes},
    )
    return profile


# Transition plans ----------------------------------------------------------------------------


@transaction.atomic
def transition_plan_save(
    *,
    acting_user: User,
    young_person: YoungPerson,
    version: int | None,
    adult_services: Iterable[Service],
    **fields: Any,
) -> TransitionPlan:
    """Start the young person's transition plan, or change it."""
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"Not plan fields: {sorted(unknown)}")
    plan, created = _one_for_young_person(TransitionPlan, young_person)
    if not created:
        refuse_if_stale(plan, version=version, what="this transition plan", fields=PLAN_FIELDS)
    problems: dict[str, str] = {}
    started = fields.get("started_on", plan.started_on if not created else None)
    if started is None:
        problems["started_on"] = "Enter the date planning started"
    not_after_today(
        problems, "started_on", started, subject="Date planning started", today=_today()
    )
    wishes = fields.get("young_persons_wishes", plan.young_persons_wishes)
    if not str(wishes or "").strip():
        problems["young_persons_wishes"] = "Enter what the young person wants for adult life"
    review = fields.get("next_review_on")
    if review is not None and started is not None and review < started:
        problems["next_review_on"] = "Next review must be after the date planning started"
    raise_if(problems)
    changes = _changes(plan, fields) if not created else {}
    for name, value in fields.items():
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    services = sorted(adult_services, key=lambda service: service.pk)
    before = [] if created else sorted(plan.adult_services.values_list("pk", flat=True))
    if before != [service.pk for service in services]:
        changes["adult_services"] = [before, [service.pk for service in services]]
    if not created and not changes:
        return plan
    save_audited(
        plan,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        detail={"changes": changes} if not created else {},
    )
    plan.adult_services.set(services)
    return plan


def _milestone_problems(fields: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not str(fields.get("title") or "").strip():
        problems["title"] = "Enter the milestone"
    if not str(fields.get("owner") or "").strip():
        problems["owner"] = "Enter who will do it"
    not_after_today(
        problems, "done_on", fields.get("done_on"), subject="Date done", today=_today()
    )
    return problems


@transaction.atomic
def milestone_add(
    *,
    acting_user: User,
    plan: TransitionPlan,
    title: str,
    owner: str,
    due_on: datetime.date,
    done_on: datetime.date | None = None,
    notes: str = "",
) -> Milestone:
    """Add a step to a transition plan."""
    fields = {"title": title, "owner": owner, "due_on": due_on, "done_on": done_on, "notes": notes}
    problems = _milestone_problems(fields)
    raise_if(problems)
    TransitionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    return create_audited(
        Milestone,
        acting_user=acting_user,
        young_person_id=plan.young_person_id,
        detail={"title": title.strip(), "due_on": due_on.isoformat()},
        plan=plan,
        title=title.strip(),
        owner=owner.strip(),
        due_on=due_on,
        done_on=done_on,
        notes=notes.strip(),
    )


@transaction.atomic
def milestone_update(
    *, acting_user: User, milestone: Milestone, version: int | None, **fields: Any
) -> Milestone:
    """Change a milestone, or record that it was done; refused if someone else changed it
    after `version` (the version the editor opened)."""
    unknown = set(fields) - set(MILESTONE_FIELDS)
    if unknown:
        raise TypeError(f"Not milestone fields: {sorted(unknown)}")
    locked = (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("plan", "modified_by")
        .get(pk=milestone.pk)
    )
    refuse_if_stale(locked, version=version, what="this milestone", fields=MILESTONE_FIELDS)
    _refuse_problems(_milestone_problems, locked, MILESTONE_FIELDS, fields)
    changes = _changes(locked, fields)
    if not changes:
        return locked
    for name, value in fields.items():
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    save_audited(
        locked,
        acting_user=acting_user,
        young_person_id=locked.plan.young_person_id,
        detail={"changes": changes},
    )
    return locked
