"""Build the deterministic demo council. Later capabilities add their own parts here.

The same seed and date always give the same data: every random choice comes from a generator
seeded from the demo seed (one per young person, so a young person does not depend on how many
others there are), Faker is seeded, and nothing depends on dict or set ordering.

Young people are planned and written in chunks of 2,000, each with one bulk write per table
(rows.py), so memory stays bounded and the default council loads in seconds; 100,000 young
people work too.
"""

from __future__ import annotations

import datetime
import gc
import math
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from faker import Faker

from careleavers.accounts.models import User
from careleavers.casework.models import DutyLogEntry
from careleavers.demo import (
    accommodation,
    insight,
    learning,
    offer,
    plans,
    portal,
    quality,
    transitions,
    workforce,
)
from careleavers.demo.casework import (
    Caseloads,
    apply_contact_due_inputs,
    contact_standard,
    general_duty_calls,
    plan_casework,
    save_casework,
)
from careleavers.demo.names import NamePools
from careleavers.demo.people import Identifiers, plan_person, save_people
from careleavers.demo.staff import seed_staff
from careleavers.people.category import Category

# Each capability seeds its own records for a chunk of young people. Order matters: offer reads
# the activity and accommodation the others have just written, and plans follow learning and
# transitions, so a plan says what the record says about their activity, home and health.
CAPABILITY_SEEDERS = (
    ("accommodation", accommodation.seed),
    ("learning", learning.seed),
    ("transitions", transitions.seed),
    ("plans", plans.seed),
    ("offer", offer.seed),
    ("quality", quality.seed),
    ("workforce", workforce.seed),
    ("portal", portal.seed),
    # Last: the monthly indicator history is computed from everything the others wrote.
    ("insight", insight.seed),
)

CHUNK_SIZE = 2000
BATCH_SIZE = 2000
# Bradford-sized: about 700 young people, 30 personal advisers and 10 social workers (about 23
# young people for each adviser, and 70 for each social worker, who work only with those under
# 18). Larger demos keep those ratios, so caseloads, work trays and team pages stay realistic at
# benchmark sizes: 100,000 young people get about 4,200 advisers and 1,400 social workers in
# teams of about 8 advisers.
YOUNG_PEOPLE_PER_ADVISER = 24
YOUNG_PEOPLE_PER_SOCIAL_WORKER = 70


@dataclass(frozen=True)
class DemoSize:
    young_people: int = 700
    personal_advisers: int = 30
    social_workers: int = 10

    @classmethod
    def for_young_people(cls, young_people: int) -> DemoSize:
        """A council of this many young people, with workers in proportion (never fewer than
        the Bradford-sized demo's)."""
        default = cls()
        return cls(
            young_people=young_people,
            personal_advisers=max(
                default.personal_advisers, math.ceil(young_people / YOUNG_PEOPLE_PER_ADVISER)
            ),
            social_workers=max(
                default.social_workers, math.ceil(young_people / YOUNG_PEOPLE_PER_SOCIAL_WORKER)
            ),
        )


def _capability_workers(staff: Any) -> list[User]:
    """The workers capability seeds record as authors: a team manager first (the offer seed
    records its first worker as the approver of payments), then the personal advisers."""
    manager_ids = [team.manager_id for team in staff.teams if team.manager_id]
    adviser_ids = [pk for team in staff.teams for pk in team.personal_advisers]
    users = User.objects.in_bulk(manager_ids[:1] + adviser_ids)
    return [users[pk] for pk in manager_ids[:1] + adviser_ids if pk in users]


@transaction.atomic
def build_demo(*, seed: int, size: DemoSize, today: datetime.date) -> dict[str, int]:
    """Create the demo council's data. The same seed and date always give the same data."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    staff = seed_staff(
        fake=fake, personal_advisers=size.personal_advisers, social_workers=size.social_workers
    )
    pools = NamePools.draw(fake, seed)
    identifiers = Identifiers()
    caseloads = Caseloads()
    standard = contact_standard()
    counts: Counter[str] = Counter()
    workers = _capability_workers(staff)
    for first in range(0, size.young_people, CHUNK_SIZE):
        people = [
            plan_person(
                index=index,
                seed=seed,
                today=today,
                pools=pools,
                staff=staff,
                identifiers=identifiers,
            )
            for index in range(first, min(first + CHUNK_SIZE, size.young_people))
        ]
        casework = [
            plan_casework(person, staff=staff, caseloads=caseloads, standard=standard, today=today)
            for person in people
        ]
        save_people(people, today=today, batch_size=BATCH_SIZE)
        save_casework(casework, today=today, batch_size=BATCH_SIZE)
        young_people = [person.young_person for person in people]
        for name, seed_capability in CAPABILITY_SEEDERS:
            counts.update(
                seed_capability(
                    rng=random.Random(f"{seed}-{name}-{first}"),
                    today=today,
                    young_people=young_people,
                    workers=workers,
                )
            )
        # After the capabilities, so council accommodation starts and review dates count.
        apply_contact_due_inputs(casework, today=today, standard=standard)
        for person in people:
            counts[person.young_person.category] += 1
        counts["contacts"] += sum(len(plan.contacts) for plan in casework)
        counts["visits_overdue"] += sum(
            1
            for person in people
            if person.young_person.next_contact_due is not None
            and person.young_person.next_contact_due < today
        )
        # Let this chunk's records go before planning the next, so memory stays flat.
        del people, casework
        gc.collect()
    DutyLogEntry.objects.bulk_create(
        general_duty_calls(seed=seed, staff=staff, today=today, young_people=size.young_people)
    )
    return {
        "teams": len(staff.teams),
        "personal_advisers": sum(len(team.personal_advisers) for team in staff.teams),
        "social_workers": sum(len(team.social_workers) for team in staff.teams),
        "young_people": size.young_people,
        # "none": looked after since 16 but not yet for the 13 weeks that make them eligible.
        **{
            (category.value if category is not Category.NONE else "not_yet_eligible"): counts[
                category.value
            ]
            for category in Category
        },
        "contacts": counts["contacts"],
        "visits_overdue": counts["visits_overdue"],
        **{
            name: value
            for name, value in sorted(counts.items())
            if name not in {"contacts", "visits_overdue"}
            and name not in Category._value2member_map_
        },
    }
