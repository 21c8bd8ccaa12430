"""The work tray item for a reply coming due, and the daily job."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.jobs import jobs
from careleavers.dataprotection.tests.factories import SubjectAccessRequestFactory

pytestmark = pytest.mark.django_db


def test_a_reply_due_soon_is_in_the_handlers_work_tray(make_user: Any) -> None:
    head = make_user(Role.HEAD_OF_SERVICE)
    today = timezone.localdate()
    due = SubjectAccessRequestFactory(handled_by=head, due_on=today + datetime.timedelta(days=3))
    SubjectAccessRequestFactory(handled_by=head, due_on=today + datetime.timedelta(days=25))
    late = SubjectAccessRequestFactory(handled_by=head, due_on=today - datetime.timedelta(days=2))
    items = [item for item in work_tray_for(user=head) if item.kind == "subject_access_due"]
    assert [item.title for item in items] == [
        f"Subject access reply due (SAR-{late.pk})",
        f"Subject access reply due (SAR-{due.pk})",
    ]
    assert items[0].overdue
    assert items[0].days_overdue == 2


def test_someone_else_does_not_get_the_item(make_user: Any) -> None:
    SubjectAccessRequestFactory(due_on=timezone.localdate())
    manager = make_user(Role.TEAM_MANAGER)
    assert not [i for i in work_tray_for(user=manager) if i.kind == "subject_access_due"]


def test_the_daily_job_is_registered() -> None:
    assert "dataprotection.subject_access_files" in {job.name for job in jobs()}
