"""Who may do what with young people's accounts and requests.

Staff permissions are about one young person (the object) and are built on the people app's
`can_view_record`, so they agree with the visibility selector. Young people reach their own
pages through `portal.use_portal`; which young person they are comes from their account link
(selectors.account_for_user), never from the URL.

Ask these through `careleavers.casework.rules.can`, never `user.has_perm` (superusers).
"""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role, is_administrator, is_young_person
from careleavers.people.rules import can_view_record, is_case_writer

is_manager = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)


@rules.predicate
def is_allocated_worker(user: Any, young_person: Any) -> bool:
    """The user is the young person's current personal adviser or social worker."""
    if young_person is None:
        return False
    from careleavers.casework.models import Allocation

    return Allocation.objects.filter(
        young_person=young_person, worker=user, end__isnull=True
    ).exists()


# The young person's own pages.
rules.add_perm("portal.use_portal", is_young_person)

# Inviting a young person to set up an account: their allocated worker, or a manager who can
# see their record.
rules.add_perm("portal.invite", can_view_record & (is_allocated_worker | is_manager))
# Reading what a young person asked for, and marking it done.
rules.add_perm("portal.view_requests", can_view_record)
rules.add_perm("portal.handle_request", can_view_record & is_case_writer)
# The demo outbox holds what the fake Notify kept instead of sending: invitations to young people
# by name and address. Administrators only, who look after the service's set-up, never the
# workers of the young people it names.
rules.add_perm("portal.view_outbox", is_administrator)
