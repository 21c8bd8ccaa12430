"""Build a subject access file: a zip of a PDF summary and one CSV per kind of record.

`write_subject_access_zip` writes everything `discovery.record_kinds()` finds about one young
person. Each CSV has every stored field of every row (nothing is left out or redacted) and a
last column saying which values must be checked for other people's information before release;
the PDF lists the same in its redaction checklist, with the Art. 15 information a reply must
give. The caller hashes the finished file and records the hash.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, BinaryIO

from django.apps import apps
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone

from careleavers.core.spreadsheets import safe_cell, safe_row
from careleavers.dataprotection import redaction
from careleavers.dataprotection.discovery import RecordKind, record_kinds

SUMMARY_NAME = "summary.pdf"
MANIFEST_NAME = "manifest.csv"
HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ExportDetails:
    """What the summary says about the request."""

    reference: str
    requested_by: str
    received_on: datetime.date | None
    due_on: datetime.date | None
    handled_by: str
    generated_by: str
    generated_at: datetime.datetime
    retention_ends_on: datetime.date | None


@dataclass
class KindResult:
    title: str
    label: str
    file_name: str
    relation: str
    rows: int
    flagged_rows: int
    sha256: str


@dataclass
class ChecklistEntry:
    title: str
    file_name: str
    column: str
    reason: str
    record_ids: list[str] = field(default_factory=list)


@dataclass
class ExportResult:
    kinds: list[KindResult]
    checklist: list[ChecklistEntry]

    @property
    def total_rows(self) -> int:
        return sum(kind.rows for kind in self.kinds)

    @property
    def flagged_rows(self) -> int:
        return sum(kind.flagged_rows for kind in self.kinds)

    def rows_of(self, label: str) -> int:
        return next((kind.rows for kind in self.kinds if kind.label == label), 0)


def sha256_of(handle: Any) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file, read from the start."""
    handle.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(HASH_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    return digest.hexdigest(), size


def worker_ids_for(young_person: Any) -> frozenset[int]:
    """Everyone ever allocated to the young person: their own workers, whose names are not
    flagged for checking."""
    Allocation = apps.get_model("casework", "Allocation")  # noqa: N806
    return frozenset(
        Allocation.objects.filter(young_person=young_person).values_list("worker_id", flat=True)
    )


class _Labels:
    """Readable labels for related rows, fetched once per model for all the rows of a kind."""

    def __init__(self, young_person: Any) -> None:
        self.young_person = young_person
        self.cache: dict[type[models.Model], dict[Any, str]] = defaultdict(dict)
        self.user_model = apps.get_model("accounts", "User")

    def load(self, model: Any, ids: Iterable[Any]) -> None:
        known = self.cache[model]
        wanted = {value for value in ids if value is not None and value not in known}
        if not wanted:
            return
        if model is type(self.young_person):
            for value in wanted:
                known[value] = str(self.young_person) if value == self.young_person.pk else ""
            return
        found = model._base_manager.in_bulk(list(wanted))
        for value in wanted:
            obj = found.get(value)
            known[value] = self._label(obj) if obj is not None else ""

    def _label(self, obj: models.Model) -> str:
        if isinstance(obj, self.user_model):
            return obj.get_full_name() or obj.email  # type: ignore[attr-defined]
        return str(obj)

    def get(self, model: Any, value: Any) -> str:
        if value is None:
            return ""
        label = self.cache[model].get(value, "")
        return f"{label} ({value})" if label else str(value)


def _column_label(field: models.Field) -> str:  # type: ignore[type-arg]
    name = str(field.verbose_name)
    return name[:1].upper() + name[1:]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, (bytes, memoryview)):
        return f"(binary, {len(bytes(value))} bytes)"
    return str(value)


class _KindWriter:
    def __init__(
        self, kind: RecordKind, young_person: Any, labels: _Labels, workers: frozenset[int]
    ):
        self.kind = kind
        self.young_person = young_person
        self.labels = labels
        self.workers = workers
        meta = kind.model._meta
        self.fields = list(meta.concrete_fields)
        self.many = list(meta.many_to_many)
        self.columns = self._columns()
        self.reasons = {f.name: redaction.field_check_reason(f) for f in self.fields}
        self.choices = {f.name: dict(f.flatchoices) for f in self.fields if f.choices}
        self.marks = {f.name for f in self.fields if redaction.marks_third_party(f)}
        self.user_model = labels.user_model

    def _columns(self) -> list[str]:
        labels = [_column_label(f) for f in self.fields] + [_column_label(f) for f in self.many]
        seen: dict[str, int] = defaultdict(int)
        for label in labels:
            seen[label] += 1
        names = [f.name for f in self.fields] + [f.name for f in self.many]
        return [
            f"{label} ({name})" if seen[label] > 1 else label
            for label, name in zip(labels, names, strict=True)
        ]

    def write(
        self, checklist: dict[tuple[str, str, str], ChecklistEntry]
    ) -> tuple[bytes, int, int]:
        rows = list(
            self.kind.rows(self.young_person.pk).values_list(*[f.attname for f in self.fields])
        )
        pks = [row[self.fields.index(self.kind.model._meta.pk)] for row in rows]
        for index, f in enumerate(self.fields):
            if f.is_relation and f.related_model is not None:
                self.labels.load(f.related_model, (row[index] for row in rows))
        many_values = self._many_values(pks)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(safe_row([*self.columns, redaction.CHECK_COLUMN]))
        flagged = 0
        for row, pk in zip(rows, pks, strict=True):
            cells, flags = self._row(row, many_values.get(pk, {}))
            if flags:
                flagged += 1
                for column, reason in flags:
                    key = (self.kind.label, column, reason)
                    entry = checklist.get(key)
                    if entry is None:
                        entry = checklist[key] = ChecklistEntry(
                            self.kind.title, self.kind.file_name, column, reason
                        )
                    entry.record_ids.append(str(pk))
            check = "; ".join(f"{column}: {reason}" for column, reason in flags)
            writer.writerow([*cells, safe_cell(check)])
        # A byte order mark, so spreadsheet programs read the file as UTF-8.
        return ("\ufeff" + buffer.getvalue()).encode("utf-8"), len(rows), flagged

    def _many_values(self, pks: list[Any]) -> dict[Any, dict[str, list[Any]]]:
        found: dict[Any, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for f in self.many:
            pairs = list(
                self.kind.model._base_manager.filter(
                    pk__in=pks, **{f"{f.name}__isnull": False}
                ).values_list("pk", f.name)
            )
            self.labels.load(f.related_model, (value for _, value in pairs))  # type: ignore[arg-type]
            for pk, value in pairs:
                found[pk][f.name].append(value)
        return found

    def _row(
        self, row: tuple[Any, ...], many: dict[str, list[Any]]
    ) -> tuple[list[str], list[tuple[str, str]]]:
        cells: list[str] = []
        flags: list[tuple[str, str]] = []
        for f, value, column in zip(self.fields, row, self.columns, strict=False):
            reason = None
            if f.is_relation and f.related_model is not None:
                text = self.labels.get(f.related_model, value)
                if f.related_model is self.user_model:
                    reason = redaction.user_check_reason(value, self.workers)
            elif f.name in self.choices:
                text = str(self.choices[f.name].get(value, _text(value)))
            else:
                text = _text(value)
            if reason is None and not redaction.is_empty(value):
                reason = self.reasons[f.name]
            if f.name in self.marks and value is True:
                reason = redaction.MARKED
            if reason and not redaction.is_empty(value):
                flags.append((column, reason))
            # Any text (a note, a worker's name, a label) that a spreadsheet would run as a
            # formula is made text; a number's own text (-5) is left a number.
            plain_number = not f.is_relation and f.name not in self.choices and _is_number(value)
            cells.append(text if plain_number else safe_cell(text))
        for f, column in zip(self.many, self.columns[len(self.fields) :], strict=True):
            values = many.get(f.name, [])
            labels = "; ".join(self.labels.get(f.related_model, v) for v in values)  # type: ignore[arg-type]
            cells.append(safe_cell(labels))
            names_others = f.related_model is self.user_model and any(
                redaction.user_check_reason(v, self.workers) for v in values
            )
            if names_others:
                flags.append((column, redaction.OTHER_STAFF))
        return cells, flags


def write_subject_access_zip(
    *, young_person: Any, out: BinaryIO, details: ExportDetails
) -> ExportResult:
    """Write the zip to `out` (a writable, seekable binary file) and say what is in it."""
    from careleavers.dataprotection.pdf import render_summary_pdf

    labels = _Labels(young_person)
    workers = worker_ids_for(young_person)
    checklist: dict[tuple[str, str, str], ChecklistEntry] = {}
    results: list[KindResult] = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for kind in record_kinds():
            content, count, flagged = _KindWriter(kind, young_person, labels, workers).write(
                checklist
            )
            archive.writestr(kind.file_name, content)
            results.append(
                KindResult(
                    title=kind.title,
                    label=kind.label,
                    file_name=kind.file_name,
                    relation=kind.relation,
                    rows=count,
                    flagged_rows=flagged,
                    sha256=hashlib.sha256(content).hexdigest(),
                )
            )
        result = ExportResult(kinds=results, checklist=list(checklist.values()))
        archive.writestr(MANIFEST_NAME, _manifest(result))
        archive.writestr(
            SUMMARY_NAME,
            render_summary_pdf(
                summary_html(young_person=young_person, details=details, result=result)
            ),
        )
    return result


def _manifest(result: ExportResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["File", "What it holds", "Rows", "Rows to check", "SHA-256"])
    for kind in result.kinds:
        writer.writerow(
            safe_row([kind.file_name, kind.title, kind.rows, kind.flagged_rows, kind.sha256])
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def summary_html(*, young_person: Any, details: ExportDetails, result: ExportResult) -> str:
    with_rows = [kind for kind in result.kinds if kind.rows]
    return render_to_string(
        "dataprotection/pdf/summary.html",
        {
            "young_person": young_person,
            "details": details,
            "result": result,
            "kinds_with_rows": with_rows,
            "empty_kinds": [kind for kind in result.kinds if not kind.rows],
            "checklist": sorted(result.checklist, key=lambda e: (e.file_name, e.column)),
            "check_column": redaction.CHECK_COLUMN,
            "summary_name": SUMMARY_NAME,
            "manifest_name": MANIFEST_NAME,
        },
    )
