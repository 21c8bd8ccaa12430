"""Demo data for the local offer: money ledgers, council tax, important documents and a cook
and eat group.

`seed` is called by the demo builder after young people and staff exist. It is deterministic
(every choice comes from the generator given, in the order of the young people given) and writes
with bulk inserts only, so 100,000 young people take seconds.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from careleavers.core.dates import age_on
from careleavers.demo import story
from careleavers.offer.models import (
    Attendance,
    CouncilTaxExemption,
    DocumentKind,
    Fund,
    GroupActivity,
    GroupSession,
    ImportantDocument,
    OfferExplained,
    OfferPolicy,
    PaymentRequest,
    PaymentType,
)

BATCH = 5_000
PURCHASES = (
    ("Fridge freezer", 32_999),
    ("Washing machine", 28_900),
    ("Bed and mattress", 41_000),
    ("Sofa", 45_000),
    ("Pots, pans and crockery", 8_550),
    ("Curtains and bedding", 12_075),
    ("Microwave", 6_999),
    ("Carpet for the living room", 38_000),
    ("Vacuum cleaner", 9_999),
)
BILLING_AUTHORITIES = (
    "Anytown Borough Council",
    "Northshire District Council",
    "Riverside City Council",
)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))


def seed(
    *, rng: random.Random, today: datetime.date, young_people: list[Any], workers: list[Any]
) -> dict[str, int]:
    policy = OfferPolicy.current()
    approver = workers[0] if workers else None
    funds: list[Fund] = []
    plans: list[tuple[Fund, list[tuple[str, int, str, datetime.date]]]] = []
    documents: list[ImportantDocument] = []
    exemptions: list[CouncilTaxExemption] = []
    kinds = list(DocumentKind.values)
    for person in young_people:
        age = age_on(person.date_of_birth, today)
        if age < 16:
            continue
        # Documents: most have most of them by 18 (the letter's finding).
        have_chance = 0.55 if age < 17 else 0.8 if age < 18 else 0.92
        for kind in kinds:
            roll = rng.random()
            if roll < have_chance:
                status, holder = "have", rng.choice(["young_person", "leaving_care", "carer"])
            elif roll < have_chance + 0.05:
                status, holder = "applied", ""
            else:
                continue
            documents.append(
                ImportantDocument(
                    young_person_id=person.pk,
                    kind=kind,
                    status=status,
                    original_held_by=holder,
                    dated=today - datetime.timedelta(days=rng.randint(10, 900)),
                )
            )
        if age >= 18 and rng.random() < 0.6:
            fund = Fund(
                young_person_id=person.pk,
                payment_type=PaymentType.SETTING_UP_HOME,
                entitlement_pence=policy.setting_up_home_allowance_pence,
            )
            payments = []
            for _ in range(rng.randint(1, 5)):
                description, pence = rng.choice(PURCHASES)
                day = today - datetime.timedelta(days=rng.randint(0, 400))
                status = rng.choices(["paid", "approved", "requested"], [6, 2, 1])[0]
                payments.append((description, pence, status, day))
            funds.append(fund)
            plans.append((fund, payments))
        if age >= 18 and rng.random() < 0.25:
            applied = today - datetime.timedelta(days=rng.randint(5, 600))
            granted = rng.random() < 0.8
            exemptions.append(
                CouncilTaxExemption(
                    young_person_id=person.pk,
                    billing_authority=rng.choice(BILLING_AUTHORITIES),
                    status="granted" if granted else "applied",
                    applied_on=applied,
                    decided_on=applied + datetime.timedelta(days=21) if granted else None,
                    starts_on=applied if granted else None,
                )
            )
    Fund.objects.bulk_create(funds, batch_size=BATCH)
    requests: list[PaymentRequest] = []
    for fund, payments in plans:
        spent = 0
        for description, pence, status, day in payments:
            # Requests are decided within story.DECISION_WAIT_DAYS and paid within a month:
            # only recent ones still wait for a manager.
            waited = (today - day).days
            if status == "requested" and waited > story.DECISION_WAIT_DAYS:
                status = "paid"
            if status == "approved" and waited > 30:
                status = "paid"
            if status != "requested" and spent + pence > fund.entitlement_pence:
                # More than the allowance left: refused, or still waiting if it is recent.
                status = "requested" if waited <= story.DECISION_WAIT_DAYS else "refused"
            decided = status in ("approved", "paid")
            if decided:
                spent += pence
            requests.append(
                PaymentRequest(
                    fund=fund,
                    young_person_id=fund.young_person_id,
                    description=description,
                    amount_pence=pence,
                    status=status,
                    created_at=_at(day),
                    decided_by=approver if status != "requested" else None,
                    decided_at=_at(day) if status != "requested" else None,
                    decision_note=(
                        "More than is left of the allowance. We talked about what else could help."
                        if status == "refused"
                        else ""
                    ),
                    paid_at=_at(day) if status == "paid" else None,
                )
            )
            fund.approved_pence = spent
            if status == "paid":
                fund.paid_pence += pence
    PaymentRequest.objects.bulk_create(requests, batch_size=BATCH)
    Fund.objects.bulk_update(funds, ["approved_pence", "paid_pence"], batch_size=BATCH)
    ImportantDocument.objects.bulk_create(documents, batch_size=BATCH)
    CouncilTaxExemption.objects.bulk_create(exemptions, batch_size=BATCH)

    # A weekly cook and eat group for the last twelve weeks.
    group = GroupActivity.objects.create(
        name="Cook and eat",
        area="participation",
        description="Cook a meal together, eat it, and take the recipe home.",
        when_and_where="Tuesdays, 5pm to 7pm, at the Hub kitchen",
    )
    sessions = GroupSession.objects.bulk_create(
        [
            GroupSession(
                activity=group,
                held_on=today - datetime.timedelta(days=7 * week + 1),
                hours=Decimal("2.5"),  # two hours, and half an hour to shop and set up
            )
            for week in range(12)
        ]
    )
    # Two workers run each session, taking turns, so their caseloads show the time.
    runners = workers[:4]
    if runners:
        GroupSession.run_by.through.objects.bulk_create(
            [
                GroupSession.run_by.through(groupsession_id=session.pk, user_id=worker.pk)
                for index, session in enumerate(sessions)
                for worker in {runners[index % len(runners)], runners[(index + 1) % len(runners)]}
            ]
        )
    regulars = [p for p in young_people if 17 <= age_on(p.date_of_birth, today) <= 21][:40]
    feedback = ("Loved the curry.", "Learnt to make pasta sauce.", "Met new people.", "")
    attendance = [
        Attendance(
            session=session,
            young_person_id=person.pk,
            rating=rng.choice([2, 3, 3]),
            feedback=rng.choice(feedback),
        )
        for session in sessions
        for person in regulars
        if rng.random() < 0.3
    ]
    Attendance.objects.bulk_create(attendance, batch_size=BATCH)

    # Most young people have had the local offer explained in the last year, and most said they
    # understood it; a few need it going over again.
    explained = []
    for person in young_people:
        if age_on(person.date_of_birth, today) < 16 or rng.random() > 0.75 or not workers:
            continue
        understood = rng.choices(["yes", "partly", "no"], weights=[8, 2, 1])[0]
        explained.append(
            OfferExplained(
                young_person_id=person.pk,
                explained_on=today - datetime.timedelta(days=rng.randint(3, 420)),
                how=rng.choice(["in_person", "in_person", "phone", "video", "written"]),
                understood=understood,
                notes=""
                if understood == "yes"
                else "Go over the bursary and the setting up "
                "home allowance again at the next visit.",
                created_by=rng.choice(workers),
            )
        )
    OfferExplained.objects.bulk_create(explained, batch_size=BATCH)
    return {
        "offer explained": len(explained),
        "offer funds": len(funds),
        "offer payments": len(requests),
        "important documents": len(documents),
        "council tax exemptions": len(exemptions),
        "group attendances": len(attendance),
    }
