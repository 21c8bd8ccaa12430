"""The links at the top of every page: about seven for each role, grouped by what people do,
with the rest one click away on a section's page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.core.home import home_links, home_links_register, home_sections_for
from careleavers.core.navigation import navigation_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [role for role in Role if role != Role.YOUNG_PERSON])
def test_no_role_sees_more_than_eight_links_at_the_top(make_user: Any, role: Role) -> None:
    items = navigation_for(user=make_user(role), current_path="/")
    assert 1 <= len(items) <= 8, [item["text"] for item in items]


def test_a_head_of_service_reaches_housing_and_performance_through_their_sections(
    make_user: Any, client_for: Any
) -> None:
    head = make_user(Role.HEAD_OF_SERVICE)
    top = {item["text"]: item["href"] for item in navigation_for(user=head, current_path="/")}
    assert "Housing" not in top
    assert top["Services"] == reverse("core:nav_section", kwargs={"key": "services"})
    assert top["Managing"] == reverse("core:nav_section", kwargs={"key": "managing"})

    page = client_for(user=head).get(top["Services"]).content.decode()
    assert f'href="{reverse("accommodation:housing")}">Housing</a>' in page
    managing = client_for(user=head).get(top["Managing"]).content.decode()
    assert f'href="{reverse("insight:index")}">Performance</a>' in managing


def test_a_section_is_marked_current_on_its_pages(make_user: Any) -> None:
    items = navigation_for(
        user=make_user(Role.HEAD_OF_SERVICE), current_path=reverse("insight:index")
    )
    assert [item["text"] for item in items if item["active"]] == ["Managing"]


def test_a_section_with_nothing_for_the_role_is_not_shown(make_user: Any) -> None:
    texts = [
        item["text"] for item in navigation_for(user=make_user(Role.DUTY_WORKER), current_path="/")
    ]
    assert "Records" not in texts


def test_home_links_registered_as_rows_show_to_those_holding_their_permission(
    make_user: Any,
) -> None:
    with home_links.replaced():
        home_links_register(
            (
                ("Performance", "insight:index", "insight.view_index", 80, "The dashboards."),
                ("Self-assessment", "insight:pack", "insight.view_pack", 81, "The pack."),
            )
        )
        shown = home_sections_for(user=make_user(Role.HEAD_OF_SERVICE))
        nobody = home_sections_for(user=make_user())
    assert shown == [
        {
            "text": "Performance",
            "href": reverse("insight:index"),
            "description": "The dashboards.",
        },
        {"text": "Self-assessment", "href": reverse("insight:pack"), "description": "The pack."},
    ]
    assert nobody == []
