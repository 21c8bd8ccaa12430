"""Access to young people's records, by role (see core/tests/test_url_access.py).

The world has one young person in the test team and a restricted one whose record names only
the personal adviser: every other role, manager and head of service included, is refused it.
"""

from __future__ import annotations

from types import SimpleNamespace

from careleavers.accounts.roles import Role
from careleavers.core.access import UrlCase, expect
from careleavers.core.dates import birthday
from careleavers.people.tests.factories import (
    AboutMeFactory,
    CareEpisodeFactory,
    YoungPersonFactory,
)

# Everyone who works cases or oversees them; not administrators, not young people.
READERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
    Role.AUDITOR,
    Role.PERFORMANCE_ANALYST,
    Role.INSPECTOR,
]
WRITERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
]
MANAGERS = [Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE]
NAMED_ONLY = [Role.PERSONAL_ADVISER]


def extend_world(world: SimpleNamespace) -> None:
    world.young_person = YoungPersonFactory(team=world.team)
    world.care_episode = CareEpisodeFactory(young_person=world.young_person)
    # Care that ended on the 16th birthday: the category engine asks a worker to decide.
    world.arguable_young_person = YoungPersonFactory(team=world.team)
    CareEpisodeFactory(
        young_person=world.arguable_young_person,
        end=birthday(world.arguable_young_person.date_of_birth, 16),
    )
    world.about_me = AboutMeFactory(
        young_person=world.young_person, written_by=world.users[Role.PERSONAL_ADVISER]
    )
    world.restricted_young_person = YoungPersonFactory(
        team=world.team,
        is_restricted=True,
        restriction_reason="A member of staff is related to them.",
        restricted_to=[world.users[Role.PERSONAL_ADVISER]],
    )
    AboutMeFactory(
        young_person=world.restricted_young_person,
        written_by=world.users[Role.PERSONAL_ADVISER],
    )


def _record(world: SimpleNamespace) -> dict[str, int]:
    return {"pk": world.young_person.pk}


def _restricted(world: SimpleNamespace) -> dict[str, int]:
    return {"pk": world.restricted_young_person.pk}


def _section(section: str):  # type: ignore[no-untyped-def]
    return lambda world: {"pk": world.young_person.pk, "section": section}


CASES = [
    UrlCase("people:search", expect(allowed=READERS)),
    UrlCase("people:add", expect(allowed=WRITERS)),
    UrlCase(
        "people:edit_details",
        expect(team_record=True, allowed=WRITERS),
        kwargs=_section("identity"),
    ),
    UrlCase("people:overview", expect(team_record=True, allowed=READERS), kwargs=_record),
    UrlCase("people:chronology", expect(team_record=True, allowed=READERS), kwargs=_record),
    UrlCase("people:details", expect(team_record=True, allowed=READERS), kwargs=_record),
    UrlCase("people:previous_name_add", expect(team_record=True, allowed=WRITERS), kwargs=_record),
    UrlCase("people:restriction", expect(team_record=True, allowed=MANAGERS), kwargs=_record),
    UrlCase("people:care_history", expect(team_record=True, allowed=READERS), kwargs=_record),
    UrlCase("people:episode_add", expect(team_record=True, allowed=WRITERS), kwargs=_record),
    UrlCase(
        "people:episode_edit",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {"pk": world.young_person.pk, "episode_pk": world.care_episode.pk},
    ),
    UrlCase("people:home_period_add", expect(team_record=True, allowed=WRITERS), kwargs=_record),
    UrlCase(
        "people:accommodated_period_add", expect(team_record=True, allowed=WRITERS), kwargs=_record
    ),
    UrlCase(
        "people:support_choice_add", expect(team_record=True, allowed=WRITERS), kwargs=_record
    ),
    UrlCase(
        "people:category_question",
        expect(team_record=True, allowed=WRITERS),
        kwargs=lambda world: {
            "pk": world.arguable_young_person.pk,
            "question": "care_ended_on_16th_birthday",
        },
    ),
    UrlCase("people:about_me", expect(team_record=True, allowed=NAMED_ONLY), kwargs=_restricted),
    UrlCase("people:about_me_edit", expect(team_record=True, allowed=WRITERS), kwargs=_record),
    UrlCase(
        "people:about_me_agree", expect(team_record=True, allowed=NAMED_ONLY), kwargs=_restricted
    ),
]
