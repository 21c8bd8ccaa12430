"""A new user's demo runs on SQLite (scripts/start with no DATABASE_URL): every page across the
service opens there, for the roles that read the whole service. Some figures are counted with
PostgreSQL's own SQL at national size; on SQLite they must take their other path, not fail.

Runs in a fresh process with the demo's settings, on a small seeded council (`seed_demo`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from careleavers.core.tests.test_sqlite_demo import run_in_the_sqlite_demo

ROLES = ("head_of_service", "performance_analyst", "administrator", "team_manager")
ACCOUNTS = {
    "head_of_service": "head",
    "performance_analyst": "analyst",
    "administrator": "admin",
    "team_manager": "manager",
}


def _main() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from careleavers.accounts.models import User
    from careleavers.core.access import OK
    from careleavers.core.tests.test_url_access import _declared_cases
    from careleavers.demo.staff import DEMO_EMAIL_DOMAIN

    # As scripts/start sets the demo up.
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", young_people=40, verbosity=0)
    failed = []
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        for role in ROLES:
            client = Client()
            client.force_login(User.objects.get(email=f"{ACCOUNTS[role]}@{DEMO_EMAIL_DOMAIN}"))
            for case in _declared_cases():
                # Pages about the service as a whole: those that need no record in the address.
                if case.method != "get" or case.kwargs is not None or case.expect.get(role) != OK:
                    continue
                response = client.get(reverse(case.name), dict(case.data))
                if response.status_code >= 500:
                    failed.append(f"{case.name} as {role}: {response.status_code}")
    if failed:
        sys.exit("Pages that failed on SQLite:\n" + "\n".join(failed))


def test_every_page_across_the_service_opens_on_the_sqlite_demo(tmp_path: Path) -> None:
    run_in_the_sqlite_demo(f"from {__name__} import _main; _main()", tmp_path, timeout=600)
