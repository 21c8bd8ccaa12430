"""Who may do what with the local offer, money, documents and groups.

Record-level checks are built on the people app's `can_view_record`, so they agree with the
visibility selector. Ask them through `can` (rules directly), never `user.has_perm`.
"""

from __future__ import annotations

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role, is_administrator, is_staff_member
from careleavers.people.rules import can_view_record, is_case_writer

is_manager = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)
reads_reports = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST)
runs_groups = is_case_writer

# The catalogue is public information: every member of staff reads it; administrators edit it.
rules.add_perm("offer.view_catalogue", is_staff_member)
rules.add_perm("offer.change_catalogue", is_administrator)
rules.add_perm("offer.change_policy", is_administrator)

# Reports across young people.
rules.add_perm("offer.view_spend_report", reads_reports)
rules.add_perm("offer.view_documents_report", is_manager)

# Groups: the people who run them.
rules.add_perm("offer.view_groups", runs_groups)
rules.add_perm("offer.change_groups", runs_groups)

# One young person (object: the young person).
rules.add_perm("offer.view_statement", can_view_record)
rules.add_perm("offer.view_money", can_view_record)
rules.add_perm("offer.request_payment", can_view_record & is_case_writer)
rules.add_perm("offer.approve_payment", can_view_record & is_manager)
rules.add_perm("offer.change_documents", can_view_record & is_case_writer)
rules.add_perm("offer.change_council_tax", can_view_record & is_case_writer)
rules.add_perm("offer.record_offer_explained", can_view_record & is_case_writer)
