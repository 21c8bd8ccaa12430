"""Whether the local offer was explained and understood, in words for the overview and a case
audit: worked examples, and the words agree with the indicator for the same young person and
day."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import allocated_to
from careleavers.core.tests.clients import signed_in
from careleavers.insight.measures.offer import _offer_explained_and_understood
from careleavers.offer.explained import explained_words
from careleavers.offer.models import OfferExplained
from careleavers.offer.selectors import latest_offer_explained
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 5)
UNDERSTOOD = "They said they understood it."


def _explained(young_person: Any, on: datetime.date, understood: str, **fields: Any) -> Any:
    return OfferExplained.objects.create(
        young_person=young_person,
        explained_on=on,
        how=OfferExplained.How.IN_PERSON,
        understood=understood,
        **fields,
    )


def _words(young_person: Any) -> str:
    latest = latest_offer_explained(young_person=young_person, on=TODAY)
    return explained_words(latest, today=TODAY)


def _counted(young_person: Any) -> bool:
    return (
        YoungPerson.objects.filter(pk=young_person.pk)
        .filter(_offer_explained_and_understood(TODAY))
        .exists()
    )


def test_never_explained_says_to_explain_and_record_it() -> None:
    young_person = YoungPersonFactory()
    assert _words(young_person) == (
        "No record that the local offer has been explained to them. Explain it and record it."
    )
    assert not _counted(young_person)


def test_explained_last_month_and_understood(make_user: Any) -> None:
    worker = make_user(Role.PERSONAL_ADVISER, first_name="Priya", last_name="Shah")
    young_person = YoungPersonFactory()
    _explained(young_person, datetime.date(2026, 11, 3), "yes", created_by=worker)
    assert _words(young_person) == (
        "Last explained on 3 November 2026, in person, by Priya Shah. " + UNDERSTOOD
    )
    assert _counted(young_person)


def test_the_latest_answer_counts_not_an_earlier_yes() -> None:
    young_person = YoungPersonFactory()
    _explained(young_person, datetime.date(2026, 6, 1), "yes")
    _explained(young_person, datetime.date(2026, 11, 3), "partly")
    assert _words(young_person).endswith("They understood some of it: go over it again.")
    assert not _counted(young_person)


@pytest.mark.parametrize(
    ("explained_on", "counted"),
    [
        # 12 months up to 5 December 2026 starts on 6 December 2025 (the indicator's window).
        (datetime.date(2025, 12, 6), True),
        (datetime.date(2025, 12, 5), False),
    ],
)
def test_a_year_ago_needs_explaining_again(explained_on: datetime.date, counted: bool) -> None:
    young_person = YoungPersonFactory()
    _explained(young_person, explained_on, "yes")
    words = _words(young_person)
    assert words.endswith(UNDERSTOOD) is counted
    assert ("more than a year ago: explain it again" in words) is not counted
    assert _counted(young_person) is counted


def test_the_overview_and_the_audit_show_it(make_user: Any, team: Any) -> None:
    from careleavers.quality.tests.factories import start_audit

    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    young_person = allocated_to(adviser, team)
    _explained(young_person, datetime.date.today() - datetime.timedelta(days=10), "no")

    client = signed_in(adviser)
    overview = client.get(reverse("people:overview", kwargs={"pk": young_person.pk}))
    assert "They did not understand it: explain it again." in overview.content.decode()

    auditor = make_user(Role.AUDITOR)
    audit = start_audit(young_person, by=auditor)
    client.force_login(auditor)
    page = client.get(
        reverse("quality:audit_area", kwargs={"audit_pk": audit.pk, "area": "influence"})
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "From their record" in text
    assert "Local offer: Last explained on" in text
