"""Insight's entries in the shared registries: navigation, home page links, the monthly
snapshot job and the overnight count of the dashboards' figures."""

from __future__ import annotations

from typing import Any

from careleavers.casework.rules import can
from careleavers.core.home import HomeLink
from careleavers.core.home import register as register_home
from careleavers.core.jobs import ScheduledJob, register_job
from careleavers.core.navigation import MANAGING, NavEntry
from careleavers.core.navigation import register as register_nav


def _allowed(permission: str) -> Any:
    def allowed(user: Any) -> bool:
        return can(user, permission)

    return allowed


def _snapshot_job(today: Any) -> str:
    from careleavers.insight.snapshots import run_monthly_job

    return run_monthly_job(today)


def _daily_job(today: Any) -> str:
    from careleavers.insight.daily import run_daily_job

    return run_daily_job(today)


def register() -> None:
    from careleavers.core.home import HomePanel, home_panels
    from careleavers.insight.home_panel import off_target

    home_panels.register(
        HomePanel(
            key="insight_off_target",
            template="insight/home_off_target.html",
            context=off_target,
            order=20,
        )
    )
    register_nav(
        NavEntry(
            text="Performance",
            url_name="insight:index",
            allowed=_allowed("insight.view_index"),
            order=80,
            section=MANAGING,
        )
    )
    for text, url_name, permission, order, description in (
        (
            "Performance",
            "insight:index",
            "insight.view_index",
            80,
            "Dashboards of the service's indicators against targets and national figures, "
            "with the young people behind every number.",
        ),
        (
            "Self-assessment pack",
            "insight:pack",
            "insight.view_pack",
            81,
            "Indicators, trends, benchmarks, audits and young people's feedback, by Ofsted's "
            "care leaver judgement areas, as a page and a PDF.",
        ),
    ):
        register_home(
            HomeLink(
                text=text,
                url_name=url_name,
                description=description,
                allowed=_allowed(permission),
                order=order,
            )
        )
    # After the records' own daily jobs, so the figures count today's categories and dues.
    register_job(ScheduledJob(name="insight_monthly_snapshots", run=_snapshot_job, order=900))
    register_job(ScheduledJob(name="insight_daily_figures", run=_daily_job, order=900))
