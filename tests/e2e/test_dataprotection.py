"""Data protection in a browser: the head of service logs a subject access request, makes the
file and downloads it (its checksum is the one recorded), and records a retention decision.
Pages pass axe-core."""

from __future__ import annotations

import datetime
import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.dataprotection.models import RetentionDecision, SubjectAccessRequest
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import TEST_TOTP_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_a_subject_access_request_from_logging_to_download(
    page: Page,
    live_server: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    tmp_path: Path,
) -> None:
    team = TeamFactory()
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE], team=team, totp_secret=TEST_TOTP_SECRET)
    YoungPersonFactory(team=team, child_id="C424242", first_name="Amara", last_name="Osei")
    sign_in(page, head)

    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Records").click()
    page.get_by_role("main").get_by_role("link", name="Data protection", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subject access requests")
    assert_accessible(page)

    page.get_by_role("button", name="Log a request").click()
    assert_accessible(page)
    page.get_by_role("button", name="Log the request").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the council child ID")
    assert_accessible(page)

    received = datetime.date.today() - datetime.timedelta(days=2)
    page.get_by_label("Council child ID of the young person").fill("C424242")
    page.get_by_role("radio", name="The young person").check()
    page.get_by_label("Name of the person who asked").fill("Amara Osei")
    page.get_by_label("Day").fill(str(received.day))
    page.get_by_label("Month").fill(str(received.month))
    page.get_by_label("Year").fill(str(received.year))
    page.get_by_role("button", name="Log the request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amara Osei")
    assert_accessible(page)

    page.get_by_role("button", name="Make the file").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The file is ready")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the file").click()
    saved = tmp_path / "download.zip"
    download_info.value.save_as(saved)

    sar = SubjectAccessRequest.objects.get()
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == sar.file_sha256
    assert "summary.pdf" in zipfile.ZipFile(saved).namelist()
    expect(page.get_by_text(sar.file_sha256)).to_be_visible()


def test_the_head_of_service_keeps_records_past_their_retention_date(
    page: Page,
    live_server: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    team = TeamFactory()
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE], team=team, totp_secret=TEST_TOTP_SECRET)
    YoungPersonFactory(
        team=team, first_name="Edith", last_name="Elder", date_of_birth=datetime.date(1950, 1, 2)
    )
    sign_in(page, head)
    page.goto(live_server.url + "/data-protection/retention/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Retention review")
    assert_accessible(page)

    page.get_by_role("link", name="Edith Elder").click()
    assert_accessible(page)
    page.get_by_label("Keep for longer").check()
    page.get_by_label("Reason").fill("A claim against the council is open.")
    next_year = datetime.date.today() + datetime.timedelta(days=365)
    page.get_by_label("Day").fill(str(next_year.day))
    page.get_by_label("Month").fill(str(next_year.month))
    page.get_by_label("Year").fill(str(next_year.year))
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The records are kept")
    expect(page.get_by_role("table")).to_contain_text("Keep, look again")
    assert RetentionDecision.objects.get().decision == "keep"
