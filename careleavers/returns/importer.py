"""Importing SSDA903 returns: one year or several into one care history, all or nothing.

A 903 episodes file holds only the episodes open in its year, so a council moving onto the
service imports as many years as it has (a folder per year, or several files) and they are
merged (ssda903_files.merge_returns). Each OC3 row is kept twice over: as the outcome returned
for its year (CareLeaverOutcome, which the export of that year repeats exactly), and as
evidence that the council reported the young person as a care leaver (people.ReportedCategory),
so a category is never lowered because the care after their 14th birthday is older than any
file imported (people/reported.py). The service takes keyword arguments with `acting_user`
first, runs in one transaction and writes its AuditEvent in it (DESIGN 4.2).
"""

from __future__ import annotations

import datetime
import io
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import Prefetch
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from careleavers.accounts.models import User
from careleavers.core.audit import audit_actor, audit_record
from careleavers.core.models import AuditEvent
from careleavers.people import category as engine
from careleavers.people.models import CareEpisode, HomePeriod, ReportedCategory, YoungPerson
from careleavers.people.services import (
    CARE_EPISODE_FIELDS,
    CATEGORY_FIELDS,
    CATEGORY_SUBJECT,
    category_change_detail,
    category_facts_for,
    category_update,
    reported_categories_hold,
)
from careleavers.returns import ssda903
from careleavers.returns.models import CareLeaverOutcome
from careleavers.returns.ssda903_files import (
    ChildRow,
    EpisodeRow,
    History,
    Oc3Row,
    Problem,
    merge_returns,
    read_returns,
)
from careleavers.transitions.models import HealthProfile

M = TypeVar("M", bound=models.Model)

IMPORT_SUBJECT = "returns.ssda903_import"

# Young people created by an import have no names in the 903; these stand in until a worker
# records them, and say where the record came from.
IMPORTED_FIRST_NAME = "Child"

YOUNG_PERSON_FIELDS = ("sex", "date_of_birth", "ethnicity", "upn", "upn_unknown_reason")
# A care episode's fields that an import writes: all but its start, which is how the import
# finds the episode a row is about.
EPISODE_FIELDS = tuple(name for name in CARE_EPISODE_FIELDS if name != "start")
BATCH = 500
# How many kinds of problem the summary names (each with its count).
KINDS_SHOWN = 25

# Uploads: a zip of a folder per year is read in memory, within these bounds.
MAX_ZIP_MEMBERS = 500
MAX_ZIP_BYTES = 200 * 1024 * 1024


@dataclass
class ImportReport:
    """What an import did, or every reason it did nothing."""

    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    problem_kinds: list[tuple[str, str, str, int]] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    not_kept: tuple[str, ...] = ()
    years: list[int] = field(default_factory=list)
    young_people_created: int = 0
    young_people_updated: int = 0
    young_people_unchanged: int = 0
    episodes_created: int = 0
    episodes_updated: int = 0
    episodes_unchanged: int = 0
    outcomes_created: int = 0
    outcomes_updated: int = 0
    reports_recorded: int = 0
    mothers_recorded: int = 0
    categories_changed: int = 0
    categories_held: int = 0

    @property
    def imported(self) -> bool:
        return not self.problem_count

    @property
    def collection_year(self) -> int | None:
        """The latest year imported."""
        return self.years[-1] if self.years else None

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
            "reports_recorded": self.reports_recorded,
            "mothers_recorded": self.mothers_recorded,
            "categories_changed": self.categories_changed,
            "categories_held": self.categories_held,
        }

    def years_line(self) -> str:
        if not self.years:
            return "No collection year was read."
        labels = ", ".join(ssda903.collection_year_label(year) for year in self.years)
        return f"Collection year{'s' if len(self.years) > 1 else ''} read: {labels}."

    def summary_lines(self) -> list[str]:
        lines = [self.years_line()] if self.years else []
        lines += [f"Read {name}" for name in self.files_read]
        lines += [f"Ignored {name}" for name in self.ignored]
        if self.problem_count:
            lines.append(
                f"Nothing was imported: {self.problem_count:,} problem"
                f"{'' if self.problem_count == 1 else 's'} found."
            )
            if len(self.problems) < self.problem_count:
                lines.append(
                    f"The first {len(self.problems)} are listed; the kinds of problem, with "
                    "how many of each, are:"
                )
                for file, column, why, count in self.problem_kinds[:KINDS_SHOWN]:
                    where = f"{file}, {column}" if column else file
                    lines.append(f"  {count:,} x {where}: {why}")
                if len(self.problem_kinds) > KINDS_SHOWN:
                    lines.append(f"  and {len(self.problem_kinds) - KINDS_SHOWN} other kinds.")
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
            f"Care leaver outcomes (OC3): {self.outcomes_created} created, "
            f"{self.outcomes_updated} updated; {self.reports_recorded} reported categories "
            "kept as evidence."
        )
        if self.mothers_recorded:
            lines.append(f"Health records: {self.mothers_recorded} young mothers recorded.")
        lines.append(f"Care-leaver categories changed: {self.categories_changed}.")
        if self.categories_held:
            lines.append(
                f"Categories kept as a return reported them: {self.categories_held}. The care "
                "episodes imported do not show why they are care leavers, so their category "
                "was not lowered; their workers have 'Check the care history' in their work "
                "trays."
            )
        if self.not_kept:
            lines.append(f"Checked but not kept: {', '.join(self.not_kept)}.")
        return lines


def _report_for(history: History) -> ImportReport:
    kinds = sorted(
        ((file, column, why, count) for (file, column, why), count in history.found.kinds.items()),
        key=lambda kind: (-kind[3], kind[0], kind[1], kind[2]),
    )
    return ImportReport(
        problems=list(history.problems),
        problem_count=history.found.count,
        problem_kinds=kinds,
        files_read=list(history.files_read),
        ignored=list(history.ignored),
        not_kept=history.not_kept,
        years=history.years,
    )


def ssda903_import(
    *,
    acting_user: User | None,
    path: Path | Sequence[Path],
    collection_year: int | None = None,
    today: datetime.date | None = None,
) -> ImportReport:
    """Import 903 returns: all of them, or nothing.

    ``path`` is one return (a folder of CSVs, an XML file), a folder holding a folder (or XML
    file) per year, or several of these. Each return's year comes from its name ("2025-26"),
    from ``collection_year`` when there is one return, or else from its latest episode date.
    Every file is read and checked first; one problem anywhere means nothing is written.
    Otherwise young people are created or updated by CHILD, episodes by CHILD and start date,
    OC3 rows kept per year, and categories derived and never lowered below what a return
    reported. Importing the same files again changes nothing.
    """
    today = today or timezone.localdate()
    paths = [path] if isinstance(path, Path) else list(path)
    history = merge_returns(read_returns(paths, year=collection_year), today=today)
    report = _report_for(history)
    if not history.is_valid:
        return report
    with transaction.atomic():
        _write_history(acting_user=acting_user, history=history, report=report, today=today)
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.IMPORT,
            subject_type=IMPORT_SUBJECT,
            subject_id=",".join(str(year) for year in report.years),
            detail={
                "source": ", ".join(p.name for p in paths),
                "years": report.years,
                "files": report.files_read,
                "ignored": report.ignored,
                "records": len(history.children) + len(history.episodes) + len(history.oc3),
                **report.counts(),
            },
        )
    return report


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


def _save_with_history(
    model: type[models.Model],
    new: list[Any],
    changed: list[Any],
    fields: list[str],
    *,
    user: Any,
) -> None:
    """Create the new rows and update the changed ones in bulk, each with its history row."""
    if new:
        bulk_create_with_history(new, model, batch_size=BATCH, default_user=user)
    if changed:
        bulk_update_with_history(changed, model, fields, batch_size=BATCH, default_user=user)


def _by_person_and_year(
    model: type[M], *, people: dict[str, YoungPerson], years: list[int]
) -> dict[tuple[int, int], M]:
    """The model's rows for these young people in the years read, by (young person, year)."""
    return {
        (row.young_person_id, row.collection_year): row  # type: ignore[attr-defined]
        for row in model._default_manager.filter(
            collection_year__in=years,
            young_person_id__in=[person.pk for person in people.values()],
        )
    }


def _write_history(
    *, acting_user: User | None, history: History, report: ImportReport, today: datetime.date
) -> None:
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    ids = sorted(history.children)
    existing = {
        person.child_id: person
        for person in YoungPerson.objects.select_for_update().filter(child_id__in=ids)
    }
    new_people: list[YoungPerson] = []
    changed_people: list[YoungPerson] = []
    for child_id in ids:
        row = history.children[child_id]
        values = _child_fields(row)
        person = existing.get(child_id)
        if person is None:
            new_people.append(
                YoungPerson(
                    child_id=child_id,
                    first_name=IMPORTED_FIRST_NAME,
                    last_name=child_id,
                    is_separated_migrant=child_id in history.uasc,
                    created_by=user,
                    modified_by=user,
                    **values,
                )
            )
            continue
        if child_id in history.uasc:
            values["is_separated_migrant"] = True
        if _set_changed(person, values):
            person.version += 1
            person.modified_by = user
            changed_people.append(person)
    _save_with_history(
        YoungPerson,
        new_people,
        changed_people,
        [*YOUNG_PERSON_FIELDS, "is_separated_migrant", "version", "modified_by"],
        user=user,
    )
    report.young_people_created = len(new_people)
    report.young_people_updated = len(changed_people)
    report.young_people_unchanged = len(ids) - len(new_people) - len(changed_people)

    people = {
        person.child_id: person
        for person in YoungPerson.objects.filter(child_id__in=ids).only(
            "pk", "child_id", "date_of_birth"
        )
    }
    _write_episodes(history=history, people=people, report=report, user=user)
    _write_outcomes(history=history, people=people, report=report, user=user)
    _write_reported_categories(history=history, people=people, report=report, user=user)
    _write_mothers(history=history, people=people, report=report, user=user)
    report.categories_changed, report.categories_held = _refresh_categories(
        acting_user=acting_user, ids=[people[child_id].pk for child_id in ids], today=today
    )


def _write_episodes(
    *, history: History, people: dict[str, YoungPerson], report: ImportReport, user: Any
) -> None:
    existing = {
        (episode.young_person_id, episode.start): episode
        for episode in CareEpisode.objects.filter(
            young_person_id__in=[person.pk for person in people.values()]
        )
    }
    new: list[CareEpisode] = []
    changed: list[CareEpisode] = []
    for row in history.episodes.values():
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
    _save_with_history(CareEpisode, new, changed, [*EPISODE_FIELDS, "modified_by"], user=user)
    report.episodes_created = len(new)
    report.episodes_updated = len(changed)
    report.episodes_unchanged = len(history.episodes) - len(new) - len(changed)


def _write_outcomes(
    *, history: History, people: dict[str, YoungPerson], report: ImportReport, user: Any
) -> None:
    existing = _by_person_and_year(CareLeaverOutcome, people=people, years=report.years)
    new: list[CareLeaverOutcome] = []
    changed: list[CareLeaverOutcome] = []
    for (child_id, year), row in history.oc3.items():
        young_person_id = people[child_id].pk
        values = {"in_touch": row.in_touch, "activ": row.activ, "accom": row.accom}
        outcome = existing.get((young_person_id, year))
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
    _save_with_history(CareLeaverOutcome, new, changed, ["in_touch", "activ", "accom"], user=user)
    report.outcomes_created = len(new)
    report.outcomes_updated = len(changed)


def reported_category(row: Oc3Row, *, date_of_birth: datetime.date, year: int) -> str | None:
    """The care-leaver category an OC3 row reports, as at the birthday in its year.

    The OC3 cohort are relevant and former relevant young people (looked after for 13 weeks
    from 14, ending after 16; EES methodology, data-standards.md 1.3): relevant under 18,
    former relevant from 18. A row that says they returned home to a parent for 6 months
    (RHOM) reports a qualifying care leaver (Care Leavers (England) Regs 2010 reg 3(5), as the
    category engine reads it). A row that says they died reports no entitlement.
    """
    if row.in_touch == "DIED":
        return None
    if row.in_touch == "RHOM":
        return engine.Category.QUALIFYING.value
    age, _ = ssda903.birthday_in_year(date_of_birth, year)
    if age >= 18:
        return engine.Category.FORMER_RELEVANT.value
    return engine.Category.RELEVANT.value


def _write_reported_categories(
    *, history: History, people: dict[str, YoungPerson], report: ImportReport, user: Any
) -> None:
    existing = _by_person_and_year(ReportedCategory, people=people, years=report.years)
    new: list[ReportedCategory] = []
    changed: list[ReportedCategory] = []
    for (child_id, year), row in history.oc3.items():
        person = people[child_id]
        category = reported_category(row, date_of_birth=person.date_of_birth, year=year)
        if category is None:
            continue
        source = f"{history.oc3_source.get(year, '')}, OC3".lstrip(", ")
        found = existing.get((person.pk, year))
        if found is None:
            new.append(
                ReportedCategory(
                    young_person_id=person.pk,
                    collection_year=year,
                    category=category,
                    source=source[:200],
                    created_by=user,
                    modified_by=user,
                )
            )
        elif found.category != category:
            # A later import of the same year's return corrected it: the new report stands,
            # and any check of the old one no longer applies.
            found.category = category
            found.source = source[:200]
            found.checked_on = None
            found.check_outcome = ""
            found.modified_by = user
            changed.append(found)
    ReportedCategory.objects.bulk_create(new, batch_size=BATCH)
    ReportedCategory.objects.bulk_update(
        changed,
        ["category", "source", "checked_on", "check_outcome", "modified_by"],
        batch_size=BATCH,
    )
    report.reports_recorded = len(new) + len(changed)


def _write_mothers(
    *, history: History, people: dict[str, YoungPerson], report: ImportReport, user: Any
) -> None:
    """MOTHER 1 and MC_DOB into the health record's parenting facts (transitions), where the
    record does not already say so: a record is never overwritten by a return."""
    mothers = {child_id: row for child_id, row in history.children.items() if row.mother == "1"}
    if not mothers:
        return
    profiles = {
        profile.young_person_id: profile
        for profile in HealthProfile.objects.filter(
            young_person_id__in=[people[child_id].pk for child_id in mothers]
        )
    }
    new: list[HealthProfile] = []
    changed: list[HealthProfile] = []
    for child_id, row in mothers.items():
        young_person_id = people[child_id].pk
        profile = profiles.get(young_person_id)
        if profile is None:
            new.append(
                HealthProfile(
                    young_person_id=young_person_id,
                    is_parent=True,
                    number_of_children=1,
                    first_child_born_on=row.first_child_born_on,
                    created_by=user,
                    modified_by=user,
                )
            )
            continue
        values: dict[str, Any] = {}
        if not profile.is_parent:
            values.update(is_parent=True, number_of_children=max(1, profile.number_of_children))
        if profile.first_child_born_on is None and row.first_child_born_on:
            values["first_child_born_on"] = row.first_child_born_on
        if _set_changed(profile, values):
            profile.version += 1
            profile.modified_by = user
            changed.append(profile)
    _save_with_history(
        HealthProfile,
        new,
        changed,
        ["is_parent", "number_of_children", "first_child_born_on", "version", "modified_by"],
        user=user,
    )
    report.mothers_recorded = len(new) + len(changed)


def _refresh_categories(
    *, acting_user: User | None, ids: Iterable[int], today: datetime.date
) -> tuple[int, int]:
    """Derive and store the category of many young people at once: (changed, held).

    The same derivation and stored fields as people.services.category_refresh (the engine,
    then never lower than a return reported), in bulk: one read, one bulk update of the
    changed rows and one audit event per changed category, so an import of thousands of young
    people stays quick.
    """
    people = YoungPerson.objects.filter(pk__in=list(ids)).prefetch_related(
        "care_episodes",
        Prefetch("home_periods", queryset=HomePeriod.objects.order_by("start")),
        "reported_categories",
    )
    changed: list[YoungPerson] = []
    events: list[AuditEvent] = []
    held = 0
    actor, actor_label = audit_actor(acting_user)
    for person in people:
        facts = category_facts_for(person)
        derived = engine.derive_category(facts, today)
        decision = reported_categories_hold(young_person=person, decision=derived, on=today)
        held += decision is not derived
        before = person.category
        update = category_update(person, decision, facts=facts, today=today)
        if not _set_changed(person, update.values):
            continue
        changed.append(person)
        if update.changed:
            events.append(
                AuditEvent(
                    actor=actor,
                    actor_label=actor_label,
                    action=AuditEvent.Action.CHANGE,
                    subject_type=CATEGORY_SUBJECT,
                    subject_id=str(person.pk),
                    young_person_id=person.pk,
                    detail={
                        **category_change_detail(before=before, decision=decision, on=today),
                        "by": "SSDA903 import",
                    },
                )
            )
    # The category is the service's own derivation: like category_refresh, it is stored
    # without a history row or a new version, so nobody's open edit form goes stale.
    YoungPerson.objects.bulk_update(changed, list(CATEGORY_FIELDS), batch_size=BATCH)
    AuditEvent.objects.bulk_create(events, batch_size=BATCH)
    return len(changed), held


# --- Uploads ---------------------------------------------------------------------------------


class UploadRefused(Exception):
    """An upload that cannot be read at all (a broken or oversized zip)."""


def _safe_member(name: str) -> PurePosixPath | None:
    """A zip member's path inside the upload folder, or None for anything that would leave it
    (absolute paths, "..") or is not a 903 file."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or name.endswith("/"):
        return None
    if path.suffix.lower() not in (".csv", ".xml"):
        return None
    if any(part.startswith(("__MACOSX", ".")) for part in path.parts):
        return None
    return path


def _unzip(content: bytes, root: Path) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise UploadRefused("The zip file cannot be opened: it is damaged or not a zip") from error
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise UploadRefused(f"The zip file holds more than {MAX_ZIP_MEMBERS} files")
    if sum(member.file_size for member in members) > MAX_ZIP_BYTES:
        raise UploadRefused("The zip file unpacks to more than 200MB")
    for member in members:
        path = _safe_member(member.filename)
        if path is None:
            continue
        target = root.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.write_bytes(archive.read(member))
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
            raise UploadRefused(f"{member.filename} cannot be read from the zip file") from error


def ssda903_import_uploaded(
    *,
    acting_user: User,
    files: Iterable[tuple[str, bytes]],
    collection_year: int | None = None,
) -> ImportReport:
    """Import uploaded files as the command does: one return's CSVs, XML files (one a year,
    named by year), or one zip of a folder per year."""
    with tempfile.TemporaryDirectory(prefix="ssda903-upload-") as folder:
        # Loose files go in a folder of their own: the temporary folder's random name must
        # never be read as a collection year.
        root = Path(folder) / "upload"
        root.mkdir()
        uploads = list(files)
        for name, content in uploads:
            if name.lower().endswith(".zip"):
                try:
                    _unzip(content, root)
                except UploadRefused as error:
                    return ImportReport(
                        problems=[Problem(Path(name).name, None, "", "", str(error))],
                        problem_count=1,
                    )
            else:
                (root / Path(name).name).write_bytes(content)
        xml = sorted(root.glob("*.xml"))
        paths: list[Path] = list(xml) if xml and not list(root.glob("*.csv")) else [root]
        return ssda903_import(
            acting_user=acting_user,
            path=paths,
            collection_year=collection_year,
        )
