"""The oversight report's list of young people without recent oversight, paged by team: every
page holds exactly the rows the whole sorted list would, and costs one query however many
young people there are."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.days import TODAY
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality import selectors
from careleavers.quality.team_pages import TeamOrderedPages
from careleavers.quality.tests.factories import OversightEntryFactory

pytestmark = pytest.mark.django_db


def _people_without_oversight() -> Any:
    """Teams of 4, 0, 1 and 3 young people without recent oversight (named out of alphabetical
    order of creation), 2 in no team, and some with recent oversight who are left out."""
    for name, without in (("Delta", 3), ("Alpha", 4), ("Bravo", 0), ("Charlie", 1)):
        team = TeamFactory(name=name)
        for number in range(without):
            person = YoungPersonFactory(team=team, last_name=f"{name}{number}")
            if number % 2:
                OversightEntryFactory(young_person=person, recorded_on=TODAY.replace(year=2020))
        OversightEntryFactory(
            young_person=YoungPersonFactory(team=team),
            recorded_on=TODAY - datetime.timedelta(days=5),
        )
    YoungPersonFactory(team=None, last_name="Nowhere1")
    YoungPersonFactory(team=None, last_name="Nowhere2")
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    head.role_names  # noqa: B018  (roles loaded before counting queries)
    return head


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 5, 50])
def test_every_page_holds_the_rows_of_the_whole_sorted_list(
    per_page: int, django_assert_num_queries: Any
) -> None:
    head = _people_without_oversight()
    teams = selectors.oversight_by_team_visible_to(user=head, on=TODAY, months=3)
    assert [(row.team_name, row.without_oversight) for row in teams] == [
        ("Alpha", 4),
        ("Bravo", 0),
        ("Charlie", 1),
        ("Delta", 3),
        ("No team", 2),
    ]
    rows = selectors.without_oversight_visible_to(user=head, on=TODAY, months=3)
    whole = Paginator([person.pk for person in rows], per_page)
    paged = Paginator(
        TeamOrderedPages(rows, [(row.team_id, row.without_oversight) for row in teams]), per_page
    )
    assert paged.count == whole.count == 10
    for number in whole.page_range:
        with django_assert_num_queries(1):
            page = [person.pk for person in paged.page(number)]
        assert page == list(whole.page(number))


def test_a_list_with_nobody_in_it_reads_nothing(django_assert_num_queries: Any) -> None:
    head = _people_without_oversight()
    rows = selectors.without_oversight_visible_to(user=head, on=TODAY, months=3)
    with django_assert_num_queries(0):
        page = Paginator(TeamOrderedPages(rows, [(None, 0)]), 50).get_page(1)
        assert list(page) == []


def test_the_report_pages_the_list_and_counts_everyone() -> None:
    team = TeamFactory(name="East team")
    for number in range(52):
        YoungPersonFactory(team=team, last_name=f"Person{number:02}")
    client = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE]))
    first = client.get(reverse("quality:oversight_report")).content.decode()
    second = client.get(reverse("quality:oversight_report") + "?page=2").content.decode()
    assert "52 young people, those who have gone longest without first" in first
    assert "govuk-pagination" in first
    assert escape("Person49") in first
    assert escape("Person50") not in first
    assert escape("Person50") in second
    assert escape("Person51") in second
    assert escape("Person49") not in second
