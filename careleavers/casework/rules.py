"""Who may do what in casework. Record-level checks agree with the visibility selector because
they are built on the people app's `can_view_record` predicate."""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.people.rules import can_view_record, is_case_writer

# Roles with a work tray: the people who carry cases or oversee them, and the duty worker (who
# is passed calls back).
has_work_tray = has_role(
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
)
is_caseworker = has_role(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER)
is_manager = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)
is_head_of_service = has_role(Role.HEAD_OF_SERVICE)
works_the_duty_log = has_role(Role.DUTY_WORKER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)


def managed_team_ids(user: Any) -> set[int]:
    """The teams whose caseloads a team manager oversees: those they manage and their own."""
    if not user.is_authenticated or not user.has_role(Role.TEAM_MANAGER):
        return set()
    ids = set(user.managed_teams.values_list("pk", flat=True))
    if user.team_id:
        ids.add(user.team_id)
    return ids


@rules.predicate
def oversees_team(user: Any, team: Any) -> bool:
    if team is None:
        return False
    if user.has_role(Role.HEAD_OF_SERVICE):
        return True
    return team.pk in managed_team_ids(user)


@rules.predicate
def can_view_worker_caseload(user: Any, worker: Any) -> bool:
    if worker is None:
        return False
    if worker.pk == user.pk:
        return bool(user.has_role(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER))
    if user.has_role(Role.HEAD_OF_SERVICE):
        return True
    return worker.team_id is not None and worker.team_id in managed_team_ids(user)


@rules.predicate
def is_notification_recipient(user: Any, notification: Any) -> bool:
    return notification is not None and notification.recipient_id == user.pk


@rules.predicate
def can_view_contact_record(user: Any, contact: Any) -> bool:
    return contact is not None and can_view_record(user, contact.young_person)


@rules.predicate
def wrote_contact(user: Any, contact: Any) -> bool:
    return contact is not None and contact.created_by_id == user.pk


@rules.predicate
def can_change_record_of(user: Any, thing: Any) -> bool:
    """For objects that belong to a young person (an alert, a contact)."""
    return thing is not None and can_view_record(user, thing.young_person)


@rules.predicate
def can_view_duty_entry(user: Any, entry: Any) -> bool:
    if entry is None:
        return False
    if works_the_duty_log(user) or entry.passed_to_id == user.pk:
        return True
    # Anyone who may open the young person's record may read what duty did for them: the
    # entry is on their chronology too.
    return entry.young_person is not None and can_view_record(user, entry.young_person)


@rules.predicate
def can_view_duty_alert(user: Any, duty_alert: Any) -> bool:
    """Whoever may open the young person's record: the duty worker it was sent to among them,
    unless the record is restricted to named staff."""
    return duty_alert is not None and can_view_record(user, duty_alert.young_person)


# Lists and pages that are not about one record.
rules.add_perm("casework.view_work_tray", has_work_tray)
rules.add_perm("casework.view_caseloads", is_caseworker | is_manager)
rules.add_perm("casework.view_team_caseloads", is_manager)
rules.add_perm("casework.view_duty_log", works_the_duty_log)
rules.add_perm("casework.add_dutylogentry", works_the_duty_log)
# Everyone who works duty sees the rota; managers set it, and the office hours and
# out-of-hours service.
rules.add_perm("casework.view_duty_rota", works_the_duty_log)
rules.add_perm("casework.change_duty_rota", is_manager)

# Object checks: the object is a young person unless the name says otherwise.
rules.add_perm("casework.view_team_caseload", is_manager & oversees_team)  # object: team
rules.add_perm("casework.view_worker_caseload", can_view_worker_caseload)  # object: worker
# A planned handover: a manager moves the caseload of a worker in a team they manage.
rules.add_perm(
    "casework.move_worker_caseload", is_manager & can_view_worker_caseload
)  # object: worker
rules.add_perm("casework.view_allocations", can_view_record)
rules.add_perm("casework.change_allocation", can_view_record & is_manager)
rules.add_perm("casework.view_contacts", can_view_record)
rules.add_perm("casework.add_contact", can_view_record & is_case_writer)
rules.add_perm("casework.view_contact", can_view_contact_record)  # object: contact
# The author corrects within the correction window (the service checks the clock); after it,
# the author or a manager adds an amendment with a reason.
rules.add_perm("casework.correct_contact", can_view_contact_record & wrote_contact)
rules.add_perm(
    "casework.amend_contact",
    can_view_contact_record & is_case_writer & (wrote_contact | is_manager),
)
rules.add_perm("casework.view_casenotes", can_view_record)
rules.add_perm("casework.add_casenote", can_view_record & is_case_writer)
rules.add_perm("casework.view_alerts", can_view_record)
rules.add_perm("casework.add_alert", can_view_record & is_case_writer)
rules.add_perm("casework.end_alert", can_change_record_of & is_case_writer)  # object: alert
rules.add_perm("casework.add_keepingintouch", can_view_record & is_case_writer)
rules.add_perm("casework.view_appointments", can_view_record)
rules.add_perm("casework.book_appointment", can_view_record & is_case_writer)
# object: an appointment
rules.add_perm("casework.change_appointment", can_change_record_of & is_case_writer)
# object: a keeping-in-touch status
rules.add_perm("casework.end_keepingintouch", can_change_record_of & is_case_writer)
rules.add_perm("casework.view_dutylogentry", can_view_duty_entry)  # object: entry
rules.add_perm("casework.read_notification", is_notification_recipient)  # object: notification
rules.add_perm("casework.view_duty_alert", can_view_duty_alert)  # object: duty alert
