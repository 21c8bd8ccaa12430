"""What casework adds to a young person's overview, chronology and banner (registered in
registrations.py).

Overview panels: alerts (first; the people app's record frame already shows the
restricted-record warning and tag), who works with me, and contact. Chronology sources:
contacts (with their amendments), case notes, allocations, duty log entries and alerts. Each
costs a fixed number of queries whatever the number of entries.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from careleavers.casework import selectors
from careleavers.casework.models import Alert, ContactAmendment, WorkerRole
from careleavers.casework.presenters import contact_outcome
from careleavers.core.permissions import can
from careleavers.people.chronology import ChronologyEntry, ChronologySource, written_by
from careleavers.people.overview import OverviewPanel
from careleavers.people.record_frame import BannerFact, RecordTab


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# Overview panels -----------------------------------------------------------------------------


def alerts_panel(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    return {
        "alerts": list(selectors.alerts_for(young_person=young_person, current_only=True)),
        "alerts_url": reverse("casework:alert_list", kwargs={"pk": young_person.pk}),
        "can_add_alert": can(user, "casework.add_alert", young_person),
    }


def workers_panel(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    current = selectors.current_allocations(young_person=young_person)
    today = timezone.localdate()
    return {
        "personal_adviser": current.get(WorkerRole.PERSONAL_ADVISER),
        "social_worker": current.get(WorkerRole.SOCIAL_WORKER),
        "worker_changes": selectors.worker_change_count(young_person=young_person, today=today),
        "allocation_url": reverse("casework:allocation_history", kwargs={"pk": young_person.pk}),
        "can_change_allocation": can(user, "casework.change_allocation", young_person),
    }


# The record banner ---------------------------------------------------------------------------


def banner_worker_facts(young_person: Any) -> list[BannerFact]:
    """The personal adviser (or that there is none) and any social worker: one query."""
    current = selectors.current_allocations(young_person=young_person)
    adviser = current.get(WorkerRole.PERSONAL_ADVISER)
    facts = [
        BannerFact(
            label=WorkerRole.PERSONAL_ADVISER.label,
            text=written_by(adviser.worker) if adviser else "None allocated",
        )
    ]
    social_worker = current.get(WorkerRole.SOCIAL_WORKER)
    if social_worker is not None:
        facts.append(
            BannerFact(label=WorkerRole.SOCIAL_WORKER.label, text=written_by(social_worker.worker))
        )
    return facts


def banner_alert_facts(young_person: Any) -> list[BannerFact]:
    """Each kind of current alert once, most recent first: one query."""
    kinds: dict[str, BannerFact] = {}
    for alert in selectors.alerts_for(young_person=young_person, current_only=True):
        kinds.setdefault(alert.kind, BannerFact(label=alert.get_kind_display(), text=""))
    return list(kinds.values())


RECORD_TABS = (
    RecordTab(key="contacts", label="Contacts", url_name="casework:contact_list", order=30),
    RecordTab(key="case_notes", label="Case notes", url_name="casework:case_note_list", order=40),
    RecordTab(key="alerts", label="Alerts", url_name="casework:alert_list", order=50),
    RecordTab(key="workers", label="Workers", url_name="casework:allocation_history", order=140),
)


def contact_panel(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    today = timezone.localdate()
    due = young_person.next_contact_due
    return {
        "today": today,
        "overdue_text": _overdue_text(due, today),
        "due_soon": due is not None and today <= due <= today + datetime.timedelta(days=14),
        "can_add_contact": can(user, "casework.add_contact", young_person),
        "contact_add_url": reverse("casework:contact_add", kwargs={"pk": young_person.pk}),
        "contacts_url": reverse("casework:contact_list", kwargs={"pk": young_person.pk}),
        "case_notes_url": reverse("casework:case_note_list", kwargs={"pk": young_person.pk}),
    }


def _overdue_text(due: datetime.date | None, today: datetime.date) -> str:
    if due is None or due >= today:
        return ""
    days = (today - due).days
    return f"Overdue by {days} day{'s' if days != 1 else ''}"


# Chronology sources --------------------------------------------------------------------------


def contact_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    entries = []
    for contact in selectors.contacts_for(young_person=young_person):
        url = reverse("casework:contact_detail", kwargs={"pk": contact.pk})
        summary = contact.young_persons_views or contact.notes or contact.failed_reason
        entries.append(
            ChronologyEntry(
                when=contact.occurred_at,
                kind="contact",
                kind_label="Contact",
                title=f"{contact.get_method_display()}: {contact_outcome(contact).lower()}",
                summary=_shorten(summary),
                by=written_by(contact.worker),
                url=url,
            )
        )
        amendment: ContactAmendment
        for amendment in contact.amendments.all():
            entries.append(
                ChronologyEntry(
                    when=amendment.created_at,
                    kind="contact",
                    kind_label="Contact",
                    title="Contact record amended",
                    summary=_shorten(f"Reason: {amendment.reason}"),
                    by=written_by(amendment.created_by),
                    url=url,
                )
            )
    return entries


def case_note_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    url = reverse("casework:case_note_list", kwargs={"pk": young_person.pk})
    return [
        ChronologyEntry(
            when=note.written_on,
            kind="case_note",
            kind_label="Case note",
            title=note.title,
            summary=_shorten(note.body),
            by=written_by(note.author),
            url=f"{url}#case-note-{note.pk}",
        )
        for note in selectors.case_notes_for(young_person=young_person)
    ]


def allocation_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    url = reverse("casework:allocation_history", kwargs={"pk": young_person.pk})
    entries = []
    for allocation in selectors.allocation_history(young_person=young_person):
        role = allocation.get_role_display().lower()
        entries.append(
            ChronologyEntry(
                when=allocation.start,
                kind="allocation",
                kind_label="Worker",
                title=f"{allocation.worker.get_full_name()} became their {role}",
                summary=allocation.get_reason_display()
                + (f". {allocation.reason_note}" if allocation.reason_note else ""),
                by=written_by(allocation.created_by),
                url=url,
            )
        )
        if allocation.end is not None:
            entries.append(
                ChronologyEntry(
                    when=allocation.end,
                    kind="allocation",
                    kind_label="Worker",
                    title=f"{allocation.worker.get_full_name()} stopped being their {role}",
                    url=url,
                )
            )
    return entries


def duty_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    return [
        ChronologyEntry(
            when=entry.occurred_at,
            kind="duty",
            kind_label="Duty",
            title=f"{entry.get_method_display()} from {entry.caller}",
            summary=_shorten(f"Needed: {entry.need} Done: {entry.action_taken}"),
            by=written_by(entry.duty_worker),
            url=reverse("casework:duty_detail", kwargs={"pk": entry.pk}),
        )
        for entry in selectors.duty_entries_for(young_person=young_person)
    ]


def alert_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    url = reverse("casework:alert_list", kwargs={"pk": young_person.pk})
    entries = []
    alert: Alert
    for alert in selectors.alerts_for(young_person=young_person):
        entries.append(
            ChronologyEntry(
                when=alert.raised_on,
                kind="alert",
                kind_label="Alert",
                title=f"Alert raised: {alert.get_kind_display().lower()}",
                summary=_shorten(alert.description),
                by=written_by(alert.created_by),
                url=url,
            )
        )
        if alert.ended_on is not None:
            entries.append(
                ChronologyEntry(
                    when=alert.ended_on,
                    kind="alert",
                    kind_label="Alert",
                    title=f"Alert ended: {alert.get_kind_display().lower()}",
                    url=url,
                )
            )
    return entries


OVERVIEW_PANELS = (
    OverviewPanel(
        key="casework.alerts",
        template="casework/panels/alerts.html",
        context=alerts_panel,
        order=5,
    ),
    OverviewPanel(
        key="casework.workers",
        template="casework/panels/workers.html",
        context=workers_panel,
        order=20,
    ),
    OverviewPanel(
        key="casework.contact",
        template="casework/panels/contact.html",
        context=contact_panel,
        order=30,
    ),
)

CHRONOLOGY_SOURCES = (
    ChronologySource(kind="contact", label="Contacts", entries=contact_entries),
    ChronologySource(kind="case_note", label="Case notes", entries=case_note_entries),
    ChronologySource(kind="allocation", label="Workers", entries=allocation_entries),
    ChronologySource(kind="duty", label="Duty log", entries=duty_entries),
    ChronologySource(kind="alert", label="Alerts", entries=alert_entries),
)
