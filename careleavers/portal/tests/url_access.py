"""Access to the young person's pages and the staff pages about their accounts, for every role
(see core/tests/test_url_access.py).

The world's young person user is linked to a former relevant young person in the world team,
whose personal adviser is the world's personal adviser; they have a shared pathway plan and a
request. A second young person has an invitation waiting.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.accounts.roles import Role
from careleavers.core.access import FORBIDDEN, NOT_ALLOWED, OK, REDIRECT, UrlCase, expect
from careleavers.core.tests.record_access import record_read

YP = Role.YOUNG_PERSON.value
PA = Role.PERSONAL_ADVISER.value
TM = Role.TEAM_MANAGER.value
HOS = Role.HEAD_OF_SERVICE.value
# An allocated worker or a manager may invite; the world's social worker is not allocated.
INVITERS = [PA, TM, HOS]


def extend_world(world: Any) -> None:
    from careleavers.casework.tests.factories import AllocationFactory
    from careleavers.people.tests.factories import YoungPersonFactory
    from careleavers.plans.models import PlanState
    from careleavers.plans.tests.factories import make_plan
    from careleavers.portal.tests.factories import (
        InvitationFactory,
        PortalAccountFactory,
        YoungPersonRequestFactory,
    )
    from careleavers.quality.tests.factories import WellbeingCheckFactory

    young_person = YoungPersonFactory(team=world.team, category="former_relevant")
    AllocationFactory(young_person=young_person, worker=world.users[PA])
    PortalAccountFactory(user=world.users[YP], young_person=young_person)
    plan = make_plan(
        young_person,
        state=PlanState.SHARED,
        writer=world.users[PA],
        manager=world.users[TM],
    )
    invited = YoungPersonFactory(team=world.team, category="former_relevant")
    # A wellbeing check, so the page after one has something to thank them for.
    WellbeingCheckFactory(young_person=young_person)
    world.portal = SimpleNamespace(
        young_person=young_person,
        plan=plan,
        request=YoungPersonRequestFactory(young_person=young_person),
        invitation=InvitationFactory(young_person=invited, created_by=world.users[PA]),
    )


def _own(world: Any) -> dict[str, Any]:
    return {"pk": world.portal.young_person.pk}


def _young_person_page(name: str, **kwargs: Any) -> UrlCase:
    return UrlCase(name, expect(allowed=[YP]), **kwargs)


CASES = [
    # The young person's own pages: only a young person with an account.
    _young_person_page("portal:home"),
    _young_person_page("portal:plan"),
    _young_person_page("portal:plan_easy_read"),
    _young_person_page("portal:plan_pdf", kwargs=lambda world: {"plan_pk": world.portal.plan.pk}),
    _young_person_page("portal:plan_review"),
    _young_person_page("portal:entitlements"),
    _young_person_page("portal:entitlements_easy_read"),
    _young_person_page("portal:entitlement_ask", kwargs=lambda world: {"key": "leisure_pass"}),
    _young_person_page("portal:money"),
    _young_person_page("portal:documents"),
    _young_person_page("portal:document_help", kwargs=lambda world: {"kind": "passport"}),
    _young_person_page("portal:appointments"),
    _young_person_page("portal:my_say"),
    _young_person_page("portal:agenda"),
    _young_person_page("portal:feedback"),
    _young_person_page("portal:wellbeing"),
    _young_person_page("portal:wellbeing_done"),
    _young_person_page("portal:not_safe"),
    _young_person_page("portal:about_me"),
    # Agreeing is a button (POST) on the about me page.
    UrlCase("portal:about_me_agree", expect(allowed=[YP], outcome=NOT_ALLOWED)),
    _young_person_page("portal:about_me_change"),
    _young_person_page("portal:about_me_write"),
    _young_person_page("portal:support_again"),
    _young_person_page("portal:requests"),
    _young_person_page(
        "portal:request_detail", kwargs=lambda world: {"pk": world.portal.request.pk}
    ),
    _young_person_page("portal:account"),
    # The invitation link: for someone not signed in; anyone signed in must sign out first.
    UrlCase(
        "portal:accept",
        expect(allowed=[], others=FORBIDDEN, anonymous=OK),
        kwargs=lambda world: {"token": world.portal.invitation.token},
    ),
    # A text invitation's short link: the same page.
    UrlCase(
        "invitation_short",
        expect(allowed=[], others=FORBIDDEN, anonymous=OK),
        kwargs=lambda world: {"token": world.portal.invitation.short_code},
    ),
    # The language picker: a young person's choice is kept with their account, and someone not
    # signed in (on the invitation link) gets a cookie; staff pages are always in English.
    UrlCase(
        "portal:language",
        expect(allowed=[YP], outcome=REDIRECT, others=FORBIDDEN, anonymous=REDIRECT),
        method="post",
        data={"language": "ar", "next": "/my/"},
    ),
    # Staff pages about a young person's account and requests.
    UrlCase("portal:invite", expect(team_record=True, allowed=INVITERS), kwargs=_own),
    record_read("portal:record_requests", _own),
    record_read("portal:request_handle", lambda world: {"pk": world.portal.request.pk}),
    # The demo outbox names young people and how to reach them: administrators only.
    UrlCase("portal:outbox", expect(allowed=[Role.ADMINISTRATOR.value])),
]
