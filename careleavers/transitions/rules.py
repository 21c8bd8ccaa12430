"""Who may do what with referrals, transition plans and health.

A young person's referrals, plan and health are part of their record, so the record-level
checks are the people app's `people.view_youngperson` and `people.change_youngperson` (which
agree with the visibility selector). The rules here are for the pages that are not about one
young person.
"""

from __future__ import annotations

import rules

from careleavers.accounts.rules import has_role
from careleavers.core.staff_groups import MANAGERS, OVERSIGHT

# Managers answer for the waits; analysts, quality assurance and inspectors read the same
# figures. Each still sees only the young people the visibility selector gives them.
sees_waits = has_role(*MANAGERS, *OVERSIGHT)

rules.add_perm("transitions.view_waits", sees_waits)
rules.add_perm("transitions.view_planning", sees_waits)
