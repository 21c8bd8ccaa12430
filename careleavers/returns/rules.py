"""Who may use the returns pages."""

from __future__ import annotations

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role

# Performance analysts prepare the returns; the head of service answers for them; administrators
# run the service. Only administrators load data into it.
can_use_returns = has_role(Role.PERFORMANCE_ANALYST, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR)
can_import = has_role(Role.ADMINISTRATOR)

rules.add_perm("returns.view_returns", can_use_returns)
rules.add_perm("returns.export_returns", can_use_returns)
rules.add_perm("returns.validate_returns", can_use_returns)
rules.add_perm("returns.import_ssda903", can_import)
