"""The young person's copy of the plan, read back from the PDF."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.models import AuditEvent
from careleavers.core.tests.pdf_structure import tagged_pdf_facts
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import schedule
from careleavers.plans.models import PlanState
from careleavers.plans.pdf import render_plan_pdf
from careleavers.plans.tests.factories import YOUNG_PERSONS_WORDS, make_plan

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def adviser(make_user, team):
    return make_user(
        Role.PERSONAL_ADVISER,
        team=team,
        first_name="Sam",
        last_name="Okafor",
        phone="07700 900123",
    )


@pytest.fixture
def shared_plan(adviser, team):
    young_person = YoungPersonFactory(team=team, first_name="Aisha", preferred_name="")
    AllocationFactory(young_person=young_person, worker=adviser, role="pa")
    return make_plan(young_person, state=PlanState.SHARED, writer=adviser)


@override_settings(
    BRANDING={
        "service_name": "Care leavers service",
        "council_name": "Test Council",
        "logo_url": "",
        "duty_phone": "01234 567 890",
        "out_of_hours_phone": "01234 999 999",
    }
)
def test_the_pdf_has_their_words_every_section_and_who_to_contact(shared_plan):
    text = _text(render_plan_pdf(plan=shared_plan))
    assert YOUNG_PERSONS_WORDS in text
    for definition in schedule.PLAN_SECTIONS:
        assert definition.young_person_title in text
    assert "Sam Okafor" in text
    assert "07700 900123" in text
    assert "01234 567 890" in text
    assert "01234 999 999" in text
    assert "I agree with most of it." in text


def test_the_pdf_is_tagged_for_screen_readers(shared_plan):
    """Read back: marked as tagged, in English, titled, and its headings and tables are in
    the structure a screen reader follows (PDF/UA-1, core/pdf.py)."""
    facts = tagged_pdf_facts(render_plan_pdf(plan=shared_plan))
    assert facts.marked
    assert facts.language == "en-GB"
    assert facts.title.startswith("Your pathway plan")
    assert {"H1", "H2", "P"} <= set(facts.tags)
    assert facts.tags.count("H2") >= len(schedule.PLAN_SECTIONS)


def test_their_words_come_before_the_workers_in_each_section(shared_plan):
    text = _text(render_plan_pdf(plan=shared_plan))
    health = text.index(schedule.SECTIONS_BY_KEY["health"].young_person_title)
    assert text.index("What you said", health) < text.index("What your personal adviser", health)


def test_downloading_the_pdf_is_audited_as_a_print(client, adviser, shared_plan):
    client.force_login(adviser)
    response = client.get(reverse("plans:plan_pdf", kwargs={"plan_pk": shared_plan.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert YOUNG_PERSONS_WORDS in _text(response.content)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PRINT, subject_id=str(shared_plan.pk), actor=adviser
    ).exists()


class _CountingHTML:
    """Stands in for weasyprint.HTML to count layouts, doing the real work."""

    calls = 0
    real: Any = None

    def __init__(self, **kwargs):
        type(self).calls += 1
        self._real = type(self).real(**kwargs)

    def write_pdf(self, **options):
        return self._real.write_pdf(**options)


@pytest.fixture
def counting_layouts(monkeypatch):
    import weasyprint

    _CountingHTML.calls = 0
    _CountingHTML.real = weasyprint.HTML
    monkeypatch.setattr(weasyprint, "HTML", _CountingHTML)
    return _CountingHTML


def test_a_pdf_printed_again_is_served_from_the_cache(shared_plan, counting_layouts):
    first = render_plan_pdf(plan=shared_plan)
    again = render_plan_pdf(plan=shared_plan)
    assert again == first
    assert counting_layouts.calls == 1


def test_a_change_to_what_the_pdf_says_lays_it_out_again(shared_plan, adviser, counting_layouts):
    render_plan_pdf(plan=shared_plan)
    adviser.phone = "07700 900999"
    adviser.save()
    text = _text(render_plan_pdf(plan=shared_plan))
    assert counting_layouts.calls == 2
    assert "07700 900999" in text
    assert "07700 900123" not in text


def test_authorising_a_plan_lays_out_its_pdf_ready_to_print(
    adviser, team, counting_layouts, django_capture_on_commit_callbacks
):
    young_person = YoungPersonFactory(team=team)
    AllocationFactory(young_person=young_person, worker=adviser, role="pa")
    with django_capture_on_commit_callbacks(execute=True):
        plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser)
    assert counting_layouts.calls == 1
    assert YOUNG_PERSONS_WORDS in _text(render_plan_pdf(plan=plan))
    assert counting_layouts.calls == 1


DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_first_print_is_laid_out_in_the_background_while_the_page_waits(
    client, adviser, shared_plan, settings, counting_layouts
):
    from django_tasks_db.models import DBTaskResult

    from careleavers.plans.tasks import plan_pdf_task

    settings.TASKS = DB_QUEUE
    client.force_login(adviser)
    url = reverse("plans:plan_pdf", kwargs={"plan_pk": shared_plan.pk})

    waiting = client.get(url)

    assert waiting["Content-Type"].startswith("text/html")
    body = waiting.content.decode()
    assert "Being laid out" in body
    assert '<meta http-equiv="refresh" content="2">' in body
    assert counting_layouts.calls == 0  # nothing laid out in the request
    assert DBTaskResult.objects.get().args_kwargs["args"] == [shared_plan.pk]
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PRINT).exists()
    client.get(url)
    assert DBTaskResult.objects.count() == 1  # asked for once, however often the page refreshes

    plan_pdf_task.call(shared_plan.pk)  # as the worker runs it
    ready = client.get(url)

    assert ready["Content-Type"] == "application/pdf"
    assert YOUNG_PERSONS_WORDS in _text(ready.content)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PRINT).count() == 1


def test_a_pdf_that_could_not_be_laid_out_says_so_and_can_be_asked_for_again(
    client, adviser, shared_plan, monkeypatch
):
    import weasyprint

    real = weasyprint.HTML

    class Broken:
        def __init__(self, **kwargs):
            raise RuntimeError("no fonts")

    monkeypatch.setattr(weasyprint, "HTML", Broken)
    client.force_login(adviser)
    url = reverse("plans:plan_pdf", kwargs={"plan_pk": shared_plan.pk})

    failed = client.get(url).content.decode()

    assert "The PDF could not be made" in failed
    assert 'http-equiv="refresh"' not in failed
    assert client.get(url).content.decode().count("could not be made") == 1  # not asked again
    monkeypatch.setattr(weasyprint, "HTML", real)
    again = client.get(url, {"again": "1"})
    assert again["Content-Type"] == "application/pdf"


def test_authorising_queues_the_layout_once_the_plan_is_saved(
    adviser, team, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_QUEUE
    young_person = YoungPersonFactory(team=team)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser)
    assert not DBTaskResult.objects.exists()  # nothing queued before the commit
    for callback in callbacks:
        callback()
    assert DBTaskResult.objects.get().args_kwargs["args"] == [plan.pk]
