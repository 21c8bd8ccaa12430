"""Turn records into the plain words the young person's pages show. Written to the young
person ("you", "your adviser"), and showing only what is theirs to see: never staff notes,
decision notes or anything about other people."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from careleavers.people.category import format_date
from careleavers.people.models import YoungPerson
from careleavers.portal import selectors
from careleavers.portal.models import (
    OutboxMessage,
    RequestKind,
    RequestStatus,
    YoungPersonRequest,
)
from careleavers.portal.registrations import staff_title

__all__ = ["staff_title"]


# A web address in a message, up to the next space or the end of the line.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")
# A path segment this long is a token (an invitation's signed secret, say), not a page's name.
TOKEN_LENGTH = 16
MASK = "[hidden]"


def mask_links(text: str) -> str:
    """The text with every link's secret parts hidden: long path segments, and any query or
    fragment. What is left shows which page a link was for, and cannot be used."""

    def mask(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(0))
        segments = [
            MASK if len(segment) >= TOKEN_LENGTH else segment for segment in parts.path.split("/")
        ]
        masked = f"{parts.scheme}://{parts.netloc}{'/'.join(segments)}"
        if parts.query or parts.fragment:
            masked += MASK
        return masked

    return WEB_ADDRESS.sub(mask, text)


def outbox_message(message: OutboxMessage) -> dict[str, Any]:
    """One message of the demo outbox as the page shows it, its links masked."""
    return {
        "heading": f"{message.get_kind_display()} to {message.to}",
        "created_at": message.created_at,
        "subject": mask_links(message.subject),
        "body": mask_links(message.body),
    }


def date_words(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return format_date(value) if value else ""


# Home --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    text: str
    href: str = ""
    link_text: str = ""


def whats_next(young_person: YoungPerson) -> list[NextStep]:
    """What is coming up, and anything waiting for the young person, most useful first."""
    from careleavers.people.selectors import about_me_for

    steps: list[NextStep] = []
    appointments = selectors.appointments_for(young_person=young_person)
    today = timezone.localdate()
    if appointments.next_visit_due:
        when = appointments.next_visit_due
        steps.append(
            NextStep(
                text=(
                    f"Your personal adviser should see you by {format_date(when)}."
                    if when >= today
                    else "Your personal adviser is due to see you. If you have not heard "
                    "from them, call them or the duty team."
                ),
                href=reverse("portal:appointments"),
                link_text="Your appointments",
            )
        )
    if appointments.next_review_due:
        steps.append(
            NextStep(
                text=f"Your plan will be reviewed by {format_date(appointments.next_review_due)}.",
                href=reverse("portal:plan"),
                link_text="Your plan",
            )
        )
    about_me = about_me_for(young_person=young_person)
    if about_me is not None and not about_me.is_agreed:
        steps.append(
            NextStep(
                text="Read your about me and tell us if it is right.",
                href=reverse("portal:about_me"),
                link_text="About me",
            )
        )
    waiting = selectors.open_requests_for(young_person=young_person).count()
    if waiting:
        steps.append(
            NextStep(
                text=(
                    f"You have {waiting} request{'s' if waiting != 1 else ''} waiting for "
                    "your adviser."
                ),
                href=reverse("portal:requests"),
                link_text="What you have asked for",
            )
        )
    return steps


# What I can get ------------------------------------------------------------------------------


def statement_context(young_person: YoungPerson) -> dict[str, Any]:
    from careleavers.offer.models import pounds
    from careleavers.offer.selectors import statement_page_for

    today = timezone.localdate()
    page = statement_page_for(young_person, today)
    asked = selectors.open_request_keys(young_person=young_person, kind=RequestKind.OFFER_ITEM)

    def entry(key: str, trigger: str = "") -> dict[str, Any]:
        item = page.items[key]
        return {
            "key": key,
            "title": item.title,
            "summary": item.summary,
            "how": item.how_to_get_it,
            "amount": pounds(item.amount_pence),
            "limit": item.limit_text,
            "trigger": trigger,
            "asked_on": asked.get(key),
            "ask_href": reverse("portal:entitlement_ask", kwargs={"key": key}),
        }

    statement = page.statement
    return {
        "published": page.version is not None,
        "entitled_now": [entry(item.key) for item in statement.entitled_now],
        "had": [page.items[item.key].title for item in statement.had],
        "opens_next": [
            entry(opening.item.key, trigger=opening.trigger) for opening in statement.opens_next
        ],
        "today": today,
    }


def askable_item(young_person: YoungPerson, key: str) -> Any | None:
    """The catalogue item with this key if it is in the young person's statement (now or
    coming up); None otherwise."""
    from careleavers.offer.selectors import statement_page_for

    page = statement_page_for(young_person, timezone.localdate())
    keys = {item.key for item in page.statement.entitled_now}
    keys |= {opening.item.key for opening in page.statement.opens_next}
    return page.items.get(key) if key in keys else None


# Money ---------------------------------------------------------------------------------------

PAYMENT_WORDS = {
    "requested": "Waiting for a manager to agree it",
    "approved": "Agreed",
    "paid": "Paid",
    "refused": "Not agreed: ask your adviser why",
}


def money_context(young_person: YoungPerson) -> dict[str, Any]:
    from careleavers.offer.models import PaymentType, pounds
    from careleavers.offer.selectors import funds_for, payments_for

    today = timezone.localdate()
    funds = funds_for(young_person=young_person, on=today)
    allowance = next(
        (row for row in funds if row.payment_type == PaymentType.SETTING_UP_HOME), None
    )
    allowance_rows = []
    if allowance is not None:
        allowance_rows = [
            {"key": "Your allowance", "value": pounds(allowance.entitlement_pence)},
            {"key": "Used so far", "value": pounds(allowance.approved_pence)},
            {"key": "Left to spend", "value": pounds(allowance.balance_pence)},
        ]
        if allowance.waiting_pence:
            allowance_rows.append(
                {"key": "Waiting to be agreed", "value": pounds(allowance.waiting_pence)}
            )
    return {
        "allowance": allowance,
        "allowance_left": pounds(allowance.balance_pence) if allowance else "",
        "allowance_rows": allowance_rows,
        "funds": [
            {
                "label": row.label,
                "each_year": row.is_annual,
                "entitled": pounds(row.entitlement_pence),
                "used": pounds(row.approved_pence),
                "left": pounds(row.balance_pence),
            }
            for row in funds
            if row.payment_type != PaymentType.SETTING_UP_HOME
        ],
        "purchases": [
            {
                "on": date_words(payment.created_at),
                "what": payment.description,
                "from": payment.fund.get_payment_type_display(),
                "amount": pounds(payment.amount_pence),
                "status": PAYMENT_WORDS.get(payment.status, payment.get_status_display()),
            }
            for payment in payments_for(young_person=young_person)
        ],
    }


# Documents -----------------------------------------------------------------------------------

DOCUMENT_WORDS = {
    "have": "You have this",
    "applied": "Applied for",
    "missing": "You need this",
    "not_needed": "Not needed",
}
HOLDER_WORDS = {
    "young_person": "You keep the original",
    "leaving_care": "The leaving care team keeps the original",
    "carer": "Your carer or placement keeps the original",
    "other": "Someone else keeps the original",
}


def document_rows(young_person: YoungPerson) -> list[dict[str, Any]]:
    from careleavers.offer.selectors import documents_checklist_for

    asked = selectors.open_request_keys(young_person=young_person, kind=RequestKind.DOCUMENT_HELP)
    rows = []
    for row in documents_checklist_for(young_person=young_person):
        document = row.document
        status = document.status if document else "missing"
        rows.append(
            {
                "kind": row.kind,
                "label": row.label,
                "in_hand": row.in_hand,
                "status": DOCUMENT_WORDS.get(status, ""),
                "colour": "green" if row.in_hand else "yellow" if status == "applied" else "red",
                "holder": HOLDER_WORDS.get(document.original_held_by, "") if document else "",
                "asked_on": asked.get(row.kind),
                "help_href": reverse("portal:document_help", kwargs={"kind": row.kind}),
            }
        )
    return rows


# Requests ------------------------------------------------------------------------------------

YOUNG_PERSON_TITLES = {
    RequestKind.REVIEW: "You asked for a review of your plan",
    RequestKind.OFFER_ITEM: "You asked for: {label}",
    RequestKind.DOCUMENT_HELP: "You asked for help with: {label}",
    RequestKind.AGENDA: "You want to talk about something at {label_lower}",
    RequestKind.ABOUT_ME_CHANGE: "You asked for a change to your about me",
    RequestKind.SUPPORT_AGAIN: "You asked for support again",
    RequestKind.NOT_SAFE: "You told us you do not feel safe",
}


def young_person_title(portal_request: YoungPersonRequest) -> str:
    label = portal_request.about_label
    template = YOUNG_PERSON_TITLES.get(RequestKind(portal_request.kind), "{label}")
    return template.format(label=label, label_lower=label[:1].lower() + label[1:])


def request_row(portal_request: YoungPersonRequest) -> dict[str, Any]:
    done = portal_request.status == RequestStatus.DONE
    return {
        "pk": portal_request.pk,
        "title": young_person_title(portal_request),
        "asked_on": date_words(portal_request.created_at),
        "status": "Done" if done else "Waiting",
        "colour": "green" if done else "blue",
        "done_on": date_words(portal_request.handled_at) if done else "",
        "done_by": portal_request.handled_by.get_full_name()
        if done and portal_request.handled_by
        else "",
        "reply": portal_request.reply if done else "",
        "text": portal_request.text,
        "href": reverse("portal:request_detail", kwargs={"pk": portal_request.pk}),
        "is_not_safe": portal_request.kind == RequestKind.NOT_SAFE,
    }


def request_summary(portal_request: YoungPersonRequest) -> list[dict[str, Any]]:
    row = request_row(portal_request)
    rows: list[dict[str, Any]] = []
    if portal_request.about_label and portal_request.kind in (
        RequestKind.OFFER_ITEM,
        RequestKind.DOCUMENT_HELP,
        RequestKind.AGENDA,
    ):
        rows.append({"key": "About", "value": portal_request.about_label})
    rows += [
        {"key": "What you wrote", "value": row["text"] or "You did not write anything more."},
        {"key": "Asked on", "value": row["asked_on"]},
        {"key": "Where it is up to", "value": row["status"]},
    ]
    if row["done_on"]:
        rows += [
            {"key": "Done on", "value": row["done_on"]},
            {"key": "Done by", "value": row["done_by"]},
            {"key": "What was done", "value": row["reply"]},
        ]
    return rows


def request_rows(requests: Any) -> list[dict[str, Any]]:
    return [request_row(portal_request) for portal_request in requests]


def staff_request_rows(requests: Any) -> list[list[Any]]:
    return [
        [
            date_words(portal_request.created_at),
            {
                "text": staff_title(portal_request),
                "href": reverse("portal:request_handle", kwargs={"pk": portal_request.pk}),
            },
            "Done" if portal_request.status == RequestStatus.DONE else "Open",
            portal_request.handled_by.get_full_name() if portal_request.handled_by else "",
        ]
        for portal_request in requests
    ]
