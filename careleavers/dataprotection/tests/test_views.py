"""The pages: what the head of service sees and can do, and what others cannot."""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.core.tests.audit_log import view_logged
from careleavers.core.tests.days import date_fields
from careleavers.dataprotection.models import (
    DataProtectionPolicy,
    RetentionDecision,
    SubjectAccessRequest,
)
from careleavers.dataprotection.tests.factories import SubjectAccessRequestFactory
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client_for: Any, head: Any) -> Any:
    return client_for(user=head)


def test_the_head_of_service_logs_a_request_by_child_id(client: Any, head: Any) -> None:
    young_person = YoungPersonFactory(child_id="C123456")
    response = client.post(
        reverse("dataprotection:sar_create"),
        {
            "child_id": "c123456",
            "requester_kind": "data_subject",
            "requested_by": "Amara",
            **date_fields("received_on", datetime.date(2026, 11, 3)),
        },
    )
    sar = SubjectAccessRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk})
    assert sar.young_person == young_person
    assert sar.handled_by == head
    assert sar.due_on == datetime.date(2026, 12, 3)


def test_an_unknown_child_id_is_refused_next_to_the_field(client: Any) -> None:
    response = client.post(
        reverse("dataprotection:sar_create"),
        {
            "child_id": "NOPE",
            "requester_kind": "data_subject",
            "requested_by": "Amara",
            **date_fields("received_on", datetime.date(2026, 11, 3)),
        },
    )
    assert response.status_code == 200
    assert "No young person you can see has that council child ID" in response.content.decode()
    assert not SubjectAccessRequest.objects.exists()


def test_the_list_shows_open_requests_with_overdue_ones_marked(client: Any) -> None:
    SubjectAccessRequestFactory(
        young_person=YoungPersonFactory(first_name="Late", last_name="Request"),
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    page = client.get(reverse("dataprotection:sar_list")).content.decode()
    assert "Late Request" in page
    assert "Overdue" in page


def test_opening_a_request_is_logged_as_a_view_of_the_record(client: Any, head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    response = client.get(reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk}))
    assert response.status_code == 200
    assert "Make the file" in response.content.decode()
    assert view_logged(sar.young_person, "subject_access_request")


def test_the_file_is_made_then_downloaded_with_the_recorded_hash(client: Any, head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    made = client.post(reverse("dataprotection:sar_generate", kwargs={"sar_pk": sar.pk}))
    assert made.status_code == 302
    sar.refresh_from_db()
    assert sar.has_file
    response = client.get(reverse("dataprotection:sar_download", kwargs={"sar_pk": sar.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert (
        f"subject-access-{sar.young_person.child_id}-SAR-{sar.pk}.zip"
        in response["Content-Disposition"]
    )
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == sar.file_sha256
    assert "summary.pdf" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    page = client.get(reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk}))
    assert sar.file_sha256 in page.content.decode()


def test_a_restricted_record_is_refused_and_the_refusal_logged(client: Any) -> None:
    sar = SubjectAccessRequestFactory(young_person=YoungPersonFactory(is_restricted=True))
    response = client.get(reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk}))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(
        young_person_id=sar.young_person_id, action=AuditEvent.Action.ACCESS_REFUSED
    ).exists()


def test_a_team_manager_cannot_handle_requests(client_for: Any) -> None:
    manager = client_for(Role.TEAM_MANAGER)
    assert manager.get(reverse("dataprotection:sar_list")).status_code == 403


def test_extending_moves_the_due_date(client: Any, head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head, received_on=datetime.date(2026, 11, 3))
    response = client.post(
        reverse("dataprotection:sar_extend", kwargs={"sar_pk": sar.pk}),
        {"months": "2", "reason": "Many years of records"},
    )
    assert response.status_code == 302
    sar.refresh_from_db()
    assert sar.due_on == datetime.date(2027, 2, 3)
    page = client.get(reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk}))
    assert "Give more time" not in page.content.decode()


def test_closing_a_request(client: Any, head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    response = client.post(
        reverse("dataprotection:sar_close", kwargs={"sar_pk": sar.pk}),
        {"outcome": "withdrawn", "note": "Changed their mind"},
    )
    assert response.status_code == 302
    sar.refresh_from_db()
    assert sar.status == SubjectAccessRequest.Status.WITHDRAWN


def test_the_retention_review_lists_due_records_with_counts(client: Any) -> None:
    YoungPersonFactory(
        first_name="Edith", last_name="Elder", date_of_birth=datetime.date(1950, 1, 2)
    )
    YoungPersonFactory(first_name="Yan", last_name="Young")
    page = client.get(reverse("dataprotection:retention_report")).content.decode()
    assert "Edith Elder" in page
    assert "Yan Young" not in page
    assert "Decision needed" in page
    assert "Retention date passed" in page


def test_the_retention_review_window_can_be_changed(client: Any) -> None:
    today = timezone.localdate()
    YoungPersonFactory(
        first_name="Nearly",
        last_name="Due",
        date_of_birth=today.replace(year=today.year - 75) + datetime.timedelta(days=400),
    )
    assert (
        "Nearly Due" not in client.get(reverse("dataprotection:retention_report")).content.decode()
    )
    assert (
        "Nearly Due"
        in client.get(reverse("dataprotection:retention_report") + "?months=24").content.decode()
    )


def test_recording_a_destroy_decision_archives_the_record(client: Any) -> None:
    elder = YoungPersonFactory(date_of_birth=datetime.date(1950, 1, 2))
    url = reverse("dataprotection:retention_decide", kwargs={"pk": elder.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "destroy", "reason": "No holds"})
    assert response.status_code == 302
    elder.refresh_from_db()
    assert elder.is_archived
    assert RetentionDecision.objects.get().decision == "destroy"


def test_a_keep_decision_without_a_date_is_refused_next_to_the_field(client: Any) -> None:
    elder = YoungPersonFactory(date_of_birth=datetime.date(1950, 1, 2))
    url = reverse("dataprotection:retention_decide", kwargs={"pk": elder.pk})
    response = client.post(url, {"decision": "keep", "reason": "Claim open"})
    assert response.status_code == 200
    assert "Enter the date to look at the records again" in response.content.decode()
    assert not RetentionDecision.objects.exists()


def test_administrators_set_the_policy(client_for: Any) -> None:
    admin = client_for(Role.ADMINISTRATOR)
    response = admin.post(
        reverse("dataprotection:policy"),
        {
            "retention_age_years": "75",
            "after_death_years": "15",
            "review_window_months": "6",
            "subject_access_file_keep_days": "14",
        },
    )
    assert response.status_code == 302
    policy = DataProtectionPolicy.current()
    assert (policy.review_window_months, policy.subject_access_file_keep_days) == (6, 14)


def test_the_head_of_service_has_navigation_and_home_links(client: Any) -> None:
    # The header's Records section leads to data protection.
    records = client.get(reverse("core:nav_section", kwargs={"key": "records"})).content.decode()
    assert f'href="{reverse("dataprotection:index")}"' in records
    page = client.get(reverse("core:home")).content.decode()
    assert reverse("core:nav_section", kwargs={"key": "records"}) in page
    assert reverse("dataprotection:sar_list") in page
    assert reverse("dataprotection:retention_report") in page


def test_administrators_are_not_shown_case_pages_on_the_home_page(client_for: Any) -> None:
    page = client_for(Role.ADMINISTRATOR).get(reverse("core:home")).content.decode()
    assert reverse("dataprotection:policy") in page
    assert reverse("dataprotection:sar_list") not in page


def test_the_section_link_leads_to_the_requests(client: Any) -> None:
    response = client.get(reverse("dataprotection:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("dataprotection:sar_list")
