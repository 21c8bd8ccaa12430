"""Home is the work: an adviser's home page leads with what is overdue and due this week, and a
manager's also with their team's overdue work by worker."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import allocated_to
from careleavers.core.tests.days import TODAY
from careleavers.core.tests.query_counts import costs_the_same_with_more

pytestmark = pytest.mark.django_db


def _allocated(worker: Any, team: Any, due: datetime.date, name: str) -> Any:
    return allocated_to(worker, team, next_contact_due=due, last_name=name)


def test_an_advisers_home_leads_with_what_is_overdue_and_due_this_week(
    client_for: Any, make_user: Any, team: Any
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    late = _allocated(adviser, team, TODAY - datetime.timedelta(days=4), "Late")
    _allocated(adviser, team, TODAY + datetime.timedelta(days=3), "Soon")

    html = client_for(user=adviser).get("/").content.decode()

    work = html.split('<h2 class="govuk-heading-m">Your work</h2>', 1)[1]
    assert "<strong>1</strong> overdue" in work
    assert "<strong>1</strong> due in the next 7 days" in work
    assert escape(late.display_name) in work
    assert html.index("Your work") < html.index("Everything you can do")


def test_a_managers_home_shows_the_teams_overdue_work_by_worker(
    client_for: Any, make_user: Any, team: Any, manager: Any
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Priya", last_name="Shah")
    for name in ("One", "Two"):
        _allocated(adviser, team, TODAY - datetime.timedelta(days=9), name)

    html = client_for(user=manager).get("/").content.decode()

    assert "Your team's overdue work, by worker" in html
    row = html.split("Priya Shah</td>", 1)[1].split("</tr>", 1)[0]
    assert ">2</td>" in row


def test_the_home_page_costs_the_same_for_1_or_10_items(
    client_for: Any, make_user: Any, team: Any, django_assert_num_queries: Any
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    _allocated(adviser, team, TODAY, "First")

    def nine_more() -> None:
        for index in range(9):
            _allocated(adviser, team, TODAY - datetime.timedelta(days=index), f"More{index}")

    costs_the_same_with_more(client_for(user=adviser), "/", nine_more, django_assert_num_queries)
