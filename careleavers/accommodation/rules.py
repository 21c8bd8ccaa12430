"""Who may see and change accommodation records and lists.

Record-level permissions are the people app's: whoever may open a young person's record may
read where they live, and the people who work the case may change it. They agree with the
visibility selector because they are built on `can_view_record`. Lists across young people
are filtered by `young_people_visible_to` as well as gated by role.
"""

from __future__ import annotations

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.core.staff_groups import CASEWORKERS, MANAGERS, OVERSIGHT
from careleavers.people.rules import can_view_record, is_case_writer

# The waiting list: the people who house young people, and those who oversee or inspect it.
sees_waiting_list = has_role(*CASEWORKERS, *MANAGERS, *OVERSIGHT)
# The managers' list of young people in unsuitable, B&B or emergency accommodation, homeless
# or at risk of it. Inspectors read it too: it is what Ofsted asks about.
sees_concerns = has_role(*MANAGERS, Role.INSPECTOR)
# Taster flats: everyone who books them or oversees them.
sees_taster_flats = has_role(*CASEWORKERS, *MANAGERS, Role.DUTY_WORKER, *OVERSIGHT)

# Object: a young person.
rules.add_perm("accommodation.view_accommodation", can_view_record)
rules.add_perm("accommodation.change_accommodation", can_view_record & is_case_writer)
# Lists.
rules.add_perm("accommodation.view_waiting_list", sees_waiting_list)
rules.add_perm("accommodation.view_concerns", sees_concerns)
rules.add_perm("accommodation.view_taster_flats", sees_taster_flats)
