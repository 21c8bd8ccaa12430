"""The demo council's staff: one named sign-in per role, then teams of workers.

Staff are written with ``bulk_create`` and share one password hash, because hashing the demo
password once per account (PBKDF2) would take most of the time the whole demo is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from faker import Faker

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role

DEMO_PASSWORD = "Demo-care-leavers-2026"  # noqa: S105 - printed for the laptop demo only
DEMO_EMAIL_DOMAIN = "demo.council.example"
TEAM_NAMES = ("North team", "South team", "East team", "Separated migrants team")
MIGRANTS_TEAM_INDEX = 3
# Further area teams, used only when a large demo needs more than four teams.
EXTRA_AREA_NAMES = (
    "West",
    "Keighley",
    "Shipley",
    "Bingley",
    "Ilkley",
    "Queensbury",
    "Thornton",
    "Idle",
    "Eccleshill",
    "Wibsey",
    "Manningham",
    "Heaton",
    "Allerton",
    "Baildon",
    "Silsden",
    "Wyke",
)
# About one young person in ten is a separated migrant child (the brief for the demo), so the
# separated migrants teams get that share of the workers.
MIGRANT_SHARE = 0.1
# Roughly one worker in four has left the service at some time in the demo's history; they
# appear only in allocation history, as the workers whose leaving caused a change.
LEAVERS_PER_WORKER = 0.25


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
DEMO_PA_EMAIL = DEMO_LOGINS[0].email
DEMO_DUTY_EMAIL = DEMO_LOGINS[4].email


@dataclass
class DemoTeam:
    """A team and the ids of its people, for allocating young people without queries."""

    team: Team
    is_migrants_team: bool
    manager_id: int = 0
    personal_advisers: list[int] = field(default_factory=list)
    social_workers: list[int] = field(default_factory=list)
    former_personal_advisers: list[int] = field(default_factory=list)
    former_social_workers: list[int] = field(default_factory=list)


@dataclass
class DemoStaff:
    teams: list[DemoTeam]
    duty_worker_id: int
    demo_pa_id: int

    @property
    def migrants_teams(self) -> list[DemoTeam]:
        return [team for team in self.teams if team.is_migrants_team]

    @property
    def area_teams(self) -> list[DemoTeam]:
        return [team for team in self.teams if not team.is_migrants_team]


def team_count_for(personal_advisers: int) -> int:
    """Four teams for the Bradford-sized demo; larger demos keep teams of about 8 advisers."""
    return max(len(TEAM_NAMES), round(personal_advisers / 7.5))


def _team_names(count: int) -> list[tuple[str, bool]]:
    names = [(name, index == MIGRANTS_TEAM_INDEX) for index, name in enumerate(TEAM_NAMES)]
    area_number = 0
    migrants_number = 1
    for index in range(len(TEAM_NAMES), count):
        # One team in ten is a further separated migrants team, keeping their share of workers.
        if index % 10 == MIGRANTS_TEAM_INDEX:
            migrants_number += 1
            names.append((f"Separated migrants team {migrants_number}", True))
            continue
        if area_number < len(EXTRA_AREA_NAMES):
            name = f"{EXTRA_AREA_NAMES[area_number]} team"
        else:
            name = f"Area {area_number + 1} team"
        area_number += 1
        names.append((name, False))
    return names


def _share_out(total: int, weights: list[float], minimum: int = 1) -> list[int]:
    """Split ``total`` by ``weights`` (largest remainder), giving each at least ``minimum``."""
    count = len(weights)
    base = [minimum] * count
    left = max(0, total - minimum * count)
    scale = sum(weights)
    exact = [left * weight / scale for weight in weights]
    shares = [int(value) for value in exact]
    order = sorted(range(count), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: left - sum(shares)]:
        shares[i] += 1
    return [b + s for b, s in zip(base, shares, strict=True)]


def _team_weights(names: list[tuple[str, bool]]) -> list[float]:
    migrants = sum(1 for _, is_migrants in names if is_migrants)
    areas = len(names) - migrants
    return [
        MIGRANT_SHARE / migrants if is_migrants else (1 - MIGRANT_SHARE) / areas
        for _, is_migrants in names
    ]


def seed_staff(*, fake: Faker, personal_advisers: int, social_workers: int) -> DemoStaff:
    """Create the teams, the demo sign-ins, the workers and some former workers.

    ``personal_advisers`` and ``social_workers`` include the demo sign-ins for those roles.
    """
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    # Missing groups would only mean the platform's migration did not run; fail loudly.
    missing = sorted(set(Role.values) - set(groups))
    if missing:
        raise RuntimeError(f"Role groups are missing: {', '.join(missing)}. Run migrate first.")
    password = make_password(DEMO_PASSWORD)

    names = _team_names(team_count_for(personal_advisers))
    Team.objects.bulk_create([Team(name=name) for name, _ in names])
    by_name = {team.name: team for team in Team.objects.filter(name__in=[n for n, _ in names])}
    teams = [DemoTeam(team=by_name[name], is_migrants_team=flag) for name, flag in names]
    weights = _team_weights(names)

    users: list[tuple[User, Role, DemoTeam | None]] = []

    def add(email: str, role: Role, team: DemoTeam | None, *, active: bool = True) -> None:
        user = User(
            email=email,
            password=password,
            first_name=fake.first_name(),
            last_name=fake.last_name(),
            job_title=role.label,
            team=team.team if team is not None else None,
            is_staff=role == Role.ADMINISTRATOR,
            is_active=active,
        )
        users.append((user, role, team))

    for login in DEMO_LOGINS:
        team = teams[login.team_index] if login.team_index is not None else None
        add(login.email, login.role, team)
    for index, team in enumerate(teams[1:], start=1):
        add(f"manager{index}@{DEMO_EMAIL_DOMAIN}", Role.TEAM_MANAGER, team)

    # Each team's workers in proportion to the young people it serves; the demo sign-ins for a
    # personal adviser and a social worker are already in the first team.
    for role, total, prefix in (
        (Role.PERSONAL_ADVISER, personal_advisers, "pa"),
        (Role.SOCIAL_WORKER, social_workers, "sw"),
    ):
        shares = _share_out(max(total, len(teams) + 1), weights)
        shares[0] -= 1  # the demo sign-in
        number = 0
        for team, share in zip(teams, shares, strict=True):
            for _ in range(share):
                number += 1
                add(f"{prefix}{number}@{DEMO_EMAIL_DOMAIN}", role, team)
        former = 0
        for team, share in zip(teams, shares, strict=True):
            for _ in range(max(1, round((share + (team is teams[0])) * LEAVERS_PER_WORKER))):
                former += 1
                add(f"former.{prefix}{former}@{DEMO_EMAIL_DOMAIN}", role, team, active=False)

    User.objects.bulk_create([user for user, _, _ in users], batch_size=2000)
    memberships = [
        User.groups.through(user_id=user.pk, group_id=groups[role].pk) for user, role, _ in users
    ]
    User.groups.through.objects.bulk_create(memberships, batch_size=2000)

    duty_worker_id = demo_pa_id = 0
    for user, role, team in users:
        if user.email == DEMO_DUTY_EMAIL:
            duty_worker_id = user.pk
        if user.email == DEMO_PA_EMAIL:
            demo_pa_id = user.pk
        if team is None:
            continue
        if role == Role.TEAM_MANAGER:
            team.manager_id = user.pk
            team.team.manager_id = user.pk
        elif role == Role.PERSONAL_ADVISER:
            (team.personal_advisers if user.is_active else team.former_personal_advisers).append(
                user.pk
            )
        elif role == Role.SOCIAL_WORKER:
            (team.social_workers if user.is_active else team.former_social_workers).append(user.pk)
    Team.objects.bulk_update([team.team for team in teams], ["manager"], batch_size=2000)
    return DemoStaff(teams=teams, duty_worker_id=duty_worker_id, demo_pa_id=demo_pa_id)
