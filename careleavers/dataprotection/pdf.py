"""The subject access summary as a PDF (core/pdf.py: tagged for screen readers)."""

from __future__ import annotations

from careleavers.core.pdf import html_to_pdf


def render_summary_pdf(html: str) -> bytes:
    return html_to_pdf(html)
