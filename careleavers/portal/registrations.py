"""The portal's entries in the shared registries: requests from young people in the work tray,
the "Their account" panel on a young person's overview, and the link to "Your pages" on a
young person's home page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from careleavers.casework.appointment_services import AppointmentListener, appointment_listeners
from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.core.navigation import RECORDS
from careleavers.core.pages import ServicePage, pages_register
from careleavers.core.permissions import can
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.portal.appointment_messages import tell_young_person

# What staff read in the work tray, by kind of request.
STAFF_TITLES = {
    "review": "Asked for a review of their pathway plan",
    "offer_item": "Asked for: {label}",
    "document_help": "Needs help with: {label}",
    "agenda": "Wants to talk about something at {meeting}",
    "about_me_change": "Asked for a change to their about me",
    "about_me_written": "Wrote their about me in their own words: read it",
    "support_again": "Asked for support again (21 to 25)",
    "not_safe": "Says they do not feel safe: contact them now",
}


MEETINGS = {"visit": "their next visit", "review": "their next plan review"}


def staff_title(portal_request: Any) -> str:
    template = STAFF_TITLES.get(portal_request.kind, "{label}")
    return template.format(
        label=portal_request.about_label,
        meeting=MEETINGS.get(portal_request.about_key, "their next meeting"),
    )


def requests_provider(scope: Any) -> list[Any]:
    from careleavers.casework.work_tray import WorkItem
    from careleavers.portal import selectors

    items = []
    for portal_request in selectors.requests_in_tray(scope):
        asked = timezone.localtime(portal_request.created_at).date()
        text = portal_request.text
        detail = f"In their words: {text[:200]}" if text else "From their own pages."
        # A reply re-opens a request: what they said last is what needs an answer now.
        replied_at = getattr(portal_request, "latest_reply_at", None)
        if replied_at is not None:
            asked = timezone.localtime(replied_at).date()
            detail = f"They replied: {getattr(portal_request, 'latest_reply_text', '')[:200]}"
        items.append(
            WorkItem(
                kind="portal_request",
                young_person=portal_request.young_person,
                title=staff_title(portal_request),
                due=asked,
                overdue=False,
                url=reverse("portal:request_handle", kwargs={"pk": portal_request.pk}),
                urgent=portal_request.kind == "not_safe",
                detail=detail,
            )
        )
    return items


def account_panel_context(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    from careleavers.portal import selectors

    account = selectors.account_for_young_person(young_person=young_person)
    invitation = selectors.latest_invitation(young_person=young_person) if not account else None
    open_count = selectors.open_requests_for(young_person=young_person).count()
    may_invite = can(user, "portal.invite", young_person)
    return {
        "portal_account": account,
        "invitation": invitation,
        "invitation_state": invitation.state_on(timezone.now()) if invitation else "",
        "invite_url": (
            reverse("portal:invite", kwargs={"pk": young_person.pk})
            if may_invite and not account
            else ""
        ),
        "open_request_count": open_count,
        "requests_url": reverse("portal:record_requests", kwargs={"pk": young_person.pk}),
    }


def _is_young_person(user: Any) -> bool:
    return can(user, "portal.use_portal")


def _sees_outbox(user: Any) -> bool:
    from careleavers.portal import notify

    return can(user, "portal.view_outbox") and notify.uses_outbox()


work_tray_kinds.register(
    WorkTrayKind(
        kind="portal_request",
        label="Requests from young people",
        provider=requests_provider,
        may_be_overdue=False,
    )
)
overview_panels.register(
    OverviewPanel(
        key="portal_account",
        template="portal/panels/account.html",
        context=account_panel_context,
        column="side",
        order=75,
    )
)
pages_register(
    ServicePage(
        "Your pages",
        "portal:home",
        _is_young_person,
        1,
        section="",
        description=(
            "Your pathway plan, what you can get, your money, your documents, and who to call for "
            "help."
        ),
    ),
    ServicePage("Demo outbox", "portal:outbox", _sees_outbox, 95, section=RECORDS),
)
appointment_listeners.register(
    AppointmentListener(name="portal.tell_young_person", listen=tell_young_person)
)
