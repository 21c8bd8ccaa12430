"""Telling the manager about a young person's accommodation: who is told (their team manager, or
with none every head of service), the page the alert opens, and the alert itself."""

from __future__ import annotations

from django.urls import reverse

from careleavers.casework.services import notify_on_commit
from careleavers.people.models import YoungPerson


def manager_ids_for(young_person: YoungPerson) -> list[int]:
    """Who to tell about a young person's accommodation: their team's manager, or, with no team
    manager, every head of service (someone must always hear)."""
    from careleavers.accounts.models import User
    from careleavers.accounts.roles import Role

    team = young_person.team
    if team is not None and team.manager_id is not None:
        return [team.manager_id]
    return list(
        User.objects.filter(is_active=True, groups__name=Role.HEAD_OF_SERVICE)
        .values_list("pk", flat=True)
        .distinct()
    )


def history_url(young_person: YoungPerson) -> str:
    return reverse("accommodation:history", kwargs={"pk": young_person.pk})


def tell_manager_on_commit(
    young_person: YoungPerson, *, kind: str, message: str, urgent: bool
) -> None:
    """Put `message` in the work tray of whoever is told about the young person's accommodation,
    linking to their accommodation history, once the change is committed."""
    notify_on_commit(
        recipient_ids=manager_ids_for(young_person),
        young_person_id=young_person.pk,
        kind=kind,
        message=message,
        link=history_url(young_person),
        urgent=urgent,
    )
