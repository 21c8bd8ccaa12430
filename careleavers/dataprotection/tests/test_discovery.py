"""Every kind of record about a young person is found from the models, not from a list."""

from __future__ import annotations

import pytest
from django.apps import apps

from careleavers.casework.models import ContactAmendment
from careleavers.casework.tests.factories import ContactFactory
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent
from careleavers.dataprotection.discovery import (
    AUDIT,
    CHILD,
    DIRECT,
    SUBJECT,
    SUBJECT_HISTORY,
    is_history_model,
    record_kinds,
)
from careleavers.offer.tests.factories import PaymentRequestFactory
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory


def _kinds() -> dict[str, object]:
    return {kind.label: kind for kind in record_kinds()}


def test_the_young_persons_own_row_comes_first_then_its_history() -> None:
    kinds = record_kinds()
    assert kinds[0].model is YoungPerson
    assert kinds[0].relation == SUBJECT
    assert kinds[1].label == "people.historicalyoungperson"
    assert kinds[1].relation == SUBJECT_HISTORY


def test_every_model_pointing_at_a_young_person_is_found() -> None:
    # Worked out independently, from the young person's side of every relation, including
    # the hidden ones simple-history's tables use. Many-to-many link tables are not kinds of
    # their own: their links are a column of the record that holds the field.
    pointing = {
        field.related_model
        for field in YoungPerson._meta.get_fields(include_hidden=True)
        if field.auto_created
        and not field.concrete
        and field.related_model is not None
        and not field.related_model._meta.auto_created
    }
    found = {kind.model for kind in record_kinds()}
    assert pointing, "the young person has related records"
    assert pointing <= found, sorted(m._meta.label for m in pointing - found)


def test_records_of_records_are_found_through_their_parent() -> None:
    kinds = _kinds()
    amendment = kinds["casework.contactamendment"]
    assert amendment.relation == CHILD
    assert amendment.lookups == ("contact__young_person",)
    assert kinds["plans.plansection"].relation == CHILD
    assert kinds["plans.historicalplansection"].relation == CHILD


def test_a_record_with_its_own_link_is_direct_even_with_a_parent() -> None:
    payment = _kinds()["offer.paymentrequest"]
    assert payment.relation == DIRECT
    assert "young_person" in payment.lookups


def test_history_tables_are_included() -> None:
    labels = {kind.label for kind in record_kinds() if kind.is_history}
    assert {"people.historicalcareepisode", "casework.historicalcontact"} <= labels
    every_history_of_a_found_model = {
        model._meta.label_lower
        for model in apps.get_models()
        if is_history_model(model)
        and model.instance_type in {kind.model for kind in record_kinds()}  # type: ignore[attr-defined]
    }
    assert every_history_of_a_found_model <= {kind.label for kind in record_kinds()}


def test_the_audit_log_is_found_by_its_plain_young_person_id() -> None:
    audit = _kinds()["core.auditevent"]
    assert audit.relation == AUDIT
    assert audit.lookups == ("young_person_id",)


@pytest.mark.django_db
def test_rows_are_only_the_young_persons_own() -> None:
    mine, theirs = YoungPersonFactory(), YoungPersonFactory()
    my_contact = ContactFactory(young_person=mine)
    their_contact = ContactFactory(young_person=theirs)
    for contact in (my_contact, their_contact):
        ContactAmendment.objects.create(contact=contact, reason="Wrong day", changes={})
    PaymentRequestFactory(fund__young_person=mine)
    audit_record(
        acting_user=None, action=AuditEvent.Action.VIEW, subject=mine, young_person_id=mine.pk
    )
    audit_record(
        acting_user=None, action=AuditEvent.Action.VIEW, subject=theirs, young_person_id=theirs.pk
    )
    kinds = _kinds()

    def pks(label: str) -> set[int]:
        return set(kinds[label].rows(mine.pk).values_list("pk", flat=True))

    assert pks("people.youngperson") == {mine.pk}
    assert pks("casework.contact") == {my_contact.pk}
    assert pks("casework.contactamendment") == set(
        ContactAmendment.objects.filter(contact=my_contact).values_list("pk", flat=True)
    )
    assert len(pks("offer.paymentrequest")) == 1
    assert len(pks("offer.fund")) == 1
    assert {e.young_person_id for e in kinds["core.auditevent"].rows(mine.pk)} == {mine.pk}
    assert {h.id for h in kinds["people.historicalyoungperson"].rows(mine.pk)} == {mine.pk}
