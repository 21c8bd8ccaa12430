"""The young person's copy of their authorised pathway plan, as a PDF (WeasyPrint).

Written to the young person in plain English: one heading per Schedule 1 section, their own words
first, then what their personal adviser thinks and what will happen. Their personal adviser's
details and the duty numbers are on the first page, where they will look for them.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from careleavers.core.file_jobs import WAITING_TOO_LONG
from careleavers.core.pdf import html_to_pdf
from careleavers.plans.models import PathwayPlan
from careleavers.plans.snapshots import plan_snapshot

logger = logging.getLogger(__name__)


def personal_adviser_of(young_person: Any) -> Any | None:
    """The young person's current personal adviser, if one is allocated."""
    from careleavers.casework.models import Allocation, WorkerRole

    allocation = (
        Allocation.objects.filter(
            young_person=young_person, role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
        )
        .select_related("worker")
        .first()
    )
    return allocation.worker if allocation else None


def plan_pdf_context(*, plan: PathwayPlan) -> dict[str, Any]:
    young_person = plan.young_person
    team = young_person.team
    branding = settings.BRANDING
    return {
        "plan": plan,
        "snapshot": plan_snapshot(plan=plan),
        "young_person": young_person,
        "adviser": personal_adviser_of(young_person),
        "duty_phone": (team.duty_phone if team and team.duty_phone else branding["duty_phone"]),
        "out_of_hours_phone": branding["out_of_hours_phone"],
        "branding": branding,
        "printed_on": timezone.localdate(),
    }


# A rendered PDF is kept for a day: laying out a plan takes WeasyPrint about 100 ms of one
# core, and a plan is printed by its worker and downloaded by the young person, often more than
# once. The key is a hash of the page's HTML, so any change to what the PDF would say (the plan,
# the adviser, the duty numbers, the day it is made) is a different key: nothing stale is served.
PDF_CACHE_SECONDS = 24 * 60 * 60

# The layout itself is never done in a web request: it is a background task (tasks.py), asked
# for when a plan is authorised and when a print finds no PDF laid out yet. Beside each key the
# cache notes when the layout was asked for, and whether it failed, for the page that waits.
ASKED = ":asked"


def _cache_key(html: str) -> str:
    return "plans:pdf:" + hashlib.sha256(html.encode("utf-8")).hexdigest()


def _html(plan: PathwayPlan) -> str:
    return render_to_string("plans/pdf/plan.html", plan_pdf_context(plan=plan))


def render_plan_pdf(*, plan: PathwayPlan) -> bytes:
    """Lay out the plan's PDF (or take it from the cache). For the background task and the
    command line; a web request asks for it with `plan_pdf_or_preparing`."""
    html = _html(plan)
    key = _cache_key(html)
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


@dataclass(frozen=True)
class Preparing:
    """A plan's PDF that is not laid out yet: when it was asked for, and whether the layout
    failed (the page then offers to try again instead of waiting)."""

    asked_at: datetime.datetime
    failed: bool = False

    @property
    def waiting_long(self) -> bool:
        """Waiting long enough that the background worker may not be running."""
        return timezone.now() - self.asked_at > WAITING_TOO_LONG


def plan_pdf_or_preparing(*, plan: PathwayPlan, again: bool = False) -> bytes | Preparing:
    """The plan's PDF if it is laid out; otherwise its layout is asked for (once), and what is
    known about it. With the test settings' immediate task backend the PDF is laid out at once.
    `again` asks again (after a failure, or a long wait for a worker)."""
    from careleavers.plans.tasks import plan_pdf_task

    key = _cache_key(_html(plan))
    pdf = cache.get(key)
    if pdf is not None:
        return pdf
    asked = cache.get(key + ASKED)
    if asked is None or again:
        asked = {"at": timezone.now().isoformat(), "failed": False}
        cache.set(key + ASKED, asked, PDF_CACHE_SECONDS)
        # Not on commit: the plan is already saved, and the print is not a change to wait for.
        plan_pdf_task.enqueue(plan.pk)
        pdf = cache.get(key)
        if pdf is not None:
            return pdf
        asked = cache.get(key + ASKED) or asked
    return Preparing(
        asked_at=datetime.datetime.fromisoformat(asked["at"]), failed=bool(asked.get("failed"))
    )


def plan_pdf_prepare(*, plan_id: int) -> None:
    """The task: lay out a plan's PDF into the cache, or note that it failed."""
    plan = PathwayPlan.objects.select_related("young_person__team").get(pk=plan_id)
    try:
        render_plan_pdf(plan=plan)
    except Exception:
        logger.exception("Could not lay out the PDF of plan %s", plan_id)
        key = _cache_key(_html(plan)) + ASKED
        asked = cache.get(key) or {"at": timezone.now().isoformat()}
        cache.set(key, {**asked, "failed": True}, PDF_CACHE_SECONDS)
        raise
