"""The subject access summary as a PDF (WeasyPrint, as careleavers/plans/pdf.py)."""

from __future__ import annotations

from typing import Any


def render_summary_pdf(*, young_person: Any, details: Any, result: Any) -> bytes:
    from weasyprint import HTML

    from careleavers.dataprotection.export import summary_html

    html = summary_html(young_person=young_person, details=details, result=result)
    # The template carries its own styles and no external resources, so nothing is fetched.
    return HTML(string=html, base_url=None).write_pdf()
