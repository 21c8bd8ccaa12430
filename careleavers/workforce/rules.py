"""Who may do what with supervision records and workforce records.

Supervision records are the most private pages in the service after the young people's own: a
record is open only to the worker supervised, the supervisor who recorded it, the worker's current
team manager and the head of service. Auditors, analysts, administrators, inspectors, other
workers and young people never open one; figures about supervision (counts, percentages) go to
team managers for their teams, the head of service and performance analysts.

Ask through `casework.rules.can` (rules directly), never `user.has_perm`: administrators are
superusers for the Django admin, and a superuser passes every `has_perm`.
"""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.workforce import selectors

is_caseworker = has_role(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER)
is_team_manager = has_role(Role.TEAM_MANAGER)
is_head_of_service = has_role(Role.HEAD_OF_SERVICE)
# HR administration: administrators (the HR admin role in this product) and the head of service.
is_hr_admin = has_role(Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE)
reads_workforce = has_role(
    Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR
)
# Aggregate figures about supervision and caseloads (no notes, no names of young people).
reads_supervision_figures = has_role(
    Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST
)
# Named staff records (employment, absence, training): never analysts, auditors or inspectors.
reads_staff_records = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR)
records_supervision = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)


@rules.predicate
def can_view_supervision(user: Any, record: Any) -> bool:
    if record is None:
        return False
    team = record.worker.team
    return selectors.may_see_supervision(
        user,
        worker_id=record.worker_id,
        supervisor_id=record.supervisor_id,
        worker_team_manager_id=team.manager_id if team is not None else None,
    )


@rules.predicate
def is_supervised_worker(user: Any, record: Any) -> bool:
    return record is not None and record.worker_id == user.pk


@rules.predicate
def recorded_supervision(user: Any, record: Any) -> bool:
    return record is not None and record.supervisor_id == user.pk


@rules.predicate
def manages_worker_of(user: Any, record: Any) -> bool:
    if record is None or not user.has_role(Role.TEAM_MANAGER):
        return False
    team = record.worker.team
    return team is not None and team.manager_id == user.pk


@rules.predicate
def may_supervise(user: Any, worker: Any) -> bool:
    if worker is None or worker.pk == user.pk:
        return False
    return selectors.workers_supervised_by(user=user).filter(pk=worker.pk).exists()


@rules.predicate
def oversees_staff_member(user: Any, staff: Any) -> bool:
    """Administrators and the head of service for anyone; a team manager for their teams."""
    if staff is None:
        return False
    team_ids = selectors.report_team_ids(user)
    if team_ids is None:
        return True
    return staff.team_id is not None and staff.team_id in team_ids


@rules.predicate
def oversees_post(user: Any, post: Any) -> bool:
    if post is None:
        return False
    team_ids = selectors.report_team_ids(user)
    return team_ids is None or post.team_id in team_ids


@rules.predicate
def is_self(user: Any, staff: Any) -> bool:
    return staff is not None and staff.pk == user.pk


# Pages not about one object.
rules.add_perm("workforce.view_index", reads_workforce)
rules.add_perm("workforce.view_my_supervision", is_caseworker)
rules.add_perm("workforce.view_supervision_list", records_supervision)
rules.add_perm("workforce.record_supervision", records_supervision)
rules.add_perm("workforce.sample_supervision", is_head_of_service)
rules.add_perm("workforce.view_supervision_reports", reads_supervision_figures)
rules.add_perm("workforce.view_supervision_names", records_supervision)  # per-worker rows
rules.add_perm("workforce.view_caseloads", reads_supervision_figures)
rules.add_perm("workforce.view_caseload_names", records_supervision)  # per-worker rows
rules.add_perm("workforce.view_trends", reads_workforce)
rules.add_perm("workforce.view_posts", reads_staff_records)
rules.add_perm("workforce.change_posts", is_hr_admin)
rules.add_perm("workforce.view_staff", reads_staff_records)
rules.add_perm("workforce.view_training_report", reads_staff_records)

# One supervision record (object: the record).
rules.add_perm("workforce.view_supervision", can_view_supervision)
rules.add_perm("workforce.respond_supervision", is_supervised_worker)
rules.add_perm(
    "workforce.add_supervision_action",
    recorded_supervision | manages_worker_of | is_head_of_service,
)
rules.add_perm(
    "workforce.complete_supervision_action",
    is_supervised_worker | recorded_supervision | manages_worker_of | is_head_of_service,
)
rules.add_perm("workforce.grade_supervision", is_head_of_service)

# Recording a supervision for a worker (object: the worker).
rules.add_perm("workforce.supervise_worker", records_supervision & may_supervise)

# Posts and staff records (object: the post, or the staff member).
rules.add_perm("workforce.view_post", reads_staff_records & oversees_post)
rules.add_perm("workforce.view_staff_member", reads_staff_records & oversees_staff_member)
rules.add_perm(
    "workforce.record_absence",
    has_role(Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER)
    & oversees_staff_member
    & ~is_self,
)
rules.add_perm(
    "workforce.record_training",
    has_role(Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER) & oversees_staff_member,
)
