"""Access to young people's records, by role (see core/tests/test_url_access.py).

The world has one young person in the test team and a restricted one whose record names only
the personal adviser: every other role, manager and head of service included, is refused it.
"""

from __future__ import annotations

from types import SimpleNamespace

from careleavers.accounts.roles import Role
from careleavers.core.access import UrlCase, expect
from careleavers.core.dates import birthday
from careleavers.core.tests.record_access import RECORD_WRITERS, record_change, record_read
from careleavers.core.tests.roles import MANAGERS, RECORD_READERS
from careleavers.people.tests.factories import (
    AboutMeFactory,
    CareEpisodeFactory,
    YoungPersonFactory,
)

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
    UrlCase("people:search", expect(allowed=RECORD_READERS)),
    UrlCase("people:add", expect(allowed=RECORD_WRITERS)),
    record_change("people:edit_details", _section("identity")),
    record_read("people:overview", _record),
    record_read("people:chronology", _record),
    record_read("people:details", _record),
    record_change("people:previous_name_add", _record),
    UrlCase("people:restriction", expect(team_record=True, allowed=MANAGERS), kwargs=_record),
    record_read("people:care_history", _record),
    record_change("people:episode_add", _record),
    record_change(
        "people:episode_edit",
        lambda world: {"pk": world.young_person.pk, "episode_pk": world.care_episode.pk},
    ),
    record_change("people:home_period_add", _record),
    record_change("people:accommodated_period_add", _record),
    record_change("people:support_choice_add", _record),
    record_change(
        "people:category_question",
        lambda world: {
            "pk": world.arguable_young_person.pk,
            "question": "care_ended_on_16th_birthday",
        },
    ),
    UrlCase("people:about_me", expect(team_record=True, allowed=NAMED_ONLY), kwargs=_restricted),
    record_change("people:about_me_edit", _record),
    UrlCase(
        "people:about_me_agree", expect(team_record=True, allowed=NAMED_ONLY), kwargs=_restricted
    ),
]
