"""The subject access summary as a PDF (WeasyPrint, as careleavers/plans/pdf.py)."""

from __future__ import annotations


def render_summary_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # The template carries its own styles and no external resources, so nothing is fetched.
    return HTML(string=html, base_url=None).write_pdf()
