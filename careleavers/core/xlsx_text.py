"""One sheet of text cells as an Excel workbook (.xlsx), written as it streams: for exports of
a hundred thousand rows or more (Ofsted Annex A List 9).

Why not openpyxl, XlsxWriter or PyExcelerate: each builds an object, or formats a value, per
cell, and at 100,000 care leavers (1.7 million cells) they took 12.6, 9.4 and 7.6 s of CPU (6
December 2026, this machine) against an export's whole budget of 10 s. Cells here are only ever
text, with one heading row frozen, so the file is simple enough to write directly: an
Office Open XML package (ECMA-376 Part 1, SpreadsheetML) holding one worksheet and a shared
string table, so each distinct text is escaped and stored once however many rows repeat it.
The tests read every file back with openpyxl.

The other workbooks the service writes (small, styled: the dashboards' downloads) use openpyxl.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

# Characters XML 1.0 does not allow at all (a stray control character in a name would make the
# whole file unreadable); they are dropped from the text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/sharedStrings"/>'
    '<Relationship Id="rId3" Target="styles.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/styles"/>'
    "</Relationships>"
)
# The least a styles part holds for Excel to open the file without a repair: one font, the two
# fills Excel reserves, one border, one cell format and the Normal style.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _workbook(sheet_name: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        f'<sheets><sheet name={quoteattr(sheet_name)} sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )


def _sheet_start(widths: Sequence[float]) -> str:
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
        for n, width in enumerate(widths, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        # The heading row stays in view as the rows scroll.
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        + (f"<cols>{columns}</cols>" if columns else "")
        + "<sheetData>"
    )


def write_text_workbook(
    out: BinaryIO,
    *,
    sheet_name: str,
    heading: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float] = (),
) -> int:
    """Write a workbook of one sheet, `sheet_name`: the `heading` row (frozen) and then `rows`,
    every cell text (an empty text leaves its cell empty). Returns the number of rows written
    after the heading. `widths` are the columns' widths in characters, left to right."""
    strings: dict[str, int] = {}
    letters = [get_column_letter(n) for n in range(1, len(heading) + 1)]
    # Compression level 1: the sheet is tens of megabytes of repetitive XML, and the default
    # level took three times as long for a file about a fifth larger.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("xl/workbook.xml", _workbook(sheet_name))
        package.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        package.writestr("xl/styles.xml", _STYLES)
        count = 0
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_sheet_start(widths).encode())
            chunk: list[str] = []
            for number, values in enumerate(_with_heading(heading, rows), start=1):
                cells = []
                for letter, text in zip(letters, values, strict=True):
                    if not text:
                        continue
                    index = strings.get(text)
                    if index is None:
                        index = strings[text] = len(strings)
                    cells.append(f'<c r="{letter}{number}" t="s"><v>{index}</v></c>')
                chunk.append(f'<row r="{number}">{"".join(cells)}</row>')
                count = number - 1
                if len(chunk) == 1000:
                    sheet.write("".join(chunk).encode())
                    chunk.clear()
            sheet.write(("".join(chunk) + "</sheetData></worksheet>").encode())
        with package.open("xl/sharedStrings.xml", "w", force_zip64=True) as shared:
            shared.write(
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">'.encode()
            )
            # A dict keeps the order the texts were first met, which is their index.
            shared.write(
                "".join(
                    f'<si><t xml:space="preserve">{escape(_NOT_XML.sub("", text))}</t></si>'
                    for text in strings
                ).encode()
            )
            shared.write(b"</sst>")
    return count


def _with_heading(
    heading: Sequence[str], rows: Iterable[Sequence[str]]
) -> Iterable[Sequence[str]]:
    yield heading
    yield from rows
