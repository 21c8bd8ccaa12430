"""Factories for users and teams. Staff get an authenticator app, as every staff account must."""

from __future__ import annotations

from typing import Any

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import STAFF_ROLES, Role

TEST_PASSWORD = "correct-horse-battery-staple"  # noqa: S105
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now for this secret; near the end of a 30-second
    window it waits for the next one, as a person would, so the code is still good when used."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    left_in_window = 30 - time.time() % 30
    if left_in_window < 3:
        time.sleep(left_in_window + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@test.council.example")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if not create or not extracted:
            return
        # get_or_create rather than filter: transactional (browser) tests flush the groups that
        # the data migration made.
        self.groups.add(*(Group.objects.get_or_create(name=str(name))[0] for name in extracted))
        self.__dict__.pop("role_names", None)
        if Role.ADMINISTRATOR in extracted:
            # Administrators also use the Django admin for reference data. They are never
            # superusers: a superuser passes every permission check, case records included.
            self.is_staff = True
            self.save(update_fields=["is_staff"])

    @factory.post_generation
    def totp_secret(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        # Staff accounts must have an authenticator; give them one unless a test opts out by
        # passing totp_secret="" (to test the set-up journey).
        if not create or extracted == "":
            return
        if self.role_names & STAFF_ROLES:
            TOTP.activate(self, extracted or generate_totp_secret())


def team_manager_of(team: Team, **fields: Any) -> User:
    """A team manager in `team`, recorded as the team's manager."""
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team, **fields)
    team.manager = manager
    team.save()
    return manager
