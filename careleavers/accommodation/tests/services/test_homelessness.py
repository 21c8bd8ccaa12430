"""Recording and ending a risk of homelessness (services/homelessness.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careleavers.accommodation.services import homelessness as homelessness_services
from careleavers.casework.models import Notification
from careleavers.core.tests.days import TODAY

pytestmark = pytest.mark.django_db


def test_a_risk_of_homelessness_tells_the_manager_and_can_be_ended(
    pa, manager, young_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        risk = homelessness_services.homelessness_risk_record(
            acting_user=pa, young_person=young_person, identified_on=TODAY, reason="notice"
        )
    assert Notification.objects.filter(recipient=manager, kind="homelessness_risk").exists()
    with pytest.raises(ValidationError):
        homelessness_services.homelessness_risk_record(
            acting_user=pa, young_person=young_person, identified_on=TODAY, reason="arrears"
        )
    ended = homelessness_services.homelessness_risk_end(
        acting_user=pa, risk=risk, ended_on=TODAY, outcome="Tenancy saved with a payment plan"
    )
    assert ended.ended_on == TODAY
