"""A superuser (as `manage.py createsuperuser` makes one) is an administrator: the Django admin
and the service's administration, never a young person's record."""

from __future__ import annotations

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.tests.clients import signed_in
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def test_a_superuser_is_an_administrator_who_must_use_an_authenticator() -> None:
    superuser = UserFactory(is_superuser=True, is_staff=True, totp_secret="")
    assert superuser.has_role(Role.ADMINISTRATOR)
    assert superuser.is_staff_member
    client = signed_in(superuser)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_superuser_has_the_admins_model_permissions_but_no_young_persons_record() -> None:
    superuser = UserFactory(is_superuser=True, is_staff=True)
    young_person = YoungPersonFactory()

    assert superuser.has_perm("offer.change_offerpolicy")
    assert not superuser.has_perm("people.view_youngperson", young_person)
    assert not superuser.has_perm("people.change_youngperson", young_person)
    assert not superuser.has_perm("transitions.view_waits")


def test_a_superuser_cannot_open_a_young_persons_transitions_page() -> None:
    superuser = UserFactory(is_superuser=True, is_staff=True)
    young_person = YoungPersonFactory()
    client = signed_in(superuser)

    page = client.get(reverse("transitions:young_person", kwargs={"pk": young_person.pk}))

    assert page.status_code == 403
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_inactive_superuser_has_no_permission() -> None:
    superuser = UserFactory(is_superuser=True, is_staff=True, is_active=False)
    assert not superuser.has_perm("offer.change_offerpolicy")
