"""Who may do what with case audits, audit actions, targets, management oversight and feedback.

Record-level checks are built on the people app's `can_view_record`, so they agree with the
visibility selector (and with `selectors.audits_visible_to` / `actions_visible_to`). Ask them
through `casework.rules.can` (rules directly), never `user.has_perm`: administrators are
superusers for the Django admin and must not see case data.

- Case audits are read by quality assurance officers (auditors), team managers (for the young
  people they can see: their teams' and anyone allocated to them), heads of service,
  inspectors and performance analysts (read only). Only auditors start, answer and complete
  them, and only the auditor who started one edits it. A second auditor, not the first,
  moderates a completed audit, once.
- An action from an audit is seen and marked done by the person it is assigned to (a worker
  sees their own actions but not the rest of the audit, unless they are a manager); audit
  readers see every action on the audits they can read.
- Monthly audit targets are set by heads of service (any team) and team managers (their own
  teams).
- Management oversight is written by team managers (young people in their own teams) and heads
  of service, and read by anyone who can see the record.
- A young person's feedback and wellbeing checks are read by the people their "Your say" page
  says read them: the workers allocated to them (their personal adviser), the managers who
  oversee them (their team's manager, heads of service), and the people who check the quality
  of the work (auditors and inspectors). Not by every worker who can open the record. Staff who
  work the case, and auditors, record feedback given to them.
- Anonymous feedback is read by the manager of the team it was sent to, and heads of service.
- "You said, we did" is written, published and withdrawn by team managers and heads of service.
"""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.casework.rules import managed_team_ids, oversees_team
from careleavers.people.rules import can_view_record, is_case_writer

is_auditor = has_role(Role.AUDITOR)
is_manager = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)
reads_audits = has_role(
    Role.AUDITOR,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.INSPECTOR,
    Role.PERFORMANCE_ANALYST,
)
# Everyone who can be given an action, or reads them.
has_actions = has_role(
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.AUDITOR,
    Role.INSPECTOR,
    Role.PERFORMANCE_ANALYST,
)


@rules.predicate
def can_view_audit_record(user: Any, audit: Any) -> bool:
    return audit is not None and can_view_record(user, audit.young_person)


@rules.predicate
def is_audit_author(user: Any, audit: Any) -> bool:
    return audit is not None and audit.auditor_id == user.pk


@rules.predicate
def audit_in_progress(user: Any, audit: Any) -> bool:
    return audit is not None and not audit.is_completed


@rules.predicate
def audit_completed(user: Any, audit: Any) -> bool:
    return audit is not None and audit.is_completed


@rules.predicate
def audit_moderated(user: Any, audit: Any) -> bool:
    from careleavers.quality.models import AuditModeration

    return audit is not None and AuditModeration.objects.filter(audit_id=audit.pk).exists()


@rules.predicate
def can_view_action_record(user: Any, action: Any) -> bool:
    return action is not None and can_view_record(user, action.audit.young_person)


@rules.predicate
def is_assignee(user: Any, action: Any) -> bool:
    return action is not None and action.assignee_id == user.pk


@rules.predicate
def action_open(user: Any, action: Any) -> bool:
    return action is not None and action.done_on is None and action.audit.is_completed


@rules.predicate
def oversees_young_person(user: Any, young_person: Any) -> bool:
    """Heads of service oversee every case; team managers the young people in their teams."""
    if young_person is None:
        return False
    if user.has_role(Role.HEAD_OF_SERVICE):
        return True
    if not user.has_role(Role.TEAM_MANAGER):
        return False
    return young_person.team_id is not None and young_person.team_id in managed_team_ids(user)


@rules.predicate
def hears_young_persons_voice(user: Any, young_person: Any) -> bool:
    """The people the young person's "Your say" page tells them read what they say there
    (portal/presenters.who_reads_feedback says the same in their words)."""
    if young_person is None:
        return False
    if user.has_role(Role.AUDITOR, Role.INSPECTOR):
        return True
    if oversees_young_person(user, young_person):
        return True
    from careleavers.casework.models import Allocation

    return Allocation.objects.filter(
        young_person_id=young_person.pk, worker_id=user.pk, end__isnull=True
    ).exists()


@rules.predicate
def manages_feedback_team(user: Any, feedback: Any) -> bool:
    """Anonymous feedback reaches the manager of the team it was sent to (and heads of
    service, who oversee every team)."""
    if feedback is None:
        return False
    if user.has_role(Role.HEAD_OF_SERVICE):
        return True
    return user.has_role(Role.TEAM_MANAGER) and feedback.team_id in managed_team_ids(user)


@rules.predicate
def can_view_entry_record(user: Any, entry: Any) -> bool:
    return entry is not None and can_view_record(user, entry.young_person)


@rules.predicate
def oversees_entry(user: Any, entry: Any) -> bool:
    return entry is not None and oversees_young_person(user, entry.young_person)


# Pages that are not about one record.
rules.add_perm("quality.view_programme", reads_audits)
rules.add_perm("quality.view_audits", reads_audits)
rules.add_perm("quality.view_actions", has_actions)
rules.add_perm("quality.set_targets", is_manager)
rules.add_perm("quality.view_oversight_report", reads_audits)

# Object checks.
rules.add_perm("quality.set_team_target", is_manager & oversees_team)  # object: team
rules.add_perm("quality.view_audit", reads_audits & can_view_audit_record)  # object: audit
rules.add_perm("quality.add_audit", is_auditor & can_view_record)  # object: young person
rules.add_perm(
    "quality.change_audit",
    is_auditor & can_view_audit_record & is_audit_author & audit_in_progress,
)
rules.add_perm(
    "quality.moderate_audit",
    is_auditor & can_view_audit_record & ~is_audit_author & audit_completed & ~audit_moderated,
)
rules.add_perm(
    "quality.view_action", can_view_action_record & (is_assignee | reads_audits)
)  # object: action
rules.add_perm("quality.complete_action", can_view_action_record & is_assignee & action_open)
rules.add_perm("quality.view_oversight", can_view_record)  # object: young person
rules.add_perm("quality.add_oversight", can_view_record & is_manager & oversees_young_person)
rules.add_perm(
    "quality.review_oversight", can_view_entry_record & is_manager & oversees_entry
)  # object: entry
rules.add_perm(
    "quality.view_feedback", can_view_record & hears_young_persons_voice
)  # object: young person
rules.add_perm(
    "quality.add_feedback",
    can_view_record & hears_young_persons_voice & (is_case_writer | is_auditor),
)
rules.add_perm("quality.view_anonymous_feedback", is_manager)
rules.add_perm(
    "quality.read_anonymous_feedback", is_manager & manages_feedback_team
)  # object: anonymous feedback
rules.add_perm("quality.manage_you_said", is_manager)
