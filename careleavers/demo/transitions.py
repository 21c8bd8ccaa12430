"""Demo data for transitions and health: referrals with realistic waits, chasing, thresholds not
met, transition plans with milestones, and health records.

`seed` is deterministic: every random choice comes from the `rng` it is given, in the order of
the young people, and nothing depends on dict or set ordering. It writes with `bulk_create`, so
100,000 young people take seconds. It can be called once, or once per chunk of young people.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from careleavers.core.dates import birthday
from careleavers.demo import story
from careleavers.transitions.models import (
    ChaseKind,
    HealthProfile,
    Milestone,
    Outcome,
    Referral,
    ReferralChase,
    Registration,
    Service,
    ServiceKind,
    TransitionPlan,
)
from careleavers.transitions.needs import has_complex_needs, needs_transition_plan

BATCH_SIZE = 2000

GP_PRACTICES = (
    "Westgate Surgery",
    "Manningham Medical Practice",
    "Bowling Park Health Centre",
    "Shipley Medical Practice",
    "Little Horton Lane Surgery",
    "Eccleshill Health Centre",
)
DENTISTS = (
    "City Dental Care",
    "Shipley Smiles",
    "Keighley Road Dental Practice",
    "Bradley Dental",
)
MENTAL_HEALTH_NOTES = (
    "Anxiety and low mood; finds crowded places hard.",
    "Self-harm in the past; has a safety plan with their worker.",
    "Trauma symptoms and poor sleep.",
    "Diagnosed with depression; takes medication from the GP.",
    "Panic attacks since moving into their own flat.",
)
REASONS = {
    ServiceKind.ADULT_SOCIAL_CARE: "Needs support with daily living and managing a tenancy; "
    "likely to have eligible needs as an adult.",
    ServiceKind.ADULT_MENTAL_HEALTH: "Low mood, anxiety and self-harm; the GP asked for a "
    "specialist assessment.",
    ServiceKind.CAMHS: "Anxiety and trauma symptoms affecting college and sleep.",
    ServiceKind.LEARNING_DISABILITY: "Learning disability; needs help to understand letters, "
    "money and appointments.",
    ServiceKind.SUBSTANCE_MISUSE: "Daily cannabis use and some alcohol; wants help to cut down.",
    ServiceKind.OTHER: "Referred for specialist support.",
}
ALTERNATIVE_SUPPORT = (
    "Weekly sessions with the personal adviser, and a place at the college wellbeing group.",
    "Referred to the voluntary sector mentoring scheme; the personal adviser visits fortnightly.",
    "Floating support from the housing provider, 4 hours a week.",
    "GP review every month, and the leaving care team's emotional wellbeing worker.",
    "Talking therapy through the self-referral service; the adviser helped them sign up.",
)
CONTACTED = (
    "Duty manager, community mental health team",
    "Transitions co-ordinator, adult social care",
    "Team manager, learning disability service",
    "Referrals administrator",
    "Service manager",
)
ESCALATED_TO = (
    "Head of service, adult social care",
    "Designated nurse for looked-after children",
    "Service manager, community mental health",
    "Assistant director, children's services",
)
MILESTONES = (
    ("Care Act transition assessment completed", "Adult social care transitions team"),
    ("Visit supported living options", "Personal adviser"),
    ("Annual EHC plan review with adult services", "SEND case officer"),
    ("Apply for Personal Independence Payment", "Personal adviser"),
    ("Agree who will be the lead adult worker", "Adult social care transitions team"),
    ("Health action plan with the learning disability nurse", "Learning disability service"),
)
WISHES = (
    "I want to live near my sister and get a job with animals.",
    "I want my own flat with someone to help me with bills.",
    "I want to go to college to learn cooking and then work in a café.",
    "I want to stay close to my foster carers and keep my friends.",
)


def _date_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    if end <= start:
        return start
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def _plus(day: datetime.date, days: int) -> datetime.date:
    return day + datetime.timedelta(days=days)


def _pick_service(
    rng: random.Random,
    *,
    by_kind: dict[str, Service],
    person: Any,
    on: datetime.date,
    mental_health: bool,
) -> Service:
    under_18 = on < birthday(person.date_of_birth, 18)
    choices: list[str] = []
    if mental_health:
        choices += [ServiceKind.CAMHS if under_18 else ServiceKind.ADULT_MENTAL_HEALTH] * 3
    if person.has_ehc_plan or person.learning_needs.strip():
        choices += [ServiceKind.ADULT_SOCIAL_CARE, ServiceKind.LEARNING_DISABILITY] * 2
    if person.disability.strip():
        choices.append(ServiceKind.ADULT_SOCIAL_CARE)
    choices.append(ServiceKind.SUBSTANCE_MISUSE)
    if not under_18:
        choices.append(ServiceKind.ADULT_MENTAL_HEALTH)
    available = [kind for kind in choices if kind in by_kind]
    return by_kind[rng.choice(available)] if available else rng.choice(list(by_kind.values()))


def _registration(draw: float, *, registered: float, not_registered: float) -> Registration:
    """Registered below the first share, not registered below the second, else not known."""
    if draw < registered:
        return Registration.REGISTERED
    if draw < not_registered:
        return Registration.NOT_REGISTERED
    return Registration.NOT_KNOWN


def _health(
    rng: random.Random, person: Any, *, today: datetime.date, mental_health: bool
) -> HealthProfile:
    age = person.age_on(today)
    gp = rng.random()
    dentist = rng.random()
    history = None
    if age >= 18 and rng.random() < 0.55:
        history = _date_between(rng, birthday(person.date_of_birth, 18), today)
    pregnant = person.sex == "F" and age >= 17 and rng.random() < 0.04
    parent = age >= 18 and rng.random() < 0.08
    # The first child was born after their 17th birthday and at least a month ago (the SSDA903
    # MOTHER and MC_DOB come from here).
    first_child = (
        _date_between(rng, birthday(person.date_of_birth, 17), _plus(today, -30))
        if parent
        else None
    )
    return HealthProfile(
        young_person_id=person.pk,
        gp_registration=_registration(gp, registered=0.88, not_registered=0.95),
        gp_practice=rng.choice(GP_PRACTICES) if gp < 0.88 else "",
        dentist_registration=_registration(dentist, registered=0.62, not_registered=0.9),
        dentist_practice=rng.choice(DENTISTS) if dentist < 0.62 else "",
        health_history_given_on=history,
        mental_health_needs=mental_health,
        mental_health_notes=rng.choice(MENTAL_HEALTH_NOTES) if mental_health else "",
        is_pregnant=pregnant,
        due_on=_plus(today, rng.randint(20, 200)) if pregnant else None,
        is_parent=parent,
        number_of_children=rng.choice((1, 1, 1, 2)) if parent else 0,
        first_child_born_on=first_child,
        parenting_notes="Attends the young parents' group."
        if parent and rng.random() < 0.5
        else "",
    )


def _referral(
    rng: random.Random,
    person: Any,
    service: Service,
    *,
    referred_on: datetime.date,
    today: datetime.date,
    workers: Sequence[Any],
) -> tuple[Referral, list[tuple[str, datetime.date, str, str]]]:
    """One referral and its chases (kind, date, who, notes), with a wait drawn around the
    service's target: most decided, some beyond target, some still waiting."""
    target = service.target_wait_days
    # Waits spread from well within to well beyond the target; adult mental health and
    # adult social care run longest, as the letter found.
    slow = service.kind in (
        ServiceKind.ADULT_MENTAL_HEALTH,
        ServiceKind.ADULT_SOCIAL_CARE,
        ServiceKind.CAMHS,
    )
    wait = max(0, int(rng.gammavariate(2.0, target * (0.8 if slow else 0.55))))
    if referred_on + datetime.timedelta(days=wait) > today and not story.recent(
        referred_on + datetime.timedelta(days=target), today
    ):
        # Still waiting today, longer beyond the target than the demo's story allows: the
        # escalations worked, and the service decided within that time (story.py).
        wait = target + rng.randint(0, story.OVERDUE_LIMIT_DAYS)
    referral = Referral(
        young_person_id=person.pk,
        service=service,
        referred_on=referred_on,
        referred_by=rng.choice(workers),
        reason=REASONS.get(ServiceKind(service.kind), REASONS[ServiceKind.OTHER]),
        section_117_aftercare=service.kind == ServiceKind.ADULT_MENTAL_HEALTH
        and rng.random() < 0.1,
    )
    referral.created_by = referral.referred_by
    end = _plus(referred_on, wait)
    acknowledged = _plus(referred_on, rng.randint(1, 10))
    if acknowledged <= min(end, today):
        referral.acknowledged_on = acknowledged
    if end <= today:
        if wait >= 14 and rng.random() < 0.8:
            assessed = _plus(end, -rng.randint(0, 10))
            referral.assessed_on = max(assessed, referral.acknowledged_on or referred_on)
        if rng.random() < 0.08:
            referral.withdrawn_on = end
            referral.withdrawn_reason = "The young person did not want the referral any more."
        else:
            referral.decided_on = end
            not_met_share = (
                0.45
                if service.kind in (ServiceKind.ADULT_SOCIAL_CARE, ServiceKind.LEARNING_DISABILITY)
                else 0.3
            )
            draw = rng.random()
            if draw < not_met_share:
                referral.outcome = Outcome.THRESHOLD_NOT_MET
                referral.alternative_support = rng.choice(ALTERNATIVE_SUPPORT)
                referral.decision_notes = "Needs were not assessed as eligible for the service."
            elif draw < not_met_share + 0.12:
                referral.outcome = Outcome.SIGNPOSTED
                referral.decision_notes = "Signposted to community support."
            else:
                referral.outcome = Outcome.THRESHOLD_MET
                started = _plus(end, rng.randint(3, 40))
                if started <= today:
                    referral.support_started_on = started
    chases: list[tuple[str, datetime.date, str, str]] = []
    waited_until = min(end, today)
    day = _plus(referred_on, target)
    while day < waited_until and len(chases) < 4:
        escalate = len(chases) >= 2 or (day - referred_on).days > target * 2
        chases.append(
            (
                ChaseKind.ESCALATION if escalate else ChaseKind.CHASE,
                day,
                rng.choice(ESCALATED_TO if escalate else CONTACTED),
                "Asked for a date for the assessment."
                if not escalate
                else "Raised the delay; they agreed to look into it this week.",
            )
        )
        day = _plus(day, rng.randint(10, 25))
    return referral, chases


def seed(
    *,
    rng: random.Random,
    today: datetime.date,
    young_people: list[Any],
    workers: list[Any],
) -> dict[str, int]:
    """Health records for every young person, referrals for about a fifth (more for those with
    complex needs), and transition plans for most of those who need one."""
    services = list(Service.objects.filter(is_active=True).order_by("display_order", "pk"))
    if not young_people or not workers or not services:
        return {
            "health_profiles": 0,
            "referrals": 0,
            "chases": 0,
            "transition_plans": 0,
            "milestones": 0,
        }
    by_kind: dict[str, Service] = {}
    for service in services:
        by_kind.setdefault(service.kind, service)

    profiles: list[HealthProfile] = []
    referrals: list[Referral] = []
    referral_chases: list[list[tuple[str, datetime.date, str, str]]] = []
    plans: list[TransitionPlan] = []
    plan_details: list[tuple[list[Service], list[Milestone]]] = []

    for person in young_people:
        mental_health = rng.random() < 0.3
        profiles.append(_health(rng, person, today=today, mental_health=mental_health))
        complex_needs = has_complex_needs(
            has_ehc_plan=person.has_ehc_plan,
            learning_needs=person.learning_needs,
            disability=person.disability,
            mental_health_needs=mental_health,
        )
        count = 0
        if rng.random() < (0.45 if complex_needs else 0.12):
            count = 2 if rng.random() < 0.2 else 1
        # Referrals from the 16th birthday, within the last 18 months.
        earliest = max(birthday(person.date_of_birth, 16), _plus(today, -540))
        if earliest > today:
            count = 0
        used: set[int] = set()
        for _ in range(count):
            on = _date_between(rng, earliest, today)
            service = _pick_service(
                rng, by_kind=by_kind, person=person, on=on, mental_health=mental_health
            )
            if service.pk in used:
                continue
            used.add(service.pk)
            referral, chases = _referral(
                rng, person, service, referred_on=on, today=today, workers=workers
            )
            referrals.append(referral)
            referral_chases.append(chases)
        needs_plan = needs_transition_plan(
            date_of_birth=person.date_of_birth,
            has_ehc_plan=person.has_ehc_plan,
            has_learning_needs=bool(person.learning_needs.strip()),
            today=today,
        )
        # Due on their 16th birthday, or when the service took them on if later (as the work
        # tray counts it): started within weeks, except a few who became due lately (story.py).
        plan_due = max(
            birthday(person.date_of_birth, 16), timezone.localtime(person.created_at).date()
        )
        if needs_plan and not story.left_undone(rng, plan_due, today, 0.4):
            started = min(_date_between(rng, plan_due, _plus(plan_due, 42)), today)
            worker = rng.choice(workers)
            plans.append(
                TransitionPlan(
                    young_person_id=person.pk,
                    started_on=started,
                    young_persons_wishes=rng.choice(WISHES),
                    summary="Plan agreed with the young person, their carers and adult "
                    "services at the transition meeting.",
                    next_review_on=_plus(today, rng.randint(-30, 180)),
                    created_by=worker,
                )
            )
            involved = [
                by_kind[kind]
                for kind in (ServiceKind.ADULT_SOCIAL_CARE, ServiceKind.LEARNING_DISABILITY)
                if kind in by_kind and rng.random() < 0.7
            ]
            milestones = []
            for title, owner in rng.sample(MILESTONES, rng.randint(2, 4)):
                due = _plus(started, rng.randint(30, 400))
                done = _plus(due, -rng.randint(0, 20)) if rng.random() < 0.5 else None
                if done is not None and done > today:
                    done = None
                milestones.append(
                    Milestone(
                        title=title, owner=owner, due_on=due, done_on=done, created_by=worker
                    )
                )
            plan_details.append((involved, milestones))

    HealthProfile.objects.bulk_create(profiles, batch_size=BATCH_SIZE)
    Referral.objects.bulk_create(referrals, batch_size=BATCH_SIZE)
    chase_rows = [
        ReferralChase(
            referral_id=referral.pk,
            kind=kind,
            on=on,
            by=referral.referred_by,
            contacted=contacted,
            notes=notes,
            created_by=referral.referred_by,
        )
        for referral, rows in zip(referrals, referral_chases, strict=True)
        for kind, on, contacted, notes in rows
    ]
    ReferralChase.objects.bulk_create(chase_rows, batch_size=BATCH_SIZE)
    TransitionPlan.objects.bulk_create(plans, batch_size=BATCH_SIZE)
    through = TransitionPlan.adult_services.through
    links = []
    milestones_to_save = []
    for plan, (involved, milestones) in zip(plans, plan_details, strict=True):
        links += [through(transitionplan_id=plan.pk, service_id=s.pk) for s in involved]
        for milestone in milestones:
            milestone.plan_id = plan.pk
            milestones_to_save.append(milestone)
    through.objects.bulk_create(links, batch_size=BATCH_SIZE)
    Milestone.objects.bulk_create(milestones_to_save, batch_size=BATCH_SIZE)
    return {
        "health_profiles": len(profiles),
        "referrals": len(referrals),
        "open_referrals": sum(1 for r in referrals if r.is_open),
        "chases": len(chase_rows),
        "transition_plans": len(plans),
        "milestones": len(milestones_to_save),
    }
