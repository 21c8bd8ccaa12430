"""Short names for the staff roles, for tests that list on one line who may do something."""

from __future__ import annotations

from careleavers.accounts.roles import Role

PA = Role.PERSONAL_ADVISER
SW = Role.SOCIAL_WORKER
TM = Role.TEAM_MANAGER
HOS = Role.HEAD_OF_SERVICE
DUTY = Role.DUTY_WORKER
AUDITOR = Role.AUDITOR
ANALYST = Role.PERFORMANCE_ANALYST
INSPECTOR = Role.INSPECTOR
