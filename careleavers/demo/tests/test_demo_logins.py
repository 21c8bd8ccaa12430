"""`manage.py demo_logins`: the sign-ins scripts/start prints, only for accounts that exist."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from careleavers.accounts.tests.factories import UserFactory
from careleavers.demo.portal import DEMO_YOUNG_PERSON_EMAIL
from careleavers.demo.staff import DEMO_LOGINS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _printed() -> str:
    out = StringIO()
    call_command("demo_logins", stdout=out)
    return out.getvalue()


def test_the_sign_ins_of_accounts_that_exist_are_printed_with_the_password() -> None:
    present, absent = DEMO_LOGINS[0], DEMO_LOGINS[1]
    UserFactory(email=present.email)
    UserFactory(email=DEMO_YOUNG_PERSON_EMAIL)

    printed = _printed()

    assert DEMO_PASSWORD in printed
    assert present.email in printed
    assert absent.email not in printed
    assert f"{'Young person':<32} {DEMO_YOUNG_PERSON_EMAIL}" in printed


def test_a_database_without_the_demo_says_so() -> None:
    UserFactory(email="someone@council.example")

    assert _printed().strip() == "No demo accounts in this database."
