"""Administrators change the supervision policy and the courses in the admin site."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.tests.clients import signed_in
from careleavers.workforce.models import SupervisionPolicy

pytestmark = pytest.mark.django_db


def _client(role: Role) -> Client:
    return signed_in(UserFactory(roles=[role]))


def test_an_administrator_changes_the_supervision_policy_in_the_admin_site() -> None:
    policy = SupervisionPolicy.current()
    url = reverse("admin:workforce_supervisionpolicy_change", args=[policy.pk])
    client = _client(Role.ADMINISTRATOR)
    page = client.get(url)
    assert page.status_code == 200
    assert "A council setting, not law" in page.content.decode()
    response = client.post(
        url,
        {
            "personal_adviser_interval_days": "21",
            "social_worker_interval_days": "28",
            "new_starter_interval_days": "14",
            "new_starter_months": "6",
            "sample_percent": "10",
            "sample_recent_days": "90",
        },
    )
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.personal_adviser_interval_days == 21


def test_an_administrator_sees_the_courses_in_the_admin_site() -> None:
    response = _client(Role.ADMINISTRATOR).get(reverse("admin:workforce_course_changelist"))
    assert response.status_code == 200
    assert "Safeguarding refresher" in response.content.decode()


def test_supervision_records_are_not_in_the_admin_site() -> None:
    from django.contrib import admin

    from careleavers.workforce.models import SupervisionRecord, SupervisionReview

    assert SupervisionRecord not in admin.site._registry
    assert SupervisionReview not in admin.site._registry
