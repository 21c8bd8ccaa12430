"""Factories for young people's accounts, invitations and requests."""

from __future__ import annotations

from typing import Any

import factory
from factory.django import DjangoModelFactory

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.people.tests.factories import YoungPersonFactory, YoungPersonRecordFactory
from careleavers.portal import services
from careleavers.portal.models import (
    Invitation,
    PortalAccount,
    RequestKind,
    YoungPersonRequest,
)


class PortalAccountFactory(DjangoModelFactory):
    """A young person's account: a user with the young person role, linked to their record."""

    class Meta:
        model = PortalAccount

    user = factory.SubFactory(UserFactory, roles=[Role.YOUNG_PERSON])
    young_person = factory.SubFactory(YoungPersonFactory, category="former_relevant")


class YoungPersonRequestFactory(YoungPersonRecordFactory):
    class Meta:
        model = YoungPersonRequest

    kind = RequestKind.OFFER_ITEM
    text = factory.Sequence(lambda n: f"Please can I have a leisure pass for the gym ({n})")
    about_key = "leisure_pass"
    about_label = "Free leisure centre pass"


def InvitationFactory(  # noqa: N802 - used like the other factories
    *,
    young_person: Any = None,
    created_by: Any = None,
    method: str = "email",
    sent_to: str = "young.person@example.com",
) -> Invitation:
    """An invitation made through the service, so its token (on `.token`) really works."""
    young_person = young_person or YoungPersonFactory(category="former_relevant")
    created_by = created_by or UserFactory(roles=[Role.PERSONAL_ADVISER], team=young_person.team)
    return services.invitation_send(
        acting_user=created_by,
        young_person=young_person,
        method=method,
        sent_to=sent_to,
        link_base="http://testserver",
    )
