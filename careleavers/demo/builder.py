"""Build the deterministic demo council. Later capabilities add their own parts here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from faker import Faker

from careleavers.demo.staff import seed_staff


@dataclass(frozen=True)
class DemoSize:
    young_people: int = 700
    personal_advisers: int = 30
    social_workers: int = 10


@transaction.atomic
def build_demo(*, seed: int, size: DemoSize, today: datetime.date) -> dict[str, int]:
    """Create the demo council's data. The same seed and date always give the same data."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    teams = seed_staff(
        fake=fake, personal_advisers=size.personal_advisers, social_workers=size.social_workers
    )
    return {"teams": len(teams)}
