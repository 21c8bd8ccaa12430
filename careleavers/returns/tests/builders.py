"""A small care-leaver cohort for collection year 2026, built with the people and casework
factories, and sources of activity and accommodation registered as plain values."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.utils import timezone

from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import Allocation, Contact, WorkerRole
from careleavers.core.dates import birthday
from careleavers.people.models import YoungPerson
from careleavers.people.services import category_refresh
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory
from careleavers.returns import outcomes
from careleavers.returns.postcodes import bradford_postcodes
from careleavers.returns.ssda903 import AccommodationSpell, ActivitySpell

YEAR = 2026
TODAY = datetime.date(2026, 11, 24)


@dataclass
class Cohort:
    members: dict[str, YoungPerson] = field(default_factory=dict)
    others: dict[str, YoungPerson] = field(default_factory=dict)
    activities: dict[int, list[ActivitySpell]] = field(default_factory=dict)
    accommodations: dict[int, list[AccommodationSpell]] = field(default_factory=dict)
    adviser: Any = None


def home_visit(person: YoungPerson, worker: Any, day: datetime.date, *, made: bool = True) -> None:
    """A home visit at 11:00 on the day, in which the young person was seen (unless not made)."""
    Contact.objects.create(
        young_person=person,
        worker=worker,
        occurred_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(11))),
        method="home_visit",
        made_contact=made,
        seen=made,
    )


def build_cohort(monkeypatch: Any) -> Cohort:
    """Young people in and out of the 2026 OC3 cohort, with recorded contact, activity and
    accommodation for those in touch, and the sources registered for this test only."""
    cohort = Cohort()
    adviser = UserFactory(roles=["personal_adviser"], first_name="Pat", last_name="Adviser")
    cohort.adviser = adviser
    postcodes = bradford_postcodes()

    def person(child_id: str, born: datetime.date, **fields: Any) -> YoungPerson:
        return YoungPersonFactory(child_id=child_id, date_of_birth=born, **fields)

    def left_care(
        young_person: YoungPerson, age_from: int, left: datetime.date, rec: str = "E17"
    ) -> None:
        CareEpisodeFactory(
            young_person=young_person,
            start=birthday(young_person.date_of_birth, age_from),
            end=left,
            reason_ended=rec,
            placement_type="U4",
            placement_provider="PR1",
            home_postcode=postcodes[0],
            placement_postcode=postcodes[1],
        )

    def in_touch(
        young_person: YoungPerson,
        visited: datetime.date,
        activity: ActivitySpell,
        accommodation: AccommodationSpell,
    ) -> None:
        """A member of the cohort seen at home on `visited`, with one activity and one
        accommodation spell from the registered sources."""
        home_visit(young_person, adviser, visited)
        cohort.activities[young_person.pk] = [activity]
        cohort.accommodations[young_person.pk] = [accommodation]
        cohort.members[young_person.child_id] = young_person

    # Aged 19 in the year: in touch, F2 and U1 recorded.
    nineteen = person(
        "CL19",
        datetime.date(2006, 8, 10),
        sex="M",
        ethnicity="BAFR",
        is_separated_migrant=True,
        has_disability="yes",
        disability="Dyslexia",
    )
    left_care(nineteen, 15, birthday(nineteen.date_of_birth, 18))
    in_touch(
        nineteen,
        datetime.date(2025, 7, 20),
        ActivitySpell(datetime.date(2024, 9, 1), None, "F2"),
        AccommodationSpell(datetime.date(2024, 8, 10), None, "U", True),
    )

    # Aged 21: only a failed attempt, nothing recorded: NO, 0, 0.
    twenty_one = person("CL21", datetime.date(2004, 12, 1), sex="F")
    left_care(twenty_one, 14, birthday(twenty_one.date_of_birth, 18))
    home_visit(twenty_one, adviser, datetime.date(2025, 11, 20), made=False)
    cohort.members["CL21"] = twenty_one

    # Aged 17, left care at 16 and a half during the year: episodes in the year too.
    seventeen = person(
        "CL17", datetime.date(2008, 10, 1), sex="F", ethnicity="WBRI", upn="A123456789012"
    )
    left_care(seventeen, 15, datetime.date(2025, 4, 15), rec="E6")
    in_touch(
        seventeen,
        datetime.date(2025, 9, 15),
        ActivitySpell(datetime.date(2025, 4, 15), None, "G5"),
        AccommodationSpell(datetime.date(2025, 4, 15), None, "D", True),
    )

    # Aged 23 and in touch in the year: taken at the latest contact.
    twenty_three = person("CL23", datetime.date(2002, 6, 5), sex="M")
    left_care(twenty_three, 15, birthday(twenty_three.date_of_birth, 18))
    in_touch(
        twenty_three,
        datetime.date(2026, 1, 12),
        ActivitySpell(datetime.date(2023, 1, 1), None, "F5"),
        AccommodationSpell(datetime.date(2021, 1, 1), None, "U", True),
    )

    # Not in the cohort: 18 and left care on the 18th birthday (rule 1016), 24 and not in
    # touch, 16, and a young person looked after only for a few weeks at 17.
    eighteen = person("NO18", datetime.date(2007, 9, 1))
    left_care(eighteen, 15, birthday(eighteen.date_of_birth, 18))
    cohort.others["NO18"] = eighteen
    twenty_four = person("NO24", datetime.date(2001, 5, 1))
    left_care(twenty_four, 15, birthday(twenty_four.date_of_birth, 18))
    cohort.others["NO24"] = twenty_four
    sixteen = person("NO16", datetime.date(2009, 6, 1))
    left_care(sixteen, 14, datetime.date(2025, 7, 1), rec="E13")
    cohort.others["NO16"] = sixteen
    brief = person("NOBRIEF", datetime.date(2006, 2, 1))
    CareEpisodeFactory(
        young_person=brief,
        start=datetime.date(2023, 3, 1),
        end=datetime.date(2023, 3, 20),
        reason_ended="E13",
    )
    cohort.others["NOBRIEF"] = brief

    for young_person in [*cohort.members.values(), *cohort.others.values()]:
        category_refresh(young_person=young_person, today=TODAY)
        young_person.refresh_from_db()
        Allocation.objects.create(
            young_person=young_person,
            worker=adviser,
            role=WorkerRole.PERSONAL_ADVISER,
            start=datetime.date(2024, 1, 1),
            reason="FIRST",
        )

    # The cohort's activity and accommodation spells, as well as anything recorded. Given
    # whole even when only those during some days are asked for: the values for those days
    # pass over the others, so the answer is the same.
    recorded_activities, recorded_stays = (
        outcomes._learning_activities,
        outcomes._accommodation_stays,
    )
    monkeypatch.setattr(
        outcomes,
        "_learning_activities",
        lambda ids, during=None: outcomes._gather(
            [partial(recorded_activities, during=during), lambda _ids: cohort.activities], ids
        ),
    )
    monkeypatch.setattr(
        outcomes,
        "_accommodation_stays",
        lambda ids, during=None: outcomes._gather(
            [partial(recorded_stays, during=during), lambda _ids: cohort.accommodations], ids
        ),
    )
    return cohort
