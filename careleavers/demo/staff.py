"""The demo council's staff: one named sign-in per role, then teams of workers."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group
from faker import Faker

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role

DEMO_PASSWORD = "Demo-care-leavers-2026"  # noqa: S105 - printed for the laptop demo only
DEMO_EMAIL_DOMAIN = "demo.council.example"
TEAM_NAMES = ("North team", "South team", "East team", "Separated migrants team")


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: Role
    team_index: int | None


# One sign-in for each role, so a visitor can see the service as each person does.
DEMO_LOGINS = (
    DemoLogin(f"pa@{DEMO_EMAIL_DOMAIN}", Role.PERSONAL_ADVISER, 0),
    DemoLogin(f"sw@{DEMO_EMAIL_DOMAIN}", Role.SOCIAL_WORKER, 0),
    DemoLogin(f"manager@{DEMO_EMAIL_DOMAIN}", Role.TEAM_MANAGER, 0),
    DemoLogin(f"head@{DEMO_EMAIL_DOMAIN}", Role.HEAD_OF_SERVICE, None),
    DemoLogin(f"duty@{DEMO_EMAIL_DOMAIN}", Role.DUTY_WORKER, 1),
    DemoLogin(f"auditor@{DEMO_EMAIL_DOMAIN}", Role.AUDITOR, None),
    DemoLogin(f"analyst@{DEMO_EMAIL_DOMAIN}", Role.PERFORMANCE_ANALYST, None),
    DemoLogin(f"admin@{DEMO_EMAIL_DOMAIN}", Role.ADMINISTRATOR, None),
    DemoLogin(f"inspector@{DEMO_EMAIL_DOMAIN}", Role.INSPECTOR, None),
)


def _make_user(
    *, email: str, role: Role, team: Team | None, fake: Faker, groups: dict[str, Group]
) -> User:
    user = User.objects.create_user(
        email,
        DEMO_PASSWORD,
        first_name=fake.first_name(),
        last_name=fake.last_name(),
        job_title=role.label,
        team=team,
        is_staff=role == Role.ADMINISTRATOR,
        is_superuser=role == Role.ADMINISTRATOR,
    )
    user.groups.add(groups[role])
    return user


def seed_staff(*, fake: Faker, personal_advisers: int, social_workers: int) -> list[Team]:
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    teams = [Team.objects.create(name=name) for name in TEAM_NAMES]
    for login in DEMO_LOGINS:
        team = teams[login.team_index] if login.team_index is not None else None
        user = _make_user(email=login.email, role=login.role, team=team, fake=fake, groups=groups)
        if login.role == Role.TEAM_MANAGER:
            teams[0].manager = user
            teams[0].save(update_fields=["manager"])
    for index, team in enumerate(teams[1:], start=1):
        manager = _make_user(
            email=f"manager{index}@{DEMO_EMAIL_DOMAIN}",
            role=Role.TEAM_MANAGER,
            team=team,
            fake=fake,
            groups=groups,
        )
        team.manager = manager
        team.save(update_fields=["manager"])
    for number in range(1, personal_advisers):
        _make_user(
            email=f"pa{number}@{DEMO_EMAIL_DOMAIN}",
            role=Role.PERSONAL_ADVISER,
            team=teams[number % len(teams)],
            fake=fake,
            groups=groups,
        )
    for number in range(1, social_workers):
        _make_user(
            email=f"sw{number}@{DEMO_EMAIL_DOMAIN}",
            role=Role.SOCIAL_WORKER,
            team=teams[number % (len(teams) - 1)],
            fake=fake,
            groups=groups,
        )
    return teams
