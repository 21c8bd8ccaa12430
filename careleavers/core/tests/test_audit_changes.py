"""The audit log spells out what a settings change changed, and nothing of a young person's
record."""

import datetime
from typing import Any

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework.models import DutyPolicy
from careleavers.core.audit import audit_record
from careleavers.core.audit_changes import settings_changes
from careleavers.core.council_settings_change import change_council_settings
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def test_a_settings_change_reads_as_each_setting_from_and_to(client_for: Any, manager) -> None:
    change_council_settings(
        DutyPolicy,
        acting_user=manager,
        settings=("office_closes", "office_days", "out_of_hours_email", "closed_on_bank_holidays"),
        values={
            "office_closes": datetime.time(16, 30),
            "office_days": [3, 0, 1, 2],
            "out_of_hours_email": "edt@council.example",
            "closed_on_bank_holidays": False,
        },
    )
    [event] = AuditEvent.objects.filter(subject_type="casework.DutyPolicy")
    assert sorted(settings_changes(event)) == [
        "Closed on bank holidays: yes to no",
        "Email address for urgent messages: not set to edt@council.example",
        "Office closes: 17:00:00 to 16:30:00",
        "Office days: Monday, Tuesday, Wednesday, Thursday, Friday to "
        "Monday, Tuesday, Wednesday, Thursday",
    ]

    page = client_for(Role.ADMINISTRATOR).get(reverse("core:audit_log"))

    assert page.status_code == 200
    assert "Office closes: 17:00:00 to 16:30:00" in page.content.decode()


def test_a_change_to_a_young_persons_record_keeps_its_words_off_the_log(manager) -> None:
    young_person = YoungPersonFactory()
    event = audit_record(
        acting_user=manager,
        action=AuditEvent.Action.CHANGE,
        subject=young_person,
        young_person_id=young_person.pk,
        detail={"changes": {"first_name": ["Jade", "Jayde"]}},
    )
    assert settings_changes(event) == []


def test_an_event_about_a_model_that_no_longer_exists_reads_as_nothing(manager) -> None:
    event = audit_record(
        acting_user=manager,
        action=AuditEvent.Action.CHANGE,
        subject_type="gone.Model",
        subject_id=1,
        detail={"changes": {"x": [1, 2]}},
    )
    assert settings_changes(event) == []
