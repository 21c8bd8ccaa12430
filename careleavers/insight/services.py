"""Writes: targets, benchmark uploads, and the audit of exports.

Each service takes the acting user first, runs in one transaction and writes its AuditEvent in
it. Bad input raises ValidationError with a message per field, and nothing changes.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import QueryDict
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core import file_jobs
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent, FileJob
from careleavers.insight import benchmarks, selectors
from careleavers.insight.indicators import PERCENT, indicator
from careleavers.insight.models import (
    BenchmarkFigure,
    BenchmarkImport,
    BenchmarkKind,
    StatisticalNeighbour,
    Target,
)


class UploadRefused(ValidationError):
    """An upload with bad rows: `errors` lists every one, with row and column."""

    def __init__(self, errors: list[benchmarks.RowError]) -> None:
        super().__init__({"file": [str(error) for error in errors[:1]]})
        self.row_errors = errors


@transaction.atomic
def target_set(
    *,
    acting_user: User,
    indicator_key: str,
    value: Decimal,
    effective_from: datetime.date,
    note: str = "",
) -> Target:
    """Set a target for an indicator from a date. Earlier targets stay, as history."""
    try:
        item = indicator(indicator_key)
    except KeyError as error:
        raise ValidationError({"indicator_key": "Choose an indicator."}) from error
    if value < 0:
        raise ValidationError({"value": "The target cannot be less than 0."})
    if item.unit == PERCENT and value > 100:
        raise ValidationError({"value": "A percentage target must be 100 or less."})
    target = Target.objects.create(
        indicator_key=indicator_key,
        value=value,
        effective_from=effective_from,
        note=note,
        set_by=acting_user,
    )
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CREATE,
        subject=target,
        detail={
            "indicator": indicator_key,
            "value": str(value),
            "effective_from": effective_from.isoformat(),
        },
    )
    return target


# What each kind of benchmark file holds: how to read it, and the rows it replaces.
_BenchmarkParser = Callable[
    [bytes],
    tuple[Sequence[benchmarks.FigureRow | benchmarks.NeighbourRow], list[benchmarks.RowError]],
]
_BENCHMARK_FILES: dict[str, tuple[_BenchmarkParser, type[models.Model]]] = {
    BenchmarkKind.FIGURES: (benchmarks.parse_figures, BenchmarkFigure),
    BenchmarkKind.NEIGHBOURS: (benchmarks.parse_neighbours, StatisticalNeighbour),
}


@transaction.atomic
def benchmarks_upload(
    *,
    acting_user: User,
    kind: str,
    file_name: str,
    content: bytes,
    source: str,
) -> BenchmarkImport:
    """Replace the DfE figures (or the statistical neighbours) with a newer file.

    The file is checked whole first. If any row is bad, UploadRefused lists every bad row and
    nothing changes; otherwise the old rows are replaced in the same transaction.
    """
    if not source.strip():
        raise ValidationError({"source": "Enter where the figures come from."})
    if kind not in _BENCHMARK_FILES:
        raise ValidationError({"kind": "Choose what is in the file."})
    parse, model = _BENCHMARK_FILES[kind]
    rows, errors = parse(content)
    if errors:
        raise UploadRefused(errors)
    imported = BenchmarkImport.objects.create(
        kind=kind,
        file_name=file_name,
        source=source,
        rows=len(rows),
        created_by=acting_user,
        modified_by=acting_user,
    )
    model._default_manager.all().delete()
    # Each parsed row's fields are the model's own (benchmarks.FigureRow, NeighbourRow).
    model._default_manager.bulk_create(
        [model(imported=imported, **dataclasses.asdict(row)) for row in rows], batch_size=2000
    )
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.IMPORT,
        subject=imported,
        detail={"kind": kind, "file": file_name, "rows": imported.rows},
    )
    return imported


def export_recorded(
    *,
    acting_user: User,
    what: str,
    scope_key: str,
    rows: int,
    indicator_key: str = "",
) -> None:
    """One audit row for a download of figures or of a list of young people (not one per
    person: the list is what was exported)."""
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.EXPORT,
        subject_type="insight.export",
        subject_id=indicator_key or what,
        detail={"what": what, "scope": scope_key, "indicator": indicator_key, "rows": rows},
    )


def pack_request(*, acting_user: User) -> FileJob:
    """Ask for the self-assessment pack as a PDF, made in the background (pack.pack_make)."""
    from careleavers.insight.pack import PACK_FILE
    from careleavers.insight.tasks import pack_task

    return file_jobs.file_job_request(
        acting_user=acting_user,
        kind=PACK_FILE,
        title="Self-assessment pack (PDF)",
        task=pack_task,
    )


def members_file_request(*, acting_user: User, key: str, query: QueryDict) -> FileJob:
    """Ask for the list behind figure `key` as a spreadsheet, sorted and narrowed as `query`
    (the drill-down page's address) says, made in the background (member_files.py)."""
    from careleavers.insight import member_lists
    from careleavers.insight.member_files import KEPT, MEMBERS_FILE
    from careleavers.insight.tasks import members_file_task

    item = selectors.indicator_or_404(key)
    kept = {name: str(query.get(name)) for name in KEPT if query.get(name)}
    # Refused now, not in the background, if the scope is not theirs to see.
    view = selectors.scope_for(
        user=acting_user, key=kept.get("scope", "service"), on=timezone.localdate()
    )
    which = member_lists.which_list(kept)
    return file_jobs.file_job_request(
        acting_user=acting_user,
        kind=MEMBERS_FILE,
        title=f"{item.title}: "
        + ("who is counted" if which == member_lists.COUNTED else "who is not counted")
        + f" ({view.label}, spreadsheet)",
        task=members_file_task,
        parameters={"indicator": item.key, "query": kept},
    )
