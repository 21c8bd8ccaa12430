"""`create_audited`: a record and the event of its creation, written together."""

from __future__ import annotations

import datetime

import pytest

from careleavers.accommodation.models import HomelessnessRisk, RiskReason
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import StoredWorkItem
from careleavers.core.audit import create_audited
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.models import YouSaidWeDid

pytestmark = pytest.mark.django_db


def test_the_record_is_made_by_the_acting_user_and_its_creation_is_logged() -> None:
    worker = UserFactory()
    young_person = YoungPersonFactory()

    risk = create_audited(
        HomelessnessRisk,
        acting_user=worker,
        young_person_id=young_person.pk,
        detail={"reason": RiskReason.NOTICE},
        young_person=young_person,
        identified_on=datetime.date(2026, 12, 1),
        reason=RiskReason.NOTICE,
    )

    risk.refresh_from_db()
    assert (risk.young_person, risk.created_by, risk.modified_by) == (young_person, worker, worker)
    event = AuditEvent.objects.get(subject_type="accommodation.HomelessnessRisk")
    assert event.action == AuditEvent.Action.CREATE
    assert event.subject_id == str(risk.pk)
    assert (event.actor, event.young_person_id) == (worker, young_person.pk)
    assert event.detail == {"reason": RiskReason.NOTICE}


def test_a_record_about_no_young_person_is_logged_with_an_empty_detail() -> None:
    manager = UserFactory()

    item = create_audited(
        YouSaidWeDid,
        acting_user=manager,
        you_said="More evening drop-ins",
        we_did="Thursday drop-in until 8pm",
        done_on=datetime.date(2026, 11, 30),
    )

    event = AuditEvent.objects.get(subject_type="quality.YouSaidWeDid", subject_id=str(item.pk))
    assert (event.young_person_id, event.detail) == (None, {})
    assert item.created_by == manager


def test_a_model_with_a_field_named_detail_is_refused_before_anything_is_written() -> None:
    # Its `detail` would be taken for the event's, and the record's own left empty.
    with pytest.raises(TypeError, match="field named detail"):
        create_audited(StoredWorkItem, acting_user=UserFactory(), detail={"kind": "x"})
    assert not AuditEvent.objects.exists()
