"""Print the load test's accounts as JSON: 90 personal advisers with caseloads and 10 team
managers from the benchmark database, the demo password, and surnames to search for."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from careleavers.accounts.models import Team, User  # noqa: E402
from careleavers.accounts.roles import Role  # noqa: E402
from careleavers.casework.models import Allocation  # noqa: E402
from careleavers.demo.staff import DEMO_PASSWORD  # noqa: E402
from careleavers.people.models import YoungPerson  # noqa: E402


def main() -> None:
    advisers = []
    for worker in User.objects.filter(groups__name=Role.PERSONAL_ADVISER, is_active=True).order_by(
        "pk"
    )[:300]:
        people = list(
            Allocation.objects.filter(worker=worker, end=None)
            .order_by("young_person_id")
            .values_list("young_person_id", flat=True)[:40]
        )
        if people:
            advisers.append({"email": worker.email, "id": worker.pk, "young_people": people})
        if len(advisers) == 90:
            break
    managers = []
    for team in Team.objects.filter(manager__isnull=False).select_related("manager")[:10]:
        people = list(
            YoungPerson.objects.filter(team=team, is_restricted=False).values_list(
                "pk", flat=True
            )[:40]
        )
        managers.append({"email": team.manager.email, "team": team.pk, "young_people": people})
    names = list(YoungPerson.objects.order_by("?").values_list("last_name", flat=True)[:50])
    print(
        json.dumps(
            {
                "password": DEMO_PASSWORD,
                "advisers": advisers,
                "managers": managers,
                "names": names,
            }
        )
    )


if __name__ == "__main__":
    main()
