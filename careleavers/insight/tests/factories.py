"""Factories for insight's tests: a small council with known facts, counted by hand for
every indicator insight defines.

All dates are relative to ON, the last day of October 2026. Two teams (A and B), two personal
advisers (PA1 in team A, PA2 in team B) and a social worker (SW1, team A).

- Amy, former relevant, 19, team A: seen 20 days before; a suitable flat; F2; plan authorised 2
  months before; 2 changes of adviser in the year; referral waiting 40 days (target 28); housing
  application 100 days (band target 12 weeks); allowance of £500 approved 30 days before.
- Ben, relevant, 17, A: contact made but not seen 10 days before, seen 70 days before; no
  accommodation; G5; plan 8 months old; 1 change; referral waiting 28 days (target 28); housing
  application 100 days with a provider target of 20 weeks; PEPs on time, late, not needed, due
  after ON and older than a year; an HE bursary (not the allowance).
- Cara, former relevant, 22, B, chose less contact: seen 70 days before, so within her 12 weeks
  but overdue for the two-monthly statutory visit while in council-provided accommodation
  (her stay of type R is council provided); residence not known;
  F5; reviewed 40 days before, with a request 35 days old still open; 1 change in the year
  (another 400 days before); referrals decided after ON (20 days waiting on ON), decided,
  withdrawn, made after ON and archived; allowance of £250.50 paid 200 days before.
- Dev, eligible, 16 and 7 months, A: adviser from the day he turned 16 and a half; a PEP due a
  month before, not done.
- Eve, eligible, 16 and 8 months, B: adviser from the day after she turned 16 and a half.
- Fay, former relevant, 18, A: every key document (one not needed, one undated); P4 ended 10
  days before; a suitable stay assessed only after ON; seen only after ON; allowance requested.
- Gus, relevant, 18, B: no bank account, passport only applied for; F1 ending on ON; stay type
  S marked suitable; plan in force only after ON; housing application 50 days with a band and
  provider target of 6 weeks; allowance refused.
- Hal, qualifying, 20, B: referral waiting 60 days (target 90); housing application closed.
- Ivy, former relevant, 20, A, restricted to nobody: seen 30 days before; an ended stay; an
  archived F1.
- Jon, former relevant, 21, A, archived: seen 5 days before (never counted).
- Kit, eligible, 16 and 1 month, A: nothing yet (first plan not due).
- Lou, former relevant, 24, B: F2 starting after ON; housing application 30 days, housed after
  ON; allowance approved 400 days before.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from careleavers.accommodation.models import ProtocolTarget
from careleavers.accommodation.tests.factories import (
    HousingApplicationFactory,
    PriorityBandFactory,
    ProviderFactory,
    StayFactory,
)
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.services import contact_due_refresh_all
from careleavers.casework.tests.factories import AllocationFactory, ContactFactory
from careleavers.core.dates import add_months
from careleavers.learning.tests.factories import ActivityEpisodeFactory, PepFactory
from careleavers.offer.models import ImportantDocument, PaymentRequest, PaymentType
from careleavers.offer.tests.factories import FundFactory, PaymentRequestFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PathwayPlan, PlanReview, PlanState, ReviewReason
from careleavers.transitions.tests.factories import ReferralFactory, ServiceFactory

ON = datetime.date(2026, 10, 31)
# Noon on ON, for tests that stop the clock on the day the known council is counted.
ON_NOON = datetime.datetime(2026, 10, 31, 12, 0, tzinfo=datetime.UTC)


def ago(days: int) -> datetime.date:
    return ON - datetime.timedelta(days=days)


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))


def born(years: int, months: int = 0, days: int = 0) -> datetime.date:
    return add_months(ON, -(12 * years + months)) - datetime.timedelta(days=days)


def _person(name: str, category: str, born_on: datetime.date, team: Any, **extra: Any) -> Any:
    return YoungPersonFactory(
        first_name=name,
        last_name="Known",
        preferred_name="",
        category=category,
        date_of_birth=born_on,
        team=team,
        **extra,
    )


def _plan(young_person: Any, number: int, effective_from: datetime.date) -> PathwayPlan:
    return PathwayPlan.objects.create(
        young_person=young_person,
        number=number,
        state=PlanState.AUTHORISED,
        effective_from=effective_from,
    )


def _document(young_person: Any, kind: str, status: str, dated: datetime.date | None) -> None:
    ImportantDocument.objects.create(
        young_person=young_person, kind=kind, status=status, dated=dated
    )


def _payment(
    young_person: Any,
    payment_type: str,
    status: str,
    decided: datetime.date | None,
    pence: int,
    approver: Any,
) -> None:
    fund = FundFactory(young_person=young_person, payment_type=payment_type)
    PaymentRequestFactory(
        fund=fund,
        amount_pence=pence,
        status=status,
        decided_at=at(decided) if decided else None,
        decided_by=approver if decided else None,
    )


def build_known_council() -> SimpleNamespace:
    team_a = TeamFactory(name="Team A")
    team_b = TeamFactory(name="Team B")
    pa1 = UserFactory(
        roles=[Role.PERSONAL_ADVISER], team=team_a, first_name="Pat", last_name="One"
    )
    pa2 = UserFactory(
        roles=[Role.PERSONAL_ADVISER], team=team_b, first_name="Pam", last_name="Two"
    )
    sw1 = UserFactory(
        roles=[Role.SOCIAL_WORKER], team=team_a, first_name="Sol", last_name="Worker"
    )
    earlier = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team_a, last_name="Earlier")
    manager = team_manager_of(team_a)

    amy = _person("Amy", "former_relevant", born(19, days=10), team_a)
    ben = _person("Ben", "relevant", born(17, days=10), team_a)
    cara = _person("Cara", "former_relevant", born(22, days=10), team_b, chose_less_contact=True)
    dev = _person("Dev", "eligible", born(16, 7), team_a)
    eve = _person("Eve", "eligible", born(16, 8), team_b)
    fay = _person("Fay", "former_relevant", born(18, 3), team_a)
    gus = _person("Gus", "relevant", born(18, days=40), team_b)
    hal = _person("Hal", "qualifying", born(20, days=10), team_b)
    ivy = _person("Ivy", "former_relevant", born(20, days=10), team_a, is_restricted=True)
    jon = _person("Jon", "former_relevant", born(21, days=10), team_a, archived_at=at(ago(1)))
    kit = _person("Kit", "eligible", born(16, 1), team_a)
    lou = _person("Lou", "former_relevant", born(24, days=10), team_b)

    # Allocations: Amy had 2 changes of adviser in the year; Ben 1 (and a social worker); Cara
    # 1 in the year (the other 400 days ago); Dev's adviser started the day he turned 16 and a
    # half, Eve's the day after.
    def allocate(
        young_person: Any,
        worker: Any,
        start: datetime.date,
        end: datetime.date | None,
        change: bool,
        role: str = "pa",
    ) -> None:
        AllocationFactory(
            young_person=young_person,
            worker=worker,
            start=start,
            end=end,
            is_change=change,
            role=role,
            reason="FIRST",
        )

    allocate(amy, earlier, ago(1000), ago(200), False)
    allocate(amy, pa2, ago(200), ago(100), True)
    allocate(amy, pa1, ago(100), None, True)
    allocate(ben, earlier, ago(700), ago(150), False)
    allocate(ben, pa1, ago(150), None, True)
    allocate(ben, sw1, ago(365), None, False, role="sw")
    allocate(cara, earlier, ago(1000), ago(400), False)
    allocate(cara, pa1, ago(400), ago(100), True)
    allocate(cara, pa2, ago(100), None, True)
    allocate(dev, pa1, add_months(dev.date_of_birth, 198), None, False)
    allocate(
        eve, pa2, add_months(eve.date_of_birth, 198) + datetime.timedelta(days=1), None, False
    )
    allocate(ivy, pa1, ago(300), None, False)

    # Contacts.
    def contact(
        young_person: Any, day: datetime.date, *, seen: bool = True, made: bool = True
    ) -> None:
        ContactFactory(
            young_person=young_person,
            worker=pa1,
            occurred_at=at(day),
            seen=seen,
            seen_alone=seen,
            made_contact=made,
        )

    contact(amy, ago(20))
    contact(ben, ago(10), seen=False)
    contact(ben, ago(70))
    contact(ben, ago(5), made=False, seen=False)  # a failed attempt: not in touch by it
    contact(cara, ago(70))
    contact(fay, ON + datetime.timedelta(days=5))
    contact(ivy, ago(30))
    contact(jon, ago(5))

    # Accommodation.
    StayFactory(
        young_person=amy,
        accom_type="U",
        start=ago(400),
        suitable=True,
        suitability_assessed_on=ago(390),
    )
    StayFactory(young_person=cara, accom_type="R", start=ago(100), suitable=None)
    StayFactory(
        young_person=fay,
        accom_type="D",
        start=ago(60),
        suitable=True,
        suitability_assessed_on=ON + datetime.timedelta(days=3),
    )
    StayFactory(
        young_person=gus,
        accom_type="S",
        start=ago(30),
        suitable=True,
        suitability_assessed_on=ago(29),
    )
    StayFactory(
        young_person=ivy,
        accom_type="U",
        start=ago(500),
        end=ago(50),
        suitable=True,
        suitability_assessed_on=ago(490),
    )

    # Education, employment and training.
    ActivityEpisodeFactory(young_person=amy, activ="F2", start=ago(365))
    ActivityEpisodeFactory(young_person=ben, activ="G5", start=ago(100))
    ActivityEpisodeFactory(young_person=cara, activ="F5", start=ago(200))
    ActivityEpisodeFactory(young_person=fay, activ="P4", start=ago(300), end=ago(10))
    ActivityEpisodeFactory(young_person=gus, activ="F1", start=ago(300), end=ON)
    ActivityEpisodeFactory(young_person=ivy, activ="F1", start=ago(300), archived_at=at(ago(2)))
    ActivityEpisodeFactory(young_person=lou, activ="F2", start=ON + datetime.timedelta(days=2))

    # Pathway plans and reviews.
    _plan(amy, 1, add_months(ON, -2))
    _plan(ben, 1, add_months(ON, -8))
    PlanReview.objects.create(
        young_person=ben, reason=ReviewReason.SCHEDULED, held_on=add_months(ON, -7)
    )
    _plan(cara, 1, add_months(ON, -10))
    PlanReview.objects.create(young_person=cara, reason=ReviewReason.SCHEDULED, held_on=ago(40))
    PlanReview.objects.create(
        young_person=cara, reason=ReviewReason.YOUNG_PERSON_ASKED, requested_on=ago(35)
    )
    _plan(gus, 1, ON + datetime.timedelta(days=5))

    # Important documents.
    for kind, status, dated in (
        ("birth_certificate", "have", datetime.date(2010, 1, 1)),
        ("passport", "not_needed", None),
        ("ni_number", "have", None),
        ("bank_account", "have", ago(30)),
    ):
        _document(fay, kind, status, dated)
    for kind, status in (
        ("birth_certificate", "have"),
        ("passport", "applied"),
        ("ni_number", "have"),
    ):
        _document(gus, kind, status, ago(100))

    # PEPs (12 months up to ON, unless marked not needed).
    PepFactory(
        young_person=ben, academic_year=2025, term="summer", due_on=ago(60), completed_on=ago(60)
    )
    PepFactory(
        young_person=ben, academic_year=2025, term="spring", due_on=ago(150), completed_on=ago(140)
    )
    PepFactory(
        young_person=ben,
        academic_year=2024,
        term="summer",
        due_on=ago(90),
        not_required_on=ago(90),
        not_required_reason="Left college",
    )
    PepFactory(
        young_person=ben,
        academic_year=2026,
        term="autumn",
        due_on=ON + datetime.timedelta(days=14),
    )
    PepFactory(
        young_person=ben, academic_year=2023, term="autumn", due_on=ago(400), completed_on=ago(400)
    )
    PepFactory(young_person=dev, academic_year=2026, term="autumn", due_on=ago(30))

    # Referrals to adult services.
    quick = ServiceFactory(name="Adult mental health (test)", target_wait_days=28)
    slow = ServiceFactory(name="Adult social care (test)", target_wait_days=90)

    def refer(young_person: Any, service: Any, referred: datetime.date, **dates: Any) -> None:
        ReferralFactory(
            young_person=young_person,
            service=service,
            referred_on=referred,
            referred_by=pa1,
            **dates,
        )

    refer(amy, quick, ago(40))
    refer(ben, quick, ago(28))
    refer(hal, slow, ago(60))
    refer(cara, quick, ago(20), decided_on=ON + datetime.timedelta(days=3), outcome="met")
    refer(cara, quick, ago(50), decided_on=ago(5), outcome="not_met")
    refer(cara, quick, ago(50), withdrawn_on=ago(2))
    refer(cara, quick, ON + datetime.timedelta(days=1))
    refer(cara, quick, ago(30), archived_at=at(ago(1)))

    # Housing applications.
    general = ProviderFactory(name="General housing (test)")
    special = ProviderFactory(name="Special provider (test)")
    band_x = PriorityBandFactory(code="X", target_weeks=12)
    band_y = PriorityBandFactory(code="Y", target_weeks=None)
    ProtocolTarget.objects.create(band=band_x, provider=special, target_weeks=20)
    ProtocolTarget.objects.create(band=band_y, provider=special, target_weeks=6)
    HousingApplicationFactory(young_person=amy, provider=general, band=band_x, applied_on=ago(100))
    HousingApplicationFactory(young_person=ben, provider=special, band=band_x, applied_on=ago(100))
    HousingApplicationFactory(young_person=gus, provider=special, band=band_y, applied_on=ago(50))
    HousingApplicationFactory(
        young_person=hal, provider=general, band=band_x, applied_on=ago(200), closed_on=ago(20)
    )
    HousingApplicationFactory(
        young_person=lou,
        provider=general,
        band=band_x,
        applied_on=ago(30),
        housed_on=ON + datetime.timedelta(days=10),
    )
    HousingApplicationFactory(
        young_person=lou,
        provider=general,
        band=band_x,
        applied_on=ago(300),
        archived_at=at(ago(3)),
    )

    # Setting up home allowance.
    approved, paid = PaymentRequest.Status.APPROVED, PaymentRequest.Status.PAID
    home = PaymentType.SETTING_UP_HOME
    _payment(amy, home, approved, ago(30), 50_000, manager)
    _payment(cara, home, paid, ago(200), 25_050, manager)
    _payment(fay, home, PaymentRequest.Status.REQUESTED, None, 10_000, manager)
    _payment(gus, home, PaymentRequest.Status.REFUSED, ago(10), 20_000, manager)
    _payment(lou, home, approved, ago(400), 30_000, manager)
    _payment(ben, PaymentType.HE_BURSARY, approved, ago(10), 66_700, manager)
    # A second allowance payment for Amy, approved after ON: not counted as at ON.
    PaymentRequestFactory(
        fund=amy.offer_funds.get(payment_type=home),
        amount_pence=7_000,
        status=approved,
        decided_at=at(ON + datetime.timedelta(days=1)),
        decided_by=manager,
    )

    # The next visit due dates as the nightly job would have kept them on ON: the contact
    # indicator counts from them, as the work tray does.
    contact_due_refresh_all(today=ON)

    return SimpleNamespace(
        on=ON,
        team_a=team_a,
        team_b=team_b,
        pa1=pa1,
        pa2=pa2,
        sw1=sw1,
        manager=manager,
        amy=amy,
        ben=ben,
        cara=cara,
        dev=dev,
        eve=eve,
        fay=fay,
        gus=gus,
        hal=hal,
        ivy=ivy,
        jon=jon,
        kit=kit,
        lou=lou,
        money=Decimal("750.50"),
    )
