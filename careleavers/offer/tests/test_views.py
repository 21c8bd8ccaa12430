"""Pages: the statement's print is audited, the overview shows the money panel, and the
catalogue pages let an administrator edit a draft with the rule checked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.models import AuditEvent
from careleavers.offer.models import CatalogueItem, OfferVersion, PaymentRequest
from careleavers.offer.tests.factories import CatalogueItemFactory, OfferVersionFactory
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_printing_the_statement_is_logged_as_a_print() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    user = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    response = _client(user).get(reverse("offer:statement_print", args=[young_person.pk]))
    assert response.status_code == 200
    assert b"Setting up home allowance" in response.content
    assert AuditEvent.objects.filter(action="print", young_person_id=young_person.pk).exists()


def test_the_overview_shows_money_and_entitlements() -> None:
    young_person = YoungPersonFactory()
    user = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    response = _client(user).get(reverse("people:overview", args=[young_person.pk]))
    assert b"Money and entitlements" in response.content
    assert b"8 of 8" in response.content


def test_a_worker_asks_for_a_payment_in_pounds() -> None:
    young_person = YoungPersonFactory()
    user = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    response = _client(user).post(
        reverse("offer:payment_request", args=[young_person.pk]),
        {"payment_type": "setting_up_home", "description": "Kettle", "amount_pence": "£24.99"},
    )
    assert response.status_code == 302
    assert PaymentRequest.objects.get().amount_pence == 2_499


def test_a_bad_rule_shows_an_error_and_saves_nothing() -> None:
    draft = OfferVersionFactory(status=OfferVersion.Status.DRAFT)
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    response = _client(admin).post(
        reverse("offer:item_add", args=[draft.pk]),
        {
            "key": "gym",
            "title": "Gym",
            "area": "health_and_wellbeing",
            "summary": "Free gym",
            "rule": '{"min_age": 18, "colour": "blue"}',
            "order": "1",
        },
    )
    assert response.status_code == 200
    assert b"Unknown eligibility conditions: colour" in response.content
    assert not CatalogueItem.objects.filter(version=draft).exists()


def test_a_published_version_has_no_edit_page() -> None:
    item = CatalogueItemFactory(version=OfferVersionFactory(status="published"))
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    response = _client(admin).get(reverse("offer:item_edit", args=[item.version_id, item.pk]))
    assert response.status_code == 404
