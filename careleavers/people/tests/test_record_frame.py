"""The record frame: the same banner and tabs on every page of a record, at a fixed cost."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework.models import WorkerRole
from careleavers.casework.tests.factories import AlertFactory, AllocationFactory
from careleavers.core.checks import required_registries_filled
from careleavers.people import record_frame
from careleavers.people.record_frame import RecordTab
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

# The record's pages across apps, the most used first: each draws the same frame.
PAGES = [
    "people:overview",
    "plans:young_person_plans",
    "casework:contact_list",
    "offer:money",
    "quality:feedback_list",
    "transitions:young_person",
    "casework:case_note_add",
]


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(
        team=team, first_name="Amira", last_name="Khan", category="former_relevant"
    )


@pytest.fixture
def pa(make_user, team, young_person):
    adviser = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Sam", last_name="Jones")
    AllocationFactory(young_person=young_person, worker=adviser)
    return adviser


@pytest.fixture
def client(client_for, pa):
    return client_for(user=pa)


def _banner(html: str) -> str:
    start = html.index('class="app-record-banner ')
    return html[start : html.index("</section>", start)]


def _tabs(html: str) -> list[str]:
    nav = html[html.index('class="moj-sub-navigation app-record-tabs ') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'class="moj-sub-navigation__link" href="[^"]+"[^>]*>([^<]+)</a>', nav)


@pytest.mark.parametrize("name", PAGES)
def test_every_record_page_has_the_banner(client, young_person, name):
    AlertFactory(young_person=young_person, kind="risk_to_staff")
    html = client.get(reverse(name, kwargs={"pk": young_person.pk})).content.decode()
    banner = _banner(html)
    assert "Amira Khan" in banner
    assert f"<dt>Age</dt><dd>{young_person.age}</dd>" in banner
    assert "Former relevant" in banner
    assert "<dt>Personal adviser</dt><dd>Sam Jones</dd>" in banner
    assert "Risk to staff" in banner
    assert settings.BRANDING["duty_phone"] in banner


def test_every_record_page_has_the_same_tabs_in_the_same_order(client, young_person):
    tabs = {
        name: _tabs(client.get(reverse(name, kwargs={"pk": young_person.pk})).content.decode())
        for name in PAGES
    }
    overview = tabs["people:overview"]
    assert overview[:3] == ["Overview", "About me", "Chronology"]
    assert {"Contacts", "Pathway plans", "Money", "Their feedback"} <= set(overview)
    assert all(found == overview for found in tabs.values())


def test_the_tab_of_the_page_is_marked(client, young_person):
    html = client.get(reverse("casework:contact_list", kwargs={"pk": young_person.pk}))
    assert re.search(r'aria-current="page">Contacts<', html.content.decode())


def test_a_page_within_a_tab_marks_that_tab(client, young_person, pa):
    from careleavers.plans import services as plans_services

    plan = plans_services.plan_create(acting_user=pa, young_person=young_person)
    html = client.get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})).content
    assert re.search(r'aria-current="true">Pathway plans<', html.decode())
    assert 'aria-current="true">Overview<' not in html.decode()


def test_the_banner_says_when_no_personal_adviser_is_allocated(client_for, team):
    young_person = YoungPersonFactory(team=team)
    client = client_for(Role.TEAM_MANAGER, team=team)
    html = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    assert "<dt>Personal adviser</dt><dd>None allocated</dd>" in _banner(html.decode())


def test_the_frame_costs_the_same_however_much_the_record_holds(client, young_person, team):
    url = reverse("casework:contact_list", kwargs={"pk": young_person.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for kind in ("safeguarding", "health", "other", "risk_to_staff"):
        AlertFactory(young_person=young_person, kind=kind)
    AllocationFactory(young_person=young_person, role=WorkerRole.SOCIAL_WORKER)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert "Safeguarding concern" in _banner(html)
    assert "<dt>Social worker</dt>" in _banner(html)
    assert len(many) == len(few)


def test_a_tab_can_be_shown_only_to_some_roles(client, young_person, monkeypatch):
    managers = RecordTab(
        key="managers",
        label="For managers",
        url_name="people:details",
        order=1,
        shown_to=lambda user: user.has_role(Role.TEAM_MANAGER),
    )
    with record_frame.record_tabs.added(managers):
        html = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    assert "For managers" not in _tabs(html.decode())


def test_the_service_will_not_start_without_the_banners_sources():
    with record_frame.banner_workers.replaced(), record_frame.banner_alerts.replaced():
        errors = required_registries_filled()
    assert [(error.id, error.msg) for error in errors] == [
        ("core.E201", "Nothing provides the record banner's workers."),
        ("core.E201", "Nothing provides the record banner's alerts."),
    ]


def test_the_frame_is_not_printed(client, young_person):
    # A printed statement is handed to the young person: no alerts, no navigation on paper.
    AlertFactory(young_person=young_person, kind="risk_to_staff")
    html = client.get(reverse("offer:statement_print", kwargs={"pk": young_person.pk}))
    assert 'class="app-record-banner govuk-!-display-none-print"' in html.content.decode()
    assert "app-record-tabs govuk-!-display-none-print" in html.content.decode()
