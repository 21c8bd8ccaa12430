"""The young person's copy of the plan, read back from the PDF."""

from __future__ import annotations

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import schedule
from careleavers.plans.models import PlanState
from careleavers.plans.pdf import render_plan_pdf
from careleavers.plans.tests.factories import YOUNG_PERSONS_WORDS, make_plan

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def adviser(make_user, team):
    return make_user(
        Role.PERSONAL_ADVISER,
        team=team,
        first_name="Sam",
        last_name="Okafor",
        phone="07700 900123",
    )


@pytest.fixture
def shared_plan(adviser, team):
    young_person = YoungPersonFactory(team=team, first_name="Aisha", preferred_name="")
    AllocationFactory(young_person=young_person, worker=adviser, role="pa")
    return make_plan(young_person, state=PlanState.SHARED, writer=adviser)


@override_settings(
    BRANDING={
        "service_name": "Care leavers service",
        "council_name": "Test Council",
        "logo_url": "",
        "duty_phone": "01234 567 890",
        "out_of_hours_phone": "01234 999 999",
    }
)
def test_the_pdf_has_their_words_every_section_and_who_to_contact(shared_plan):
    text = _text(render_plan_pdf(plan=shared_plan))
    assert YOUNG_PERSONS_WORDS in text
    for definition in schedule.PLAN_SECTIONS:
        assert definition.young_person_title in text
    assert "Sam Okafor" in text
    assert "07700 900123" in text
    assert "01234 567 890" in text
    assert "01234 999 999" in text
    assert "I agree with most of it." in text


def test_their_words_come_before_the_workers_in_each_section(shared_plan):
    text = _text(render_plan_pdf(plan=shared_plan))
    health = text.index(schedule.SECTIONS_BY_KEY["health"].young_person_title)
    assert text.index("What you said", health) < text.index("What your personal adviser", health)


def test_downloading_the_pdf_is_audited_as_a_print(client, adviser, shared_plan):
    client.force_login(adviser)
    response = client.get(reverse("plans:plan_pdf", kwargs={"plan_pk": shared_plan.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert YOUNG_PERSONS_WORDS in _text(response.content)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PRINT, subject_id=str(shared_plan.pk), actor=adviser
    ).exists()
