"""Permissions: the supervision rule agrees with the visibility selector, and figures, staff
records and absences go only to the roles the service allows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.permissions import can
from careleavers.workforce import selectors

pytestmark = pytest.mark.django_db


def _everyone(service: SimpleNamespace) -> list[object]:
    others = [UserFactory(roles=[role], team=service.a) for role in Role]
    return [
        service.w1,
        service.w2,
        service.w3,
        service.w4,
        service.w5,
        service.head,
        service.a.manager,
        service.b.manager,
        *others,
    ]


def test_the_supervision_rule_agrees_with_the_visibility_selector(
    service: SimpleNamespace,
) -> None:
    records = list(vars(service.records).values())
    for user in _everyone(service):
        visible = set(selectors.supervision_records_visible_to(user=user))
        for record in records:
            record = selectors.supervision_record_for(pk=record.pk)
            assert can(user, "workforce.view_supervision", record) == (record in visible), (
                user.role_names,
                record,
            )


def test_a_supervisor_who_recorded_it_still_sees_it_after_the_worker_moves(
    service: SimpleNamespace,
) -> None:
    record = service.records.w1_recent
    service.w1.team = service.b
    service.w1.save()
    record = selectors.supervision_record_for(pk=record.pk)
    assert can(service.a.manager, "workforce.view_supervision", record)  # recorded it
    assert can(service.b.manager, "workforce.view_supervision", record)  # manages the worker now


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.TEAM_MANAGER, True),
        (Role.HEAD_OF_SERVICE, True),
        (Role.PERFORMANCE_ANALYST, True),
        (Role.AUDITOR, False),
        (Role.ADMINISTRATOR, False),
        (Role.INSPECTOR, False),
        (Role.PERSONAL_ADVISER, False),
    ],
)
def test_aggregate_supervision_figures(role: Role, allowed: bool) -> None:
    assert can(UserFactory(roles=[role]), "workforce.view_supervision_reports") is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.TEAM_MANAGER, True),
        (Role.HEAD_OF_SERVICE, True),
        (Role.ADMINISTRATOR, True),
        (Role.PERFORMANCE_ANALYST, False),
        (Role.AUDITOR, False),
        (Role.INSPECTOR, False),
        (Role.SOCIAL_WORKER, False),
    ],
)
def test_individual_staff_records_and_absences(
    service: SimpleNamespace, role: Role, allowed: bool
) -> None:
    user = UserFactory(roles=[role], team=service.a)
    assert can(user, "workforce.view_staff_member", service.w1) is allowed
    assert can(user, "workforce.record_absence", service.w1) is allowed


def test_a_team_manager_sees_only_their_teams_staff(service: SimpleNamespace) -> None:
    assert can(service.a.manager, "workforce.view_staff_member", service.w1)
    assert not can(service.a.manager, "workforce.view_staff_member", service.w5)
    assert not can(service.a.manager, "workforce.view_post", service.posts.p6)


def test_a_worker_sees_their_own_supervision_and_training_page(service: SimpleNamespace) -> None:
    assert can(service.w1, "workforce.view_my_supervision")
    assert not can(service.w1, "workforce.view_staff_member", service.w2)
    assert not can(service.w1, "workforce.view_index")


def test_an_administrator_is_refused_though_the_admin_site_makes_them_staff(
    service: SimpleNamespace,
) -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR], is_superuser=True)
    record = selectors.supervision_record_for(pk=service.records.w1_recent.pk)
    assert not can(admin, "workforce.view_supervision", record)
