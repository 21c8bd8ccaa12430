"""The self-assessment pack: the service's indicators by Ofsted's care leaver judgement areas,
with their 12 and 24-month trends and benchmarks, then audit findings and themes, the EET
panel's themes and what young people have said. An HTML page and a PDF (WeasyPrint), for the
head of service and performance analysts. The PDF takes seconds to count and lay out, so it is
made in the background (`pack_make`, tasks.py) and downloaded from its progress page.

Audit findings and young people's feedback belong to the quality app, which sits above insight:
it adds them through `pack_evidence` (its registrations.py). Without it the pack still renders,
saying the audits are not available.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from careleavers.core.dates import add_months, month_start
from careleavers.core.file_jobs import MadeFile, Progress
from careleavers.core.models import FileJob
from careleavers.core.pdf import html_to_pdf
from careleavers.core.practice_framework import JUDGEMENT_AREAS
from careleavers.core.registry import Registry
from careleavers.core.replica import reads_from_replica
from careleavers.insight import presenters, selectors
from careleavers.insight.benchmarks import Comparison
from careleavers.insight.indicators import Indicator
from careleavers.insight.models import IndicatorSnapshot, ScopeKind
from careleavers.insight.periods import previous_month_end
from careleavers.people.category import Category

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PackEvidence:
    """Evidence another app holds for the pack: `context(start=, end=)` gives the template's
    values under `key` ("audits", "feedback"), for the 12 months from `start` to `end`."""

    key: str
    context: Callable[..., dict[str, Any]]


pack_evidence: Registry[PackEvidence] = Registry(
    "self-assessment pack evidence", key=lambda part: part.key
)


@dataclass(frozen=True)
class PackIndicator:
    indicator: Indicator
    now: str
    detail: str
    last_month: str
    year_ago: str
    two_years_ago: str
    over_year: str  # direction of travel over 12 months, in words
    over_two_years: str
    target: str
    comparison: Comparison | None
    england: str
    region: str
    neighbours: str


@dataclass(frozen=True)
class PackArea:
    key: str
    title: str
    indicators: list[PackIndicator]


def _snapshot_months(on: datetime.date) -> tuple[datetime.date, datetime.date, datetime.date]:
    """Last month, and the same month as this one a year and two years ago (the oldest of the
    24 monthly snapshots)."""
    this_month = month_start(on)
    return (
        month_start(previous_month_end(on)),
        add_months(this_month, -12),
        add_months(this_month, -24),
    )


def _areas(view: selectors.ScopeView, on: datetime.date) -> list[PackArea]:
    rows = selectors.dashboard(view=view)
    last, year_ago, two_years_ago = _snapshot_months(on)
    snapshots: dict[tuple[str, datetime.date], IndicatorSnapshot] = {
        (row.indicator_key, row.month): row
        for row in IndicatorSnapshot.objects.filter(
            scope_kind=ScopeKind.SERVICE, scope_id=0, month__in=[last, year_ago, two_years_ago]
        )
    }
    by_area: dict[str, list[PackIndicator]] = {}
    for row in rows:
        item = row.indicator
        now = presenters.figure_value(item, row.figure)

        def then(month: datetime.date, item: Indicator = item) -> float | None:
            return presenters.figure_value(item, snapshots.get((item.key, month)))

        before_year, before_two = then(year_ago), then(two_years_ago)
        comparison = row.comparison

        def bench(value: float | None, item: Indicator = item) -> str:
            return presenters.value_text(item, value) if value is not None else "Not published"

        by_area.setdefault(item.area, []).append(
            PackIndicator(
                indicator=item,
                now=presenters.figure_text(item, row.figure),
                detail=presenters.figure_detail(item, row.figure),
                last_month=presenters.value_text(item, then(last)),
                year_ago=presenters.value_text(item, before_year),
                two_years_ago=presenters.value_text(item, before_two),
                over_year=presenters.direction(item, now, before_year, on=on).short,
                over_two_years=presenters.direction(item, now, before_two, on=on).short,
                target=presenters.target_status(
                    item, now, selectors.target_for(item, row.target), on=on
                )[0],
                comparison=comparison,
                england=bench(comparison.england) if comparison else "No comparator",
                region=bench(comparison.region) if comparison else "No comparator",
                neighbours=bench(comparison.neighbours) if comparison else "No comparator",
            )
        )
    keys = [key for key, _ in JUDGEMENT_AREAS] + sorted(
        key for key in by_area if key not in dict(JUDGEMENT_AREAS)
    )
    return [
        PackArea(key=key, title=presenters.area_title(key), indicators=by_area.get(key, []))
        for key in keys
    ]


def _eet_themes(on: datetime.date) -> dict[str, Any]:
    from careleavers.learning.selectors import theme_summary

    summary = theme_summary(today=on)
    return {
        "meetings": summary.meetings,
        "months": f"{summary.month_labels[0]} to {summary.month_labels[-1]}",
        "reasons": [(row.label, row.total, row.trend) for row in summary.reasons],
        "actions": [(row.label, row.total, row.trend) for row in summary.actions],
        "durations": [
            (row.label, row.row.young_people, row.row.median_days, row.row.still_neet)
            for row in summary.durations
        ],
    }


def _cohort(view: selectors.ScopeView) -> list[tuple[str, int]]:
    counts = selectors.category_counts(young_people=view.scope.young_people)
    return [
        (category.label, counts.get(category.value, 0))
        for category in Category
        if category is not Category.NONE
    ]


def pack_context(*, user: Any, on: datetime.date) -> dict[str, Any]:
    view = selectors.service_scope(user=user, on=on)
    start = add_months(on, -12) + datetime.timedelta(days=1)
    return {
        "on": on,
        "start": start,
        "council": settings.BRANDING.get("council_name", "") or selectors.council_name(),
        "branding": settings.BRANDING,
        "areas": _areas(view, on),
        "cohort": _cohort(view),
        "eet": _eet_themes(on),
        # Audit findings and young people's feedback, from the quality app (its registrations).
        **{part.key: part.context(start=start, end=on) for part in pack_evidence},
        "neighbours": selectors.neighbour_names(),
    }


def render_pack_pdf(context: dict[str, Any]) -> bytes:
    return html_to_pdf(render_to_string("insight/pack_pdf.html", context))


# The PDF, made in the background (core/file_jobs.py, tasks.py) -------------------------------

PACK_FILE = "insight.pack"


def pack_make(job: FileJob, out: BinaryIO, progress: Progress) -> MadeFile:
    """The task's work: the pack as it stood on the day it was asked for, for the person who
    asked (the figures are those they may read), laid out as a PDF."""
    on = timezone.localdate(job.requested_at)
    progress.step("Gathering the figures, audits and feedback.")
    with reads_from_replica():
        context = pack_context(user=job.requested_by, on=on)
    progress.step("Laying out the PDF.")
    out.write(render_pack_pdf(context))
    return MadeFile(
        download_name=f"self-assessment-{on:%Y-%m-%d}.pdf",
        content_type="application/pdf",
        # The event the direct download wrote (services.export_recorded).
        audit_subject_type="insight.export",
        audit_subject_id="self-assessment pack",
        audit_detail={
            "what": "self-assessment pack",
            "scope": "service",
            "indicator": "",
            "rows": 0,
        },
    )
