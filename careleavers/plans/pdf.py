"""The young person's copy of their authorised pathway plan, as a PDF (WeasyPrint).

Written to the young person in plain English: one heading per Schedule 1 section, their own words
first, then what their personal adviser thinks and what will happen. Their personal adviser's
details and the duty numbers are on the first page, where they will look for them.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from careleavers.plans.models import PathwayPlan
from careleavers.plans.snapshots import plan_snapshot


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


def _cache_key(html: str) -> str:
    return "plans:pdf:" + hashlib.sha256(html.encode("utf-8")).hexdigest()


def render_plan_pdf(*, plan: PathwayPlan) -> bytes:
    from weasyprint import HTML

    html = render_to_string("plans/pdf/plan.html", plan_pdf_context(plan=plan))
    key = _cache_key(html)
    pdf = cache.get(key)
    if pdf is None:
        # The template carries its own styles and no external resources, so nothing is fetched.
        pdf = HTML(string=html, base_url=None).write_pdf()
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf
