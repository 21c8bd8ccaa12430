"""Demo data for the young person's pages: some young people have accounts, some have an
invitation waiting, and some have asked for things or given feedback. One of the demo personal
adviser's young people signs in as young.person@demo.council.example with the demo password,
and has a pathway plan that has been shared with them.

`seed` is called by the demo builder for each chunk of young people. Every choice comes from
the generator given, in the order of the young people given, and accounts, requests and
invitations are written in bulk, so large demos stay fast. The few records that belong to
other apps (feedback, the demo young person's plan) go through those apps' services.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.duty_selectors import closed_days
from careleavers.casework.models import Allocation, DutyPolicy, DutyRotaEntry, WorkerRole
from careleavers.core.dates import age_on
from careleavers.demo.staff import DEMO_EMAIL_DOMAIN, DEMO_PA_EMAIL, DEMO_PASSWORD
from careleavers.offer.selectors import allowance_balance_for
from careleavers.plans import services as plan_services
from careleavers.plans.models import PathwayPlan
from careleavers.portal.models import (
    Invitation,
    PortalAccount,
    RequestKind,
    RequestStatus,
    YoungPersonRequest,
)
from careleavers.portal.services import feedback_give

BATCH = 2_000
DEMO_YOUNG_PERSON_EMAIL = "young.person@demo.council.example"
ACCOUNT_EMAIL_DOMAIN = "young.demo.council.example"
ACCOUNT_SHARE = 0.15
INVITATION_SHARE = 0.05
REQUEST_SHARE = 0.4
FEEDBACK_SHARE = 0.2
# Feedback goes through the quality app's service, one at a time, so it is capped per chunk.
FEEDBACK_PER_CHUNK = 25
CARE_LEAVERS = frozenset({"eligible", "relevant", "former_relevant", "qualifying"})

REQUESTS = (
    (
        RequestKind.DOCUMENT_HELP,
        "passport",
        "Passport, biometric residence permit or eVisa",
        "I lost my passport when I moved.",
    ),
    (
        RequestKind.OFFER_ITEM,
        "leisure_pass",
        "Free leisure centre pass",
        "Can I have the gym pass please?",
    ),
    (RequestKind.AGENDA, "visit", "My next visit", "I want to talk about my rent arrears."),
    (RequestKind.AGENDA, "review", "My next plan review", "I want to move closer to college."),
    (RequestKind.REVIEW, "plan", "My pathway plan", "My course has changed."),
    (RequestKind.ABOUT_ME_CHANGE, "about_me", "My about me", "Please add that I have a dog now."),
)
REPLIES = (
    "I have booked you in with the passport office on Tuesday. I will pick you up at 10am.",
    "Done: your card is at the leisure centre reception.",
    "Thanks for telling me. We will talk about it first thing at my next visit.",
    "I have added it. Have a look and tell me if it is right.",
)
FEEDBACK = (
    ("personal_adviser", "very_good", "She always calls me back.", ""),
    ("personal_adviser", "good", "He helped me with my flat.", "Visits are sometimes late."),
    ("service", "ok", "", "It is hard to get through to duty on the phone."),
    ("service", "good", "The cook and eat group is fun.", ""),
)
PLAN_WORDS = {
    "contact_and_support": "I want to see Sam every month and text in between.",
    "education_and_training": "I want to finish my catering course at college.",
    "employment": "I want a Saturday job in a kitchen.",
    "contingency": "If things go wrong I will call Sam or the duty team.",
    "accommodation": "I like my flat but the boiler keeps breaking.",
    "relationships": "I want to see my little brother more.",
    "practical_skills": "I can cook but I need help with bills.",
    "finance": "I want to save a bit each month.",
    "health": "I want to sort out my dentist.",
    "identity": "My Nigerian heritage matters to me; I go to church on Sundays.",
}


def _at(day: datetime.date, hour: int = 11) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def seed(
    *, rng: random.Random, today: datetime.date, young_people: list[Any], workers: list[Any]
) -> dict[str, int]:
    candidates = [
        person
        for person in young_people
        if person.category in CARE_LEAVERS
        and 16 <= age_on(person.date_of_birth, today) < 25
        and not person.is_restricted
    ]
    advisers = dict(
        Allocation.objects.filter(
            young_person_id__in=[person.pk for person in candidates],
            role=WorkerRole.PERSONAL_ADVISER,
            end__isnull=True,
        ).values_list("young_person_id", "worker_id")
    )
    demo_person = _demo_young_person(candidates, advisers, today)
    with_accounts: list[Any] = []
    invited: list[Any] = []
    for person in candidates:
        roll = rng.random()
        if person is demo_person:
            continue
        if roll < ACCOUNT_SHARE:
            with_accounts.append(person)
        elif roll < ACCOUNT_SHARE + INVITATION_SHARE:
            invited.append(person)
    counts = {
        "portal accounts": _accounts(with_accounts, today=today),
        "portal invitations": _invitations(invited, rng=rng, today=today, advisers=advisers),
    }
    requests = _requests(with_accounts, rng=rng, today=today, advisers=advisers)
    feedback = _feedback(with_accounts, rng=rng)
    if demo_person is not None:
        requests += _demo_account(demo_person, today=today, advisers=advisers)
        counts["portal accounts"] += 1
        feedback += 1
    counts["portal requests"] = requests
    counts["portal feedback"] = feedback
    counts["duty rota days"] = _duty_cover(today=today)
    return counts


# Mobiles are kept as the duty pages keep them, digits only, so the manager's first save of the
# duty settings changes only what they changed.
DEMO_OUT_OF_HOURS_MOBILE = "07700900999"
DEMO_OUT_OF_HOURS_EMAIL = "out-of-hours@demo.council.example"
DEMO_DUTY_MOBILE = "07700900400"
DUTY_ROTA_DAYS = 14


def _duty_cover(*, today: datetime.date) -> int:
    """Where "I do not feel safe" goes in the demo (the outbox shows what was sent): the
    out-of-hours service's mobile and email, and the demo duty worker on the rota for the
    office days of the next two weeks. Once per demo."""
    if DutyRotaEntry.objects.exists():
        return 0
    policy = DutyPolicy.current()
    policy.out_of_hours_mobile = policy.out_of_hours_mobile or DEMO_OUT_OF_HOURS_MOBILE
    policy.out_of_hours_email = policy.out_of_hours_email or DEMO_OUT_OF_HOURS_EMAIL
    policy.save()
    duty = User.objects.filter(email=f"duty@{DEMO_EMAIL_DOMAIN}").first()
    if duty is None:
        return 0
    closed = closed_days(policy)
    days = [today + datetime.timedelta(days=offset) for offset in range(DUTY_ROTA_DAYS)]
    entries = [
        DutyRotaEntry(
            on=day,
            starts=policy.office_opens,
            ends=policy.office_closes,
            worker=duty,
            mobile=DEMO_DUTY_MOBILE,
            email=duty.email or "",
        )
        for day in days
        if day.weekday() in policy.office_days and day not in closed
    ]
    DutyRotaEntry.objects.bulk_create(entries)
    return len(entries)


def _demo_young_person(
    candidates: list[Any], advisers: dict[int, int], today: datetime.date
) -> Any | None:
    """The demo personal adviser's first former relevant young person aged 18 to 20, once."""
    if PortalAccount.objects.filter(user__email=DEMO_YOUNG_PERSON_EMAIL).exists():
        return None
    demo_pa = User.objects.filter(email=DEMO_PA_EMAIL).values_list("pk", flat=True).first()
    suitable = [
        person
        for person in candidates
        if advisers.get(person.pk) == demo_pa
        and person.category == "former_relevant"
        and 18 <= age_on(person.date_of_birth, today) <= 20
    ]
    # Someone with a setting up home allowance, so "My money" has something to show.
    return next(
        (person for person in suitable if allowance_balance_for(young_person=person) is not None),
        suitable[0] if suitable else None,
    )


def _link_accounts(pairs: list[tuple[Any, User]]) -> None:
    User.objects.bulk_create([user for _, user in pairs], batch_size=BATCH)
    group, _ = Group.objects.get_or_create(name=Role.YOUNG_PERSON.value)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=user.pk, group_id=group.pk) for _, user in pairs],
        batch_size=BATCH,
    )
    PortalAccount.objects.bulk_create(
        [PortalAccount(user=user, young_person_id=person.pk) for person, user in pairs],
        batch_size=BATCH,
    )


def _accounts(people: list[Any], *, today: datetime.date) -> int:
    # Demo accounts other than the named one cannot be signed in to: no usable password.
    pairs = [
        (
            person,
            User(
                email=f"{person.child_id.lower()}@{ACCOUNT_EMAIL_DOMAIN}",
                password="!demo-account",  # noqa: S106 - "!" marks an unusable password
                first_name=person.preferred_name or person.first_name,
                last_name=person.last_name,
                date_joined=_at(today - datetime.timedelta(days=30)),
            ),
        )
        for person in people
    ]
    _link_accounts(pairs)
    return len(pairs)


def _invitations(
    people: list[Any], *, rng: random.Random, today: datetime.date, advisers: dict[int, int]
) -> int:
    rows = []
    for person in people:
        sent = _at(today - datetime.timedelta(days=rng.randint(0, 10)), hour=10)
        # The secret is thrown away: demo invitations show on the record but have no link.
        secret = hashlib.sha256(f"{person.child_id}-{rng.random()}".encode()).hexdigest()
        rows.append(
            Invitation(
                young_person_id=person.pk,
                method="sms" if rng.random() < 0.6 else "email",
                sent_to="07700 900 000" if rng.random() < 0.6 else "young.person@example.com",
                secret_hash=secret,
                expires_at=sent + datetime.timedelta(days=7),
                created_at=sent,
                created_by_id=advisers.get(person.pk),
            )
        )
    Invitation.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _request(
    person: Any,
    choice: tuple[str, str, str, str],
    *,
    asked: datetime.date,
    reply: str = "",
    adviser_id: int | None = None,
) -> YoungPersonRequest:
    kind, key, label, text = choice
    done = bool(reply and adviser_id)
    return YoungPersonRequest(
        young_person_id=person.pk,
        kind=kind,
        text=text,
        about_key=key,
        about_label=label,
        status=RequestStatus.DONE if done else RequestStatus.OPEN,
        handled_by_id=adviser_id if done else None,
        handled_at=_at(asked + datetime.timedelta(days=2), hour=15) if done else None,
        reply=reply if done else "",
        created_at=_at(asked),
    )


def _requests(
    people: list[Any], *, rng: random.Random, today: datetime.date, advisers: dict[int, int]
) -> int:
    rows = []
    for person in people:
        if rng.random() >= REQUEST_SHARE:
            continue
        for choice in rng.sample(REQUESTS, rng.randint(1, 2)):
            asked = today - datetime.timedelta(days=rng.randint(0, 40))
            done = rng.random() < 0.5 and asked < today - datetime.timedelta(days=2)
            rows.append(
                _request(
                    person,
                    choice,
                    asked=asked,
                    reply=rng.choice(REPLIES) if done else "",
                    adviser_id=advisers.get(person.pk),
                )
            )
    YoungPersonRequest.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _feedback(people: list[Any], *, rng: random.Random) -> int:
    given = 0
    accounts = {
        account.young_person_id: account.user
        for account in PortalAccount.objects.filter(
            young_person_id__in=[person.pk for person in people]
        ).select_related("user")
    }
    for person in people:
        if given >= FEEDBACK_PER_CHUNK or rng.random() >= FEEDBACK_SHARE:
            continue
        about, rating, good, better = rng.choice(FEEDBACK)
        feedback_give(
            acting_user=accounts[person.pk],
            young_person=person,
            send_as="named",
            about=about,
            rating=rating,
            what_is_good=good,
            what_could_be_better=better,
        )
        given += 1
    return given


def _demo_account(person: Any, *, today: datetime.date, advisers: dict[int, int]) -> int:
    """The named demo sign-in: a shared plan, two requests (one done) and one piece of
    feedback. Returns the number of requests."""
    user = User(
        email=DEMO_YOUNG_PERSON_EMAIL,
        password=make_password(DEMO_PASSWORD),
        first_name=person.preferred_name or person.first_name,
        last_name=person.last_name,
    )
    _link_accounts([(person, user)])
    adviser_id = advisers.get(person.pk)
    rows = [
        _request(
            person,
            REQUESTS[0],
            asked=today - datetime.timedelta(days=9),
            reply=REPLIES[0],
            adviser_id=adviser_id,
        ),
        _request(person, REQUESTS[2], asked=today - datetime.timedelta(days=1)),
    ]
    YoungPersonRequest.objects.bulk_create(rows)
    feedback_give(
        acting_user=user,
        young_person=person,
        send_as="named",
        about="personal_adviser",
        rating="very_good",
        what_is_good="Sam listens and sorts things out.",
    )
    _shared_plan(person, adviser_id=adviser_id)
    return len(rows)


def _shared_plan(person: Any, *, adviser_id: int | None) -> None:
    """A pathway plan written, authorised and shared, through the plans app's services."""
    team = person.team
    if adviser_id is None or team is None or not team.manager_id:
        return
    if PathwayPlan.objects.filter(young_person_id=person.pk).exists():
        return
    writer = User.objects.get(pk=adviser_id)
    manager = User.objects.get(pk=team.manager_id)
    plan = plan_services.plan_create(acting_user=writer, young_person=person)
    for section in plan.sections.all():
        plan_services.plan_update(
            acting_user=writer,
            plan=plan,
            section_key=section.key,
            version=section.version,
            young_persons_words=PLAN_WORDS.get(section.key, "I am happy with how this is going."),
            assessment=(
                "If the tenancy breaks down, call the duty team; a room is held at Foyer House."
                if section.key == "contingency"
                else "Going well. We agreed the next steps together."
            ),
        )
    plan_services.plan_goal_save(
        acting_user=writer,
        plan=plan,
        description="Finish my catering course",
        target_date=timezone.localdate() + datetime.timedelta(days=200),
    )
    plan_services.plan_submit(acting_user=writer, plan=plan)
    plan_services.plan_authorise(acting_user=manager, plan=plan)
    plan_services.plan_share(
        acting_user=writer,
        plan=plan,
        shared_on=timezone.localdate(),
        method="portal",
        copy_given_and_explained=True,
        agreement="agrees",
        young_persons_response="I agree with it. I want to move nearer college next year.",
    )
