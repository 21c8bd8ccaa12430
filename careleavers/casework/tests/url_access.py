"""Access to casework pages, for every role (see careleavers/core/tests/test_url_access.py).

The test world's young person is in the world team with the world's personal adviser and social
worker allocated; the personal adviser wrote one contact just now (still correctable) and one
two days ago (amendable), and has an unread notification from a duty entry about them. The
young person said they do not feel safe (a duty alert), and the world's duty worker is on the
rota tomorrow.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from careleavers.core.access import (
    FORBIDDEN,
    NOT_FOUND,
    OK,
    REDIRECT,
    UrlCase,
    expect,
)
from careleavers.core.tests.record_access import RECORD_WRITERS, record_change, record_read
from careleavers.core.tests.roles import DUTY, HOS, MANAGERS, PA, RECORD_READERS, SW, TM

DUTY_LOG = [DUTY, TM, HOS]


def extend_world(world: Any) -> None:
    from careleavers.casework.models import KeepingInTouch, PlannedHandover
    from careleavers.casework.tests.factories import (
        AlertFactory,
        AllocationFactory,
        AppointmentFactory,
        ContactFactory,
        DutyAlertFactory,
        DutyLogEntryFactory,
        DutyRotaEntryFactory,
        NotificationFactory,
    )
    from careleavers.people.tests.factories import YoungPersonFactory

    pa, sw = world.users[PA], world.users[SW]
    young_person = YoungPersonFactory(team=world.team)
    AllocationFactory(young_person=young_person, worker=pa, role="pa")
    AllocationFactory(young_person=young_person, worker=sw, role="sw")
    recent = ContactFactory(young_person=young_person, worker=pa)
    old = ContactFactory(
        young_person=young_person,
        worker=pa,
        created_at=timezone.now() - datetime.timedelta(days=2),
    )
    entry = DutyLogEntryFactory(
        young_person=young_person, duty_worker=world.users[DUTY], passed_to=pa
    )
    notification = NotificationFactory(recipient=pa, young_person=young_person)
    alert = AlertFactory(young_person=young_person)
    rota_entry = DutyRotaEntryFactory(
        on=timezone.localdate() + datetime.timedelta(days=1), worker=world.users[DUTY]
    )
    duty_alert = DutyAlertFactory(young_person=young_person)
    keeping_in_touch = KeepingInTouch.objects.create(
        young_person=young_person, status="REFU", start=young_person.date_of_birth
    )
    appointment = AppointmentFactory(young_person=young_person, worker=pa)
    handover = PlannedHandover.objects.create(
        young_person=young_person,
        role="pa",
        to_worker=pa,
        starts_on=timezone.localdate() + datetime.timedelta(days=10),
        reason="MANAGE",
    )
    world.casework = SimpleNamespace(
        young_person=young_person,
        appointment=appointment,
        handover=handover,
        recent_contact=recent,
        old_contact=old,
        duty_entry=entry,
        notification=notification,
        alert=alert,
        rota_entry=rota_entry,
        duty_alert=duty_alert,
        keeping_in_touch=keeping_in_touch,
    )


def _young_person(world: Any) -> dict[str, Any]:
    return {"pk": world.casework.young_person.pk}


CASES = [
    UrlCase("casework:work_tray", expect(allowed=RECORD_WRITERS)),
    # With nothing chosen, the tray's batch action sends its holder back to the tray.
    UrlCase(
        "casework:work_tray_batch",
        expect(allowed=RECORD_WRITERS, outcome=REDIRECT),
        method="post",
    ),
    UrlCase(
        "casework:notification_read",
        expect(
            allowed=[PA],
            outcome=REDIRECT,
            # Someone else's message is not found, whoever asks.
            **{role: NOT_FOUND for role in RECORD_WRITERS if role != PA},
            other_team_personal_adviser=NOT_FOUND,
        ),
        kwargs=lambda world: {"pk": world.casework.notification.pk},
        method="post",
    ),
    UrlCase(
        "casework:caseloads",
        expect(allowed=MANAGERS, **{PA: REDIRECT, SW: REDIRECT}),
    ),
    UrlCase(
        "casework:team_caseload",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.team.pk},
    ),
    UrlCase(
        "casework:worker_caseload",
        expect(team_record=True, allowed=[PA, TM, HOS]),
        kwargs=lambda world: {"pk": world.users[PA].pk},
    ),
    UrlCase(
        "casework:worker_caseload_move",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.users[PA].pk},
    ),
    record_read("casework:allocation_history", _young_person),
    UrlCase(
        "casework:allocation_change",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=_young_person,
    ),
    record_read("casework:contact_list", _young_person),
    record_change("casework:contact_add", _young_person),
    record_read("casework:contact_detail", lambda world: {"pk": world.casework.recent_contact.pk}),
    # Only the author corrects, and only inside the correction window.
    UrlCase(
        "casework:contact_correct",
        expect(team_record=True, allowed=[PA]),
        kwargs=lambda world: {"pk": world.casework.recent_contact.pk},
    ),
    # After the window the author or a manager amends, with a reason.
    UrlCase(
        "casework:contact_amend",
        expect(team_record=True, allowed=[PA, TM, HOS]),
        kwargs=lambda world: {"pk": world.casework.old_contact.pk},
    ),
    record_read("casework:case_note_list", _young_person),
    record_change("casework:case_note_add", _young_person),
    record_read("casework:alert_list", _young_person),
    record_change("casework:alert_add", _young_person),
    record_change("casework:alert_end", lambda world: {"pk": world.casework.alert.pk}),
    record_read("casework:appointment_list", _young_person),
    record_change("casework:appointment_book", _young_person),
    record_change(
        "casework:appointment_move", lambda world: {"pk": world.casework.appointment.pk}
    ),
    record_change(
        "casework:appointment_cancel", lambda world: {"pk": world.casework.appointment.pk}
    ),
    UrlCase(
        "casework:handover_cancel",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.casework.handover.pk},
    ),
    record_change("casework:keeping_in_touch_add", _young_person),
    record_change(
        "casework:keeping_in_touch_end", lambda world: {"pk": world.casework.keeping_in_touch.pk}
    ),
    UrlCase("casework:duty_log", expect(allowed=DUTY_LOG)),
    UrlCase("casework:duty_add", expect(allowed=DUTY_LOG)),
    # The duty log's own staff, the worker it was passed to, and anyone who may open the young
    # person's record (the entry is on their chronology).
    UrlCase(
        "casework:duty_detail",
        # Another team's manager works the duty log, so opens the entry; what it says about a
        # young person whose record they cannot open is not shown (casework test_views).
        expect(team_record=True, allowed=RECORD_READERS, other_team_team_manager=OK),
        kwargs=lambda world: {"pk": world.casework.duty_entry.pk},
    ),
    # Everyone who works duty reads the rota; managers change it and the office hours.
    UrlCase("casework:duty_rota", expect(allowed=DUTY_LOG)),
    UrlCase("casework:duty_rota_add", expect(allowed=MANAGERS)),
    UrlCase(
        "casework:duty_rota_change",
        expect(allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.casework.rota_entry.pk},
    ),
    UrlCase(
        "casework:duty_rota_remove",
        expect(allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.casework.rota_entry.pk},
    ),
    UrlCase("casework:duty_settings", expect(allowed=MANAGERS)),
    # A young person's "I do not feel safe": anyone who may open their record.
    record_read("casework:duty_alert", lambda world: {"pk": world.casework.duty_alert.pk}),
]

__all__ = ["CASES", "FORBIDDEN", "OK", "extend_world"]
