"""Groups of staff roles that several apps' permissions name together, written once.

A permission lists the groups that may do something, and any single role beside them, so a
reader sees the groups rather than re-reading the same list of roles in each app."""

from __future__ import annotations

from careleavers.accounts.roles import Role

# Those who work young people's cases.
CASEWORKERS = (Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER)
# Those who manage the teams and the service.
MANAGERS = (Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)
# Those who oversee, measure or inspect the service without working its cases.
OVERSIGHT = (Role.PERFORMANCE_ANALYST, Role.AUDITOR, Role.INSPECTOR)
