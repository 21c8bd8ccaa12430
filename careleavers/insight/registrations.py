"""Insight's entries in the shared registries: navigation, home page links, the monthly
snapshot job and the overnight count of the dashboards' figures."""

from __future__ import annotations

from typing import Any

from careleavers.core.home import HomePanel, home_panels
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.navigation import MANAGING
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register
from careleavers.insight.home_panel import off_target
from careleavers.insight.indicators import registered_indicators
from careleavers.insight.measures import (
    accommodation,
    casework,
    learning,
    offer,
    plans,
    transitions,
)


def _snapshot_job(today: Any) -> str:
    from careleavers.insight.snapshots import run_monthly_job

    return run_monthly_job(today)


def _daily_job(today: Any) -> str:
    from careleavers.insight.daily import run_daily_job

    return run_daily_job(today)


home_panels.register(
    HomePanel(
        key="insight_off_target",
        template="insight/home_off_target.html",
        context=off_target,
        order=20,
    )
)
pages_register(
    ServicePage(
        "Performance",
        "insight:index",
        "insight.view_index",
        80,
        section=MANAGING,
        description=(
            "Dashboards of the service's indicators against targets and national figures, with "
            "the young people behind every number."
        ),
    ),
    ServicePage(
        "Self-assessment pack",
        "insight:pack",
        "insight.view_pack",
        81,
        section=HOME_PAGE_ONLY,
        description=(
            "Indicators, trends, benchmarks, audits and young people's feedback, by Ofsted's care "
            "leaver judgement areas, as a page and a PDF."
        ),
    ),
)
# After the records' own daily jobs, so the figures count today's categories and dues.
scheduled_jobs.register(
    ScheduledJob(name="insight_monthly_snapshots", run=_snapshot_job, order=900)
)
scheduled_jobs.register(ScheduledJob(name="insight_daily_figures", run=_daily_job, order=900))

for module in (casework, plans, accommodation, offer, learning, transitions):
    for indicator in module.INDICATORS:
        registered_indicators.register(indicator)
