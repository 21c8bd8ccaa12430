"""The links at the top of every page: about seven for each role, grouped by what people do,
with the rest one click away on a section's page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import is_manager
from careleavers.core.home import home_links, home_sections_for
from careleavers.core.navigation import MANAGING, nav_entries, navigation_for
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register

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


def test_a_service_page_is_in_the_navigation_and_on_the_home_page_for_whoever_may_see_it(
    make_user: Any,
) -> None:
    with home_links.replaced(), nav_entries.replaced():
        pages_register(
            ServicePage(
                "Figures",
                "insight:index",
                "insight.view_index",
                1,
                section=MANAGING,
                description="Dashboards.",
            ),
            ServicePage(
                "Pack",
                "insight:pack",
                "insight.view_pack",
                2,
                section=HOME_PAGE_ONLY,
                description="The pack.",
            ),
            ServicePage("Managers' plans", "plans:manager_view", is_manager, 3, section=MANAGING),
        )
        head = make_user(Role.HEAD_OF_SERVICE)
        shown = home_sections_for(user=head)
        nobody = home_sections_for(user=make_user())
        in_the_menu = [entry.text for entry in nav_entries if entry.allowed(head)]
        for_nobody = [entry.text for entry in nav_entries if entry.allowed(make_user())]
    assert shown == [
        {"text": "Figures", "href": reverse("insight:index"), "description": "Dashboards."},
        {"text": "Pack", "href": reverse("insight:pack"), "description": "The pack."},
    ]
    assert nobody == []
    # The home-page-only page is not in the menu; a page with no description is only there.
    assert in_the_menu == ["Figures", "Managers' plans"]
    assert for_nobody == []
