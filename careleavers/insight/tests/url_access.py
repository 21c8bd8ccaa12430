"""Access to insight's pages, for every role (see core/tests/test_url_access.py).

Decisions: the service dashboard, its figures, drill-downs, charts and downloads are for the
head of service, performance analysts and inspectors; a team's dashboard also for its manager;
a worker's dashboard for the worker and their manager; definitions for all staff; targets are
set by the head of service and analysts, benchmarks uploaded by analysts; the self-assessment
pack is for the head of service and analysts.
"""

from __future__ import annotations

from typing import Any

from careleavers.core.access import REDIRECT, STAFF, UrlCase, expect
from careleavers.core.tests.roles import ANALYST, HOS, INSPECTOR, PA, SW, TM

SERVICE_READERS = [HOS, ANALYST, INSPECTOR]
SERVICE = {"scope": "service"}


def extend_world(world: Any) -> None:
    from careleavers.core.models import FileJob
    from careleavers.insight.member_files import MEMBERS_FILE
    from careleavers.insight.pack import PACK_FILE

    # A pack PDF still waiting for the background worker.
    world.pack_file = FileJob.objects.create(
        kind=PACK_FILE, title="Self-assessment pack (PDF)", requested_by=world.users[HOS]
    )
    # A drill-down spreadsheet the head of service asked for: only theirs to follow.
    world.members_file = FileJob.objects.create(
        kind=MEMBERS_FILE,
        title="Who is counted (spreadsheet)",
        requested_by=world.users[HOS],
        parameters={"indicator": "recent_contact", "query": {"scope": "service"}},
    )


def _team(world: Any) -> dict[str, Any]:
    return {"pk": world.team.pk}


def _adviser(world: Any) -> dict[str, Any]:
    return {"pk": world.users[PA].pk}


def _key(world: Any) -> dict[str, Any]:
    return {"key": "recent_contact"}


CASES = [
    UrlCase(name="insight:index", expect=expect(allowed=[*SERVICE_READERS, TM, PA, SW])),
    UrlCase(name="insight:service", expect=expect(allowed=SERVICE_READERS)),
    UrlCase(name="insight:teams", expect=expect(allowed=[*SERVICE_READERS, TM])),
    UrlCase(
        name="insight:team",
        kwargs=_team,
        expect=expect(allowed=[*SERVICE_READERS, TM], team_record=True),
    ),
    UrlCase(name="insight:my_caseload", expect=expect(allowed=[PA, SW])),
    UrlCase(
        name="insight:worker",
        kwargs=_adviser,
        expect=expect(allowed=[*SERVICE_READERS, TM, PA], team_record=True),
    ),
    UrlCase(name="insight:dashboard_xlsx", data=SERVICE, expect=expect(allowed=SERVICE_READERS)),
    UrlCase(
        name="insight:figure", kwargs=_key, data=SERVICE, expect=expect(allowed=SERVICE_READERS)
    ),
    UrlCase(
        name="insight:chart", kwargs=_key, data=SERVICE, expect=expect(allowed=SERVICE_READERS)
    ),
    UrlCase(
        name="insight:members", kwargs=_key, data=SERVICE, expect=expect(allowed=SERVICE_READERS)
    ),
    # Asking for the spreadsheet is a POST that queues it and goes to its progress page (the
    # service's list when the address names no scope).
    UrlCase(
        name="insight:members_xlsx",
        kwargs=_key,
        expect=expect(allowed=SERVICE_READERS, outcome=REDIRECT),
        method="post",
    ),
    UrlCase(
        name="insight:members_progress",
        kwargs=lambda world: {"pk": world.members_file.pk},
        expect=expect(allowed=[HOS]),
    ),
    # Still waiting for the worker: the download goes to the progress page.
    UrlCase(
        name="insight:members_file",
        kwargs=lambda world: {"pk": world.members_file.pk},
        expect=expect(allowed=[HOS], outcome=REDIRECT),
    ),
    UrlCase(name="insight:indicator_list", expect=expect(allowed=STAFF)),
    UrlCase(name="insight:indicator_detail", kwargs=_key, expect=expect(allowed=STAFF)),
    UrlCase(name="insight:targets", expect=expect(allowed=SERVICE_READERS)),
    UrlCase(name="insight:target_set", kwargs=_key, expect=expect(allowed=[HOS, ANALYST])),
    UrlCase(name="insight:benchmarks", expect=expect(allowed=SERVICE_READERS)),
    UrlCase(name="insight:benchmark_upload", expect=expect(allowed=[ANALYST])),
    UrlCase(name="insight:pack", expect=expect(allowed=[HOS, ANALYST])),
    # Asking for the PDF is a POST that queues it and goes to its progress page.
    UrlCase(
        name="insight:pack_pdf",
        expect=expect(allowed=[HOS, ANALYST], outcome=REDIRECT),
        method="post",
    ),
    UrlCase(
        name="insight:pack_progress",
        expect=expect(allowed=[HOS, ANALYST]),
        kwargs=lambda world: {"pk": world.pack_file.pk},
    ),
    # Still waiting for the worker: the download goes to the progress page.
    UrlCase(
        name="insight:pack_file",
        expect=expect(allowed=[HOS, ANALYST], outcome=REDIRECT),
        kwargs=lambda world: {"pk": world.pack_file.pk},
    ),
]
