"""How casework facts are shown: rows for GOV.UK tables and summary lists.

No queries here: everything comes from what selectors already loaded. Values that carry
markup (tags, links) are built with `format_html`, so user data is always escaped.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from careleavers.casework import selectors
from careleavers.casework.models import (
    Allocation,
    Contact,
    ContactAmendment,
    ContactMethod,
    DutyLogEntry,
    WorkerRole,
)
from careleavers.casework.services import (
    CONTACT_FIELD_LABELS,
    CONTACT_FIELDS,
    young_person_url,
)
from careleavers.casework.work_tray import WorkItem
from careleavers.casework.work_tray_triage import ItemGroup
from careleavers.core.templatetags.govuk import govuk_date, govuk_datetime, govuk_tag
from careleavers.core.urls_for_many import url_for_each
from careleavers.people.category import Category

CATEGORY_LABELS = {category.value: category.label for category in Category}
METHOD_LABELS = dict(ContactMethod.choices)
NOT_RECORDED = "Not recorded"


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def due_tag(due: datetime.date | None, today: datetime.date) -> SafeString:
    """The next-contact-due date with a tag saying how it stands, in words (never colour only)."""
    if due is None:
        return SafeString("No visit due")
    if due < today:
        days = (today - due).days
        return format_html(
            "{} {}",
            govuk_date(due),
            govuk_tag(f"Overdue by {days} day{'s' if days != 1 else ''}", "red"),
        )
    if (due - today).days <= 14:
        return format_html("{} {}", govuk_date(due), govuk_tag("Due soon", "yellow"))
    return SafeString(govuk_date(due))


def review_due_cell(young_person: Any, today: datetime.date) -> dict[str, Any]:
    """The next pathway plan review, or why there is none, so a worker knows what to do."""
    due = young_person.review_due
    if due is not None:
        text = govuk_date(due)
        if due < today:
            text = format_html("{} {}", text, govuk_tag("Overdue", "red"))
        return {"text": text, "sort_value": due.isoformat()}
    if young_person.personal_adviser_declined_on:
        # The duty to keep the plan under review ends when they decline (CA 1989 s.23CZB(3)).
        return {"text": "Not needed: declined an adviser", "sort_value": ""}
    return {"text": "No plan authorised yet", "sort_value": ""}


def link(text: Any, href: str) -> SafeString:
    return format_html('<a class="govuk-link" href="{}">{}</a>', href, text)


# Work tray -----------------------------------------------------------------------------------


def work_items(items: Iterable[WorkItem], *, today: datetime.date) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        tags = []
        if item.urgent:
            tags.append(govuk_tag("Urgent", "red"))
        if item.overdue:
            tags.append(govuk_tag("Overdue", "orange"))
        rows.append(
            {
                "item": item,
                "tags": SafeString(" ".join(tags)),
                "name": item.young_person.display_name if item.young_person else "",
                # The name opens their record; the title opens the piece of work.
                "record_url": reverse("people:overview", kwargs={"pk": item.young_person.pk})
                if item.young_person
                else "",
                "child_id": item.young_person.child_id if item.young_person else "",
                "due": govuk_date(item.due) if item.due else "",
            }
        )
    return rows


def is_group(row: Any) -> bool:
    return isinstance(row, ItemGroup)


def work_tray_rows(
    rows: Iterable[WorkItem | ItemGroup],
    *,
    today: datetime.date,
    labels: dict[str, str],
    group_href: Callable[[str], str],
) -> list[dict[str, Any]]:
    """The tray's rows: one per item, and one per group of many routine items of a kind, which
    links to the tray narrowed to that kind."""
    shown = []
    for row in rows:
        if isinstance(row, ItemGroup):
            shown.append(
                {
                    "group": True,
                    "label": labels.get(row.kind, row.kind),
                    "count": row.count,
                    "tags": govuk_tag(f"{row.overdue} overdue", "orange") if row.overdue else "",
                    "href": group_href(row.kind),
                }
            )
        else:
            shown.extend(work_items([row], today=today))
    return shown


def work_tray_kind_links(
    counts: Mapping[str, int],
    *,
    labels: dict[str, str],
    decisions: set[str],
    href: Callable[[str], str],
    current: str,
) -> list[dict[str, Any]]:
    """Each kind of work in the tray with how many there are, the decisions waiting for the
    viewer first, then the largest: "Plans to authorise (9)" at a glance."""
    kinds = sorted(
        (kind for kind, count in counts.items() if count),
        key=lambda kind: (kind not in decisions, -counts[kind], labels.get(kind, kind)),
    )
    return [
        {
            "text": f"{labels.get(kind, kind)} ({counts[kind]})",
            "href": href(kind),
            "current": kind == current,
            "decision": kind in decisions,
        }
        for kind in kinds
    ]


def batch_targets(
    targets: Iterable[Any], *, summary: Callable[[Any], str]
) -> list[dict[str, Any]]:
    """The items a batch action is about to act on, each with whose it is."""
    return [
        {
            "name": target.young_person.display_name,
            "child_id": target.young_person.child_id,
            "record_url": reverse("people:overview", kwargs={"pk": target.young_person.pk}),
            "summary": summary(target),
        }
        for target in targets
    ]


# Caseloads -----------------------------------------------------------------------------------

TEAM_HEAD = [
    "Team",
    {"text": "Young people", "format": "numeric"},
    {"text": "Visits overdue", "format": "numeric"},
    {"text": "No personal adviser", "format": "numeric"},
    {"text": "Worker changes in 12 months", "format": "numeric"},
]
WORKER_HEAD = [
    "Worker",
    "Role",
    {"text": "Young people", "format": "numeric"},
    {"text": "Visits overdue", "format": "numeric"},
]
HISTORY_HEAD = ["Role", "Worker", "From", "To", "Reason", "A change of worker"]
CONTACT_HEAD = ["When", "How", "Outcome", "Worker", "What for"]
DUTY_HEAD = ["When", "Who called or came in", "About", "Duty worker", "Passed to"]

CASELOAD_HEAD = [
    "Young person",
    "Category",
    "Last contact",
    "Next visit due",
    "Review due",
    {"text": "Worker changes in 12 months", "format": "numeric"},
]
CASELOAD_HEAD_WITH_WORKERS = [
    "Young person",
    "Category",
    "Personal adviser",
    "Social worker",
    "Next visit due",
    "Review due",
    {"text": "Worker changes in 12 months", "format": "numeric"},
]


def _worker_cell(
    name: str | None, role: str, young_person: Any, *, can_reallocate: bool, next_url: str
) -> Any:
    if not can_reallocate:
        return name or "None"
    href = (
        reverse("casework:allocation_change", kwargs={"pk": young_person.pk})
        + f"?role={role}&next={_quote(next_url)}"
    )
    action = "Change" if name else "Allocate"
    label = WorkerRole(role).label.lower()
    return format_html(
        '{}<br><a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {} for {}'
        "</span></a>",
        name or "None",
        href,
        action,
        label,
        young_person.display_name,
    )


def _quote(url: str) -> str:
    from urllib.parse import quote

    return quote(url, safe="/")


def caseload_rows(
    young_people: Iterable[Any],
    *,
    today: datetime.date,
    show_workers: bool,
    can_reallocate: bool,
    next_url: str,
) -> list[list[Any]]:
    rows = []
    for young_person in young_people:
        name = format_html(
            '<a class="govuk-link" href="{}">{}</a><br><span class="govuk-hint '
            'govuk-!-margin-bottom-0">{}</span>',
            young_person_url(young_person),
            young_person.display_name,
            young_person.child_id,
        )
        category = CATEGORY_LABELS.get(young_person.category, young_person.category)
        if young_person.category_needs_decision:
            category = format_html("{} {}", category, govuk_tag("Needs a decision", "purple"))
        due = {
            "text": due_tag(young_person.next_contact_due, today),
            "sort_value": young_person.next_contact_due.isoformat()
            if young_person.next_contact_due
            else "",
        }
        review = review_due_cell(young_person, today)
        changes = young_person.worker_changes
        if show_workers:
            rows.append(
                [
                    name,
                    category,
                    _worker_cell(
                        young_person.pa_name,
                        "pa",
                        young_person,
                        can_reallocate=can_reallocate,
                        next_url=next_url,
                    ),
                    _worker_cell(
                        young_person.sw_name,
                        "sw",
                        young_person,
                        can_reallocate=can_reallocate,
                        next_url=next_url,
                    ),
                    due,
                    review,
                    changes,
                ]
            )
        else:
            rows.append(
                [
                    name,
                    category,
                    govuk_date(young_person.last_contact_on) or "None",
                    due,
                    review,
                    changes,
                ]
            )
    return rows


def worker_rows(workers: Iterable[Any]) -> list[list[Any]]:
    return [
        [
            link(
                worker.get_full_name(),
                reverse("casework:worker_caseload", kwargs={"pk": worker.pk}),
            ),
            "Personal adviser" if worker.is_personal_adviser else "Social worker",
            worker.caseload_size,
            worker.overdue_count,
        ]
        for worker in workers
    ]


def team_summary_rows(teams: Iterable[Any]) -> list[list[Any]]:
    # A head of service sees every team (hundreds): resolve the link's pattern once.
    team_caseload_url = url_for_each("casework:team_caseload", "pk")
    return [
        [
            link(team.name, team_caseload_url(team.pk)),
            team.young_people_count,
            team.overdue_count,
            team.without_pa_count,
            team.worker_changes,
        ]
        for team in teams
    ]


def allocation_rows(allocations: Sequence[Allocation]) -> list[list[Any]]:
    rows = []
    for allocation in allocations:
        reason = allocation.get_reason_display()
        if allocation.reason_note:
            reason = format_html("{}<br>{}", reason, allocation.reason_note)
        rows.append(
            [
                allocation.get_role_display(),
                allocation.worker.get_full_name(),
                allocation.start,
                allocation.end or "Now",
                reason,
                "Yes" if allocation.is_change else "No",
            ]
        )
    return rows


# Contacts ------------------------------------------------------------------------------------


def contact_outcome(contact: Contact) -> str:
    if not contact.made_contact:
        return "Failed attempt"
    if contact.seen and contact.seen_alone:
        return "Seen alone"
    if contact.seen:
        return "Seen, not alone"
    return "Contact made, not seen"


def contact_rows(contacts: Iterable[Contact]) -> list[list[Any]]:
    rows = []
    for contact in contacts:
        amended = len(contact.amendments.all())
        outcome: Any = contact_outcome(contact)
        if amended:
            outcome = format_html("{} {}", outcome, govuk_tag("Amended", "grey"))
        rows.append(
            [
                link(
                    govuk_datetime(contact.occurred_at),
                    reverse("casework:contact_detail", kwargs={"pk": contact.pk}),
                ),
                contact.get_method_display(),
                outcome,
                contact.worker.get_full_name(),
                contact.purpose or "",
            ]
        )
    return rows


def contact_summary_rows(contact: Contact) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"key": "Date and time", "value": govuk_datetime(contact.occurred_at)},
        {"key": "Who made the contact", "value": contact.worker.get_full_name()},
        {"key": "How", "value": contact.get_method_display()},
        {"key": "Made contact", "value": yes_no(contact.made_contact)},
    ]
    if not contact.made_contact:
        rows.append({"key": "Why not", "value": contact.failed_reason})
    else:
        rows.append({"key": "Seen in person", "value": yes_no(contact.seen)})
        if contact.seen:
            rows.append({"key": "Seen on their own", "value": yes_no(contact.seen_alone)})
    rows += [
        {"key": "What the contact was for", "value": contact.purpose},
        {"key": "What they told us, in their words", "value": contact.young_persons_views},
        {"key": "Notes", "value": contact.notes},
        {"key": "Written to the young person", "value": yes_no(contact.written_to_young_person)},
        {
            "key": "Recorded",
            "value": f"{govuk_datetime(contact.created_at)} by "
            f"{contact.created_by.get_full_name() if contact.created_by else 'unknown'}",
        },
    ]
    return rows


FIELD_LABELS = CONTACT_FIELD_LABELS


def describe_value(name: str, value: Any, workers: dict[int, str]) -> str:
    """A stored value (as kept in ContactAmendment.changes) in words."""
    if value is None or value == "":
        return NOT_RECORDED
    if name == "occurred_at":
        parsed = datetime.datetime.fromisoformat(value) if isinstance(value, str) else value
        return govuk_datetime(parsed)
    if name == "worker":
        return workers.get(value, "A worker who has left")
    if name == "method":
        return str(METHOD_LABELS.get(value, value))
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)


def _worker_names(ids: Iterable[Any]) -> dict[int, str]:
    wanted = {value for value in ids if isinstance(value, int)}
    if not wanted:
        return {}
    from careleavers.accounts.models import User

    return {user.pk: user.get_full_name() for user in User.objects.filter(pk__in=wanted)}


def amendment_items(amendments: Sequence[ContactAmendment]) -> list[dict[str, Any]]:
    """Amendments for the GOV.UK timeline, newest first, each listing old and new values."""
    workers = _worker_names(
        value
        for amendment in amendments
        for values in amendment.changes.values()
        for value in values
    )
    items = []
    for amendment in sorted(amendments, key=lambda a: (a.created_at, a.pk), reverse=True):
        lines = [
            f"{FIELD_LABELS.get(name, name)}: changed from "
            f"\u201c{describe_value(name, old, workers)}\u201d to "
            f"\u201c{describe_value(name, new, workers)}\u201d"
            for name, (old, new) in amendment.changes.items()
        ]
        items.append(
            {
                "title": "Amended",
                "by": amendment.created_by.get_full_name() if amendment.created_by else "",
                "datetime": amendment.created_at,
                "description": f"Reason: {amendment.reason}\n" + "\n".join(lines),
            }
        )
    return items


def original_contact_rows(
    contact: Contact, amendments: Sequence[ContactAmendment]
) -> list[dict[str, Any]]:
    original = selectors.contact_original_values(contact=contact, amendments=amendments)
    workers = _worker_names([original["worker"]])
    return [
        {"key": FIELD_LABELS[name], "value": describe_value(name, original[name], workers)}
        for name in CONTACT_FIELDS
    ]


# Duty log ------------------------------------------------------------------------------------


WITHHELD = "Not shown: only staff who may open this young person's record can read it"


def duty_entry_withheld(entry: Any) -> bool:
    """Whether what this entry says is kept from the user: it is about a young person whose
    record they may not open (a restricted record is open only to the staff named on it). The
    entry stays in the log, so the duty team still sees that a call came in and who took it."""
    return entry.young_person_id is not None and not entry.young_person_visible


def _about(entry: Any) -> Any:
    if entry.young_person is None:
        return "Nobody we work with"
    if not entry.young_person_visible:
        if entry.young_person.is_restricted:
            return "A restricted record"
        return "A young person whose record you cannot open"
    return link(
        f"{entry.young_person.display_name} ({entry.young_person.child_id})",
        young_person_url(entry.young_person),
    )


def duty_rows(entries: Iterable[Any]) -> list[list[Any]]:
    rows = []
    for entry in entries:
        when = link(
            govuk_datetime(entry.occurred_at),
            reverse("casework:duty_detail", kwargs={"pk": entry.pk}),
        )
        if entry.urgent:
            when = format_html("{} {}", when, govuk_tag("Urgent", "red"))
        rows.append(
            [
                when,
                "Not shown" if duty_entry_withheld(entry) else entry.caller,
                _about(entry),
                entry.duty_worker.get_full_name(),
                entry.passed_to.get_full_name() if entry.passed_to else "Nobody",
            ]
        )
    return rows


def duty_summary_rows(entry: DutyLogEntry | Any) -> list[dict[str, Any]]:
    withheld = duty_entry_withheld(entry)
    return [
        {"key": "When", "value": govuk_datetime(entry.occurred_at)},
        {"key": "Who called or came in", "value": WITHHELD if withheld else entry.caller},
        {"key": "How", "value": entry.get_method_display()},
        {"key": "About", "value": _about(entry)},
        {"key": "What they needed", "value": WITHHELD if withheld else entry.need},
        {"key": "What was done", "value": WITHHELD if withheld else entry.action_taken},
        {"key": "Duty worker", "value": entry.duty_worker.get_full_name()},
        {
            "key": "Passed to",
            "value": entry.passed_to.get_full_name() if entry.passed_to else "Nobody",
        },
        {"key": "Urgent", "value": yes_no(entry.urgent)},
    ]
