"""Ofsted areas 3 and 9: the local offer explained to a young person (recorded, shown, counted:
young people did not know what they were entitled to), and the time workers spend on groups."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY
from careleavers.insight.allocations import staff_users
from careleavers.insight.indicators import Scope, indicator
from careleavers.offer import services
from careleavers.offer.models import OfferExplained
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _explained(adviser: Any, young_person: Any, days_ago: int, understood: str, notes: str = ""):
    return services.offer_explained_record(
        acting_user=adviser,
        young_person=young_person,
        explained_on=TODAY - datetime.timedelta(days=days_ago),
        how="in_person",
        understood=understood,
        notes=notes,
    )


def test_explaining_the_offer_is_recorded_and_audited(make_user, team) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    young_person = YoungPersonFactory(team=team, category="former_relevant")

    explained = _explained(adviser, young_person, 0, "yes")

    assert explained.created_by == adviser
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, young_person_id=young_person.pk
    ).exists()


def test_not_understood_needs_a_note_of_what_to_go_over(make_user, team) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    young_person = YoungPersonFactory(team=team, category="former_relevant")
    with pytest.raises(ValidationError) as refused:
        _explained(adviser, young_person, 0, "partly")
    assert refused.value.message_dict == {"notes": ["Say what needs explaining again"]}
    assert not OfferExplained.objects.exists()


def test_the_indicator_counts_the_latest_explanation_in_the_last_12_months(
    make_user, team
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    understood = YoungPersonFactory(team=team, category="former_relevant")
    then_confused = YoungPersonFactory(team=team, category="former_relevant")
    long_ago = YoungPersonFactory(team=team, category="former_relevant")
    never = YoungPersonFactory(team=team, category="former_relevant")
    _explained(adviser, understood, 30, "yes")
    _explained(adviser, then_confused, 60, "yes")
    _explained(adviser, then_confused, 10, "partly", notes="The bursary")
    _explained(adviser, long_ago, 400, "yes")
    scope = Scope(on=TODAY, young_people=YoungPerson.objects.live(), staff=staff_users())

    item = indicator("offer_explained")
    figure = item.compute(scope)

    assert {row.pk for row in item.members(scope)} == {understood.pk}
    assert (figure.numerator, figure.denominator) == (1, 4)
    assert never.pk not in {row.pk for row in item.members(scope)}


def test_the_worker_records_it_from_the_local_offer_page(client_for, make_user, team) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    young_person = YoungPersonFactory(team=team, category="former_relevant")
    client = client_for(user=adviser)
    statement = reverse("offer:statement", kwargs={"pk": young_person.pk})
    page = client.get(statement).content.decode()
    assert "Nobody has recorded explaining the local offer to them yet." in page
    add = reverse("offer:offer_explained_add", kwargs={"pk": young_person.pk})
    assert add in page

    response = client.post(
        add,
        {
            "explained_on-day": TODAY.day,
            "explained_on-month": TODAY.month,
            "explained_on-year": TODAY.year,
            "how": "phone",
            "understood": "yes",
            "notes": "",
        },
    )

    assert response.status_code == 302
    page = client.get(statement).content.decode()
    assert "on the phone" in page
    assert "Yes, they said they understood it." in page


def test_a_group_session_run_by_workers_needs_their_hours(make_user, team) -> None:
    # Who ran a session and for how long feeds each worker's caseload figures (workforce).
    from careleavers.offer.models import GroupActivity

    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    group = GroupActivity.objects.create(name="Cook and eat", area="health_and_wellbeing")
    with pytest.raises(ValidationError) as refused:
        services.group_session_create(
            acting_user=adviser, activity=group, held_on=TODAY, run_by=[adviser]
        )
    assert refused.value.message_dict == {"hours": ["Enter how many hours each of them spent"]}
