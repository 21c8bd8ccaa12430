"""Staff whose session ended while they wrote a case note, a contact or a duty call get what
they typed back after signing in (core.kept_words), filled in and not saved; a page that does
not keep words says so rather than promising them."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework.models import CaseNote, Contact
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.kept_words import NOT_KEPT_MESSAGE, SESSION_KEY, SIGNED_OUT_MESSAGE

pytestmark = pytest.mark.django_db

NOTE = "Phoned about the boiler at the flat; the landlord will come on Tuesday morning."


def _ended(user: Any) -> Client:
    """Signed in, then the session ended by time while they typed."""
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    return client


def test_a_case_note_typed_as_the_session_ended_is_waiting_after_signing_in(
    adviser: Any, young_person: Any
) -> None:
    client = _ended(adviser)
    url = reverse("casework:case_note_add", kwargs={"pk": young_person.pk})

    turned_away = client.post(
        url,
        {
            "title": "Boiler",
            "body": NOTE,
            "written_on-day": "3",
            "written_on-month": "Dec",
            "written_on-year": "2026",
            "written_to_young_person": "no",
            "contains_third_party_information": "no",
            "submission_key": "0f5e0a4e-8f5c-4d3f-9d7e-1c2b3a4d5e6f",
        },
        follow=True,
    )

    assert turned_away.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert SIGNED_OUT_MESSAGE in turned_away.content.decode()
    assert not CaseNote.objects.exists()

    client.force_login(adviser)  # signing in keeps the session's data, as Django's login does
    page = client.get(url).content.decode()

    assert NOTE in page
    assert 'value="Boiler"' in page
    # The date's three boxes come back as the date they made (the month was typed as a word).
    assert 'name="written_on-day" value="3"' in page
    assert 'name="written_on-month" value="12"' in page
    assert not CaseNote.objects.exists()  # filled in, not saved
    assert SESSION_KEY not in client.session


def test_a_contact_keeps_its_notes_and_answers(adviser: Any, young_person: Any) -> None:
    client = _ended(adviser)
    url = reverse("casework:contact_add", kwargs={"pk": young_person.pk})
    client.post(url, {"method": "phone", "notes": NOTE, "made_contact": "yes"})
    client.force_login(adviser)
    page = client.get(url).content.decode()
    assert NOTE in page
    assert 'value="phone" checked' in page
    assert not Contact.objects.exists()


def test_the_words_are_not_given_to_someone_else_signing_in(
    adviser: Any, young_person: Any, make_user: Any, team: Any
) -> None:
    client = _ended(adviser)
    url = reverse("casework:case_note_add", kwargs={"pk": young_person.pk})
    client.post(url, {"title": "Boiler", "body": NOTE})
    colleague = make_user(Role.PERSONAL_ADVISER, team=team)
    AllocationFactory(young_person=young_person, worker=colleague, role="sw")
    client.force_login(colleague)
    response = client.get(url)
    assert response.status_code == 200
    assert NOTE not in response.content.decode()


def test_a_page_that_keeps_nothing_says_so(adviser: Any, young_person: Any) -> None:
    client = _ended(adviser)
    # Changing the adviser is not a page that gives words back.
    url = reverse("casework:allocation_change", kwargs={"pk": young_person.pk})
    response = client.post(url, {"reason_detail": "Moving to the north team"}, follow=True)
    text = response.content.decode()
    assert NOT_KEPT_MESSAGE in text
    assert SIGNED_OUT_MESSAGE not in text
    assert SESSION_KEY not in client.session
