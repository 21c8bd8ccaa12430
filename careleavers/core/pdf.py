"""Every PDF the service makes, laid out by WeasyPrint from a page of HTML.

Each is tagged (PDF/UA-1): headings, paragraphs, lists and tables are marked in the file, with
its language and title, so a screen reader reads a young person's pathway plan or their subject
access summary in order, as it reads the web page. The templates carry their own styles and no
external resources, so nothing is fetched while laying out.
"""

from __future__ import annotations

# PDF/UA-1 turns on WeasyPrint's tags and writes the title (from <title>) and language (from
# <html lang>) where readers look for them.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=None).write_pdf(pdf_variant=PDF_VARIANT)
    return pdf
