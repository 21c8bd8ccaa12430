"""A young person with an account, their personal adviser and their team, for the portal's
tests."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.models import DutyPolicy
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.tests.audit_log import view_logged
from careleavers.core.tests.clients import signed_in
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal.tests.factories import PortalAccountFactory

# Out of office hours, and in them.
SATURDAY_THREE = datetime.datetime(2026, 12, 12, 3, 0, tzinfo=ZoneInfo("Europe/London"))
MONDAY_TEN = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def people(db: None) -> SimpleNamespace:
    """A team with a manager, a personal adviser with a phone, a duty worker, and a young
    person with an account whose adviser that is."""
    team = TeamFactory(duty_phone="01274 111 222")
    # Fixed names: a made-up one could contain the young person's, which tests look for.
    manager = team_manager_of(team, first_name="Morgan", last_name="Ellis")
    adviser = UserFactory(
        roles=[Role.PERSONAL_ADVISER], team=team, phone="07700 900 123", first_name="Priya"
    )
    duty = UserFactory(roles=[Role.DUTY_WORKER])
    young_person = YoungPersonFactory(
        team=team, category="former_relevant", first_name="Jade", last_name="Okafor"
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    account = PortalAccountFactory(young_person=young_person)
    return SimpleNamespace(
        team=team,
        manager=manager,
        user=account.user,
        adviser=adviser,
        young_person=account.young_person,
        duty=duty,
        account=account,
    )


@pytest.fixture
def yp_client(people: SimpleNamespace) -> Client:
    return signed_in(people.user)


@pytest.fixture
def out_of_hours(db: None) -> DutyPolicy:
    """The out-of-hours service's mobile and email, for when nobody is on the duty rota."""
    policy = DutyPolicy.current()
    policy.out_of_hours_mobile = "07700900999"
    policy.out_of_hours_email = "edt@council.example"
    policy.save()
    return policy


def viewed(people: SimpleNamespace, page: str) -> bool:
    """Whether the young person's view of `page` is in the audit log."""
    return view_logged(people.young_person, page, by=people.user)
