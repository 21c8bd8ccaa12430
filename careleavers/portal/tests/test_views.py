"""The young person's pages: each shows their adviser and the numbers to call, is logged in
the audit log, and shows only what is theirs to see. Staff are refused them."""

from __future__ import annotations

import datetime
import io
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader

from careleavers.casework.models import Alert, DutyPolicy
from careleavers.casework.tests.factories import (
    AlertFactory,
    CaseNoteFactory,
    DutyRotaEntryFactory,
)
from careleavers.core.models import AuditEvent
from careleavers.offer.tests.factories import FundFactory, PaymentRequestFactory
from careleavers.people.services import about_me_write
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import YOUNG_PERSONS_WORDS, make_plan
from careleavers.portal.models import OutboxMessage, RequestKind, YoungPersonRequest
from careleavers.portal.tests.conftest import MONDAY_TEN, SATURDAY_THREE, signed_in, viewed
from careleavers.portal.tests.factories import YoungPersonRequestFactory
from careleavers.quality.models import YoungPersonFeedback

pytestmark = pytest.mark.django_db

PAGES = [
    ("portal:home", {}),
    ("portal:plan", {}),
    ("portal:plan_easy_read", {}),
    ("portal:plan_review", {}),
    ("portal:entitlements", {}),
    ("portal:entitlements_easy_read", {}),
    ("portal:entitlement_ask", {"key": "leisure_pass"}),
    ("portal:money", {}),
    ("portal:documents", {}),
    ("portal:document_help", {"kind": "passport"}),
    ("portal:appointments", {}),
    ("portal:my_say", {}),
    ("portal:agenda", {}),
    ("portal:feedback", {}),
    ("portal:wellbeing", {}),
    ("portal:not_safe", {}),
    ("portal:about_me", {}),
    ("portal:about_me_change", {}),
    ("portal:support_again", {}),
    ("portal:requests", {}),
    ("portal:account", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[name for name, _ in PAGES])
def test_every_page_shows_the_adviser_and_the_numbers_and_is_audited(
    people: Any, yp_client: Any, settings: Any, name: str, kwargs: dict[str, Any]
) -> None:
    response = yp_client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    page = response.content.decode()
    assert escape(people.adviser.get_full_name()) in page
    assert "tel:07700900123" in page
    assert "01274 111 222" in page  # the team's duty number
    assert settings.BRANDING["out_of_hours_phone"] in page
    assert 'href="tel:999"' in page
    assert (
        response["Cache-Control"].startswith("max-age=0")
        or "no-store" in response["Cache-Control"]
    )
    page_name = "portal:" + name.split(":")[1]
    page_name = page_name.replace("request_detail", "request")
    assert viewed(people, page_name)


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[name for name, _ in PAGES])
def test_staff_are_refused_the_young_persons_pages(
    people: Any, name: str, kwargs: dict[str, Any]
) -> None:
    for user in (people.adviser, people.manager, people.duty):
        assert signed_in(user).get(reverse(name, kwargs=kwargs)).status_code == 403


def test_internal_records_never_show(people: Any, yp_client: Any) -> None:
    CaseNoteFactory(
        young_person=people.young_person, title="Strategy meeting", body="Police intelligence"
    )
    AlertFactory(young_person=people.young_person, description="Risk to lone workers")
    for name, kwargs in PAGES:
        page = yp_client.get(reverse(name, kwargs=kwargs)).content.decode()
        for secret in ("Strategy meeting", "Police intelligence", "Risk to lone workers"):
            assert secret not in page, f"{secret} shown on {name}"


def test_the_plan_shows_their_words_first_and_downloads_as_a_pdf(
    people: Any, yp_client: Any
) -> None:
    plan = make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    page = yp_client.get(reverse("portal:plan")).content.decode()
    words = page.index(YOUNG_PERSONS_WORDS)
    assert words < page.index("What your personal adviser thinks")
    assert "Who will support you, and how often you will see them" in page
    response = yp_client.get(reverse("portal:plan_pdf", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="my-pathway-plan-{plan.number}.pdf"'
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Your pathway plan" in text
    assert AuditEvent.objects.filter(
        action="print", young_person_id=people.young_person.pk
    ).exists()


def test_their_plan_pdf_being_made_says_so_in_their_words_and_downloads_when_ready(
    people: Any, yp_client: Any, settings: Any
) -> None:
    from careleavers.plans.tasks import plan_pdf_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    plan = make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    url = reverse("portal:plan_pdf", args=[plan.pk])

    waiting = yp_client.get(url).content.decode()

    assert "We are making your plan into a PDF" in waiting
    assert '<meta http-equiv="refresh" content="2">' in waiting
    assert not AuditEvent.objects.filter(action="print").exists()
    plan_pdf_task.call(plan.pk)  # as the background worker runs it
    assert yp_client.get(url)["Content-Type"] == "application/pdf"


def test_a_plan_not_yet_shared_is_not_shown(people: Any, yp_client: Any) -> None:
    plan = make_plan(people.young_person, state=PlanState.AUTHORISED, writer=people.adviser)
    page = yp_client.get(reverse("portal:plan")).content.decode()
    assert "There is no plan to read here yet" in page
    assert YOUNG_PERSONS_WORDS not in page
    assert yp_client.get(reverse("portal:plan_pdf", args=[plan.pk])).status_code == 404


def test_i_want_a_review(people: Any, yp_client: Any) -> None:
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    response = yp_client.post(reverse("portal:plan_review"), {"text": "I moved"})
    portal_request = YoungPersonRequest.objects.get(kind=RequestKind.REVIEW)
    assert response["Location"] == reverse("portal:request_detail", args=[portal_request.pk])
    page = yp_client.get(reverse("portal:plan")).content.decode()
    assert "You asked for a review on" in page


def test_ask_for_this_from_the_offer(people: Any, yp_client: Any) -> None:
    page = yp_client.get(reverse("portal:entitlements")).content.decode()
    assert "Free leisure centre pass" in page
    assert reverse("portal:entitlement_ask", args=["leisure_pass"]) in page
    yp_client.post(reverse("portal:entitlement_ask", args=["leisure_pass"]), {"text": ""})
    assert YoungPersonRequest.objects.get().about_key == "leisure_pass"
    page = yp_client.get(reverse("portal:entitlements")).content.decode()
    assert "You asked for this on" in page
    assert (
        yp_client.get(reverse("portal:entitlement_ask", args=["young_parents"])).status_code == 404
    )


def test_money_shows_the_allowance_left_and_what_was_bought_without_staff_notes(
    people: Any, yp_client: Any
) -> None:
    fund = FundFactory(young_person=people.young_person, approved_pence=35_000)
    PaymentRequestFactory(
        fund=fund,
        description="Fridge freezer",
        status="paid",
        decision_note="Manager note: check the receipt",
    )
    page = yp_client.get(reverse("portal:money")).content.decode()
    assert "£2,650" in page
    assert "Fridge freezer" in page
    assert "check the receipt" not in page


def test_documents_offer_help_with_what_is_missing(people: Any, yp_client: Any) -> None:
    page = yp_client.get(reverse("portal:documents")).content.decode()
    assert "You need this" in page
    yp_client.post(reverse("portal:document_help", args=["passport"]), {"text": "Lost it"})
    portal_request = YoungPersonRequest.objects.get()
    assert (portal_request.kind, portal_request.text) == (RequestKind.DOCUMENT_HELP, "Lost it")
    assert yp_client.get(reverse("portal:document_help", args=["nonsense"])).status_code == 404


def test_a_request_says_by_when_to_expect_an_answer(people: Any, yp_client: Any) -> None:
    # Asked on Friday 4 December 2026; the council answers within 3 working days (the default).
    friday = datetime.datetime(2026, 12, 4, 15, 0, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(friday, tick=False):
        yp_client.post(reverse("portal:document_help", args=["passport"]), {"text": "Lost it"})
        asked = YoungPersonRequest.objects.get()
        page = yp_client.get(reverse("portal:request_detail", args=[asked.pk])).content.decode()
    assert "Expect an answer by" in page
    assert "Wednesday 9 December 2026" in page


def test_a_document_recorded_as_held_can_still_be_reported_lost(
    people: Any, yp_client: Any
) -> None:
    from careleavers.offer.models import ImportantDocument

    ImportantDocument.objects.create(
        young_person=people.young_person, kind="passport", status="have"
    )
    page = yp_client.get(reverse("portal:documents")).content.decode()
    help_link = reverse("portal:document_help", args=["passport"])
    assert f'href="{help_link}">I have lost it or need help with it' in page


def test_my_say_agenda_and_feedback(people: Any, yp_client: Any) -> None:
    response = yp_client.post(reverse("portal:agenda"), {"meeting": "visit", "text": ""})
    assert response.status_code == 200
    assert "Write what you want to talk about" in response.content.decode()
    yp_client.post(reverse("portal:agenda"), {"meeting": "visit", "text": "My rent"})
    assert YoungPersonRequest.objects.get().kind == RequestKind.AGENDA
    response = yp_client.post(
        reverse("portal:feedback"),
        {
            "send_as": "named",
            "about": "service",
            "rating": "ok",
            "what_could_be_better": "Answer the phone",
        },
    )
    assert response.status_code == 302
    assert YoungPersonFeedback.objects.get().what_could_be_better == "Answer the phone"


def _before(page: str, first: str, second: str) -> bool:
    return first in page and second in page and page.index(first) < page.index(second)


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_at_three_on_a_saturday_the_out_of_hours_and_999_numbers_come_first(
    people: Any,
    settings: Any,
    out_of_hours: DutyPolicy,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # Signed in at the moment the clock is set to, as the young person would be.
    yp_client = signed_in(people.user)
    people.young_person.phone = "07700 900 982"
    people.young_person.save()
    out_of_hours_phone = settings.BRANDING["out_of_hours_phone"]
    page = yp_client.get(reverse("portal:not_safe")).content.decode()
    # Before pressing: a way out, the numbers, and honest words about who will be told.
    assert 'href="https://www.bbc.co.uk/weather"' in page
    assert _before(page, 'href="tel:999"', "Tell us you do not feel safe")
    assert _before(page, f"Call {out_of_hours_phone}", "Tell us you do not feel safe")
    assert "The duty team is closed now" in page
    assert "straight away to the out-of-hours team." in page
    assert 'value="07700 900 982"' in page  # their number, to confirm or change
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(
            reverse("portal:not_safe"),
            {"call_on": "07700 900 982", "where": "Mill Lane bus stop", "text": ""},
        )
    portal_request = YoungPersonRequest.objects.get(kind=RequestKind.NOT_SAFE)
    assert response["Location"] == reverse("portal:request_detail", args=[portal_request.pk])
    page = yp_client.get(response["Location"]).content.decode()
    told = "We sent your message to the out-of-hours team at 03:00, by text and email."
    assert _before(page, 'href="tel:999"', told)
    assert _before(page, f"Call {out_of_hours_phone}", told)
    assert "They will call you on 07700 900 982." in page
    assert "will see it when they are next at work" in page
    assert 'href="https://www.bbc.co.uk/weather"' in page
    # The alert itself is for staff: it never shows on the young person's pages.
    assert "safeguarding" not in page.lower()
    sent = set(OutboxMessage.objects.values_list("kind", "to"))
    assert sent == {("sms", "07700900999"), ("email", "edt@council.example")}
    assert "Mill Lane bus stop" in OutboxMessage.objects.get(kind="sms").body


@time_machine.travel(MONDAY_TEN, tick=False)
def test_on_a_weekday_the_young_person_is_told_which_duty_worker_has_it(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    # Signed in at the moment the clock is set to, as the young person would be.
    yp_client = signed_in(people.user)
    DutyRotaEntryFactory(on=MONDAY_TEN.date(), worker=people.duty, mobile="07700900456")
    name = escape(people.duty.get_full_name())
    assert f"straight away to {name}, the duty worker now" in (
        yp_client.get(reverse("portal:not_safe")).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(reverse("portal:not_safe"), {"call_on": "", "text": ""})
    page = yp_client.get(response["Location"]).content.decode()
    assert f"We sent your message to {name}, the duty worker at 10:00" in page
    assert "You did not give us a phone number." in page
    assert "We have also emailed your personal adviser" in page
    assert _before(page, "We have sent your message", "tel:01274111222")


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_when_nothing_could_be_sent_the_young_person_is_told_to_call(
    people: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # Signed in at the moment the clock is set to, as the young person would be.
    yp_client = signed_in(people.user)
    # No mobile or email for the out-of-hours service: nothing can leave.
    settings.BRANDING = {**settings.BRANDING, "out_of_hours_phone": "01274 000 999"}
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(reverse("portal:not_safe"), {"call_on": "", "text": ""})
    page = yp_client.get(response["Location"]).content.decode()
    assert "We could not send your message" in page
    assert _before(page, "Call 01274 000 999", "Please call them now")
    assert "We sent your message" not in page


def test_a_phone_number_that_is_not_one_is_shown_next_to_the_field(
    people: Any, yp_client: Any
) -> None:
    response = yp_client.post(reverse("portal:not_safe"), {"call_on": "my mum's", "text": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter a UK phone number" in page
    assert not YoungPersonRequest.objects.exists()
    assert not Alert.objects.exists()


def test_home_says_only_what_is_at_the_bottom_of_the_page(people: Any, yp_client: Any) -> None:
    page = yp_client.get(reverse("portal:home")).content.decode()
    assert "Their phone number and email address are at the bottom of every page." in page
    people.adviser.phone = ""
    people.adviser.save()
    page = yp_client.get(reverse("portal:home")).content.decode()
    assert "phone number and email address are" not in page
    assert "Their email address is at the bottom of every page." in page
    assert "We do not have a phone number for them" in page


def test_about_me_can_be_agreed_or_a_change_asked_for(people: Any, yp_client: Any) -> None:
    about_me = about_me_write(
        acting_user=people.adviser, young_person=people.young_person, summary="I love drawing."
    )
    page = yp_client.get(reverse("portal:about_me")).content.decode()
    assert "I love drawing." in page
    yp_client.post(reverse("portal:about_me_agree"), {"version": about_me.version})
    about_me.refresh_from_db()
    assert about_me.is_agreed
    assert yp_client.get(reverse("portal:about_me_agree")).status_code == 405
    yp_client.post(reverse("portal:about_me_change"), {"text": "Add that I have a dog"})
    assert YoungPersonRequest.objects.get().kind == RequestKind.ABOUT_ME_CHANGE


def test_a_request_shows_the_reply_once_done(people: Any, yp_client: Any) -> None:
    portal_request = YoungPersonRequestFactory(young_person=people.young_person)
    staff = signed_in(people.adviser)
    url = reverse("portal:request_handle", args=[portal_request.pk])
    assert "Reply to them" in staff.get(url).content.decode()
    staff.post(url, {"reply": "Your card is at reception."})
    page = yp_client.get(reverse("portal:request_detail", args=[portal_request.pk])).content
    assert b"Your card is at reception." in page
    assert b"Done" in page


def test_readers_see_a_request_but_cannot_mark_it_done(people: Any) -> None:
    from careleavers.accounts.roles import Role
    from careleavers.accounts.tests.factories import UserFactory

    portal_request = YoungPersonRequestFactory(young_person=people.young_person)
    auditor = signed_in(UserFactory(roles=[Role.AUDITOR]))
    url = reverse("portal:request_handle", args=[portal_request.pk])
    assert "Reply to them" not in auditor.get(url).content.decode()
    assert auditor.post(url, {"reply": "x"}).status_code == 403
    portal_request.refresh_from_db()
    assert portal_request.is_open


def test_the_staff_list_of_requests(people: Any) -> None:
    YoungPersonRequestFactory(young_person=people.young_person)
    page = signed_in(people.adviser).get(
        reverse("portal:record_requests", args=[people.young_person.pk])
    )
    assert "Asked for: Free leisure centre pass" in page.content.decode()


def _aged_22(young_person: Any, **changes: Any) -> None:
    """Make them 22 since yesterday (and make `changes` to their record)."""
    young_person.date_of_birth = timezone.localdate().replace(
        year=timezone.localdate().year - 22
    ) - datetime.timedelta(days=1)
    for name, value in changes.items():
        setattr(young_person, name, value)
    young_person.save()


def test_support_again_is_not_offered_to_someone_with_an_adviser(
    people: Any, yp_client: Any
) -> None:
    _aged_22(people.young_person)

    page = yp_client.get(reverse("portal:support_again")).content.decode()

    assert "You have a personal adviser now" in page
    assert "Ask for support again" not in page


def test_support_again_is_offered_after_saying_no_to_an_adviser(
    people: Any, yp_client: Any
) -> None:
    _aged_22(people.young_person, personal_adviser_declined_on=timezone.localdate())

    page = yp_client.get(reverse("portal:support_again")).content.decode()

    assert "Ask for support again" in page


@pytest.mark.parametrize(
    ("page", "questions"),
    [
        ("portal:home", ["What is a personal adviser?", "What is the duty team?"]),
        ("portal:plan", ["What is a pathway plan?", "What is a personal adviser?"]),
        ("portal:entitlements", ["What is the local offer?", "What is the duty team?"]),
    ],
)
def test_the_words_we_use_are_explained_where_they_appear(
    people: Any, yp_client: Any, page: str, questions: list[str]
) -> None:
    text = yp_client.get(reverse(page)).content.decode()
    for question in questions:
        # A GOV.UK details component: the question, and its answer inside.
        assert f'<span class="govuk-details__summary-text">{question}</span>' in text
    assert "until you are 25 if you want one" in text


def test_words_people_wrote_keep_their_own_direction(people: Any, yp_client: Any) -> None:
    """In a right-to-left page (Arabic), English words a young person or worker wrote would
    otherwise put their full stop at the wrong end: each such paragraph says dir="auto"."""
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    text = yp_client.get(reverse("portal:plan")).content.decode()
    assert f'<p class="govuk-body" dir="auto">{YOUNG_PERSONS_WORDS}' in text
