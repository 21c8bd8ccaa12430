"""A message about a young person's own record reaches them by text, or by email when there is
no mobile to text."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.portal import notify
from careleavers.portal.models import OutboxMessage
from careleavers.portal.young_person_messages import mobile_and_email, text_or_email

pytestmark = pytest.mark.django_db


def _send(people: Any) -> bool:
    return text_or_email(
        people.young_person,
        "appointment",
        {"first_name": "Jade", "news": "News.", "link": "/my/", "council_name": "Council"},
        "test-1",
    )


def test_the_mobile_on_their_record_is_texted(people: Any) -> None:
    people.young_person.phone = "07700 900 982"
    people.young_person.save()

    assert _send(people)

    [message] = OutboxMessage.objects.all()
    assert (message.kind, message.to) == ("sms", "07700 900 982")
    assert message.template_id == notify.template_id("appointment_sms")


def test_a_checked_sign_in_mobile_is_used_when_the_record_has_none(people: Any) -> None:
    people.young_person.phone = ""
    people.young_person.save()
    people.user.phone, people.user.phone_verified = "07700 900 111", True
    people.user.save()

    assert mobile_and_email(people.young_person) == ("07700 900 111", people.user.email)


def test_an_unchecked_sign_in_mobile_is_not_used(people: Any) -> None:
    people.young_person.phone = ""
    people.young_person.save()
    people.user.phone, people.user.phone_verified = "07700 900 111", False
    people.user.save()

    assert _send(people)

    [message] = OutboxMessage.objects.all()
    assert (message.kind, message.to) == ("email", people.user.email)


def test_with_neither_nothing_is_sent(people: Any) -> None:
    people.young_person.phone = ""
    people.young_person.save()
    people.account.delete()

    assert not _send(people)
    assert not OutboxMessage.objects.exists()
