"""Who may use the returns pages."""

from __future__ import annotations

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role

# Performance analysts prepare the returns and the head of service answers for them: they
# download them and check them with the validator (whose report names children). A return holds
# every child, restricted records included, so nobody else does. Administrators see no records:
# they load a council's 903 files into the service (files they already hold) and nothing more.
can_prepare_returns = has_role(Role.PERFORMANCE_ANALYST, Role.HEAD_OF_SERVICE)
can_import = has_role(Role.ADMINISTRATOR)

rules.add_perm("returns.view_returns", can_prepare_returns | can_import)
rules.add_perm("returns.export_returns", can_prepare_returns)
rules.add_perm("returns.validate_returns", can_prepare_returns)
rules.add_perm("returns.import_ssda903", can_import)
