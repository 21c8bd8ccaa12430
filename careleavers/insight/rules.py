"""Who may read which dashboards, set targets, update benchmarks and read the self-assessment.

Decisions (documented on the pages and in the app's README section of the report):
- The service dashboard is for the head of service, performance analysts and inspectors (read
  only, time-limited accounts). Performance analysts own the figures; inspectors are shown the
  same dashboard the leaders use, which is what "robust performance data" means to Ofsted.
- A team dashboard is for the team's manager, and for everyone who reads the service dashboard.
- A worker's dashboard is their own caseload, and their manager's (or the service readers').
- Drill-downs list only young people the viewer may see (people.selectors), whatever the scope.
- Targets are set by the head of service or a performance analyst; benchmarks are updated by
  performance analysts; the self-assessment pack is for the head of service and analysts.
- Indicator definitions are plain information for every member of staff.
"""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role, is_staff_member
from careleavers.casework.rules import managed_team_ids

reads_service = has_role(Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST, Role.INSPECTOR)
is_caseworker = has_role(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER)
is_team_manager = has_role(Role.TEAM_MANAGER)
sets_targets = has_role(Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST)
updates_benchmarks = has_role(Role.PERFORMANCE_ANALYST)
reads_pack = has_role(Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST)


@rules.predicate
def reads_team(user: Any, team: Any) -> bool:
    if team is None:
        return False
    if reads_service(user):
        return True
    return bool(is_team_manager(user)) and team.pk in managed_team_ids(user)


@rules.predicate
def reads_worker(user: Any, worker: Any) -> bool:
    if worker is None:
        return False
    if worker.pk == user.pk:
        return bool(is_caseworker(user))
    if reads_service(user):
        return True
    return (
        bool(is_team_manager(user))
        and worker.team_id is not None
        and worker.team_id in managed_team_ids(user)
    )


rules.add_perm("insight.view_index", reads_service | is_team_manager | is_caseworker)
rules.add_perm("insight.view_service", reads_service)
rules.add_perm("insight.choose_team", reads_service | is_team_manager)
rules.add_perm("insight.view_team", reads_team)  # object: team
rules.add_perm("insight.view_own_caseload", is_caseworker)
rules.add_perm("insight.view_worker", reads_worker)  # object: worker
rules.add_perm("insight.view_definitions", is_staff_member)
rules.add_perm("insight.view_targets", reads_service)
rules.add_perm("insight.set_targets", sets_targets)
rules.add_perm("insight.view_benchmarks", reads_service)
rules.add_perm("insight.update_benchmarks", updates_benchmarks)
rules.add_perm("insight.view_pack", reads_pack)
