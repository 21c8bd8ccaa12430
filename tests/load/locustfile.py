"""A realistic mix for the load test: personal advisers reading their work and writing notes.

Each simulated adviser signs in through the real sign-in form, then mostly reads (work tray,
caseload, a young person's overview, search) and sometimes writes a case note. Every note
carries the run's marker in its title and every accepted note is counted here, so the fault
test can check that no committed write was lost (tests/load/run compares with the database).
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, events, task

TARGETS = json.loads(os.environ["LOAD_TARGETS"])  # written by tests/load/run
MARKER = os.environ.get("LOAD_MARKER", "load-test")
ACCEPTED = Path(os.environ.get("LOAD_ACCEPTED_FILE", "/tmp/load-accepted-notes"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
accepted_notes = 0


@events.test_stop.add_listener
def _write_count(**_: object) -> None:
    ACCEPTED.write_text(str(accepted_notes))


class PersonalAdviser(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", name="sign-in page")
        token = CSRF.search(page.text)
        self.client.post(
            "/accounts/login/",
            {
                "login": TARGETS["email"],
                "password": TARGETS["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": self.host + "/accounts/login/"},
            name="sign in",
        )

    def _young_person(self) -> int:
        return random.choice(TARGETS["young_people"])

    @task(4)
    def work_tray(self) -> None:
        self.client.get("/work-tray/", name="work tray")

    @task(4)
    def overview(self) -> None:
        self.client.get(f"/young-people/{self._young_person()}/", name="overview")

    @task(2)
    def caseload(self) -> None:
        self.client.get(f"/caseloads/workers/{TARGETS['worker']}/", name="caseload")

    @task(2)
    def search(self) -> None:
        self.client.get("/young-people/", params={"name": random.choice(TARGETS["names"])},
                        name="search")

    @task(1)
    def write_case_note(self) -> None:
        global accepted_notes
        pk = self._young_person()
        url = f"/young-people/{pk}/case-notes/add/"
        form = self.client.get(url, name="case note form")
        token = CSRF.search(form.text)
        if not token:
            return
        with self.client.post(
            url,
            {
                "csrfmiddlewaretoken": token.group(1),
                "title": f"{MARKER} note",
                "body": "Called to check in about college; all well.",
                "written_on-day": "1",
                "written_on-month": "11",
                "written_on-year": "2026",
                "written_to_young_person": "no",
                "contains_third_party_information": "no",
            },
            headers={"Referer": self.host + url},
            allow_redirects=False,
            name="case note save",
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                accepted_notes += 1
                response.success()
            else:
                response.failure(f"note not saved: {response.status_code}")
