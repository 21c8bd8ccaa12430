"""Every PDF is tagged for screen readers (core/pdf.py), read back from a real layout."""

from __future__ import annotations

from careleavers.core.pdf import html_to_pdf
from careleavers.core.tests.pdf_structure import tagged_pdf_facts

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Subject access summary</title></head><body>
<h1>What we hold about you</h1><p>A summary.</p>
<ul><li>Case notes</li></ul>
<table><thead><tr><th>Record</th></tr></thead><tbody><tr><td>Contact</td></tr></tbody></table>
</body></html>"""


def test_a_pdf_is_tagged_with_its_language_title_and_structure() -> None:
    facts = tagged_pdf_facts(html_to_pdf(PAGE))
    assert facts.marked
    assert facts.language == "en-GB"
    assert facts.title == "Subject access summary"
    # In reading order: the heading, the paragraph, the list, then the table with its header.
    assert facts.tags.index("H1") < facts.tags.index("P") < facts.tags.index("L")
    assert facts.tags.index("L") < facts.tags.index("Table") < facts.tags.index("TH")
