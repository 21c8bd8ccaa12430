"""Short names for the roles, for the tables in each app's `tests/url_access.py`."""

from __future__ import annotations

from careleavers.accounts.roles import Role

PA = Role.PERSONAL_ADVISER.value
SW = Role.SOCIAL_WORKER.value
TM = Role.TEAM_MANAGER.value
HOS = Role.HEAD_OF_SERVICE.value
DUTY = Role.DUTY_WORKER.value
AUDITOR = Role.AUDITOR.value
ANALYST = Role.PERFORMANCE_ANALYST.value
INSPECTOR = Role.INSPECTOR.value
ADMIN = Role.ADMINISTRATOR.value

# Who may open a young person's record: those who work with them and those who check the work.
RECORD_READERS = [PA, SW, TM, HOS, DUTY, AUDITOR, ANALYST, INSPECTOR]
MANAGERS = [TM, HOS]
