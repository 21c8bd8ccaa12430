"""Changes to the local offer, the money ledger, documents, council tax and groups.

Each service takes keyword-only arguments with the acting user first, runs in one transaction
and writes its audit event in that transaction. A refusal is a ValidationError (a dict of field
name to message where a field is to blame) and changes nothing.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.core.audit import audit_record, create_audited, save_audited
from careleavers.core.concurrency import refuse_if_stale
from careleavers.core.council_settings_change import change_council_settings
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import refuse_after_today
from careleavers.core.submissions import create_once, created_by
from careleavers.offer.entitlements import EligibilityRule
from careleavers.offer.models import (
    ANNUAL_PAYMENT_TYPES,
    Attendance,
    CatalogueItem,
    CouncilTaxExemption,
    Fund,
    GroupActivity,
    GroupSession,
    ImportantDocument,
    OfferExplained,
    OfferPolicy,
    OfferVersion,
    PaymentRequest,
    PaymentType,
    pounds,
)
from careleavers.people.models import YoungPerson

Status = PaymentRequest.Status


# The catalogue --------------------------------------------------------------------------------


def rule_validate(data: Any) -> dict[str, Any]:
    """Check a rule given as data, and return it in its canonical form."""
    if not isinstance(data, dict):
        raise ValidationError({"rule": 'The rule must be a JSON object, like {"min_age": 18}'})
    try:
        rule = EligibilityRule.from_data(data)
    except (TypeError, ValueError) as error:
        raise ValidationError({"rule": str(error)}) from error
    for name in ("min_age", "max_age"):
        value = getattr(rule, name)
        if value is not None and (not isinstance(value, int) or not 0 <= value <= 30):
            raise ValidationError({"rule": f"{name} must be a whole number from 0 to 30"})
    if rule.min_age is not None and rule.max_age is not None and rule.min_age >= rule.max_age:
        raise ValidationError({"rule": "min_age must be less than max_age"})
    return rule.to_data()


def offer_draft_create(*, acting_user: User, change_summary: str = "") -> OfferVersion:
    """Start a new draft from the published offer (its items copied). One draft at a time."""
    with transaction.atomic():
        if (
            OfferVersion.objects.select_for_update()
            .filter(status=OfferVersion.Status.DRAFT)
            .exists()
        ):
            raise ValidationError("There is already a draft. Edit or publish it first.")
        last = OfferVersion.objects.order_by("-number").first()
        published = (
            OfferVersion.objects.filter(status=OfferVersion.Status.PUBLISHED)
            .order_by("-number")
            .first()
        )
        draft = create_audited(
            OfferVersion,
            acting_user=acting_user,
            number=(last.number + 1) if last else 1,
            title=published.title if published else OfferVersion._meta.get_field("title").default,
            change_summary=change_summary,
        )
        if published is not None:
            copies = []
            for item in published.items.all():
                item.pk = None
                item.version = draft
                copies.append(item)
            CatalogueItem.objects.bulk_create(copies)
    return draft


ITEM_FIELDS = (
    "key",
    "title",
    "area",
    "summary",
    "how_to_get_it",
    "amount_pence",
    "limit_text",
    "payment_type",
    "rule",
    "order",
)


def catalogue_item_save(
    *,
    acting_user: User,
    version: OfferVersion,
    item: CatalogueItem | None = None,
    **values: Any,
) -> CatalogueItem:
    """Add or change an item of a draft. Published versions never change."""
    unknown = set(values) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"Unknown item fields: {sorted(unknown)}")
    if "rule" in values:
        values["rule"] = rule_validate(values["rule"])
    with transaction.atomic():
        version = OfferVersion.objects.select_for_update().get(pk=version.pk)
        if version.status != OfferVersion.Status.DRAFT:
            raise ValidationError("Only a draft can be changed. Start a new draft first.")
        key = values.get("key", item.key if item else "")
        clash = CatalogueItem.objects.filter(version=version, key=key)
        if item is not None:
            clash = clash.exclude(pk=item.pk)
        if clash.exists():
            raise ValidationError({"key": "Another item in this version has this key"})
        if item is None:
            item = CatalogueItem(version=version)
        for name, value in values.items():
            setattr(item, name, value)
        item.save()
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE,
            subject=item,
            detail={"version": version.number, "key": item.key},
        )
    return item


def offer_version_publish(
    *, acting_user: User, version: OfferVersion, published_on: datetime.date
) -> OfferVersion:
    """Publish a draft; the version it replaces stays as history."""
    with transaction.atomic():
        version = OfferVersion.objects.select_for_update().get(pk=version.pk)
        if version.status != OfferVersion.Status.DRAFT:
            raise ValidationError("This version is already published.")
        if not version.items.exists():
            raise ValidationError("A version needs at least one item before it is published.")
        OfferVersion.objects.filter(status=OfferVersion.Status.PUBLISHED).update(
            status=OfferVersion.Status.SUPERSEDED
        )
        version.status = OfferVersion.Status.PUBLISHED
        version.published_on = published_on
        version.published_by = acting_user
        save_audited(
            version,
            acting_user=acting_user,
            detail={"published_on": published_on.isoformat()},
            young_person_id=None,
        )
    return version


POLICY_FIELDS = (
    "setting_up_home_allowance_pence",
    "he_bursary_pence",
    "he_bursary_instalments",
    "bursary_16_19_pence",
    "team_manager_limit_pence",
    "head_of_service_limit_pence",
)


def policy_update(*, acting_user: User, **values: Any) -> OfferPolicy:
    return change_council_settings(
        OfferPolicy, acting_user=acting_user, settings=POLICY_FIELDS, values=values
    )


# Money -----------------------------------------------------------------------------------------


def entitlement_for(payment_type: str, policy: OfferPolicy | None = None) -> int:
    """The amount a new fund of this type opens with, in pence."""
    policy = policy or OfferPolicy.current()
    fixed = {
        PaymentType.SETTING_UP_HOME: policy.setting_up_home_allowance_pence,
        PaymentType.HE_BURSARY: policy.he_bursary_pence,
        PaymentType.BURSARY_16_19: policy.bursary_16_19_pence,
    }
    if payment_type in fixed:
        return fixed[PaymentType(payment_type)]
    item = (
        CatalogueItem.objects.filter(
            version__status=OfferVersion.Status.PUBLISHED, payment_type=payment_type
        )
        .exclude(amount_pence=None)
        .first()
    )
    return (item.amount_pence or 0) if item else 0


def fund_open(*, young_person: YoungPerson, payment_type: str) -> Fund:
    """The young person's fund of this type, opened now at today's policy amount if new.

    Not audited on its own: it is opened as part of the request that needs it.
    """
    fund = Fund.objects.filter(young_person=young_person, payment_type=payment_type).first()
    if fund is not None:
        return fund
    try:
        with transaction.atomic():
            return Fund.objects.create(
                young_person=young_person,
                payment_type=payment_type,
                entitlement_pence=entitlement_for(payment_type),
            )
    except IntegrityError:  # opened by someone else a moment ago
        return Fund.objects.get(young_person=young_person, payment_type=payment_type)


def payment_request_create(
    *,
    acting_user: User,
    young_person: YoungPerson,
    payment_type: str,
    description: str,
    amount_pence: int,
    due_on: datetime.date | None = None,
    submission_key: uuid.UUID | None = None,
) -> PaymentRequest:
    """Ask for a payment. The same form sent twice (`submission_key`) asks once."""
    if amount_pence <= 0:
        raise ValidationError({"amount_pence": "Enter an amount more than £0"})
    if payment_type not in PaymentType.values:
        raise ValidationError({"payment_type": "Select what the payment is from"})

    def create() -> PaymentRequest:
        with transaction.atomic():
            fund = fund_open(young_person=young_person, payment_type=payment_type)
            payment = create_audited(
                PaymentRequest,
                acting_user=acting_user,
                young_person_id=young_person.pk,
                detail={"type": payment_type, "amount_pence": amount_pence},
                fund=fund,
                young_person=young_person,
                description=description.strip(),
                amount_pence=amount_pence,
                due_on=due_on,
                submission_key=submission_key,
            )
        return payment

    return create_once(
        PaymentRequest,
        key=submission_key,
        belongs=created_by(acting_user, young_person),
        create=create,
    )


def he_bursary_schedule_create(
    *, acting_user: User, young_person: YoungPerson, first_due_on: datetime.date
) -> list[PaymentRequest]:
    """The £2,000 higher education bursary as instalments a year apart (Children Act 1989
    (Higher Education Bursary) (England) Regulations 2009 reg 2: lump sum or instalments).

    The instalments add up to the bursary exactly: the first takes any odd pence.
    """
    policy = OfferPolicy.current()
    count = max(1, policy.he_bursary_instalments)
    with transaction.atomic():
        fund = fund_open(young_person=young_person, payment_type=PaymentType.HE_BURSARY)
        fund = Fund.objects.select_for_update().get(pk=fund.pk)
        if fund.payments.exclude(status=Status.REFUSED).exists():
            raise ValidationError("Their bursary already has payments. Add any more one by one.")
        share, odd = divmod(fund.entitlement_pence, count)
        payments = []
        for index in range(count):
            due = _years_after(first_due_on, index)
            amount = share + (odd if index == 0 else 0)
            payments.append(
                PaymentRequest.objects.create(
                    fund=fund,
                    young_person=young_person,
                    description=f"Higher education bursary, instalment {index + 1} of {count}",
                    amount_pence=amount,
                    due_on=due,
                    created_by=acting_user,
                    modified_by=acting_user,
                )
            )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=fund,
            young_person_id=young_person.pk,
            detail={
                "schedule": [[p.due_on.isoformat(), p.amount_pence] for p in payments if p.due_on]
            },
        )
    return payments


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def approval_limit_for(user: Any, policy: OfferPolicy) -> int:
    """The largest single payment this user may approve, in pence (0: none)."""
    limit = 0
    if user.has_role(Role.TEAM_MANAGER):
        limit = max(limit, policy.team_manager_limit_pence)
    if user.has_role(Role.HEAD_OF_SERVICE):
        limit = max(limit, policy.head_of_service_limit_pence)
    return limit


def _approved_this_year(fund: Fund, on: datetime.date) -> int:
    total = PaymentRequest.objects.filter(
        fund=fund,
        status__in=(Status.APPROVED, Status.PAID),
        decided_at__year=on.year,
    ).aggregate(total=Sum("amount_pence"))["total"]
    return int(total or 0)


def payment_approve(
    *,
    acting_user: User,
    payment: PaymentRequest,
    override_reason: str = "",
    note: str = "",
) -> PaymentRequest:
    """Approve a request within the manager's limit and the young person's entitlement.

    The fund row is locked first (select_for_update), so approvals of requests from the same
    fund happen one after another and each sees the balance the one before left: the ledger
    cannot be overspent, or lose a penny, however many managers approve at once. Spending
    beyond the entitlement needs `override_reason`, which is recorded.
    """
    override_reason = override_reason.strip()
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=payment.fund_id)
        payment = PaymentRequest.objects.select_for_update().get(pk=payment.pk)
        if payment.status != Status.REQUESTED:
            raise ValidationError(
                f"This request has already been decided ({payment.get_status_display()})."
            )
        policy = OfferPolicy.current()
        limit = approval_limit_for(acting_user, policy)
        if payment.amount_pence > limit:
            raise ValidationError(
                f"This is more than you can approve ({pounds(limit)}). Ask someone with a "
                "higher limit, such as the head of service."
            )
        today = timezone.localdate()
        already = _approved_this_year(fund, today) if fund.is_annual else fund.approved_pence
        available = fund.entitlement_pence - already
        over = payment.amount_pence > available
        if over and not override_reason:
            raise ValidationError(
                {
                    "override_reason": (
                        f"This is more than they have left ({pounds(max(available, 0))}). "
                        "To approve it anyway, give the reason for the override"
                    )
                }
            )
        fund.approved_pence += payment.amount_pence
        fund.save(update_fields=["approved_pence"])
        payment.status = Status.APPROVED
        payment.decided_by = acting_user
        payment.decided_at = timezone.now()
        payment.decision_note = note.strip()
        payment.override_reason = override_reason if over else ""
        save_audited(
            payment,
            acting_user=acting_user,
            detail={
                "decision": "approved",
                "amount_pence": payment.amount_pence,
                "override": bool(payment.override_reason),
                "balance_pence": fund.entitlement_pence - fund.approved_pence,
            },
        )
    return payment


def payment_refuse(*, acting_user: User, payment: PaymentRequest, note: str) -> PaymentRequest:
    if not note.strip():
        raise ValidationError({"note": "Give the reason for refusing it"})
    with transaction.atomic():
        payment = PaymentRequest.objects.select_for_update().get(pk=payment.pk)
        if payment.status != Status.REQUESTED:
            raise ValidationError("This request has already been decided.")
        payment.status = Status.REFUSED
        payment.decided_by = acting_user
        payment.decided_at = timezone.now()
        payment.decision_note = note.strip()
        save_audited(payment, acting_user=acting_user, detail={"decision": "refused"})
    return payment


def payment_mark_paid(*, acting_user: User, payment: PaymentRequest) -> PaymentRequest:
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=payment.fund_id)
        payment = PaymentRequest.objects.select_for_update().get(pk=payment.pk)
        if payment.status != Status.APPROVED:
            raise ValidationError("Only an approved payment can be marked as paid.")
        fund.paid_pence += payment.amount_pence
        fund.save(update_fields=["paid_pence"])
        payment.status = Status.PAID
        payment.paid_at = timezone.now()
        payment.paid_by = acting_user
        save_audited(payment, acting_user=acting_user, detail={"paid_pence": payment.amount_pence})
    return payment


# The personal statement -----------------------------------------------------------------------


def statement_printed(*, acting_user: User, young_person: YoungPerson) -> AuditEvent:
    return audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.PRINT,
        subject=young_person,
        young_person_id=young_person.pk,
        detail={"page": "offer_statement"},
    )


# Council tax and documents --------------------------------------------------------------------

COUNCIL_TAX_FIELDS = (
    "billing_authority",
    "status",
    "applied_on",
    "decided_on",
    "starts_on",
    "ends_on",
    "notes",
)


def council_tax_save(
    *,
    acting_user: User,
    young_person: YoungPerson,
    exemption: CouncilTaxExemption | None = None,
    version: int | None = None,
    **values: Any,
) -> CouncilTaxExemption:
    """Record a council tax exemption, or change one: a change is refused if someone else
    saved the exemption after `version` (the version the editor opened)."""
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError({"ends_on": "The end must be on or after the start"})
    status = values.get("status")
    if status in (
        CouncilTaxExemption.Status.APPLIED,
        CouncilTaxExemption.Status.GRANTED,
        CouncilTaxExemption.Status.REFUSED,
    ) and not values.get("applied_on"):
        raise ValidationError({"applied_on": "Enter the date they applied"})
    with transaction.atomic():
        if exemption is None:
            exemption = CouncilTaxExemption(young_person=young_person)
        else:
            exemption = (
                CouncilTaxExemption.objects.select_for_update(of=("self",))
                .select_related("modified_by")
                .get(pk=exemption.pk, young_person=young_person)
            )
            refuse_if_stale(exemption, version=version, what="this council tax exemption")
        for name, value in values.items():
            if name not in COUNCIL_TAX_FIELDS:
                raise TypeError(name)
            if value is None and not name.endswith("_on"):
                value = ""
            setattr(exemption, name, value)
        save_audited(
            exemption,
            acting_user=acting_user,
            detail={"status": exemption.status},
        )
    return exemption


def document_save(
    *,
    acting_user: User,
    young_person: YoungPerson,
    kind: str,
    status: str,
    dated: datetime.date | None = None,
    original_held_by: str = "",
    notes: str = "",
    version: int | None = None,
) -> ImportantDocument:
    """Record where the young person is with one important document.

    `version` is the version the editor opened (0 if nothing was recorded then): a save is
    refused if someone else recorded or changed this document since.
    """
    if status in (ImportantDocument.Status.HAVE, ImportantDocument.Status.APPLIED) and not dated:
        raise ValidationError({"dated": "Enter the date they got it or applied for it"})
    with transaction.atomic():
        # Lock the young person first: two people recording a first document of this kind at
        # once then take turns, and the second is refused rather than overwriting.
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        document = (
            ImportantDocument.objects.select_for_update(of=("self",))
            .select_related("modified_by")
            .filter(young_person=young_person, kind=kind)
            .first()
        )
        if document is None:
            document = ImportantDocument(young_person=young_person, kind=kind)
        else:
            refuse_if_stale(document, version=version, what="this document")
        document.status = status
        document.dated = dated
        document.original_held_by = original_held_by or ""
        document.notes = notes
        save_audited(
            document,
            acting_user=acting_user,
            detail={"kind": kind, "status": status},
        )
    return document


# Groups ----------------------------------------------------------------------------------------


def group_activity_create(*, acting_user: User, **values: Any) -> GroupActivity:
    with transaction.atomic():
        activity = create_audited(GroupActivity, acting_user=acting_user, **values)
    return activity


def group_session_create(
    *,
    acting_user: User,
    activity: GroupActivity,
    held_on: datetime.date,
    notes: str = "",
    run_by: Any = (),
    hours: Any = None,
) -> GroupSession:
    """A session of a group, with who ran it and the hours each spent (counted in their
    workload beside their caseload)."""
    run_by = list(run_by or ())
    if run_by and hours is None:
        raise ValidationError({"hours": "Enter how many hours each of them spent"})
    with transaction.atomic():
        session = create_audited(
            GroupSession,
            acting_user=acting_user,
            detail={"run_by": [worker.pk for worker in run_by], "hours": str(hours or "")},
            activity=activity,
            held_on=held_on,
            notes=notes,
            hours=hours,
        )
        session.run_by.set(run_by)
    return session


def attendance_record(
    *,
    acting_user: User,
    session: GroupSession,
    young_person: YoungPerson,
    rating: int | None = None,
    feedback: str = "",
) -> Attendance:
    with transaction.atomic():
        attendance, created = Attendance.objects.get_or_create(
            session=session,
            young_person=young_person,
            defaults={"created_by": acting_user},
        )
        attendance.rating = rating
        attendance.feedback = feedback
        attendance.modified_by = acting_user
        attendance.save()
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE,
            subject=attendance,
            young_person_id=young_person.pk,
            detail={"activity": session.activity.name, "held_on": session.held_on.isoformat()},
        )
    return attendance


__all__ = [
    "ANNUAL_PAYMENT_TYPES",
    "approval_limit_for",
    "payment_approve",
    "payment_mark_paid",
    "payment_refuse",
    "payment_request_create",
]


# The local offer explained --------------------------------------------------------------------


def offer_explained_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    explained_on: datetime.date,
    how: str,
    understood: str,
    notes: str = "",
) -> OfferExplained:
    """Record that the local offer was explained to the young person, how, and whether they
    understood it. "Partly" or "no" needs a note of what to go over again."""
    refuse_after_today("explained_on", explained_on)
    if how not in OfferExplained.How.values:
        raise ValidationError({"how": "Select how you explained it"})
    if understood not in OfferExplained.Understood.values:
        raise ValidationError({"understood": "Select whether they said they understood it"})
    notes = (notes or "").strip()
    if understood != OfferExplained.Understood.YES and not notes:
        raise ValidationError({"notes": "Say what needs explaining again"})
    with transaction.atomic():
        explained = create_audited(
            OfferExplained,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"how": how, "understood": understood},
            young_person=young_person,
            explained_on=explained_on,
            how=how,
            understood=understood,
            notes=notes,
        )
    return explained
