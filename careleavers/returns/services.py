"""Changes made by the returns: importing a 903 return, exports (each audited) and storing
validator reports.

Every service takes keyword arguments with `acting_user` first, runs in one transaction and
writes its AuditEvent in that transaction (DESIGN 4.2).
"""

from __future__ import annotations

import csv
import datetime
import io
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent
from careleavers.core.spreadsheets import safe_dict, safe_row
from careleavers.people import category as engine
from careleavers.people.models import CareEpisode, YoungPerson
from careleavers.people.services import CATEGORY_FIELDS, CATEGORY_SUBJECT, category_facts_for
from careleavers.returns import annex_a, selectors, ssda903
from careleavers.returns.models import CareLeaverOutcome, ValidationRun
from careleavers.returns.ssda903_files import (
    ChildRow,
    EpisodeRow,
    ParsedReturn,
    Problem,
    read_return,
)
from careleavers.returns.validator import ValidatorReport, run_validator

IMPORT_SUBJECT = "returns.ssda903_import"
EXPORT_SUBJECT = "returns.ssda903_export"
ANNEX_A_SUBJECT = "returns.annex_a"
VALIDATION_SUBJECT = "returns.ssda903_validation"

# Young people created by an import have no names in the 903; these stand in until a worker
# records them, and say where the record came from.
IMPORTED_FIRST_NAME = "Child"

YOUNG_PERSON_FIELDS = ("sex", "date_of_birth", "ethnicity", "upn", "upn_unknown_reason")
EPISODE_FIELDS = (
    "end",
    "reason_new_episode",
    "legal_status",
    "category_of_need",
    "placement_type",
    "placement_provider",
    "reason_ended",
    "reason_place_change",
    "home_postcode",
    "placement_postcode",
    "urn",
)
BATCH = 500


# --- Import ----------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did, or every reason it did nothing."""

    problems: list[Problem] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    not_kept: tuple[str, ...] = ()
    collection_year: int | None = None
    young_people_created: int = 0
    young_people_updated: int = 0
    young_people_unchanged: int = 0
    episodes_created: int = 0
    episodes_updated: int = 0
    episodes_unchanged: int = 0
    outcomes_created: int = 0
    outcomes_updated: int = 0
    categories_changed: int = 0

    @property
    def imported(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        return {
            "young_people_created": self.young_people_created,
            "young_people_updated": self.young_people_updated,
            "young_people_unchanged": self.young_people_unchanged,
            "episodes_created": self.episodes_created,
            "episodes_updated": self.episodes_updated,
            "episodes_unchanged": self.episodes_unchanged,
            "outcomes_created": self.outcomes_created,
            "outcomes_updated": self.outcomes_updated,
            "categories_changed": self.categories_changed,
        }

    def summary_lines(self) -> list[str]:
        lines = [f"Read {name}" for name in self.files_read]
        lines += [f"Ignored {name}" for name in self.ignored]
        if self.problems:
            lines.append(
                f"Nothing was imported: {len(self.problems)} problem"
                f"{'' if len(self.problems) == 1 else 's'} found."
            )
            return lines
        lines.append(
            f"Young people: {self.young_people_created} created, {self.young_people_updated} "
            f"updated, {self.young_people_unchanged} unchanged."
        )
        lines.append(
            f"Care episodes: {self.episodes_created} created, {self.episodes_updated} updated, "
            f"{self.episodes_unchanged} unchanged."
        )
        lines.append(
            f"Care leaver outcomes (OC3) for {self.collection_year}: {self.outcomes_created} "
            f"created, {self.outcomes_updated} updated."
        )
        lines.append(f"Care-leaver categories changed: {self.categories_changed}.")
        if self.not_kept:
            lines.append(f"Checked but not kept: {', '.join(self.not_kept)}.")
        return lines


def _child_fields(row: ChildRow) -> dict[str, Any]:
    return {
        "sex": row.sex,
        "date_of_birth": row.date_of_birth,
        "ethnicity": row.ethnicity,
        "upn": row.upn,
        "upn_unknown_reason": row.upn_unknown_reason,
    }


def _episode_fields(row: EpisodeRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in EPISODE_FIELDS}


def _set_changed(instance: Any, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def ssda903_import(
    *,
    acting_user: Any,
    path: Path,
    collection_year: int | None = None,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> ImportReport:
    """Import a 903 return (a folder of CSVs or one XML file): all of it, or nothing.

    Every file is read and checked first; one problem anywhere means nothing is written and the
    report lists every problem. Otherwise young people are created or updated by CHILD, their
    care episodes by start date, OC3 rows kept as the outcomes returned for the collection year
    (given, or that of the latest episode date), and categories derived. Importing the same
    files again changes nothing. Episodes and outcomes the files do not mention are kept.
    """
    today = today or timezone.localdate()
    parsed = read_return(path)
    report = ImportReport(
        problems=list(parsed.problems),
        files_read=list(parsed.files_read),
        ignored=list(parsed.ignored),
        not_kept=parsed.not_kept,
    )
    if collection_year is None:
        latest = parsed.latest_episode_date or today
        collection_year = ssda903.collection_year_of(latest)
    report.collection_year = collection_year
    if report.problems:
        return report
    with transaction.atomic():
        _write_import(acting_user=acting_user, parsed=parsed, report=report, today=today)
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.IMPORT,
            subject_type=IMPORT_SUBJECT,
            subject_id=str(collection_year),
            detail={
                "source": path.name,
                "files": report.files_read,
                "ignored": report.ignored,
                "collection_year": collection_year,
                "records": len(parsed.children) + len(parsed.episodes) + len(parsed.oc3),
                **report.counts(),
            },
            request=request,
        )
    return report


def _write_import(
    *, acting_user: Any, parsed: ParsedReturn, report: ImportReport, today: datetime.date
) -> None:
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    ids = sorted(parsed.children)
    existing = {
        person.child_id: person
        for person in YoungPerson.objects.select_for_update().filter(child_id__in=ids)
    }
    new_people: list[YoungPerson] = []
    changed_people: list[YoungPerson] = []
    for child_id in ids:
        row = parsed.children[child_id]
        values = _child_fields(row)
        person = existing.get(child_id)
        if person is None:
            new_people.append(
                YoungPerson(
                    child_id=child_id,
                    first_name=IMPORTED_FIRST_NAME,
                    last_name=child_id,
                    is_separated_migrant=child_id in parsed.uasc,
                    created_by=user,
                    modified_by=user,
                    **values,
                )
            )
            continue
        if child_id in parsed.uasc:
            values["is_separated_migrant"] = True
        if _set_changed(person, values):
            person.version += 1
            person.modified_by = user
            changed_people.append(person)
    if new_people:
        bulk_create_with_history(new_people, YoungPerson, batch_size=BATCH, default_user=user)
    if changed_people:
        bulk_update_with_history(
            changed_people,
            YoungPerson,
            [*YOUNG_PERSON_FIELDS, "is_separated_migrant", "version", "modified_by"],
            batch_size=BATCH,
            default_user=user,
        )
    report.young_people_created = len(new_people)
    report.young_people_updated = len(changed_people)
    report.young_people_unchanged = len(ids) - len(new_people) - len(changed_people)

    people = {
        person.child_id: person
        for person in YoungPerson.objects.filter(child_id__in=ids).only("pk", "child_id")
    }
    _write_episodes(parsed=parsed, people=people, report=report, user=user)
    _write_outcomes(parsed=parsed, people=people, report=report, user=user)
    report.categories_changed = _refresh_categories(
        acting_user=acting_user, ids=[people[child_id].pk for child_id in ids], today=today
    )


def _write_episodes(
    *, parsed: ParsedReturn, people: dict[str, YoungPerson], report: ImportReport, user: Any
) -> None:
    existing = {
        (episode.young_person_id, episode.start): episode
        for episode in CareEpisode.objects.filter(
            young_person_id__in=[person.pk for person in people.values()]
        )
    }
    new: list[CareEpisode] = []
    changed: list[CareEpisode] = []
    for row in parsed.episodes:
        young_person_id = people[row.child_id].pk
        episode = existing.get((young_person_id, row.start))
        if episode is None:
            new.append(
                CareEpisode(
                    young_person_id=young_person_id,
                    start=row.start,
                    created_by=user,
                    modified_by=user,
                    **_episode_fields(row),
                )
            )
        elif _set_changed(episode, _episode_fields(row)):
            episode.modified_by = user
            changed.append(episode)
    if new:
        bulk_create_with_history(new, CareEpisode, batch_size=BATCH, default_user=user)
    if changed:
        bulk_update_with_history(
            changed,
            CareEpisode,
            [*EPISODE_FIELDS, "modified_by"],
            batch_size=BATCH,
            default_user=user,
        )
    report.episodes_created = len(new)
    report.episodes_updated = len(changed)
    report.episodes_unchanged = len(parsed.episodes) - len(new) - len(changed)


def _write_outcomes(
    *, parsed: ParsedReturn, people: dict[str, YoungPerson], report: ImportReport, user: Any
) -> None:
    year = report.collection_year
    assert year is not None
    existing = {
        outcome.young_person_id: outcome
        for outcome in CareLeaverOutcome.objects.filter(
            collection_year=year, young_person_id__in=[person.pk for person in people.values()]
        )
    }
    new: list[CareLeaverOutcome] = []
    changed: list[CareLeaverOutcome] = []
    for row in parsed.oc3.values():
        young_person_id = people[row.child_id].pk
        values = {"in_touch": row.in_touch, "activ": row.activ, "accom": row.accom}
        outcome = existing.get(young_person_id)
        if outcome is None:
            new.append(
                CareLeaverOutcome(
                    young_person_id=young_person_id,
                    collection_year=year,
                    created_by=user,
                    modified_by=user,
                    **values,
                )
            )
        elif _set_changed(outcome, values):
            changed.append(outcome)
    if new:
        bulk_create_with_history(new, CareLeaverOutcome, batch_size=BATCH, default_user=user)
    if changed:
        bulk_update_with_history(
            changed,
            CareLeaverOutcome,
            ["in_touch", "activ", "accom"],
            batch_size=BATCH,
            default_user=user,
        )
    report.outcomes_created = len(new)
    report.outcomes_updated = len(changed)


def _refresh_categories(*, acting_user: Any, ids: Iterable[int], today: datetime.date) -> int:
    """Derive and store the category of many young people at once.

    The same derivation and stored fields as people.services.category_refresh, in bulk: one
    read, one bulk update of the changed rows and one audit event per changed category, so an
    import of thousands of young people stays quick.
    """
    people = YoungPerson.objects.filter(pk__in=list(ids)).prefetch_related(
        "care_episodes", "home_periods"
    )
    changed: list[YoungPerson] = []
    events: list[AuditEvent] = []
    is_user = getattr(acting_user, "is_authenticated", False)
    for person in people:
        facts = category_facts_for(person)
        decision = engine.derive_category(facts, today)
        before = (person.category, person.category_since)
        after = (decision.category.value, decision.since)
        category_changed = before != after or person.category_decided_on is None
        values = {
            "category": decision.category.value,
            "category_since": decision.since,
            "category_reason": decision.reason,
            "category_needs_decision": (
                decision.worker_decision_reason if decision.needs_worker_decision else ""
            ),
            "category_next_check": engine.next_category_change(facts, today),
        }
        if category_changed:
            values["category_decided_on"] = today
        if not _set_changed(person, values):
            continue
        changed.append(person)
        if category_changed:
            events.append(
                AuditEvent(
                    actor=acting_user if is_user else None,
                    actor_label=(acting_user.get_full_name() or acting_user.email)
                    if is_user
                    else "",
                    action=AuditEvent.Action.CHANGE,
                    subject_type=CATEGORY_SUBJECT,
                    subject_id=str(person.pk),
                    young_person_id=person.pk,
                    detail={
                        "from": before[0],
                        "to": decision.category.value,
                        "since": decision.since.isoformat() if decision.since else None,
                        "reason": decision.reason,
                        "on": today.isoformat(),
                        "by": "SSDA903 import",
                    },
                )
            )
    # The category is the service's own derivation: like category_refresh, it is stored
    # without a history row or a new version, so nobody's open edit form goes stale.
    YoungPerson.objects.bulk_update(changed, list(CATEGORY_FIELDS), batch_size=BATCH)
    AuditEvent.objects.bulk_create(events, batch_size=BATCH)
    return len(changed)


def ssda903_import_uploaded(
    *,
    acting_user: Any,
    files: Iterable[tuple[str, bytes]],
    collection_year: int | None = None,
    request: HttpRequest | None = None,
) -> ImportReport:
    """Import uploaded files: CSVs (any number) or one XML file, as the command does."""
    with tempfile.TemporaryDirectory(prefix="ssda903-upload-") as folder:
        root = Path(folder)
        uploads = list(files)
        xml = [name for name, _ in uploads if name.lower().endswith(".xml")]
        for name, content in uploads:
            (root / Path(name).name).write_bytes(content)
        path = root / Path(xml[0]).name if len(xml) == 1 and len(uploads) == 1 else root
        return ssda903_import(
            acting_user=acting_user,
            path=path,
            collection_year=collection_year,
            request=request,
        )


# --- Exports -----------------------------------------------------------------------------------


def _csv_bytes(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    # Valid 903 values never start with a formula character, so a valid return is unchanged.
    writer.writerows(safe_dict(row) for row in rows)
    return buffer.getvalue().encode("utf-8")


def _audit_export(
    *,
    acting_user: Any,
    subject_type: str,
    subject_id: str,
    detail: dict[str, Any],
    request: HttpRequest | None,
) -> None:
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.EXPORT,
        subject_type=subject_type,
        subject_id=subject_id,
        detail=detail,
        request=request,
    )


def _export_detail(result: selectors.Ssda903Return, *, how: str) -> dict[str, Any]:
    return {
        "collection_year": result.year,
        "how": how,
        "records": len(result.header),
        "header": len(result.header),
        "episodes": len(result.episodes),
        "uasc": len(result.uasc),
        "oc3": len(result.oc3),
        "incomplete_oc3": len({child for child, _ in result.gaps}),
    }


def ssda903_export(
    *, acting_user: Any, year: int, out_dir: Path, request: HttpRequest | None = None
) -> selectors.Ssda903Return:
    """Write the care-leaver return of ``year`` as header.csv, episodes.csv, uasc.csv, oc3.csv."""
    with transaction.atomic():
        result = selectors.ssda903_return_for(year)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, (columns, rows) in result.tables.items():
            (out_dir / f"{name}.csv").write_bytes(_csv_bytes(columns, rows))
        _audit_export(
            acting_user=acting_user,
            subject_type=EXPORT_SUBJECT,
            subject_id=str(year),
            detail=_export_detail(result, how=f"folder {out_dir.name}"),
            request=request,
        )
    return result


def ssda903_export_zip(
    *, acting_user: Any, year: int, request: HttpRequest | None = None
) -> tuple[bytes, selectors.Ssda903Return]:
    """The same return as a zip of the four CSVs, for download."""
    with transaction.atomic():
        result = selectors.ssda903_return_for(year)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, (columns, rows) in result.tables.items():
                archive.writestr(f"{name}.csv", _csv_bytes(columns, rows))
        _audit_export(
            acting_user=acting_user,
            subject_type=EXPORT_SUBJECT,
            subject_id=str(year),
            detail=_export_detail(result, how="download"),
            request=request,
        )
    return buffer.getvalue(), result


def write_annex_a(rows: list[list[str]], out: BinaryIO, *, file_format: str) -> None:
    """Write List 9 rows as an .xlsx workbook (sheet "List 9") or a CSV."""
    if file_format == "csv":
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(annex_a.COLUMNS)
        writer.writerows(safe_row(values) for values in rows)
        out.write(text.getvalue().encode("utf-8-sig"))
        return
    # Write-only: rows stream to the file instead of building every cell in memory first,
    # which took about 20 seconds for 100,000 care leavers. Widths and the frozen heading
    # must be set before the first row.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(annex_a.SHEET_NAME)
    for index, column in enumerate(annex_a.COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(column) + 2, 40))
    sheet.freeze_panes = "A2"
    sheet.append(list(annex_a.COLUMNS))
    for values in rows:
        sheet.append(safe_row(values))
    workbook.save(out)


def annex_a_export(
    *,
    acting_user: Any,
    out: BinaryIO,
    file_format: str,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> int:
    """Write Ofsted Annex A List 9 (care leavers) to ``out``; returns the number of rows."""
    if file_format not in ("xlsx", "csv"):
        raise ValueError("Annex A is written as xlsx or csv")
    today = today or timezone.localdate()
    with transaction.atomic():
        rows = selectors.annex_a_rows(today=today)
        write_annex_a(rows, out, file_format=file_format)
        _audit_export(
            acting_user=acting_user,
            subject_type=ANNEX_A_SUBJECT,
            subject_id="list_9",
            detail={"records": len(rows), "format": file_format, "on": today.isoformat()},
            request=request,
        )
    return len(rows)


# --- Validation --------------------------------------------------------------------------------


def ssda903_validation_run(
    *, acting_user: Any, year: int, request: HttpRequest | None = None
) -> ValidationRun:
    """Export the return of ``year`` to a temporary folder, run the validator, keep the report.

    The validator runs before the transaction opens (it takes seconds); the stored report and
    its audit event are written together.
    """
    with tempfile.TemporaryDirectory(prefix="ssda903-check-") as folder:
        result = selectors.ssda903_return_for(year)
        for name, (columns, rows) in result.tables.items():
            (Path(folder) / f"{name}.csv").write_bytes(_csv_bytes(columns, rows))
        report = run_validator(Path(folder), year=year)
    return validation_run_store(
        acting_user=acting_user,
        year=year,
        report=report,
        children=len(result.header),
        care_leavers=len(result.oc3),
        request=request,
    )


def validation_run_store(
    *,
    acting_user: Any,
    year: int,
    report: ValidatorReport,
    children: int,
    care_leavers: int,
    request: HttpRequest | None = None,
) -> ValidationRun:
    is_user = getattr(acting_user, "is_authenticated", False)
    with transaction.atomic():
        run = ValidationRun.objects.create(
            collection_year=year,
            run_by=acting_user if is_user else None,
            children=children,
            care_leavers=care_leavers,
            error_count=report.error_count,
            report=report.to_json(),
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.VIEW,
            subject=run,
            subject_type=VALIDATION_SUBJECT,
            detail={"collection_year": year, "records": children, "errors": report.error_count},
            request=request,
        )
    return run


__all__ = [
    "ImportReport",
    "annex_a_export",
    "ssda903_export",
    "ssda903_export_zip",
    "ssda903_import",
    "ssda903_import_uploaded",
    "ssda903_validation_run",
    "validation_run_store",
    "write_annex_a",
]
