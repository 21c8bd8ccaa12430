"""For the tests of pages that make files in the background (core/file_jobs.py): ask for the
file as a person would, follow the progress page and download what it offers. The test settings
run tasks at once (django-tasks' ImmediateBackend), so the file is made by the time the
progress page is shown."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.test import Client

DOWNLOAD_LINK = re.compile(r'<a class="govuk-link" href="([^"]+)" download>')


def made_file(client: Client, url: str, data: Mapping[str, Any] | None = None) -> Any:
    """Ask for a file at `url` (a POST), and return the response of its download."""
    asked = client.post(url, data or {})
    assert asked.status_code == 302, asked.status_code
    progress = client.get(asked["Location"])
    assert progress.status_code == 200
    found = DOWNLOAD_LINK.search(progress.content.decode())
    assert found, "the progress page offers no file"
    response = client.get(found.group(1))
    assert response.status_code == 200
    response.body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response
