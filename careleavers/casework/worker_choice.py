"""The short lists casework forms offer when a worker is chosen (core/forms/short_list.py).

A council has thousands of staff; a worker recording a contact almost always chooses
themselves, the young person's own workers, who is on duty or someone in their team. Those are
offered, in that order; anyone else the form allows is found by name.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from careleavers.casework.models import Allocation, DutyRotaEntry
from careleavers.core.forms.short_list import Group, every_word_in

# Who has been on the duty rota lately, or will be soon: those a rota manager most often picks.
ROTA_RECENTLY = datetime.timedelta(days=28)


# Anyone else the form allows is found by name.
name_matches = every_word_in("first_name", "last_name")


def you(user: Any) -> Group:
    return Group("You", where=Q(pk=user.pk))


def their_workers(young_person: Any) -> Group:
    current = Allocation.objects.filter(young_person=young_person, end__isnull=True)
    return Group("Their workers", keys=current.values_list("worker_id"))


def on_duty_today() -> Group:
    today = DutyRotaEntry.objects.filter(on=timezone.localdate())
    return Group("On duty today", keys=today.values_list("worker_id"))


def on_the_rota_lately() -> Group:
    today = timezone.localdate()
    lately = DutyRotaEntry.objects.filter(
        on__gte=today - ROTA_RECENTLY, on__lte=today + ROTA_RECENTLY
    )
    return Group("On the rota in the last or next 4 weeks", keys=lately.values_list("worker_id"))


def team(label: str, team_id: int | None) -> list[Group]:
    """A team's staff: no group for someone with no team (a head of service, say)."""
    return [Group(label, where=Q(team_id=team_id))] if team_id else []


def about_a_young_person(user: Any, young_person: Any) -> list[Group]:
    """Who did or will do something with a young person, as the worker filling in the form
    most often chooses: themselves, the young person's workers, the duty worker, their team."""
    return [
        you(user),
        their_workers(young_person),
        on_duty_today(),
        *team("Your team", user.team_id),
    ]
