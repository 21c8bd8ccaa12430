"""A young person writes their "about me" in their own words (the review found they could only
agree with their adviser's words or ask for a change): their words become the record's, agreed
as theirs, and their adviser is told in the work tray."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from careleavers.casework.work_tray import work_tray_for
from careleavers.core.models import AuditEvent
from careleavers.people.models import AboutMe
from careleavers.people.services import about_me_write
from careleavers.portal.models import RequestKind, YoungPersonRequest
from careleavers.portal.tests.conftest import signed_in

pytestmark = pytest.mark.django_db

WRITE = reverse("portal:about_me_write")
WORDS = {"summary": "I like drawing and my dog Bailey.", "please_do_not_ask": "About my dad."}


def _told_the_adviser(people: Any) -> list[Any]:
    return [
        item
        for item in work_tray_for(user=people.adviser)
        if item.kind == "portal_request" and item.young_person.pk == people.young_person.pk
    ]


def test_with_none_yet_they_write_it_and_their_adviser_is_told(
    people: Any, yp_client: Any
) -> None:
    page = yp_client.get(reverse("portal:about_me")).content.decode()
    assert "Nobody has written your about me yet" in page
    assert f'href="{WRITE}"' in page

    response = yp_client.post(WRITE, {**WORDS, "version": ""}, follow=True)

    about_me = AboutMe.objects.get(young_person=people.young_person)
    assert (about_me.summary, about_me.please_do_not_ask) == tuple(WORDS.values())
    assert about_me.written_by == people.user
    assert about_me.is_agreed
    assert "Your about me is saved in your own words" in response.content.decode()
    [told] = _told_the_adviser(people)
    assert told.title == "Wrote their about me in their own words: read it"
    # On their own list of requests it reads as what they did, with no answer to wait for.
    notice = yp_client.get(
        reverse("portal:request_detail", args=[YoungPersonRequest.objects.get().pk])
    ).content.decode()
    assert "You wrote your about me in your own words" in notice
    assert "We have asked your personal adviser to read it." in notice
    assert "Expect an answer by" not in notice
    # On the record, as staff read it: their words, written by them.
    staff_page = signed_in(people.adviser).get(
        reverse("people:overview", kwargs={"pk": people.young_person.pk})
    )
    assert WORDS["summary"] in staff_page.content.decode()
    assert "Written by Jade Okafor in their own words, on their own pages" in (
        staff_page.content.decode()
    )
    own_page = yp_client.get(reverse("portal:about_me")).content.decode()
    assert "You wrote this in your own words on" in own_page
    assert "Is this right?" not in own_page
    assert AuditEvent.objects.filter(
        actor=people.user, young_person_id=people.young_person.pk, detail__event="written"
    ).exists()


def test_they_rewrite_their_advisers_words_starting_from_them(people: Any, yp_client: Any) -> None:
    about_me = about_me_write(
        acting_user=people.adviser, young_person=people.young_person, summary="Likes art."
    )
    form = yp_client.get(WRITE).content.decode()
    assert "Likes art." in form
    assert f'name="version" value="{about_me.version}"' in form

    yp_client.post(WRITE, {**WORDS, "version": about_me.version})

    about_me.refresh_from_db()
    assert about_me.summary == WORDS["summary"]
    assert about_me.written_by == people.user
    assert about_me.is_agreed
    # Writing again while their adviser has not read the first tells them once, not twice.
    yp_client.post(WRITE, {**WORDS, "summary": "Drawing.", "version": about_me.version})
    assert len(_told_the_adviser(people)) == 1
    assert YoungPersonRequest.objects.get().kind == RequestKind.ABOUT_ME_WRITTEN


def test_words_changed_by_their_adviser_meanwhile_are_not_overwritten(
    people: Any, yp_client: Any
) -> None:
    about_me = about_me_write(
        acting_user=people.adviser, young_person=people.young_person, summary="Likes art."
    )
    opened = about_me.version
    about_me_write(
        acting_user=people.adviser,
        young_person=people.young_person,
        summary="Likes art and football.",
        version=opened,
    )

    response = yp_client.post(WRITE, {**WORDS, "version": opened})

    about_me.refresh_from_db()
    assert about_me.summary == "Likes art and football."
    assert not _told_the_adviser(people)
    # Their words are given back, ready to save over what it says now, which the page shows.
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your adviser changed your about me while you were writing" in page
    assert "It now says: “Likes art and football.”" in page
    assert WORDS["summary"] in page
    assert f'name="version" value="{about_me.version}"' in page
    yp_client.post(WRITE, {**WORDS, "version": about_me.version})
    about_me.refresh_from_db()
    assert about_me.summary == WORDS["summary"]


def test_an_empty_about_me_is_refused_and_nothing_changes(people: Any, yp_client: Any) -> None:
    response = yp_client.post(WRITE, {"summary": "  ", "please_do_not_ask": "", "version": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Write what you want every worker to know" in page
    assert not AboutMe.objects.exists()
    assert not YoungPersonRequest.objects.exists()


def test_sending_their_advisers_words_back_unchanged_agrees_them(
    people: Any, yp_client: Any
) -> None:
    about_me = about_me_write(
        acting_user=people.adviser, young_person=people.young_person, summary="Likes art."
    )
    yp_client.post(
        WRITE, {"summary": "Likes art.", "please_do_not_ask": "", "version": about_me.version}
    )
    about_me.refresh_from_db()
    assert about_me.is_agreed
    assert about_me.written_by == people.adviser


def test_a_version_sent_when_there_is_no_about_me_yet_is_ignored(
    people: Any, yp_client: Any
) -> None:
    # The hostile-input test sent one and got a server error.
    response = yp_client.post(WRITE, {**WORDS, "version": "7"})
    assert response.status_code == 302
    assert AboutMe.objects.get(young_person=people.young_person).summary == WORDS["summary"]
