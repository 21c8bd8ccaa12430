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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from careleavers.core.templatetags.govuk import (
    govuk_date,
    govuk_datetime,
    govuk_day_date,
    govuk_day_datetime,
)
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
    """A date in the page's language ("3 March 2025" in English)."""
    return govuk_date(value) if value else ""


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
    if appointments.booked:
        first = appointments.booked[0]
        steps.append(
            NextStep(
                text=_("Your next appointment: %(what)s with %(who)s, %(when)s, %(where)s.")
                % {
                    "what": _(first.get_kind_display()).lower(),
                    "who": first.worker.get_full_name(),
                    "when": govuk_day_datetime(first.starts_at),
                    "where": first.place,
                },
                href=reverse("portal:appointments"),
                link_text=_("Your appointments"),
            )
        )
    elif appointments.next_visit_due:
        when = appointments.next_visit_due
        steps.append(
            NextStep(
                text=(
                    _("Your personal adviser should see you by %(day)s.")
                    % {"day": govuk_date(when)}
                    if when >= today
                    else _(
                        "Your personal adviser is due to see you. If you have not heard "
                        "from them, call them or the duty team."
                    )
                ),
                href=reverse("portal:appointments"),
                link_text=_("Your appointments"),
            )
        )
    if appointments.next_review_due:
        steps.append(
            NextStep(
                text=_("Your plan will be reviewed by %(day)s.")
                % {"day": govuk_date(appointments.next_review_due)},
                href=reverse("portal:plan"),
                link_text=_("Your plan"),
            )
        )
    about_me = about_me_for(young_person=young_person)
    if about_me is not None and not about_me.is_agreed:
        steps.append(
            NextStep(
                text=_("Read your about me and tell us if it is right."),
                href=reverse("portal:about_me"),
                link_text=_("About me"),
            )
        )
    waiting = selectors.open_requests_for(young_person=young_person).count()
    if waiting:
        steps.append(
            NextStep(
                text=ngettext(
                    "You have %(count)d request waiting for your adviser.",
                    "You have %(count)d requests waiting for your adviser.",
                    waiting,
                )
                % {"count": waiting},
                href=reverse("portal:requests"),
                link_text=_("What you have asked for"),
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
            "area": item.area,
            "asked_on": asked.get(key),
            "ask_href": reverse("portal:entitlement_ask", kwargs={"key": key}),
        }

    statement = page.statement
    entitled_now = [entry(item.key) for item in statement.entitled_now]
    now_by_area = _by_area(entitled_now)
    return {
        "published": page.version is not None,
        "entitled_now": entitled_now,
        "now_by_area": now_by_area,
        "contents": [
            {
                "id": "now",
                "heading": _("What you can get now"),
                "children": now_by_area,
            },
            {"id": "had", "heading": _("What you have had")},
            {"id": "later", "heading": _("What you can get later")},
        ],
        "had": [page.items[item.key].title for item in statement.had],
        "opens_next": [
            {**entry(opening.item.key, trigger=opening.trigger), "opens_on": opening.on}
            for opening in statement.opens_next
        ],
        "today": today,
    }


# What a young person can get now, grouped under these headings in this order (the areas of
# the local offer, offer.entitlements.Area) so that a long list on a phone has an "On this
# page" list of links to each group.
AREA_HEADINGS = {
    "health_and_wellbeing": gettext_lazy("Health and wellbeing"),
    "relationships": gettext_lazy("Family, friends and relationships"),
    "education_and_training": gettext_lazy("Education and training"),
    "employment": gettext_lazy("Work"),
    "accommodation": gettext_lazy("Somewhere to live"),
    "participation": gettext_lazy("Having your say and taking part"),
}


def _by_area(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries in groups by area, each with its heading and the id its link goes to,
    keeping the order the statement gives within a group."""
    groups = [
        {
            "id": f"now-{area.replace('_', '-')}",
            "heading": heading,
            "entries": [entry for entry in entries if entry["area"] == area],
        }
        for area, heading in AREA_HEADINGS.items()
    ]
    return [group for group in groups if group["entries"]]


def plan_contents(snapshot: Any) -> list[dict[str, Any]]:
    """The plan page's "On this page" links (the review measured the page at 7,500 to 8,600
    pixels on a phone): each section by the title the young person reads, then their goals and
    what they said about the plan."""
    contents = [
        {"id": f"section-{section.key}", "heading": _(section.young_person_title)}
        for section in snapshot.sections
    ]
    contents.append({"id": "goals", "heading": _("Your goals")})
    if snapshot.young_persons_response:
        contents.append({"id": "your-say", "heading": _("What you said about this plan")})
    return contents


def askable_item(young_person: YoungPerson, key: str) -> Any | None:
    """The catalogue item with this key if it is in the young person's statement (now or
    coming up); None otherwise."""
    from careleavers.offer.selectors import statement_page_for

    page = statement_page_for(young_person, timezone.localdate())
    keys = {item.key for item in page.statement.entitled_now}
    keys |= {opening.item.key for opening in page.statement.opens_next}
    return page.items.get(key) if key in keys else None


# Easy read ---------------------------------------------------------------------------------------
#
# Easy-read versions of the plan and "What you can get": one idea to a line, short sentences in
# everyday words, large text, and a simple picture beside each point. The pictures are inline
# SVG drawn for the service (portal/_easy_read_icon.html); they only decorate, so everything they
# show is also said in words. The words people wrote (the young person, their adviser, the
# council's offer) are kept as written: easy read only puts each of their sentences on its own
# line.

# The end of a sentence: a full stop, question or exclamation mark (the Arabic question mark
# too) and a space, unless the full stop ends a title such as "Mr." or "Dr.".
SENTENCE_END = re.compile(
    r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<=[.!?؟])\s+"
)


def sentences(text: str) -> list[str]:
    """Someone's words one sentence at a time (and each line they wrote apart), unchanged."""
    return [
        sentence.strip()
        for line in text.splitlines()
        for sentence in SENTENCE_END.split(line)
        if sentence.strip()
    ]


# Each plan section's title in everyday words, and its picture. The full titles are in
# plans.schedule; every section there has one here (tests/test_easy_read.py).
EASY_READ_SECTIONS: dict[str, tuple[Any, str]] = {
    "contact_and_support": (gettext_lazy("Who helps you"), "people"),
    "education_and_training": (gettext_lazy("School, college and training"), "book"),
    "employment": (gettext_lazy("Work"), "work"),
    "contingency": (gettext_lazy("If things go wrong"), "umbrella"),
    "accommodation": (gettext_lazy("Where you live"), "home"),
    "relationships": (gettext_lazy("Family and friends"), "heart"),
    "practical_skills": (gettext_lazy("Living on your own"), "pot"),
    "finance": (gettext_lazy("Money"), "money"),
    "health": (gettext_lazy("Your health"), "health"),
    "identity": (gettext_lazy("Who you are"), "star"),
}
# The picture beside an item of the local offer, by its area (offer.entitlements.Area).
EASY_READ_AREA_ICONS = {
    "health_and_wellbeing": "health",
    "relationships": "heart",
    "education_and_training": "book",
    "employment": "work",
    "accommodation": "home",
    "participation": "people",
}
# When something opens up without a date of its own (offer.entitlements._what_if says these in
# English for the full page); a birthday is said from its date instead.
EASY_READ_LATER = {
    "When you start university": gettext_lazy("When you start university"),
    "When you get your own tenancy": gettext_lazy("When you get your own tenancy"),
}


@dataclass(frozen=True)
class EasyReadSection:
    key: str
    title: str
    icon: str
    said: list[str]  # the young person's words, a sentence to a line
    adviser_said: list[str]  # their adviser's (for "If things go wrong": the contingency plan)
    actions: tuple[Any, ...]  # plans.snapshots.ActionView


@dataclass(frozen=True)
class EasyReadGoal:
    description: str
    target_date: datetime.date | None
    progress_label: str
    note: list[str]


@dataclass(frozen=True)
class EasyReadPlan:
    sections: list[EasyReadSection]
    goals: list[EasyReadGoal]
    response: list[str]  # what they said about the whole plan


def easy_read_plan(snapshot: Any) -> EasyReadPlan:
    """The plan (a plans.snapshots.PlanSnapshot) for the easy-read page."""
    sections = []
    for section in snapshot.sections:
        title, icon = EASY_READ_SECTIONS.get(section.key, (_(section.young_person_title), "plan"))
        sections.append(
            EasyReadSection(
                key=section.key,
                title=str(title),
                icon=icon,
                said=sentences(section.young_persons_words),
                adviser_said=sentences(section.assessment),
                actions=section.actions,
            )
        )
    return EasyReadPlan(
        sections=sections,
        goals=[
            EasyReadGoal(
                description=goal.description,
                target_date=goal.target_date,
                progress_label=goal.progress_label,
                note=sentences(goal.progress_note),
            )
            for goal in snapshot.goals
        ],
        response=sentences(snapshot.young_persons_response),
    )


def easy_read_statement(young_person: YoungPerson) -> dict[str, Any]:
    """What the young person can get (`statement_context`), for the easy-read page: each item
    with its picture and its summary a sentence to a line, and when each later one opens."""
    from careleavers.core.dates import age_on

    context = statement_context(young_person)
    for entry in [*context["entitled_now"], *context["opens_next"]]:
        entry["icon"] = EASY_READ_AREA_ICONS.get(entry["area"], "gift")
        entry["summary_sentences"] = sentences(entry["summary"])
        entry["how_sentences"] = sentences(entry["how"])
    for entry in context["opens_next"]:
        if entry["opens_on"] is not None:
            entry["when"] = _("When you are %(age)d") % {
                "age": age_on(young_person.date_of_birth, entry["opens_on"])
            }
        else:
            entry["when"] = str(EASY_READ_LATER.get(entry["trigger"], entry["trigger"]))
    return context


# Money ---------------------------------------------------------------------------------------

PAYMENT_WORDS = {
    "requested": gettext_lazy("Waiting for a manager to agree it"),
    "approved": gettext_lazy("Agreed"),
    "paid": gettext_lazy("Paid"),
    "refused": gettext_lazy("Not agreed: ask your adviser why"),
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
            {"key": _("Your allowance"), "value": pounds(allowance.entitlement_pence)},
            {"key": _("Used so far"), "value": pounds(allowance.approved_pence)},
            {"key": _("Left to spend"), "value": pounds(allowance.balance_pence)},
        ]
        if allowance.waiting_pence:
            allowance_rows.append(
                {"key": _("Waiting to be agreed"), "value": pounds(allowance.waiting_pence)}
            )
    return {
        "allowance": allowance,
        "allowance_left": pounds(allowance.balance_pence) if allowance else "",
        "allowance_rows": allowance_rows,
        "funds": [
            {
                "label": _(row.label),
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
                "from": _(payment.fund.get_payment_type_display()),
                "amount": pounds(payment.amount_pence),
                "status": PAYMENT_WORDS.get(payment.status, payment.get_status_display()),
            }
            for payment in payments_for(young_person=young_person)
        ],
    }


# Documents -----------------------------------------------------------------------------------

DOCUMENT_WORDS = {
    "have": gettext_lazy("You have this"),
    "applied": gettext_lazy("Applied for"),
    "missing": gettext_lazy("You need this"),
    "not_needed": gettext_lazy("Not needed"),
}
HOLDER_WORDS = {
    "young_person": gettext_lazy("You keep the original"),
    "leaving_care": gettext_lazy("The leaving care team keeps the original"),
    "carer": gettext_lazy("Your carer or placement keeps the original"),
    "other": gettext_lazy("Someone else keeps the original"),
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
    RequestKind.REVIEW: gettext_lazy("You asked for a review of your plan"),
    RequestKind.OFFER_ITEM: gettext_lazy("You asked for: %(label)s"),
    RequestKind.DOCUMENT_HELP: gettext_lazy("You asked for help with: %(label)s"),
    RequestKind.AGENDA: gettext_lazy("You asked to talk about something at %(label_yours)s"),
    RequestKind.ABOUT_ME_CHANGE: gettext_lazy("You asked for a change to your about me"),
    RequestKind.ABOUT_ME_WRITTEN: gettext_lazy("You wrote your about me in your own words"),
    RequestKind.SUPPORT_AGAIN: gettext_lazy("You asked for support again"),
    RequestKind.NOT_SAFE: gettext_lazy("You told us you do not feel safe"),
}
# A meeting named to the young person (the request keeps "My next visit", in English, for
# staff).
MEETINGS_YOURS = {
    "visit": gettext_lazy("your next visit"),
    "review": gettext_lazy("your next plan review"),
}


def _about_label(portal_request: YoungPersonRequest) -> str:
    """What a request is about, in the page's language where the words are the service's own
    (a document's name); an offer item's title is the council's and stays as it is."""
    if portal_request.kind == RequestKind.DOCUMENT_HELP:
        from careleavers.offer.models import DocumentKind

        known = dict(DocumentKind.choices)
        if portal_request.about_key in known:
            return _(known[portal_request.about_key])
    return portal_request.about_label


def young_person_title(portal_request: YoungPersonRequest) -> str:
    label = _about_label(portal_request)
    template = YOUNG_PERSON_TITLES.get(RequestKind(portal_request.kind), "%(label)s")
    # The labels are in the young person's voice ("My next visit"); a title spoken to them
    # says "your next visit".
    if portal_request.about_key in MEETINGS_YOURS:
        yours = str(MEETINGS_YOURS[portal_request.about_key])
    else:
        yours = "your " + label[3:] if label.startswith("My ") else label[:1].lower() + label[1:]
    return str(template) % {"label": label, "label_yours": yours}


def request_row(portal_request: YoungPersonRequest) -> dict[str, Any]:
    done = portal_request.status == RequestStatus.DONE
    return {
        "pk": portal_request.pk,
        "title": young_person_title(portal_request),
        "asked_on": date_words(portal_request.created_at),
        "status": _("Done") if done else _("Waiting"),
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


def answer_due_words(portal_request: YoungPersonRequest) -> str:
    """The day, in words, by which the young person can expect an answer (office days only:
    the council sets how many on the duty rota page)."""
    from careleavers.casework.duty_selectors import answer_due_on

    due = answer_due_on(timezone.localtime(portal_request.created_at).date())
    return govuk_day_date(due)


def request_summary(portal_request: YoungPersonRequest) -> list[dict[str, Any]]:
    row = request_row(portal_request)
    rows: list[dict[str, Any]] = []
    if portal_request.about_label and portal_request.kind in (
        RequestKind.OFFER_ITEM,
        RequestKind.DOCUMENT_HELP,
        RequestKind.AGENDA,
    ):
        rows.append({"key": _("About"), "value": _about_label(portal_request)})
    # Writing their about me is not a question: their adviser is only asked to read it.
    notice = portal_request.kind == RequestKind.ABOUT_ME_WRITTEN
    if notice:
        wrote = _("Your about me. We have asked your personal adviser to read it.")
    else:
        wrote = row["text"] or _("You did not write anything more.")
    rows += [
        {"key": _("What you wrote"), "value": wrote},
        {"key": _("Asked on"), "value": row["asked_on"]},
        {"key": _("Where it is up to"), "value": row["status"]},
    ]
    if not row["done_on"] and not notice and portal_request.kind != RequestKind.NOT_SAFE:
        rows.append({"key": _("Expect an answer by"), "value": answer_due_words(portal_request)})
    if row["done_on"]:
        rows += [
            {"key": _("Done on"), "value": row["done_on"]},
            {"key": _("Done by"), "value": row["done_by"]},
        ]
    return rows


@dataclass(frozen=True)
class ThreadEntry:
    who: str
    when: str
    text: str
    from_young_person: bool


def request_thread(
    portal_request: YoungPersonRequest, messages: list[Any], *, for_young_person: bool
) -> list[ThreadEntry]:
    """The conversation on a request, oldest first: what the young person asked, then each
    answer and reply, saying who wrote it and when. The young person reads "You" for
    themselves; staff read the young person's name."""
    young_person_name = _("You") if for_young_person else portal_request.young_person.display_name

    def entry(who: str, when: Any, text: str, from_young_person: bool) -> ThreadEntry:
        return ThreadEntry(
            who=who, when=govuk_datetime(when), text=text, from_young_person=from_young_person
        )

    asked = portal_request.text or (
        _("You did not write anything more.") if for_young_person else "They wrote nothing more."
    )
    thread = [entry(young_person_name, portal_request.created_at, asked, True)]
    for message in messages:
        who = (
            young_person_name
            if message.from_young_person
            else (message.author.get_full_name() or _("Your adviser"))
        )
        thread.append(entry(who, message.created_at, message.text, message.from_young_person))
    return thread


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


# "I do not feel safe" ------------------------------------------------------------------------


@dataclass(frozen=True)
class HelpNumbers:
    """The numbers to call now: the duty team while the office is open, the out-of-hours team
    at any other time, and 999 always."""

    office_open: bool
    duty_phone: str
    out_of_hours_phone: str
    office_hours: str  # "Monday to Friday, 09:00 to 17:00, except bank holidays"
    closes_at: str  # "17:00" while open


def help_numbers(young_person: YoungPerson, *, now: datetime.datetime) -> HelpNumbers:
    from careleavers.casework.duty_presenters import clock, office_hours_words
    from careleavers.casework.duty_selectors import duty_policy, in_office_hours

    policy = duty_policy()
    contacts = selectors.contacts_for(young_person=young_person)
    return HelpNumbers(
        office_open=in_office_hours(moment=now, policy=policy),
        duty_phone=contacts.duty_phone,
        out_of_hours_phone=contacts.out_of_hours_phone,
        office_hours=office_hours_words(policy),
        closes_at=clock(policy.office_closes),
    )


def _out_of_hours_team(name: str) -> str:
    if name.strip().lower() in ("out-of-hours team", "the out-of-hours team"):
        return _("the out-of-hours team")
    return _("the out-of-hours team (%(name)s)") % {"name": name}


def who_we_will_tell(young_person: YoungPerson, *, now: datetime.datetime) -> str:
    """What pressing the button will do, said before they press it."""
    from careleavers.casework.duty_selectors import on_duty_at

    on_duty = on_duty_at(moment=now)
    adviser = selectors.personal_adviser_for(young_person=young_person)
    if on_duty.is_duty_worker:
        if adviser is not None and adviser != on_duty.worker:
            return _(
                "We will send a text and an email straight away to %(name)s, the duty worker "
                "now, and email your personal adviser, %(adviser)s."
            ) % {"name": on_duty.name, "adviser": adviser.get_full_name()}
        return _(
            "We will send a text and an email straight away to %(name)s, the duty worker now."
        ) % {"name": on_duty.name}
    words = _("We will send a text and an email straight away to %(team)s.") % {
        "team": _out_of_hours_team(on_duty.name)
    }
    if adviser is not None:
        words += " " + _(
            "Your personal adviser, %(adviser)s, will see it when they are next at work."
        ) % {"adviser": adviser.get_full_name()}
    return words


@dataclass(frozen=True)
class SafetyResult:
    """What happened after they pressed "I do not feel safe", in honest words."""

    heading: str
    told: str
    call: str
    adviser: str
    # Show the numbers to call before anything else: the office is closed now, or nothing
    # could be sent.
    numbers_first: bool
    not_sent: bool


# A duty alert's messages are sent by a background task within seconds; longer than this and
# the young person is told to call instead of to wait.
SENDING_TAKES_AT_MOST = datetime.timedelta(minutes=2)


def _channels(messages: list[Any]) -> str:
    kinds = {message.channel for message in messages}
    if kinds == {"sms", "email"}:
        return _("by text and email")
    return _("by text") if kinds == {"sms"} else _("by email")


def safety_result(
    portal_request: YoungPersonRequest, *, now: datetime.datetime, office_open: bool
) -> SafetyResult | None:
    from careleavers.casework.models import DutyAlertMessage, DutyAlertRecipient

    duty_alert = portal_request.duty_alert
    if duty_alert is None:
        return None
    messages = list(duty_alert.messages.all())
    to_duty = [m for m in messages if m.recipient != DutyAlertRecipient.ADVISER]
    sent = [m for m in to_duty if m.status == DutyAlertMessage.Status.SENT]
    waiting = [m for m in to_duty if m.status == DutyAlertMessage.Status.WAITING]
    if waiting and now - duty_alert.raised_at > SENDING_TAKES_AT_MOST:
        # Messages go from a background task. One still waiting this long has not gone (the
        # worker may be stopped): never let them think help is on its way when it may not be.
        waiting = []
    if duty_alert.duty_worker_id:
        who = _("%(name)s, the duty worker") % {"name": duty_alert.sent_to_name}
    else:
        who = _out_of_hours_team(duty_alert.sent_to_name)
    raised = timezone.localtime(duty_alert.raised_at)
    when = _("at %(time)s") % {"time": f"{raised:%H:%M}"}
    if raised.date() != timezone.localtime(now).date():
        when += " " + _("on %(day)s") % {"day": govuk_day_date(raised.date())}
    if sent:
        heading = _("We have sent your message")
        told = _("We sent your message to %(who)s %(when)s, %(how)s.") % {
            "who": who,
            "when": when,
            "how": _channels(sent),
        }
    elif waiting:
        heading = _("We are sending your message")
        told = _("We are sending your message to %(who)s now.") % {"who": who}
    else:
        heading = _("We could not send your message")
        told = _("We could not send your message to %(who)s. Please call them now.") % {"who": who}
    if duty_alert.call_on:
        call = _("They will call you on %(phone)s.") % {"phone": duty_alert.call_on}
    else:
        call = _("You did not give us a phone number. If you can, call them.")
    adviser = ""
    adviser_name = selectors.contacts_for(young_person=portal_request.young_person).adviser_name
    adviser_emails = [m for m in messages if m.recipient == DutyAlertRecipient.ADVISER]
    if any(m.status == DutyAlertMessage.Status.SENT for m in adviser_emails):
        adviser = _("We have also emailed your personal adviser, %(adviser)s.") % {
            "adviser": adviser_name
        }
    elif adviser_name and duty_alert.in_office_hours:
        adviser = _("Your personal adviser, %(adviser)s, will see it too.") % {
            "adviser": adviser_name
        }
    elif adviser_name:
        adviser = _(
            "Your personal adviser, %(adviser)s, will see it when they are next at work."
        ) % {"adviser": adviser_name}
    not_sent = not sent and not waiting
    return SafetyResult(
        heading=heading,
        told=told,
        call=call,
        adviser=adviser,
        numbers_first=not office_open or not_sent,
        not_sent=not_sent,
    )


def safety_page(portal_request: YoungPersonRequest, *, now: datetime.datetime) -> dict[str, Any]:
    """For "I do not feel safe" still open: the numbers to call now and what happened to their
    message. Empty for any other request."""
    if portal_request.kind != RequestKind.NOT_SAFE or not portal_request.is_open:
        return {}
    numbers = help_numbers(portal_request.young_person, now=now)
    return {
        "numbers": numbers,
        "result": safety_result(portal_request, now=now, office_open=numbers.office_open),
    }


# Your say ----------------------------------------------------------------------------------------


def _reader_words(role: str, first_name: str) -> str:
    if role == "pa":
        return _("%(name)s, your personal adviser") % {"name": first_name}
    if role == "sw":
        return _("%(name)s, your social worker") % {"name": first_name}
    return _("%(name)s, your worker") % {"name": first_name}


def who_reads_feedback(young_person: YoungPerson, *, what: str = "it") -> str:
    """Who reads what they say with their name, in their words ("Priya, your personal adviser,
    and Sam Jones, the manager of your team, read it."). The same people are told when they
    send it and are the ones allowed to open it (quality/rules.hears_young_persons_voice), so
    this is true. `what` is "it" (feedback) or "them" (answers). Two queries.

    Each sentence is whole in the catalogue, once for "it" and once for "them": a translator
    cannot translate the pronoun alone, and in many languages the verb agrees with it."""
    from careleavers.quality.selectors import voice_readers_for

    if what not in ("it", "them"):
        raise ValueError(f"what is 'it' or 'them', not {what!r}")
    answers = what == "them"
    readers = voice_readers_for(young_person=young_person)
    people = [_reader_words(role, worker.first_name) for role, worker in readers.workers]
    if readers.manager is not None:
        people.append(
            _("%(name)s, the manager of your team") % {"name": readers.manager.get_full_name()}
        )
    if not people:
        if answers:
            return _(
                "The managers of the leaving care service read them. So do the people who "
                "check the quality of our work."
            )
        return _(
            "The managers of the leaving care service read it. So do the people who "
            "check the quality of our work."
        )
    if len(people) == 1:
        listed = people[0]
    else:
        listed = _("%(earlier)s, and %(last)s") % {
            # Translators: between the names in a list of people, before the last one.
            "earlier": pgettext("list separator", ", ").join(people[:-1]),
            "last": people[-1],
        }
    named = {"people": listed}
    if len(people) == 1:
        sentence = _("%(people)s, reads them.") if answers else _("%(people)s, reads it.")
    else:
        sentence = _("%(people)s, read them.") if answers else _("%(people)s, read it.")
    if answers:
        others = _(
            "So can the service’s senior managers and the people who check the quality of our "
            "work. Nobody else who works here can see them."
        )
    else:
        others = _(
            "So can the service’s senior managers and the people who check the quality of our "
            "work. Nobody else who works here can see it."
        )
    return f"{sentence % named} {others}"


def next_wellbeing_words(next_on: datetime.date | None, *, today: datetime.date) -> str:
    """When they can next fill in a wellbeing check: "" for now."""
    if next_on is None or next_on <= today:
        return ""
    return _("Thank you for filling it in. You can do the next one from %(day)s.") % {
        "day": govuk_date(next_on)
    }
