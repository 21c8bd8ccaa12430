"""Measure the service at size: page latency (p50, p95) and SQL queries, exports and import.

Run by benchmarks/run, which seeds the database first. Pages are requested in-process through
Django's test client with the full middleware stack and DEBUG off, so the figures are the
application's own cost (no network, no gunicorn); the floor page is measured in the same run.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from careleavers.accounts.models import User  # noqa: E402
from careleavers.demo.staff import DEMO_EMAIL_DOMAIN  # noqa: E402
from careleavers.people.models import YoungPerson  # noqa: E402
from careleavers.people.selectors import young_people_visible_to  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
WARM_UP = 3
PAGE_BUDGET_MS = 150.0
FLOOR_RATIO_BUDGET = 5.0
EXPORT_BUDGET_S = 10.0
RESULTS = Path(os.environ.get("BENCH_RESULTS_DIR", ROOT / "benchmarks"))
DEMO_PASSWORD = "Demo-care-leavers-2026"  # noqa: S105  (the published demo password)


@dataclass
class PageResult:
    name: str
    who: str
    p50_ms: float
    p95_ms: float
    queries_median: int
    queries_max: int
    statuses: list[int]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def user(prefix: str) -> User:
    return User.objects.get(email=f"{prefix}@{DEMO_EMAIL_DOMAIN}")


def signed_in(account: User) -> Client:
    client = Client()
    client.force_login(account)
    return client


@dataclass
class Timings:
    """Each timed request's wall time and this process's CPU time (ms), SQL queries and status.
    The CPU time leaves out the database and any wait for a core, so it changes little when
    other work shares the machine."""

    ms: list[float]
    cpu_ms: list[float]
    queries: list[int]
    statuses: list[int]


def time_requests(
    request: Callable[[int], Any], requests: int = REQUESTS, warm_up: int = WARM_UP
) -> Timings:
    """Time `requests` requests after `warm_up` untimed ones."""
    for index in range(warm_up):
        request(index)
    timings = Timings([], [], [], [])
    for index in range(requests):
        with CaptureQueriesContext(connection) as captured:
            started, cpu = time.perf_counter(), time.process_time()
            response = request(index)
            timings.ms.append((time.perf_counter() - started) * 1000)
            timings.cpu_ms.append((time.process_time() - cpu) * 1000)
        timings.queries.append(len(captured.captured_queries))
        timings.statuses.append(response.status_code)
    return timings


def summarise(name: str, who: str, timings: Timings) -> PageResult:
    return PageResult(
        name=name,
        who=who,
        p50_ms=round(percentile(timings.ms, 0.50), 1),
        p95_ms=round(percentile(timings.ms, 0.95), 1),
        queries_median=int(statistics.median(timings.queries)),
        queries_max=max(timings.queries),
        statuses=sorted(set(timings.statuses)),
    )


def measure(name: str, who: str, request: Callable[[int], Any], expect: int = 200) -> PageResult:
    """Time a page; stop the run if any answer is not the `expect`ed status, since a refusal
    or a redirect would time something other than the page."""
    result = summarise(name, who, time_requests(request))
    if result.statuses != [expect]:
        raise SystemExit(f"{name} as {who} answered {result.statuses}, not {expect}")
    print(
        f"{name:<40} {who:<18} p50 {result.p50_ms:7.1f} ms  p95 {result.p95_ms:7.1f} ms  "
        f"queries {result.queries_median}/{result.queries_max}  {result.statuses}",
        flush=True,
    )
    return result


def asking_each_kind(pa_client: Client, manager_client: Client) -> list[PageResult]:
    """The work trays and the manager's home again with the stored work items set aside, as on
    a day the daily job has not yet run: each kind of work is asked, as before the stored items
    were built. So the same run shows what the stored items save."""
    from careleavers.casework.models import StoredWorkDay

    if not StoredWorkDay.objects.filter(set_aside=False).exists():
        raise SystemExit("No stored work items: run seed_demo or run_scheduled_jobs first.")
    StoredWorkDay.objects.update(set_aside=True)
    try:
        tray = reverse("casework:work_tray")
        return [
            measure("work tray, asking each kind", "adviser", lambda i: pa_client.get(tray)),
            measure(
                "work tray, asking each kind", "team manager", lambda i: manager_client.get(tray)
            ),
            measure(
                "work tray, team view, asking each kind",
                "team manager",
                lambda i: manager_client.get(tray, {"show": "team"}),
            ),
            measure(
                "home, asking each kind",
                "team manager",
                lambda i: manager_client.get(reverse("core:home")),
            ),
        ]
    finally:
        StoredWorkDay.objects.update(set_aside=False)


def pages() -> list[PageResult]:
    rng = random.Random(2022)
    pa, manager, head = user("pa"), user("manager"), user("head")
    caseload = list(
        young_people_visible_to(user=pa)
        .filter(allocations__worker=pa, allocations__end=None)
        .values_list("pk", flat=True)[:200]
    )
    everyone = list(YoungPerson.objects.values_list("pk", "last_name")[:: max(1, 1000)])
    surnames = [last_name for _, last_name in everyone] or ["Smith"]

    def sign_in(index: int) -> Any:
        return Client().post(
            reverse("account_login"),
            {"login": f"pa@{DEMO_EMAIL_DOMAIN}", "password": DEMO_PASSWORD},
        )

    # Signed in for real before the other clients are made: the first sign-in rewrites an
    # older password hash as Argon2id, which ends the adviser's other sessions.
    signing_in = measure("sign-in (password check included)", "adviser", sign_in, expect=302)
    pa_client, manager_client, head_client = signed_in(pa), signed_in(manager), signed_in(head)
    results = [
        measure("floor (trivial view)", "adviser", lambda i: pa_client.get("/benchmark/floor")),
        measure(
            "empty page in the layout", "adviser", lambda i: pa_client.get("/benchmark/empty")
        ),
        signing_in,
    ]

    results.append(measure("home", "adviser", lambda i: pa_client.get(reverse("core:home"))))
    results.append(
        measure(
            "search by surname",
            "head of service",
            lambda i: head_client.get(reverse("people:search"), {"name": rng.choice(surnames)}),
        )
    )
    results.append(
        measure(
            "search by surname",
            "adviser",
            lambda i: pa_client.get(reverse("people:search"), {"name": rng.choice(surnames)}),
        )
    )
    results.append(
        measure(
            "young person's overview",
            "adviser",
            lambda i: pa_client.get(
                reverse("people:overview", kwargs={"pk": caseload[i % len(caseload)]})
            ),
        )
    )
    results.append(
        measure(
            "caseload (own)",
            "adviser",
            lambda i: pa_client.get(reverse("casework:worker_caseload", kwargs={"pk": pa.pk})),
        )
    )
    if manager.team_id:
        results.append(
            measure(
                "caseload (team)",
                "team manager",
                lambda i: manager_client.get(
                    reverse("casework:team_caseload", kwargs={"pk": manager.team_id})
                ),
            )
        )
    results.append(
        measure("work tray", "adviser", lambda i: pa_client.get(reverse("casework:work_tray")))
    )
    results.append(
        measure(
            "work tray",
            "team manager",
            lambda i: manager_client.get(reverse("casework:work_tray")),
        )
    )
    results.append(
        measure(
            "work tray, team view",
            "team manager",
            lambda i: manager_client.get(reverse("casework:work_tray"), {"show": "team"}),
        )
    )
    results.append(
        measure("home", "team manager", lambda i: manager_client.get(reverse("core:home")))
    )
    results.extend(asking_each_kind(pa_client, manager_client))
    for name, url_name, client, who in dashboards(head_client, manager_client, manager, pa_client):
        results.append(measure(name, who, lambda i, c=client, u=url_name: c.get(u)))
    plan_ids = plan_pdfs_for(pa)
    if len(plan_ids) < WARM_UP + REQUESTS:
        raise SystemExit(f"Only {len(plan_ids)} plans to print; the PDF rows need more.")
    if plan_ids:
        unprinted = itertools.cycle(plan_ids)

        def pdf(plan_pk: int) -> Any:
            return pa_client.get(reverse("plans:plan_pdf", kwargs={"plan_pk": plan_pk}))

        # Each request a plan not printed before in this run: laid out by WeasyPrint.
        results.append(
            measure("pathway plan PDF, first print", "adviser", lambda i: pdf(next(unprinted)))
        )
        # The same few plans again: served from the cache (plans/pdf.py).
        results.append(
            measure("pathway plan PDF, printed again", "adviser", lambda i: pdf(plan_ids[i % 3]))
        )
    return results


def dashboards(
    head_client: Client, manager_client: Client, manager: User, pa_client: Client
) -> list[tuple[str, str, Client, str]]:
    """The insight dashboards: the whole service, the manager's team (both read the overnight
    count) and the adviser's own caseload (counted live)."""
    found = [
        ("head of service dashboard", reverse("insight:service"), head_client, "head of service"),
        ("caseload dashboard", reverse("insight:my_caseload"), pa_client, "adviser"),
    ]
    if manager.team_id:
        found.append(
            (
                "team dashboard",
                reverse("insight:team", kwargs={"pk": manager.team_id}),
                manager_client,
                "team manager",
            )
        )
    return found


def plan_pdfs_for(adviser: User) -> list[int]:
    """Authorised plans of young people the adviser may see: enough for every request of the
    "first print" row to lay out a plan not printed before."""
    from careleavers.plans.models import PathwayPlan

    return list(
        PathwayPlan.objects.filter(
            young_person__in=young_people_visible_to(user=adviser),
            state__in=["authorised", "shared"],
        )
        .order_by("pk")
        .values_list("pk", flat=True)[: WARM_UP + REQUESTS]
    )


def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return round(time.perf_counter() - started, 1)


def made_in_background(request: Callable[[], Any], make: Callable[..., Any]) -> None:
    """Ask for a file as a member of staff does, then make it as the background worker does
    (core/file_jobs.py): what the person asking waits for, from the queue to the stored file."""
    from careleavers.core.file_jobs import file_job_make
    from careleavers.core.models import FileJob

    job = request()
    file_job_make(job_id=job.pk, make=make)
    job.refresh_from_db()
    assert job.status == FileJob.Status.DONE, (job.status, job.failure)


def exports() -> dict[str, float]:
    from careleavers.returns import services

    out = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    head = user("head")
    try:
        year = int(os.environ.get("BENCH_903_YEAR", "2026"))
        return {
            "export_ssda903 (command, four CSVs)": timed(
                lambda: call_command("export_ssda903", year=year, out=out / "903")
            ),
            "export_ssda903 (background task, the zip staff download)": timed(
                lambda: made_in_background(
                    lambda: services.ssda903_export_request(acting_user=head, year=year),
                    services.ssda903_export_make,
                )
            ),
            "export_annex_a (command, xlsx)": timed(
                lambda: call_command("export_annex_a", out=out / "annex-a.xlsx")
            ),
            "export_annex_a (background task, the xlsx staff download)": timed(
                lambda: made_in_background(
                    lambda: services.annex_a_export_request(acting_user=head, file_format="xlsx"),
                    services.annex_a_export_make,
                )
            ),
        }
    finally:
        shutil.rmtree(out)


def import_tenfold() -> dict[str, Any]:
    """import_ssda903 of the sample return repeated to ten times its size, into an empty
    database (so reruns measure the same work)."""
    from careleavers.returns.tests.test_import import clean_copy

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        once = work / "once"
        once.mkdir()
        single = clean_copy(once)
        tenfold = work / "tenfold"
        tenfold.mkdir()
        rows = 0
        for source in single.glob("*.csv"):
            with source.open(newline="", encoding="utf-8-sig") as handle:
                records = list(csv.DictReader(handle))
            if not records:
                continue
            with (tenfold / source.name).open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(records[0]))
                writer.writeheader()
                for copy in range(10):
                    for record in records:
                        if "CHILD" in record:
                            record = {**record, "CHILD": f"{record['CHILD']}{copy}"}
                        writer.writerow(record)
                        rows += 1
        env = {**os.environ, "DATABASE_URL": os.environ["BENCH_IMPORT_DATABASE_URL"]}
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "import_ssda903",
                str(tenfold),
                "--year",
                "2019",
            ],
            check=True,
            env=env,
            cwd=ROOT,
        )
        seconds = time.perf_counter() - started
        return {
            "rows": rows,
            "seconds": round(seconds, 1),
            "rows_per_second": round(rows / seconds, 1),
        }
    finally:
        shutil.rmtree(work)


def write(
    results: list[PageResult], export_times: dict[str, float], imported: dict[str, Any]
) -> None:
    floor = results[0].p95_ms
    young_people = YoungPerson.objects.count()
    seed_log = RESULTS / f"seed-{os.environ.get('BENCH_YOUNG_PEOPLE', '')}.json"
    seed = json.loads(seed_log.read_text()) if seed_log.exists() else None
    data = {
        "young_people": young_people,
        "requests_per_page": REQUESTS,
        "seed": seed,
        "pages": [
            result.__dict__ | {"ratio_to_floor": round(result.p95_ms / floor, 1)}
            for result in results
        ],
        "exports_seconds": export_times,
        "import": imported,
    }
    (RESULTS / "results.json").write_text(json.dumps(data, indent=2) + "\n")
    lines = [
        f"# Benchmark results: {young_people:,} young people",
        "",
        f"PostgreSQL on this machine (2 cores), {REQUESTS} requests per page after "
        f"{WARM_UP} warm-up requests, in-process through the full middleware, DEBUG off. "
        f"Budgets: page p95 at most {PAGE_BUDGET_MS:.0f} ms and at most "
        f"{FLOOR_RATIO_BUDGET:.0f} times the floor; exports at most {EXPORT_BUDGET_S:.0f} s.",
        "",
        "| Page | As | p50 ms | p95 ms | p95 / floor | Queries (median / max) | "
        f"p95 within {PAGE_BUDGET_MS:.0f} ms | Within {FLOOR_RATIO_BUDGET:.0f} x floor |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for result in results:
        ratio = result.p95_ms / floor
        absolute = "met" if result.p95_ms <= PAGE_BUDGET_MS else "MISSED"
        relative = "met" if ratio <= FLOOR_RATIO_BUDGET else "MISSED"
        lines.append(
            f"| {result.name} | {result.who} | {result.p50_ms} | {result.p95_ms} | "
            f"{ratio:.1f} | {result.queries_median} / {result.queries_max} | "
            f"{absolute} | {relative} |"
        )
    lines += [
        "",
        f"| Export or job | Seconds | Budget ({EXPORT_BUDGET_S:.0f} s for exports) |",
        "|---|---:|---|",
    ]
    for name, seconds in export_times.items():
        verdict = "met" if seconds <= EXPORT_BUDGET_S else "MISSED"
        if not name.startswith("export"):
            verdict = "a nightly job: no budget"
        lines.append(f"| {name} | {seconds} | {verdict} |")
    lines += [
        "",
        f"import_ssda903 of the sample return ten times over: {imported['rows']:,} rows in "
        f"{imported['seconds']} s ({imported['rows_per_second']:,} rows a second).",
    ]
    if seed:
        lines.append(
            f"seed_demo: {seed['young_people']:,} young people in {seed['seconds']} s "
            f"({seed['young_people_per_second']:,} a second)."
        )
    print("\n".join(lines))
    (RESULTS / "results.md").write_text(
        "\n".join(lines + kept_sections(RESULTS / "results.md")) + "\n"
    )


# Sections of results.md written by hand below the generated tables (the stored work items,
# the exports, the whole-site crawl's before and after) each start with a second-level heading,
# and all of them survive a new run.
KEPT_HEADING = "## "


def kept_sections(results_md: Path) -> list[str]:
    text = results_md.read_text() if results_md.exists() else ""
    start = text.find(f"\n{KEPT_HEADING}")
    return ["", text[start + 1 :].rstrip("\n")] if start >= 0 else []


def main() -> None:
    # An empty cache, as after a deploy, so a rerun times the same work.
    cache.clear()
    # The nightly job first, as it would have run before anyone opened a dashboard.
    nightly = timed(lambda: call_command("insight_daily_figures"))
    with override_settings(ROOT_URLCONF="benchmarks.urls", ALLOWED_HOSTS=["testserver"]):
        results = pages()
    if os.environ.get("BENCH_PAGES_ONLY"):
        return  # while working on a page: the timings above, no results files
    export_times = {"nightly count of the dashboards' figures": nightly, **exports()}
    imported = import_tenfold()
    write(results, export_times, imported)


if __name__ == "__main__":
    main()
