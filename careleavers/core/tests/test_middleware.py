"""No page or file the service renders is kept by a browser or a proxy; static files are."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import allocated_to
from careleavers.core.tests.clients import signed_in
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import make_plan
from careleavers.portal.tests.factories import PortalAccountFactory

pytestmark = pytest.mark.django_db


def _not_stored(response: Any) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return "no-store" in directives and "private" in directives


@pytest.fixture
def case() -> Any:
    team = TeamFactory()
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    young_person = allocated_to(adviser, team, category="former_relevant")
    return adviser, young_person


def test_a_staff_record_page_is_not_stored(case: Any) -> None:
    adviser, young_person = case
    response = signed_in(adviser).get(reverse("people:overview", kwargs={"pk": young_person.pk}))
    assert response.status_code == 200
    assert _not_stored(response)


def test_a_pathway_plan_pdf_is_not_stored(case: Any) -> None:
    adviser, young_person = case
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser)
    response = signed_in(adviser).get(reverse("plans:plan_pdf", kwargs={"plan_pk": plan.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert _not_stored(response)


def test_a_young_persons_own_pages_are_not_stored(case: Any) -> None:
    _, young_person = case
    account = PortalAccountFactory(young_person=young_person)
    response = signed_in(account.user).get(reverse("portal:home"))
    assert response.status_code == 200
    assert _not_stored(response)


def test_the_sign_in_page_is_not_stored() -> None:
    response = Client().get(reverse("account_login"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_refusal_to_someone_signed_in_is_not_stored(case: Any) -> None:
    adviser, _ = case
    response = signed_in(adviser).get(reverse("returns:index"))
    assert response.status_code == 403
    assert _not_stored(response)


def test_static_files_can_still_be_cached() -> None:
    response = Client().get(f"{settings.STATIC_URL}careleavers/css/application.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "max-age" in response["Cache-Control"]
