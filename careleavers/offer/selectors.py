"""Reads for the local offer. Lists of young people go through `young_people_visible_to`."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from careleavers.core.dates import latest_birth_date_reaching
from careleavers.offer.entitlements import (
    Area,
    EligibilityRule,
    OfferItem,
    PersonalStatement,
    PersonFacts,
    category_on,
    personal_statement,
)
from careleavers.offer.models import (
    Attendance,
    CatalogueItem,
    CouncilTaxExemption,
    DocumentKind,
    Fund,
    GroupActivity,
    GroupSession,
    ImportantDocument,
    OfferExplained,
    OfferVersion,
    PaymentRequest,
    PaymentType,
)
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

# The catalogue item that a granted council tax exemption counts as "had".
COUNCIL_TAX_KEY = "council_tax_exemption"
TENANCY_LETTERS = frozenset({"U"})  # DfE ACCOM U: independent living, including a tenancy


# The catalogue ---------------------------------------------------------------------------------


def published_version() -> OfferVersion | None:
    return (
        OfferVersion.objects.filter(status=OfferVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )


def draft_version() -> OfferVersion | None:
    return OfferVersion.objects.filter(status=OfferVersion.Status.DRAFT).first()


def versions() -> QuerySet[OfferVersion]:
    return (
        OfferVersion.objects.select_related("published_by")
        .annotate(item_count=Count("items"))
        .order_by("-number")
    )


def version_for_page(*, pk: int) -> OfferVersion:
    return get_object_or_404(OfferVersion, pk=pk)


def items_of(version: OfferVersion | None) -> list[CatalogueItem]:
    if version is None:
        return []
    return list(version.items.order_by("area", "order", "title"))


def items_by_area(items: list[CatalogueItem]) -> list[tuple[Area, list[CatalogueItem]]]:
    grouped: dict[str, list[CatalogueItem]] = defaultdict(list)
    for item in items:
        grouped[item.area].append(item)
    return [(area, grouped[area.value]) for area in Area if grouped[area.value]]


def as_offer_item(item: CatalogueItem) -> OfferItem:
    return OfferItem(
        key=item.key,
        title=item.title,
        area=Area(item.area),
        rule=EligibilityRule.from_data(item.rule or {}),
        summary=item.summary,
    )


# Facts and the personal statement ---------------------------------------------------------------


def person_facts(*, young_person: YoungPerson, on: datetime.date) -> PersonFacts:
    """What the rule engine needs about a young person on a day, from their record."""
    from careleavers.accommodation.models import AccommodationStay
    from careleavers.learning import selectors as learning
    from careleavers.transitions.models import HealthProfile

    activity = learning.current_activity(learning.activities_for(young_person=young_person), on=on)
    stay = (
        AccommodationStay.objects.live()
        .filter(young_person=young_person, start__lte=on)
        .exclude(end__lt=on)
        .order_by("-start", "-pk")
        .first()
    )
    letter = stay.accom_type if stay else ""
    age = young_person.age_on(on)
    # Being a parent is recorded with the young person's health (transitions app).
    is_parent = HealthProfile.objects.filter(young_person=young_person, is_parent=True).exists()
    return PersonFacts(
        date_of_birth=young_person.date_of_birth,
        category=category_on(young_person.category, age),
        activity=activity.activ if activity else "",
        accommodation_letter=letter,
        immigration_status=young_person.immigration_status,
        is_parent=is_parent,
        has_tenancy=letter in TENANCY_LETTERS,
    )


def received_keys_for(*, young_person: YoungPerson, items: list[CatalogueItem]) -> set[str]:
    """Catalogue items they have had: money approved or paid from the item's fund, or a
    council tax exemption granted."""
    types = set(
        PaymentRequest.objects.filter(
            young_person=young_person,
            status__in=(PaymentRequest.Status.APPROVED, PaymentRequest.Status.PAID),
        ).values_list("fund__payment_type", flat=True)
    )
    keys = {item.key for item in items if item.payment_type and item.payment_type in types}
    if CouncilTaxExemption.objects.filter(
        young_person=young_person, status=CouncilTaxExemption.Status.GRANTED
    ).exists():
        keys.add(COUNCIL_TAX_KEY)
    return keys


@dataclass(frozen=True)
class StatementPage:
    statement: PersonalStatement
    items: dict[str, CatalogueItem]  # by key, for amounts and plain-English text
    version: OfferVersion | None
    on: datetime.date


def statement_page_for(young_person: YoungPerson, on: datetime.date) -> StatementPage:
    version = published_version()
    items = items_of(version)
    statement = personal_statement(
        items=[as_offer_item(item) for item in items],
        facts=person_facts(young_person=young_person, on=on),
        on=on,
        received_keys=received_keys_for(young_person=young_person, items=items),
    )
    return StatementPage(
        statement=statement, items={item.key: item for item in items}, version=version, on=on
    )


def personal_statement_for(young_person: YoungPerson, on: datetime.date) -> PersonalStatement:
    """What this young person is entitled to now, has had, and what opens up next, from the
    published local offer. The portal shows this to the young person."""
    return statement_page_for(young_person, on).statement


# Money ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FundRow:
    payment_type: str
    label: str
    entitlement_pence: int
    approved_pence: int  # for annual grants: this calendar year
    paid_pence: int
    waiting_pence: int  # requested, not yet decided
    is_annual: bool

    @property
    def balance_pence(self) -> int:
        return self.entitlement_pence - self.approved_pence


def funds_for(*, young_person: YoungPerson, on: datetime.date) -> list[FundRow]:
    funds = list(Fund.objects.filter(young_person=young_person).order_by("payment_type"))
    sums = (
        PaymentRequest.objects.filter(young_person=young_person)
        .values("fund_id", "status")
        .annotate(total=Sum("amount_pence"))
    )
    this_year = (
        PaymentRequest.objects.filter(
            young_person=young_person,
            status__in=(PaymentRequest.Status.APPROVED, PaymentRequest.Status.PAID),
            decided_at__year=on.year,
        )
        .values("fund_id")
        .annotate(total=Sum("amount_pence"))
    )
    waiting = {
        row["fund_id"]: row["total"]
        for row in sums
        if row["status"] == PaymentRequest.Status.REQUESTED
    }
    year_totals = {row["fund_id"]: row["total"] for row in this_year}
    rows = []
    for fund in funds:
        rows.append(
            FundRow(
                payment_type=fund.payment_type,
                label=fund.get_payment_type_display(),
                entitlement_pence=fund.entitlement_pence,
                approved_pence=(
                    int(year_totals.get(fund.pk, 0)) if fund.is_annual else fund.approved_pence
                ),
                paid_pence=fund.paid_pence,
                waiting_pence=int(waiting.get(fund.pk, 0)),
                is_annual=fund.is_annual,
            )
        )
    order = list(PaymentType.values)
    return sorted(rows, key=lambda row: order.index(row.payment_type))


def allowance_balance_for(*, young_person: YoungPerson) -> int | None:
    """Setting up home allowance left, in pence; None when no fund is open yet."""
    fund = Fund.objects.filter(
        young_person=young_person, payment_type=PaymentType.SETTING_UP_HOME
    ).first()
    return fund.balance_pence if fund else None


def payments_for(*, young_person: YoungPerson) -> QuerySet[PaymentRequest]:
    return (
        PaymentRequest.objects.filter(young_person=young_person)
        .select_related("fund", "decided_by", "created_by")
        .order_by("-created_at", "-pk")
    )


def payment_for_record(*, young_person: YoungPerson, pk: int) -> PaymentRequest:
    return get_object_or_404(
        PaymentRequest.objects.select_related("fund"), pk=pk, young_person=young_person
    )


def payments_awaiting_approval(*, user: Any, team_ids: Any = None) -> QuerySet[PaymentRequest]:
    found = PaymentRequest.objects.filter(
        status=PaymentRequest.Status.REQUESTED,
        young_person__in=young_people_visible_to(user=user).values("pk"),
    )
    if team_ids is not None:
        found = found.filter(young_person__team_id__in=team_ids)
    return found.select_related("young_person", "fund").order_by("created_at")


@dataclass(frozen=True)
class SpendRow:
    team: str
    payment_type: str
    label: str
    count: int
    total_pence: int


def spend_report(*, user: Any, year: int, month: int) -> list[SpendRow]:
    """Money approved in a month (by the date of approval), by payment type and team, for the
    young people the user can see. One query."""
    labels = dict(PaymentType.choices)
    rows = (
        PaymentRequest.objects.filter(
            status__in=(PaymentRequest.Status.APPROVED, PaymentRequest.Status.PAID),
            decided_at__year=year,
            decided_at__month=month,
            young_person__in=young_people_visible_to(user=user).values("pk"),
        )
        .values("young_person__team__name", "fund__payment_type")
        .annotate(count=Count("pk"), total=Coalesce(Sum("amount_pence"), 0))
        .order_by("young_person__team__name", "fund__payment_type")
    )
    return [
        SpendRow(
            team=row["young_person__team__name"] or "No team",
            payment_type=row["fund__payment_type"],
            label=labels.get(row["fund__payment_type"], row["fund__payment_type"]),
            count=row["count"],
            total_pence=int(row["total"]),
        )
        for row in rows
    ]


# Council tax and documents ----------------------------------------------------------------------


def council_tax_for(*, young_person: YoungPerson) -> QuerySet[CouncilTaxExemption]:
    return CouncilTaxExemption.objects.filter(young_person=young_person).order_by(
        "-created_at", "-pk"
    )


def council_tax_for_record(*, young_person: YoungPerson, pk: int) -> CouncilTaxExemption:
    return get_object_or_404(CouncilTaxExemption, pk=pk, young_person=young_person)


@dataclass(frozen=True)
class ChecklistRow:
    kind: str
    label: str
    document: ImportantDocument | None

    @property
    def in_hand(self) -> bool:
        return self.document is not None and self.document.is_in_hand


def _checklist(documents: list[ImportantDocument]) -> list[ChecklistRow]:
    by_kind = {document.kind: document for document in documents}
    return [
        ChecklistRow(kind=kind, label=label, document=by_kind.get(kind))
        for kind, label in DocumentKind.choices
    ]


def documents_checklist_for(*, young_person: YoungPerson) -> list[ChecklistRow]:
    return _checklist(list(ImportantDocument.objects.filter(young_person=young_person)))


def documents_missing_count(*, young_person: YoungPerson) -> int:
    return sum(1 for row in documents_checklist_for(young_person=young_person) if not row.in_hand)


@dataclass(frozen=True)
class LackingRow:
    young_person: YoungPerson
    age: int
    missing: list[str]


def documents_lacking(*, user: Any, on: datetime.date, age: int) -> QuerySet[YoungPerson]:
    """Young people the user can see who are `age` on `on` and lack a document on the checklist,
    youngest last. The database counts what each has in hand, so the list can be counted and
    shown a page at a time (at national size there are thousands each year of age)."""
    latest_birth = latest_birth_date_reaching(age, on)
    earliest_birth = latest_birth_date_reaching(age + 1, on) + datetime.timedelta(days=1)
    in_hand = (
        ImportantDocument.objects.filter(
            young_person=OuterRef("pk"),
            status__in=[ImportantDocument.Status.HAVE, ImportantDocument.Status.NOT_NEEDED],
        )
        .order_by()
        .values("young_person")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # One row per kind at most (a constraint), so fewer in hand than kinds means one is lacking.
    # Counted for each young person in a subquery, not by grouping every column of the list.
    return (
        young_people_visible_to(user=user)
        .filter(date_of_birth__gte=earliest_birth, date_of_birth__lte=latest_birth)
        .annotate(in_hand=Coalesce(Subquery(in_hand, output_field=IntegerField()), 0))
        .filter(in_hand__lt=len(DocumentKind.choices))
        .select_related("team")
        .order_by("date_of_birth", "last_name", "pk")
    )


def lacking_rows(young_people: Iterable[YoungPerson], *, age: int) -> list[LackingRow]:
    """What each of these young people lacks, for the page that lists them (one query)."""
    people = list(young_people)
    documents: dict[int, list[ImportantDocument]] = defaultdict(list)
    for document in ImportantDocument.objects.filter(young_person__in=people):
        documents[document.young_person_id].append(document)
    return [
        LackingRow(
            young_person=person,
            age=age,
            missing=[row.label for row in _checklist(documents[person.pk]) if not row.in_hand],
        )
        for person in people
    ]


# Groups ---------------------------------------------------------------------------------------


def group_activities() -> QuerySet[GroupActivity]:
    return (
        GroupActivity.objects.select_related("team")
        .annotate(session_count=Count("sessions"))
        .order_by("-is_running", "name")
    )


def group_activity_for_page(*, pk: int) -> GroupActivity:
    return get_object_or_404(GroupActivity, pk=pk)


def sessions_of(activity: GroupActivity) -> QuerySet[GroupSession]:
    return activity.sessions.annotate(attended=Count("attendance")).order_by("-held_on", "-pk")


def session_for_page(*, activity: GroupActivity, pk: int) -> GroupSession:
    return get_object_or_404(GroupSession, pk=pk, activity=activity)


def attendance_visible_to(*, user: Any, session: GroupSession) -> QuerySet[Attendance]:
    """Who came, as far as this user may know: only young people they can see."""
    return (
        Attendance.objects.filter(
            session=session,
            young_person__in=young_people_visible_to(user=user).values("pk"),
        )
        .select_related("young_person")
        .order_by("young_person__last_name", "young_person__first_name")
    )


def visible_young_person_by_child_id(*, user: Any, child_id: str) -> YoungPerson | None:
    return young_people_visible_to(user=user).filter(child_id__iexact=child_id.strip()).first()


def latest_offer_explained(
    *, young_person: YoungPerson, on: datetime.date | None = None
) -> OfferExplained | None:
    """The latest time the local offer was explained to them, up to `on` (one query)."""
    explanations = OfferExplained.objects.filter(young_person=young_person)
    if on is not None:
        explanations = explanations.filter(explained_on__lte=on)
    return explanations.select_related("created_by").order_by("-explained_on", "-pk").first()


def offer_explanations(*, young_person: YoungPerson) -> list[OfferExplained]:
    """When the local offer was explained to them, newest first (one query)."""
    return list(
        OfferExplained.objects.filter(young_person=young_person).select_related("created_by")
    )
