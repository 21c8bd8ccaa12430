"""Casework's navigation entries, home page links and daily job."""

from __future__ import annotations

from typing import Any

from careleavers.casework.rules import can
from careleavers.core.home import HomeLink
from careleavers.core.home import register as register_home
from careleavers.core.jobs import ScheduledJob, register_job
from careleavers.core.navigation import NavEntry
from careleavers.core.navigation import register as register_nav


def _allowed(permission: str) -> Any:
    def allowed(user: Any) -> bool:
        return can(user, permission)

    return allowed


def refresh_contact_due(today: Any) -> str:
    from careleavers.casework.services import contact_due_refresh_all

    changed = contact_due_refresh_all(today=today)
    return f"Next contact due worked out again: {changed} young people changed."


def refresh_visits_after_support_choice(*, young_person: Any, what: str, today: Any) -> None:
    # A former relevant young person aged 21 to 25 who says they no longer want a personal
    # adviser has no visits due, and one who asks again has them due at once (CA 1989 s.23CZB).
    from careleavers.casework.services import contact_due_refresh

    contact_due_refresh(young_person=young_person, today=today)


def register() -> None:
    from careleavers.people.hooks import register_change_listener

    register_change_listener("casework.contact_due", refresh_visits_after_support_choice)
    entries = (
        (
            "Work tray",
            "casework:work_tray",
            "casework.view_work_tray",
            5,
            "What is due and overdue for you, most urgent first, and messages from duty.",
        ),
        (
            "Caseloads",
            "casework:caseloads",
            "casework.view_caseloads",
            20,
            "Young people by worker and team: next visits, overdue visits and reviews.",
        ),
        (
            "Duty log",
            "casework:duty_log",
            "casework.view_duty_log",
            30,
            "Record calls and visits to duty and pass them to the allocated worker.",
        ),
    )
    for text, url_name, permission, order, description in entries:
        register_nav(
            NavEntry(text=text, url_name=url_name, allowed=_allowed(permission), order=order)
        )
        register_home(
            HomeLink(
                text=text,
                url_name=url_name,
                description=description,
                allowed=_allowed(permission),
                order=order,
            )
        )
    register_home(
        HomeLink(
            text="Duty rota",
            url_name="casework:duty_rota",
            description=(
                "Who is on duty when, the office hours, and the out-of-hours service that "
                "urgent messages from young people go to."
            ),
            allowed=_allowed("casework.view_duty_rota"),
            order=31,
        )
    )
    # Birthdays move young people between bands of the contact standard with no new contact.
    register_job(ScheduledJob(name="casework.contact_due", run=refresh_contact_due))
