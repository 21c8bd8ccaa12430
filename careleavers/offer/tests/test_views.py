"""Pages: the statement's print is audited, the overview shows the money panel, and the
catalogue pages let an administrator edit a draft with the rule checked."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.pages import form_data
from careleavers.offer.models import (
    CatalogueItem,
    CouncilTaxExemption,
    ImportantDocument,
    OfferVersion,
    PaymentRequest,
)
from careleavers.offer.tests.factories import CatalogueItemFactory, OfferVersionFactory
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def test_printing_the_statement_is_logged_as_a_print() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    user = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    response = signed_in(user).get(reverse("offer:statement_print", args=[young_person.pk]))
    assert response.status_code == 200
    assert b"Setting up home allowance" in response.content
    assert AuditEvent.objects.filter(action="print", young_person_id=young_person.pk).exists()


def test_the_overview_shows_money_and_entitlements() -> None:
    young_person = YoungPersonFactory()
    user = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    response = signed_in(user).get(reverse("people:overview", args=[young_person.pk]))
    assert b"Money and entitlements" in response.content
    assert b"8 of 8" in response.content


def test_the_money_card_puts_each_value_under_its_term_in_the_narrow_column() -> None:
    # A summary list's key column is under 100px in the one-third column at 1280px, so
    # "allowance" broke mid-word; each term above its value has the column's full width.
    young_person = YoungPersonFactory()
    user = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    page = signed_in(user).get(reverse("people:overview", args=[young_person.pk])).content
    page = page.decode()
    card = page[page.index("Money and entitlements") :]
    card = card[: card.index("</dl>")]
    assert "govuk-summary-list" not in card
    for term in (
        "Local offer explained",
        "Setting up home allowance left",
        "Important documents missing",
    ):
        assert (
            f'<dt class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{term}</dt>'
            in card
        )
    assert (
        '<dd class="govuk-body govuk-!-margin-left-0 govuk-!-margin-bottom-0">8 of 8</dd>' in card
    )


def _asked(client: Client, url: str) -> dict[str, Any]:
    return form_data(
        client.get(url),
        payment_type="setting_up_home",
        description="Kettle",
        amount_pence="£24.99",
    )


def test_a_worker_asks_for_a_payment_in_pounds() -> None:
    young_person = YoungPersonFactory()
    client = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE]))
    url = reverse("offer:payment_request", args=[young_person.pk])
    response = client.post(url, _asked(client, url))
    assert response.status_code == 302
    assert PaymentRequest.objects.get().amount_pence == 2_499


def test_a_payment_request_sent_twice_asks_once() -> None:
    young_person = YoungPersonFactory()
    client = signed_in(UserFactory(roles=[Role.PERSONAL_ADVISER], team=young_person.team))
    url = reverse("offer:payment_request", args=[young_person.pk])
    filled = _asked(client, url)

    first = client.post(url, filled)
    again = client.post(url, filled)  # a double click, or "resend" after a slow answer

    assert (first.status_code, again.status_code) == (302, 302)
    assert first["Location"] == again["Location"]
    assert PaymentRequest.objects.count() == 1
    created = AuditEvent.objects.filter(action="create", subject_type="offer.PaymentRequest")
    assert created.count() == 1


def test_a_payment_request_without_its_form_key_is_refused_and_can_be_sent_again() -> None:
    young_person = YoungPersonFactory()
    client = signed_in(UserFactory(roles=[Role.PERSONAL_ADVISER], team=young_person.team))
    url = reverse("offer:payment_request", args=[young_person.pk])
    filled = _asked(client, url)
    del filled["submission_key"]

    refused = client.post(url, filled)

    assert refused.status_code == 200
    assert "Check your answers and select the button again" in refused.content.decode()
    assert not PaymentRequest.objects.exists()
    assert client.post(url, form_data(refused)).status_code == 302
    assert PaymentRequest.objects.count() == 1


def _adviser_and_manager_tia(young_person: Any) -> tuple[Client, Client]:
    """A personal adviser and a team manager, Tia M, of the young person's team, signed in."""
    adviser = signed_in(UserFactory(roles=[Role.PERSONAL_ADVISER], team=young_person.team))
    manager = signed_in(
        UserFactory(
            roles=[Role.TEAM_MANAGER], team=young_person.team, first_name="Tia", last_name="M"
        )
    )
    return adviser, manager


def _manager_saves_first(
    adviser: Client,
    manager: Client,
    url: str,
    manager_changes: dict[str, Any],
    adviser_changes: dict[str, Any],
) -> Any:
    """Both open the form; the manager's changes are saved first, then the adviser sends theirs
    and is answered with the form again. That answer."""
    adviser_form, manager_form = adviser.get(url), manager.get(url)
    first = manager.post(url, form_data(manager_form, **manager_changes))
    second = adviser.post(url, form_data(adviser_form, **adviser_changes))
    assert first.status_code == 302
    assert second.status_code == 200
    return second


def _document_url(young_person: Any) -> str:
    return reverse("offer:document_edit", kwargs={"pk": young_person.pk, "kind": "passport"})


def test_two_people_recording_one_document_the_second_is_told_and_nothing_is_overwritten() -> None:
    young_person = YoungPersonFactory()
    adviser, manager = _adviser_and_manager_tia(young_person)
    url = _document_url(young_person)
    second = _manager_saves_first(
        adviser, manager, url, {"status": "applied", **_day("dated", 3)}, {"status": "missing"}
    )

    assert "Tia M changed this document" in second.content.decode()
    document = ImportantDocument.objects.get(young_person=young_person, kind="passport")
    assert (document.status, document.version) == ("applied", 1)
    # Having read what changed, saving again is their choice, and it is saved.
    assert adviser.post(url, form_data(second, status="missing")).status_code == 302
    document.refresh_from_db()
    assert (document.status, document.version) == ("missing", 2)


def test_two_people_changing_one_council_tax_exemption_the_second_is_told() -> None:
    young_person = YoungPersonFactory()
    adviser, manager = _adviser_and_manager_tia(young_person)
    add = reverse("offer:council_tax_add", args=[young_person.pk])
    added = adviser.post(
        add, form_data(adviser.get(add), billing_authority="Leeds", status="to_apply")
    )
    assert added.status_code == 302
    exemption = CouncilTaxExemption.objects.get(young_person=young_person)
    url = reverse(
        "offer:council_tax_edit", kwargs={"pk": young_person.pk, "exemption_pk": exemption.pk}
    )
    second = _manager_saves_first(
        adviser,
        manager,
        url,
        {"status": "applied", **_day("applied_on", 2)},
        {"billing_authority": "Bradford"},
    )

    assert "Tia M changed this council tax exemption" in second.content.decode()
    exemption.refresh_from_db()
    assert (exemption.billing_authority, exemption.status, exemption.version) == (
        "Leeds",
        "applied",
        2,
    )


def _day(prefix: str, days_ago: int) -> dict[str, str]:
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def test_a_bad_rule_shows_an_error_and_saves_nothing() -> None:
    draft = OfferVersionFactory(status=OfferVersion.Status.DRAFT)
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    response = signed_in(admin).post(
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
    response = signed_in(admin).get(reverse("offer:item_edit", args=[item.version_id, item.pk]))
    assert response.status_code == 404


def test_the_documents_report_captions_each_table_with_its_age() -> None:
    # Each list needs its age for a screen reader to tell the 17s from the 18s, whether it is a
    # table (a caption) or says that everyone has everything (a heading).
    today = timezone.localdate()
    YoungPersonFactory(date_of_birth=datetime.date(today.year - 17, 1, 1))  # 17 all year
    page = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE])).get(
        reverse("offer:documents_report")
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--m">Aged 17</caption>' in html
    )
    assert '<h2 class="govuk-heading-m">Aged 18</h2>' in html


def test_the_documents_report_shows_each_age_a_page_at_a_time(monkeypatch: Any) -> None:
    from careleavers.offer import views

    monkeypatch.setattr(views, "DOCUMENTS_PAGE_SIZE", 1)
    today = timezone.localdate()
    older = YoungPersonFactory(date_of_birth=datetime.date(today.year - 17, 1, 1))
    younger = YoungPersonFactory(date_of_birth=datetime.date(today.year - 17, 1, 2))
    client = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE]))
    url = reverse("offer:documents_report")
    first = client.get(url).content.decode()
    second = client.get(url + "?age_17_page=2").content.decode()
    assert "2 young people lack at least one document." in first
    assert escape(older.display_name) in first
    assert escape(younger.display_name) not in first
    assert escape(younger.display_name) in second
    assert "age_17_page=2" in first


def test_a_service_wide_groups_session_lists_a_short_list_and_finds_anyone_by_name() -> None:
    from careleavers.accounts.tests.factories import TeamFactory
    from careleavers.offer.models import GroupSession
    from careleavers.offer.tests.factories import GroupActivityFactory

    mine, elsewhere = TeamFactory(), TeamFactory()
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=mine, first_name="Asha")
    colleague = UserFactory(roles=[Role.SOCIAL_WORKER], team=mine, first_name="Bea")
    faraway = UserFactory(
        roles=[Role.PERSONAL_ADVISER], team=elsewhere, first_name="Kit", last_name="Oduya"
    )
    activity = GroupActivityFactory(team=None)
    client = signed_in(adviser)
    url = reverse("offer:session_add", kwargs={"group_pk": activity.pk})
    page = client.get(url)
    html = page.content.decode()
    assert escape(colleague.get_full_name()) in html
    assert escape(faraway.get_full_name()) not in html
    # Find someone from another team by name: nothing is saved, they are chosen on the page.
    found = client.post(url, form_data(page, run_by_search="oduya"))
    assert found.status_code == 200
    assert not GroupSession.objects.exists()
    assert escape(faraway.get_full_name()) in found.content.decode()
    saved = client.post(
        url,
        form_data(
            found,
            hours="2",
            **{"held_on-day": "1", "held_on-month": "12", "held_on-year": "2026"},
        ),
    )
    assert saved.status_code == 302
    assert list(GroupSession.objects.get().run_by.all()) == [faraway]


def test_a_service_wide_groups_session_form_lists_no_more_as_the_staff_grow() -> None:
    from careleavers.accounts.tests.factories import TeamFactory
    from careleavers.offer.tests.factories import GroupActivityFactory

    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=TeamFactory())
    activity = GroupActivityFactory(team=None)
    client = signed_in(adviser)
    url = reverse("offer:session_add", kwargs={"group_pk": activity.pk})
    before = client.get(url).content.decode().count('name="run_by"')
    for _ in range(5):
        UserFactory(roles=[Role.PERSONAL_ADVISER], team=TeamFactory())
    assert client.get(url).content.decode().count('name="run_by"') == before


def test_a_document_kind_that_does_not_exist_is_not_found() -> None:
    young_person = YoungPersonFactory()
    adviser, _manager = _adviser_and_manager_tia(young_person)
    url = reverse("offer:document_edit", kwargs={"pk": young_person.pk, "kind": "library-card"})

    assert adviser.get(url).status_code == 404


def test_a_new_document_asks_who_holds_the_original_without_answering_for_them() -> None:
    young_person = YoungPersonFactory()
    adviser, _manager = _adviser_and_manager_tia(young_person)
    url = _document_url(young_person)
    page = adviser.get(url)

    # "Nobody" was the blank choice, so a browser sent it for everyone who skipped the question.
    assert "original_held_by" not in form_data(page)
    assert (
        adviser.post(url, form_data(page, status="applied", **_day("dated", 3))).status_code == 302
    )
    document = ImportantDocument.objects.get(young_person=young_person, kind="passport")
    assert document.original_held_by == ""

    changed = adviser.post(url, form_data(adviser.get(url), original_held_by="nobody"))
    assert changed.status_code == 302
    document.refresh_from_db()
    assert document.get_original_held_by_display() == "Nobody (no original)"
    checklist = adviser.get(reverse("offer:documents", args=[young_person.pk])).content.decode()
    assert "Nobody (no original)" in checklist
