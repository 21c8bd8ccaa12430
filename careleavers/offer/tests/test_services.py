"""The offer's services: the catalogue's versions, and the money ledger's arithmetic, limits,
overrides and behaviour under concurrent approvals."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.models import AuditEvent
from careleavers.core.tests.at_once import at_once
from careleavers.offer import services
from careleavers.offer.models import (
    CatalogueItem,
    Fund,
    OfferPolicy,
    OfferVersion,
    PaymentRequest,
    PaymentType,
)
from careleavers.offer.tests.factories import CatalogueItemFactory, OfferVersionFactory
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager() -> Any:
    return UserFactory(roles=[Role.TEAM_MANAGER])


@pytest.fixture
def head() -> Any:
    return UserFactory(roles=[Role.HEAD_OF_SERVICE])


@pytest.fixture
def worker() -> Any:
    return UserFactory(roles=[Role.PERSONAL_ADVISER])


def _request(
    worker: Any, young_person: Any, pence: int, kind: str = PaymentType.SETTING_UP_HOME
) -> PaymentRequest:
    return services.payment_request_create(
        acting_user=worker,
        young_person=young_person,
        payment_type=kind,
        description="Bed and mattress",
        amount_pence=pence,
    )


# The catalogue -----------------------------------------------------------------------------


def test_the_default_offer_is_published_with_valid_rules() -> None:
    version = OfferVersion.objects.get(status=OfferVersion.Status.PUBLISHED)
    items = list(version.items.all())
    assert {item.area for item in items} >= {
        "health_and_wellbeing",
        "relationships",
        "education_and_training",
        "employment",
        "accommodation",
        "participation",
    }
    for item in items:
        assert services.rule_validate(item.rule) == item.rule


def test_a_draft_copies_the_published_items(worker: Any) -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    published = OfferVersion.objects.get(status=OfferVersion.Status.PUBLISHED)
    draft = services.offer_draft_create(acting_user=admin, change_summary="Uplift")
    assert draft.number == published.number + 1
    assert draft.items.count() == published.items.count()


def test_only_one_draft_at_a_time() -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    services.offer_draft_create(acting_user=admin)
    with pytest.raises(ValidationError):
        services.offer_draft_create(acting_user=admin)


def test_publishing_supersedes_the_old_version_and_keeps_it() -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    old = OfferVersion.objects.get(status=OfferVersion.Status.PUBLISHED)
    draft = services.offer_draft_create(acting_user=admin)
    services.offer_version_publish(
        acting_user=admin, version=draft, published_on=datetime.date(2026, 4, 1)
    )
    old.refresh_from_db()
    draft.refresh_from_db()
    assert old.status == OfferVersion.Status.SUPERSEDED
    assert draft.status == OfferVersion.Status.PUBLISHED
    assert draft.published_on == datetime.date(2026, 4, 1)
    assert old.items.exists()


def test_a_published_version_cannot_be_edited() -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    published = OfferVersion.objects.get(status=OfferVersion.Status.PUBLISHED)
    with pytest.raises(ValidationError):
        services.catalogue_item_save(
            acting_user=admin, version=published, item=published.items.first(), title="Changed"
        )


@pytest.mark.parametrize(
    "rule",
    [{"min_agee": 18}, {"min_age": 21, "max_age": 18}, {"min_age": "eighteen"}, ["min_age"]],
)
def test_a_bad_rule_is_refused_next_to_the_rule_field(rule: Any) -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    draft = OfferVersionFactory()
    with pytest.raises(ValidationError) as error:
        services.catalogue_item_save(
            acting_user=admin,
            version=draft,
            key="x",
            title="X",
            area="employment",
            summary="X",
            rule=rule,
        )
    assert "rule" in error.value.message_dict
    assert not CatalogueItem.objects.filter(version=draft).exists()


def test_an_item_key_is_unique_in_its_version() -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    item = CatalogueItemFactory(key="driving")
    with pytest.raises(ValidationError):
        services.catalogue_item_save(
            acting_user=admin,
            version=item.version,
            key="driving",
            title="Again",
            area="employment",
            summary="X",
            rule={},
        )


# The ledger's arithmetic -------------------------------------------------------------------


def test_a_fund_opens_at_the_policy_amount(worker: Any) -> None:
    policy = OfferPolicy.current()
    policy.setting_up_home_allowance_pence = 350_000
    policy.save()
    payment = _request(worker, YoungPersonFactory(), 10_000)
    assert payment.fund.entitlement_pence == 350_000


def test_approving_reduces_the_balance_by_the_amount(worker: Any, manager: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 45_099)
    services.payment_approve(acting_user=manager, payment=payment)
    fund = Fund.objects.get(pk=payment.fund_id)
    assert fund.approved_pence == 45_099
    assert fund.balance_pence == 300_000 - 45_099
    assert AuditEvent.objects.filter(subject_id=str(payment.pk), action="change").exists()


def test_paying_records_the_money_paid(worker: Any, manager: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 20_000)
    services.payment_approve(acting_user=manager, payment=payment)
    services.payment_mark_paid(acting_user=manager, payment=payment)
    fund = Fund.objects.get(pk=payment.fund_id)
    assert (fund.approved_pence, fund.paid_pence) == (20_000, 20_000)


def test_only_approved_payments_can_be_paid(worker: Any, manager: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 20_000)
    with pytest.raises(ValidationError):
        services.payment_mark_paid(acting_user=manager, payment=payment)


def test_a_request_over_the_balance_is_refused_without_an_override(worker: Any, head: Any) -> None:
    young_person = YoungPersonFactory()
    services.payment_approve(acting_user=head, payment=_request(worker, young_person, 250_000))
    over = _request(worker, young_person, 60_000)
    with pytest.raises(ValidationError) as error:
        services.payment_approve(acting_user=head, payment=over)
    assert "override_reason" in error.value.message_dict
    over.refresh_from_db()
    assert over.status == PaymentRequest.Status.REQUESTED
    assert Fund.objects.get(pk=over.fund_id).approved_pence == 250_000


def test_an_override_with_a_reason_is_recorded(worker: Any, head: Any) -> None:
    young_person = YoungPersonFactory()
    services.payment_approve(acting_user=head, payment=_request(worker, young_person, 250_000))
    over = _request(worker, young_person, 60_000)
    services.payment_approve(
        acting_user=head, payment=over, override_reason="Flood damaged their furniture"
    )
    over.refresh_from_db()
    assert over.status == PaymentRequest.Status.APPROVED
    assert over.override_reason == "Flood damaged their furniture"
    assert Fund.objects.get(pk=over.fund_id).balance_pence == -10_000


def test_an_override_reason_is_not_kept_when_within_the_balance(worker: Any, manager: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 1_000)
    services.payment_approve(acting_user=manager, payment=payment, override_reason="Not needed")
    payment.refresh_from_db()
    assert payment.override_reason == ""


def test_a_team_manager_cannot_approve_over_their_limit(
    worker: Any, manager: Any, head: Any
) -> None:
    payment = _request(worker, YoungPersonFactory(), 150_000)
    with pytest.raises(ValidationError, match="more than you can approve"):
        services.payment_approve(acting_user=manager, payment=payment)
    assert Fund.objects.get(pk=payment.fund_id).approved_pence == 0
    approved = services.payment_approve(acting_user=head, payment=payment)
    approved.refresh_from_db()
    assert (approved.status, approved.decided_by) == (PaymentRequest.Status.APPROVED, head)
    assert Fund.objects.get(pk=payment.fund_id).approved_pence == 150_000


def test_limits_by_role_come_from_the_policy(worker: Any, manager: Any) -> None:
    policy = OfferPolicy.current()
    policy.team_manager_limit_pence = 200_000
    policy.save()
    payment = _request(worker, YoungPersonFactory(), 150_000)
    approved = services.payment_approve(acting_user=manager, payment=payment)
    approved.refresh_from_db()
    assert (approved.status, approved.decided_by) == (PaymentRequest.Status.APPROVED, manager)
    assert Fund.objects.get(pk=payment.fund_id).approved_pence == 150_000
    # Above the raised limit is still refused.
    over = _request(worker, YoungPersonFactory(), 200_001)
    with pytest.raises(ValidationError, match="more than you can approve"):
        services.payment_approve(acting_user=manager, payment=over)


def test_a_worker_has_no_approval_limit(worker: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 100)
    with pytest.raises(ValidationError):
        services.payment_approve(acting_user=worker, payment=payment)


def test_a_decided_request_cannot_be_approved_again(worker: Any, manager: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 1_000)
    services.payment_approve(acting_user=manager, payment=payment)
    with pytest.raises(ValidationError):
        services.payment_approve(acting_user=manager, payment=payment)
    assert Fund.objects.get(pk=payment.fund_id).approved_pence == 1_000


def test_refusing_needs_a_reason_and_spends_nothing(worker: Any, manager: Any) -> None:
    payment = _request(worker, YoungPersonFactory(), 1_000)
    with pytest.raises(ValidationError):
        services.payment_refuse(acting_user=manager, payment=payment, note=" ")
    services.payment_refuse(acting_user=manager, payment=payment, note="Buy it second hand")
    assert Fund.objects.get(pk=payment.fund_id).approved_pence == 0


def test_annual_grants_renew_each_year(worker: Any, manager: Any) -> None:
    young_person = YoungPersonFactory()
    first = services.payment_approve(
        acting_user=manager, payment=_request(worker, young_person, 5_000, PaymentType.BIRTHDAY)
    )
    second = _request(worker, young_person, 5_000, PaymentType.BIRTHDAY)
    with pytest.raises(ValidationError):
        services.payment_approve(acting_user=manager, payment=second)
    PaymentRequest.objects.filter(pk=first.pk).update(
        decided_at=first.decided_at - datetime.timedelta(days=366)
    )
    renewed = services.payment_approve(acting_user=manager, payment=second)
    renewed.refresh_from_db()
    assert renewed.status == PaymentRequest.Status.APPROVED
    assert Fund.objects.get(pk=second.fund_id).approved_pence == 10_000


def test_the_he_bursary_schedule_adds_up_to_the_bursary(worker: Any) -> None:
    young_person = YoungPersonFactory()
    payments = services.he_bursary_schedule_create(
        acting_user=worker, young_person=young_person, first_due_on=datetime.date(2026, 9, 28)
    )
    assert sum(p.amount_pence for p in payments) == 200_000
    assert [p.due_on for p in payments] == [
        datetime.date(2026, 9, 28),
        datetime.date(2027, 9, 28),
        datetime.date(2028, 9, 28),
    ]
    with pytest.raises(ValidationError):
        services.he_bursary_schedule_create(
            acting_user=worker,
            young_person=young_person,
            first_due_on=datetime.date(2026, 9, 28),
        )


def test_a_request_of_nothing_is_refused(worker: Any) -> None:
    with pytest.raises(ValidationError):
        _request(worker, YoungPersonFactory(), 0)


# Concurrent approvals ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
def test_concurrent_approvals_never_overspend_or_lose_a_penny() -> None:
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER])
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    young_person = YoungPersonFactory()
    requests = [_request(worker, young_person, 70_001) for _ in range(8)]
    outcomes = at_once(
        *[
            lambda payment=payment: services.payment_approve(acting_user=head, payment=payment)
            for payment in requests
        ]
    )

    fund = Fund.objects.get(young_person=young_person)
    approved = PaymentRequest.objects.filter(fund=fund, status=PaymentRequest.Status.APPROVED)
    # £3,000 holds four payments of £700.01, and not a fifth.
    assert outcomes.count("done") == 4
    assert approved.count() == 4
    assert fund.approved_pence == sum(p.amount_pence for p in approved) == 280_004
    assert fund.balance_pence == 19_996


# Documents and council tax ------------------------------------------------------------------


def test_a_first_document_is_logged_as_recorded_and_a_later_change_as_a_change() -> None:
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER])
    young_person = YoungPersonFactory()

    def passport(status: str, dated: datetime.date, *, opened_at: int) -> Any:
        return services.document_save(
            acting_user=adviser,
            young_person=young_person,
            kind="passport",
            status=status,
            dated=dated,
            version=opened_at,
        )

    first = passport("applied", datetime.date(2026, 11, 2), opened_at=0)
    changed = passport("have", datetime.date(2026, 12, 1), opened_at=first.version)

    assert (changed.pk, changed.version, changed.created_by) == (first.pk, 2, adviser)
    events = AuditEvent.objects.filter(subject_type="offer.ImportantDocument").order_by("pk")
    assert [event.action for event in events] == [
        AuditEvent.Action.CREATE,
        AuditEvent.Action.CHANGE,
    ]
