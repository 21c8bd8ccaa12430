"""Who may handle subject access requests, review retention and set the policy.

Subject access and retention are information governance work. The service has no
information governance role yet, so the head of service holds both for now; an
"information governance officer" role is the right holder and should replace it here.
Team managers are not given them: answering a request is one decision for the whole council,
and the file crosses teams (its audit log names every member of staff who opened the record),
so a team manager passes a request they receive to the head of service.
Administrators manage accounts and reference data, never case data: they set the policy only.

Object checks take the young person and build on the people app's `can_view_record`, so a
restricted record's file can be made only by someone named on it. Ask through
`casework.rules.can` (rules directly), never `user.has_perm`.
"""

from __future__ import annotations

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role, is_administrator
from careleavers.people.rules import can_view_record

handles_information_governance = has_role(Role.HEAD_OF_SERVICE)

rules.add_perm("dataprotection.view_subject_access", handles_information_governance)
# Object: the young person.
rules.add_perm(
    "dataprotection.manage_subject_access", handles_information_governance & can_view_record
)
rules.add_perm("dataprotection.view_retention", handles_information_governance)
# Object: the young person.
rules.add_perm("dataprotection.decide_retention", handles_information_governance & can_view_record)
rules.add_perm("dataprotection.change_policy", is_administrator)
