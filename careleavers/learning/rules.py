"""Who may do what with EET records, the EET panel and PEPs.

Pages about one young person use the people app's permissions (`people.view_youngperson` and
`people.change_youngperson`), so they agree with the visibility selector. The checks below are
for the panel, the service-wide reports and PEP quality assurance.
"""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.core.staff_groups import CASEWORKERS, MANAGERS, OVERSIGHT
from careleavers.people.rules import can_view_record, is_case_writer

# The panel is chaired and minuted by managers; caseworkers present their young people and
# read the minutes; quality assurance and inspectors read.
manages_eet_panel = has_role(*MANAGERS)
reads_eet_panel = has_role(*CASEWORKERS, *MANAGERS, Role.AUDITOR, Role.INSPECTOR)
# The themes, EET rates and PEP completion are counts, not records: everyone who works cases,
# oversees them or measures them may read them.
reads_eet_reports = has_role(*CASEWORKERS, *MANAGERS, *OVERSIGHT)
# PEPs are quality assured by managers and quality assurance officers.
reviews_peps = has_role(*MANAGERS, Role.AUDITOR)


@rules.predicate
def can_view_young_person_of(user: Any, thing: Any) -> bool:
    """For objects that belong to a young person (a panel case, a PEP)."""
    return thing is not None and can_view_record(user, thing.young_person)


@rules.predicate
def can_view_young_person_of_case(user: Any, action: Any) -> bool:
    return action is not None and can_view_record(user, action.case.young_person)


rules.add_perm("learning.view_eet_panel", reads_eet_panel)
rules.add_perm("learning.manage_eet_panel", manages_eet_panel)
rules.add_perm("learning.view_eet_reports", reads_eet_reports)
# Object: a panel case. Reading it needs the young person's record too.
rules.add_perm("learning.view_panelcase", reads_eet_panel & can_view_young_person_of)
rules.add_perm("learning.change_panelcase", manages_eet_panel & can_view_young_person_of)
# Object: a panel action. Its owner may mark it done as well as the panel's managers.
rules.add_perm(
    "learning.complete_panelaction",
    can_view_young_person_of_case & (manages_eet_panel | is_case_writer),
)
# Object: a PEP.
rules.add_perm("learning.view_pep", can_view_young_person_of)
rules.add_perm("learning.change_pep", can_view_young_person_of & is_case_writer)
rules.add_perm("learning.review_pep", can_view_young_person_of & reviews_peps)
