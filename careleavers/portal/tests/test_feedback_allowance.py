"""A young person sends feedback without their name from "My say" a few times a day at most;
the next one is refused on the page with a way to go on, and nothing more is kept."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from careleavers.portal.tests.conftest import signed_in
from careleavers.quality.models import AnonymousFeedback, YoungPersonFeedback
from careleavers.quality.services import ANONYMOUS_FEEDBACK_PER_DAY

pytestmark = pytest.mark.django_db

ANONYMOUS = {"send_as": "anonymous", "about": "service", "rating": "ok", "what_is_good": "Quick"}


def test_after_the_days_allowance_the_page_says_why_and_keeps_nothing(
    people: Any, yp_client: Any
) -> None:
    for _sent in range(ANONYMOUS_FEEDBACK_PER_DAY):
        assert yp_client.post(reverse("portal:feedback"), ANONYMOUS).status_code == 302
    refused = yp_client.post(reverse("portal:feedback"), ANONYMOUS)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "You have sent 3 messages without your name today" in page
    assert "send this one with your name" in page
    assert AnonymousFeedback.objects.count() == ANONYMOUS_FEEDBACK_PER_DAY
    # With their name it still goes: the limit is only on what cannot be traced to anyone.
    named = {**ANONYMOUS, "send_as": "named"}
    assert yp_client.post(reverse("portal:feedback"), named).status_code == 302
    assert YoungPersonFeedback.objects.filter(young_person=people.young_person).count() == 1


def test_the_allowance_starts_again_the_next_day(people: Any) -> None:
    evening = timezone.make_aware(datetime.datetime(2026, 12, 12, 23, 50))
    with time_machine.travel(evening, tick=False):
        client = signed_in(people.user)
        for _sent in range(ANONYMOUS_FEEDBACK_PER_DAY):
            client.post(reverse("portal:feedback"), ANONYMOUS)
        assert client.post(reverse("portal:feedback"), ANONYMOUS).status_code == 200
    with time_machine.travel(evening + datetime.timedelta(minutes=20), tick=False):
        sent = signed_in(people.user).post(reverse("portal:feedback"), ANONYMOUS)
        assert sent.status_code == 302
        assert sent.url == reverse("portal:my_say")
    assert AnonymousFeedback.objects.count() == ANONYMOUS_FEEDBACK_PER_DAY + 1
