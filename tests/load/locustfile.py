"""A realistic mix for the load test: advisers and team managers at work.

Each simulated member of staff signs in through the real sign-in form as a different demo
account (tests/load/run picks them from the benchmark database), then mostly reads and sometimes
writes a case note:

- personal advisers (9 in 10): their work tray, a young person's overview, their caseload, a
  search, their caseload's figures, and a case note now and then;
- team managers (1 in 10): their team's work tray, caseload and dashboard, and an overview.

Every note carries the run's marker in its title, and the notes the app accepted and the
attempts that failed are counted here, so the fault test can check that no committed write was
lost (tests/load/run compares the counts with the database).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task

TARGETS = json.loads(os.environ["LOAD_TARGETS"])  # written by tests/load/run
MARKER = os.environ.get("LOAD_MARKER", "load-test")
ACCEPTED = Path(os.environ.get("LOAD_ACCEPTED_FILE", "/tmp/load-accepted-notes"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
counts = {"accepted": 0, "failed": 0}
advisers = itertools.cycle(TARGETS["advisers"])
managers = itertools.cycle(TARGETS["managers"])


@events.test_stop.add_listener
def _write_counts(**_: object) -> None:
    ACCEPTED.write_text(json.dumps(counts))


class _Staff(HttpUser):
    abstract = True
    # Time spent reading a page before the next click.
    wait_time = between(2.0, 8.0)
    # Each kind of staff takes the next of its own demo accounts, in turn.
    accounts: Iterator[dict[str, Any]]
    account: dict[str, Any]

    def on_start(self) -> None:
        self.account = next(self.accounts)
        self._sign_in()

    def _sign_in(self) -> None:
        page = self.client.get("/accounts/login/", name="sign-in page")
        token = CSRF.search(page.text)
        self.client.post(
            "/accounts/login/",
            {
                "login": self.account["email"],
                "password": TARGETS["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="sign in",
        )

    def _young_person(self) -> int:
        return int(random.choice(self.account["young_people"]))

    @task(3)
    def overview(self) -> None:
        self.client.get(f"/young-people/{self._young_person()}/", name="overview")


class PersonalAdviser(_Staff):
    weight = 9
    accounts = advisers

    @task(4)
    def work_tray(self) -> None:
        self.client.get("/work-tray/", name="work tray")

    @task(2)
    def caseload(self) -> None:
        self.client.get(f"/caseloads/workers/{self.account['id']}/", name="caseload")

    @task(2)
    def search(self) -> None:
        self.client.get(
            "/young-people/", params={"name": random.choice(TARGETS["names"])}, name="search"
        )

    @task(1)
    def my_figures(self) -> None:
        self.client.get("/insight/my-caseload/", name="caseload dashboard")

    @task(1)
    def write_case_note(self) -> None:
        pk = self._young_person()
        url = f"/young-people/{pk}/case-notes/add/"
        form = self.client.get(url, name="case note form")
        token = CSRF.search(form.text)
        key = SUBMISSION_KEY.search(form.text)
        if not token or not key:
            return
        with self.client.post(
            url,
            {
                "csrfmiddlewaretoken": token.group(1),
                "submission_key": key.group(1),
                "title": f"{MARKER} note",
                "body": "Called to check in about college; all well.",
                "written_on-day": "1",
                "written_on-month": "11",
                "written_on-year": "2026",
                "written_to_young_person": "no",
                "contains_third_party_information": "no",
            },
            allow_redirects=False,
            name="case note save",
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                counts["accepted"] += 1
                response.success()
            else:
                counts["failed"] += 1
                response.failure(f"note not saved: {response.status_code}")


class TeamManager(_Staff):
    weight = 1
    accounts = managers

    @task(3)
    def team_work_tray(self) -> None:
        self.client.get("/work-tray/", params={"show": "team"}, name="work tray (team)")

    @task(2)
    def team_caseload(self) -> None:
        self.client.get(f"/caseloads/teams/{self.account['team']}/", name="caseload (team)")

    @task(2)
    def team_dashboard(self) -> None:
        self.client.get(f"/insight/teams/{self.account['team']}/", name="team dashboard")
