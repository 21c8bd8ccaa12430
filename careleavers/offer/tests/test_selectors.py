"""Reads: the personal statement from a young person's record, the money summary, and the
managers' reports (visibility and a constant number of queries)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.dates import latest_birth_date_reaching
from careleavers.learning.tests.factories import ActivityEpisodeFactory
from careleavers.offer import selectors, services
from careleavers.offer.models import DocumentKind, ImportantDocument, PaymentType
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

BORN = datetime.date(2009, 6, 1)  # 17 until 1 June 2027
UNIVERSITY = datetime.date(2027, 9, 27)


def _keys(items: Any) -> set[str]:
    return {getattr(item, "key", None) or item.item.key for item in items}


def _at(day: datetime.date) -> Any:
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC), tick=False
    )


def _asked_for(worker: Any, young_person: Any, kind: str, description: str, pence: int) -> Any:
    """A payment request the worker made for the young person (waiting for approval)."""
    return services.payment_request_create(
        acting_user=worker,
        young_person=young_person,
        payment_type=kind,
        description=description,
        amount_pence=pence,
    )


def test_the_statement_changes_on_the_18th_birthday_and_on_starting_university() -> None:
    young_person = YoungPersonFactory(date_of_birth=BORN, category="relevant")
    ActivityEpisodeFactory(
        young_person=young_person,
        activ="F2",
        start=datetime.date(2025, 9, 1),
        end=UNIVERSITY - datetime.timedelta(days=1),
    )
    ActivityEpisodeFactory(young_person=young_person, activ="F1", start=UNIVERSITY)

    with _at(datetime.date(2027, 5, 31)):
        before = selectors.personal_statement_for(young_person, timezone.localdate())
    assert "setting_up_home" not in _keys(before.entitled_now)
    assert "bursary_16_19" in _keys(before.entitled_now)
    opening = {o.item.key: o.trigger for o in before.opens_next}
    assert opening["setting_up_home"] == "On your 18th birthday (1 June 2027)"
    assert opening["he_bursary"] == "When you start university"

    with _at(datetime.date(2027, 6, 1)):
        birthday = selectors.personal_statement_for(young_person, timezone.localdate())
    assert "setting_up_home" in _keys(birthday.entitled_now)
    assert "he_bursary" not in _keys(birthday.entitled_now)

    with _at(UNIVERSITY):
        student = selectors.personal_statement_for(young_person, timezone.localdate())
    assert {"he_bursary", "vacation_accommodation"} <= _keys(student.entitled_now)
    assert "he_bursary" not in _keys(student.opens_next)


def test_money_approved_counts_as_had() -> None:
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER])
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    young_person = YoungPersonFactory(category="former_relevant")
    payment = _asked_for(worker, young_person, PaymentType.DRIVING_LESSONS, "Lessons", 20_000)
    assert "driving_lessons" not in _keys(
        selectors.personal_statement_for(young_person, timezone.localdate()).had
    )
    services.payment_approve(acting_user=head, payment=payment)
    assert "driving_lessons" in _keys(
        selectors.personal_statement_for(young_person, timezone.localdate()).had
    )


def test_a_tenancy_opens_the_council_tax_exemption() -> None:
    from careleavers.accommodation.tests.factories import StayFactory

    young_person = YoungPersonFactory(category="former_relevant")
    today = timezone.localdate()
    assert "council_tax_exemption" not in _keys(
        selectors.personal_statement_for(young_person, today).entitled_now
    )
    StayFactory(
        young_person=young_person, accom_type="U", start=today - datetime.timedelta(days=10)
    )
    assert "council_tax_exemption" in _keys(
        selectors.personal_statement_for(young_person, today).entitled_now
    )


def test_being_a_parent_is_read_from_the_health_record() -> None:
    from careleavers.transitions.tests.factories import HealthProfileFactory

    young_person = YoungPersonFactory(category="former_relevant")
    today = timezone.localdate()
    assert selectors.person_facts(young_person=young_person, on=today).is_parent is False
    HealthProfileFactory(young_person=young_person, is_parent=True, number_of_children=1)
    assert selectors.person_facts(young_person=young_person, on=today).is_parent is True


def test_funds_show_what_is_left() -> None:
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER])
    manager = UserFactory(roles=[Role.TEAM_MANAGER])
    young_person = YoungPersonFactory()
    services.payment_approve(
        acting_user=manager,
        payment=_asked_for(worker, young_person, PaymentType.SETTING_UP_HOME, "Sofa", 40_000),
    )
    _asked_for(worker, young_person, PaymentType.SETTING_UP_HOME, "Bed", 25_000)
    [row] = selectors.funds_for(young_person=young_person, on=timezone.localdate())
    assert (row.entitlement_pence, row.approved_pence, row.waiting_pence, row.balance_pence) == (
        300_000,
        40_000,
        25_000,
        260_000,
    )
    assert selectors.allowance_balance_for(young_person=young_person) == 260_000


def _aged(years: int, team: Any) -> Any:
    today = timezone.localdate()
    return YoungPersonFactory(
        team=team,
        date_of_birth=latest_birth_date_reaching(years, today) - datetime.timedelta(days=30),
    )


def test_documents_report_lists_who_lacks_what_at_17(django_assert_num_queries: Any) -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    complete = _aged(17, team)
    for kind in DocumentKind.values:
        ImportantDocument.objects.create(young_person=complete, kind=kind, status="have")
    lacking = _aged(17, team)
    _aged(19, team)
    YoungPersonFactory(date_of_birth=lacking.date_of_birth)  # another team: not visible
    lacking_people = selectors.documents_lacking(user=manager, on=timezone.localdate(), age=17)
    assert list(lacking_people) == [lacking]
    rows = selectors.lacking_rows(lacking_people, age=17)
    assert "Birth certificate" in rows[0].missing


def test_a_document_not_needed_counts_as_in_hand() -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    settled, applied = _aged(17, team), _aged(17, team)
    for young_person, last in ((settled, "not_needed"), (applied, "applied")):
        *most, final = DocumentKind.values
        for kind in most:
            ImportantDocument.objects.create(young_person=young_person, kind=kind, status="have")
        ImportantDocument.objects.create(young_person=young_person, kind=final, status=last)
    lacking = selectors.documents_lacking(user=manager, on=timezone.localdate(), age=17)
    assert list(lacking) == [applied]
    (row,) = selectors.lacking_rows(lacking, age=17)
    assert row.missing == [DocumentKind(final).label]


@pytest.mark.parametrize("count", [1, 15])
def test_documents_report_costs_the_same_whatever_its_length(
    count: int, django_assert_num_queries: Any
) -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    manager.has_role(Role.TEAM_MANAGER)  # load roles before counting
    for _ in range(count):
        _aged(18, team)
    with django_assert_num_queries(3):
        people = selectors.documents_lacking(user=manager, on=timezone.localdate(), age=18)
        rows = selectors.lacking_rows(people, age=18)
    assert len(rows) == count


def test_spend_report_totals_by_team_and_type() -> None:
    team = TeamFactory(name="North")
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER])
    for pence in (10_000, 2_550):
        services.payment_approve(
            acting_user=head,
            payment=_asked_for(
                worker, YoungPersonFactory(team=team), PaymentType.SETTING_UP_HOME, "Item", pence
            ),
        )
    today = timezone.localdate()
    [row] = selectors.spend_report(user=head, year=today.year, month=today.month)
    assert (row.team, row.label, row.count, row.total_pence) == (
        "North",
        "Setting up home allowance",
        2,
        12_550,
    )
    outsider = UserFactory(roles=[Role.TEAM_MANAGER], team=TeamFactory())
    assert selectors.spend_report(user=outsider, year=today.year, month=today.month) == []


def test_the_default_offer_never_tells_someone_over_18_to_ask_before_their_18th_birthday() -> None:
    from careleavers.offer.models import CatalogueItem

    texts = CatalogueItem.objects.values_list("how_to_get_it", "summary")
    assert texts.exists()
    assert not [text for pair in texts for text in pair if "before your 18th" in text]
