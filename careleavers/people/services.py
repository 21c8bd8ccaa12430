"""Changes to young people's records.

Every service takes keyword arguments with `acting_user` first, runs in one transaction, locks
the row it changes and writes its AuditEvent in that same transaction (DESIGN 4.2). Records are
never deleted (DESIGN 4.5). Edits carry the version the editor started from, and a stale one is
refused with a message naming what changed since (DESIGN 4.6).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import STAFF_ROLES
from careleavers.core.audit import audit_record, save_audited, save_naming_user
from careleavers.core.concurrency import (
    FieldChange,
    StaleEdit,
    display_value,
    field_label,
    refuse_if_stale,
)
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import refuse_after_today
from careleavers.core.refusals import raise_if
from careleavers.people import adviser_support, reported
from careleavers.people import category as engine
from careleavers.people.allocations import allocated_workers
from careleavers.people.hooks import announce_change
from careleavers.people.models import (
    AboutMe,
    AccommodatedPeriod,
    CareEpisode,
    CategoryQuestionDecision,
    HomePeriod,
    PreviousName,
    ReportedCategory,
    ReportedCategoryCheck,
    SupportChoice,
    SupportChoiceKind,
    YoungPerson,
)

# The fields staff edit on the record's detail pages. Everything else on YoungPerson is written
# by a named service (the category, the restriction, contact due dates from casework).
IDENTITY_FIELDS = (
    "child_id",
    "first_name",
    "last_name",
    "preferred_name",
    "pronouns",
    "date_of_birth",
    "sex",
    "gender",
    "ethnicity",
    "upn",
    "upn_unknown_reason",
    "nhs_number",
    "ni_number",
    "died_on",
)
CONTACT_FIELDS = ("email", "phone", "address", "postcode", "chose_less_contact")
NEEDS_FIELDS = (
    "first_language",
    "interpreter_needed",
    "faith",
    "culture",
    "has_disability",
    "disability",
    "learning_needs",
    "has_ehc_plan",
)
IMMIGRATION_FIELDS = (
    "immigration_status",
    "is_separated_migrant",
    "arrived_in_uk_on",
    "age_assessed_on",
    "age_assessment_outcome",
    "legal_representative",
    "next_home_office_date",
    "no_recourse_to_public_funds",
)
CATEGORY_FACT_FIELDS = (
    "detained_or_in_hospital_on_16th_birthday",
    "detained_or_admitted_on",
    "subject_to_care_order_on_16th_birthday",
    "special_guardianship_after_care",
    "in_education_or_training",
)
EDITABLE_FIELDS = frozenset(
    IDENTITY_FIELDS + CONTACT_FIELDS + NEEDS_FIELDS + IMMIGRATION_FIELDS + CATEGORY_FACT_FIELDS
)
# A change to any of these can change the care-leaver category.
CATEGORY_INPUT_FIELDS = frozenset({"date_of_birth", *CATEGORY_FACT_FIELDS})

# An episode of care's fields, in the order the form asks for them.
CARE_EPISODE_FIELDS = (
    "start",
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

# AuditEvent subject types that the chronology reads back.
CATEGORY_SUBJECT = "people.category"
ABOUT_ME_SUBJECT = "people.AboutMe"
# What a stale about me names as changed since the editor opened it.
ABOUT_ME_FIELDS = ("summary", "please_do_not_ask", "agreed_by_young_person_on")

# What category_refresh reads besides the record itself; list and batch callers prefetch these.
CATEGORY_PREFETCH = (
    Prefetch("care_episodes", queryset=CareEpisode.objects.order_by("start")),
    Prefetch("home_periods", queryset=HomePeriod.objects.order_by("start")),
    "accommodated_periods",
    "category_question_decisions",
)


# Concurrency ---------------------------------------------------------------------------------


def _locked(model: Any, pk: int) -> Any:
    return model.objects.select_for_update().get(pk=pk)


def _create(model: Any, acting_user: User, **fields: Any) -> Any:
    """A new row made by `acting_user`, saved with its history."""
    instance = model(created_by=acting_user, modified_by=acting_user, **fields)
    save_naming_user(instance, acting_user)
    return instance


def _create_logged(
    model: Any, acting_user: User, *, detail: dict[str, Any] | None = None, **fields: Any
) -> Any:
    """`_create`, and the audit event that says who added it to the young person's record
    (in the caller's transaction)."""
    instance = _create(model, acting_user, **fields)
    _log(instance, acting_user, AuditEvent.Action.CREATE, detail)
    return instance


def _save_change(locked: Any, acting_user: User, *, detail: dict[str, Any]) -> None:
    """Save an edit made by `acting_user` and log it (in the caller's transaction)."""
    save_audited(locked, acting_user=acting_user, detail=detail, young_person_id=_whose(locked))


def _log(row: Any, acting_user: User, action: str, detail: dict[str, Any] | None) -> None:
    """The audit event for a row of a young person's record."""
    audit_record(
        acting_user=acting_user,
        action=action,
        subject=row,
        young_person_id=_whose(row),
        detail=detail,
    )


def _whose(row: Any) -> int:
    # The young person's own row is a row of their record too.
    return cast(int, row.pk if isinstance(row, YoungPerson) else row.young_person_id)


def _log_change_to_whole_record(
    acting_user: User | None, young_person: YoungPerson, subject_type: str, detail: dict[str, Any]
) -> None:
    """The audit event for a change worked out over the whole record (its category, the
    categories past returns reported), which the chronology reads back by `subject_type`."""
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CHANGE,
        subject_type=subject_type,
        subject_id=young_person.pk,
        young_person_id=young_person.pk,
        detail=detail,
    )


# Audit of reading ----------------------------------------------------------------------------


def record_viewed(*, acting_user: User, young_person: YoungPerson, page: str) -> AuditEvent:
    """Log that someone opened a page of a young person's record."""
    return audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.VIEW,
        subject=young_person,
        young_person_id=young_person.pk,
        detail={"page": page},
    )


def record_access_refused(
    *, acting_user: User, young_person: YoungPerson, page: str
) -> AuditEvent:
    """Log a refused attempt to open a record: restricted records are watched this way."""
    return audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.ACCESS_REFUSED,
        subject=young_person,
        young_person_id=young_person.pk,
        detail={"page": page, "restricted": young_person.is_restricted},
    )


# The record ----------------------------------------------------------------------------------


def _check_fields(fields: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"These fields cannot be set here: {', '.join(sorted(unknown))}")


def _check_child_id_free(child_id: str, *, exclude_pk: int | None = None) -> None:
    taken = YoungPerson.objects.filter(child_id=child_id)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(
            {"child_id": "Another young person already has this council child ID"}
        )


def young_person_create(
    *,
    acting_user: User,
    child_id: str,
    first_name: str,
    last_name: str,
    date_of_birth: datetime.date,
    sex: str,
    team: Any = None,
    today: datetime.date | None = None,
    **details: Any,
) -> YoungPerson:
    """Start a young person's record and derive their category.

    `details` takes any other editable field (see EDITABLE_FIELDS).
    """
    _check_fields(details, EDITABLE_FIELDS)
    with transaction.atomic():
        _check_child_id_free(child_id)
        young_person = _create_logged(
            YoungPerson,
            acting_user,
            child_id=child_id,
            first_name=first_name,
            last_name=last_name,
            date_of_birth=date_of_birth,
            sex=sex,
            team=team,
            **details,
        )
        category_refresh(acting_user=acting_user, young_person=young_person, today=today)
    return young_person


def young_person_update(
    *,
    acting_user: User,
    young_person: YoungPerson,
    changes: Mapping[str, Any],
    version: int,
    today: datetime.date | None = None,
) -> YoungPerson:
    """Save edits to the record's details, refusing them if the record changed since `version`.

    Raises StaleEdit (nothing saved) when someone else saved first, and ValidationError when
    the council child ID is already used.
    """
    _check_fields(changes, EDITABLE_FIELDS)
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        refuse_if_stale(
            locked, version=version, what="this young person's details", fields=EDITABLE_FIELDS
        )
        changed = [name for name, value in changes.items() if getattr(locked, name) != value]
        if not changed:
            return locked
        if "child_id" in changed:
            _check_child_id_free(changes["child_id"], exclude_pk=locked.pk)
        for name in changed:
            setattr(locked, name, changes[name])
        # Field names only: the audit log must not become a second copy of the record.
        _save_change(locked, acting_user, detail={"fields": sorted(changed)})
        if CATEGORY_INPUT_FIELDS.intersection(changed):
            category_refresh(acting_user=acting_user, young_person=locked, today=today)
    return locked


def previous_name_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    first_name: str,
    last_name: str,
    used_until: datetime.date | None = None,
) -> PreviousName:
    """Record a name the young person was known by, so searches still find them."""
    with transaction.atomic():
        return _create_logged(
            PreviousName,
            acting_user,
            young_person=young_person,
            first_name=first_name,
            last_name=last_name,
            used_until=used_until,
        )


# Care history --------------------------------------------------------------------------------


def _care_history_add(
    model: Any,
    acting_user: User,
    young_person: YoungPerson,
    today: datetime.date | None,
    *,
    detail: dict[str, Any] | None = None,
    **fields: Any,
) -> Any:
    """Add a row to the history the category is worked out from (episodes of care, periods at
    home or accommodated, decisions on questions of law), then work the category out again.
    `young_person` is locked by the caller, in the caller's transaction."""
    row = _create_logged(model, acting_user, detail=detail, young_person=young_person, **fields)
    category_refresh(acting_user=acting_user, young_person=young_person, today=today)
    return row


def _period_errors(
    young_person: YoungPerson,
    start: datetime.date,
    end: datetime.date | None,
    *,
    start_words: str,
    end_words: str,
) -> dict[str, str]:
    """A time in their history starts no earlier than their birth and ends no earlier than it
    starts: the errors to show, by field, in the words of the form it was entered on."""
    errors = {}
    if start < young_person.date_of_birth:
        errors["start"] = start_words
    if end is not None and end < start:
        errors["end"] = end_words
    return errors


def _check_episode(
    young_person: YoungPerson, fields: Mapping[str, Any], *, exclude_pk: int | None = None
) -> None:
    """Episodes of one young person never overlap, and none starts before they were born."""
    start, end = fields["start"], fields.get("end")
    errors = _period_errors(
        young_person,
        start,
        end,
        start_words="The date the episode started must be on or after their date of birth",
        end_words="The date the episode ceased must be the same as or after the start date",
    )
    raise_if(errors)
    others = CareEpisode.objects.filter(young_person=young_person)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    # Half-open periods [start, end): one episode may end on the day the next starts.
    overlapping = others.filter(Q(end__isnull=True) | Q(end__gt=start))
    if end is not None:
        overlapping = overlapping.filter(start__lt=end)
    clash = overlapping.order_by("start").first()
    if clash is not None:
        until = engine.format_date(clash.end) if clash.end else "now"
        raise ValidationError(
            {
                "start": (
                    "This episode overlaps another episode, from "
                    f"{engine.format_date(clash.start)} to {until}. Change its dates, or end "
                    "the other episode first"
                )
            }
        )


def care_episode_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    today: datetime.date | None = None,
    **fields: Any,
) -> CareEpisode:
    """Add an episode of care and re-derive the category. Raises ValidationError on overlap."""
    _check_fields(fields, CARE_EPISODE_FIELDS)
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        _check_episode(locked, fields)
        return _care_history_add(CareEpisode, acting_user, locked, today, **fields)


def care_episode_update(
    *,
    acting_user: User,
    episode: CareEpisode,
    last_modified: datetime.datetime | None,
    changes: Mapping[str, Any],
    today: datetime.date | None = None,
) -> CareEpisode:
    """Correct an episode of care and re-derive the category.

    `last_modified` is the episode's `modified_at` when the editor opened it: episodes carry no
    version number, so their timestamp does the same job. A mismatch raises StaleEdit.
    """
    _check_fields(changes, CARE_EPISODE_FIELDS)
    with transaction.atomic():
        young_person = _locked(YoungPerson, episode.young_person_id)
        locked = _locked(CareEpisode, episode.pk)
        if last_modified is not None and locked.modified_at != last_modified:
            changes_made = _episode_changes_since(locked, last_modified)
            raise StaleEdit(
                what="this care episode",
                changes=changes_made[0],
                changed_by=changes_made[1],
                changed_at=locked.modified_at,
                current_version=None,
            )
        changed = [name for name, value in changes.items() if getattr(locked, name) != value]
        if not changed:
            return locked
        merged = {name: getattr(locked, name) for name in CARE_EPISODE_FIELDS} | dict(changes)
        _check_episode(young_person, merged, exclude_pk=locked.pk)
        for name in changed:
            setattr(locked, name, changes[name])
        _save_change(
            locked,
            acting_user,
            detail={"fields": sorted(changed)},
        )
        category_refresh(acting_user=acting_user, young_person=young_person, today=today)
    return locked


def _episode_changes_since(
    episode: CareEpisode, seen_at: datetime.datetime
) -> tuple[list[FieldChange], str]:
    history = episode.history.order_by("-history_date", "-history_id")
    seen = history.filter(history_date__lte=seen_at).first()
    latest = history.select_related("history_user").first()
    by = ""
    if latest is not None and latest.history_user is not None:
        by = latest.history_user.get_full_name() or latest.history_user.email
    if seen is None:
        return [], by
    changes = []
    for name in sorted(CARE_EPISODE_FIELDS):
        before, after = display_value(seen, name), display_value(episode, name)
        if before != after:
            changes.append(FieldChange(name, field_label(episode, name), before, after))
    return changes, by


def home_period_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    start: datetime.date,
    end: datetime.date | None = None,
    notes: str = "",
    today: datetime.date | None = None,
) -> HomePeriod:
    """Record a period living with a parent after care, and re-derive the category."""
    if end is not None and end < start:
        raise ValidationError({"end": "The end date must be the same as or after the start date"})
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        return _care_history_add(
            HomePeriod, acting_user, locked, today, start=start, end=end, notes=notes
        )


# The care-leaver category --------------------------------------------------------------------


def category_facts_for(young_person: YoungPerson) -> engine.CategoryFacts:
    """The pure engine's facts from a record. Uses prefetched related rows if present
    (CATEGORY_PREFETCH)."""
    decisions: dict[str, str] = {}
    # The latest decision on a question is the one used; earlier ones stay as history.
    for decided in sorted(
        young_person.category_question_decisions.all(),
        key=lambda row: (row.decided_at, row.pk),
        reverse=True,
    ):
        decisions.setdefault(decided.question, decided.reading)
    return engine.CategoryFacts(
        date_of_birth=young_person.date_of_birth,
        episodes=tuple(
            engine.CareEpisode(
                start=e.start,
                end=e.end,
                legal_status=e.legal_status,
                placement_type=e.placement_type,
            )
            for e in young_person.care_episodes.all()
        ),
        home_periods=tuple(
            engine.HomePeriod(start=p.start, end=p.end) for p in young_person.home_periods.all()
        ),
        detained_or_in_hospital_on_16th_birthday=young_person.detained_or_in_hospital_on_16th_birthday,
        detained_or_admitted_on=young_person.detained_or_admitted_on,
        subject_to_care_order_on_16th_birthday=young_person.subject_to_care_order_on_16th_birthday,
        special_guardianship_after_care=young_person.special_guardianship_after_care,
        in_education_or_training=young_person.in_education_or_training,
        accommodated_periods=tuple(
            engine.AccommodatedPeriod(
                kind=engine.AccommodatedKind(p.kind), start=p.start, end=p.end
            )
            for p in young_person.accommodated_periods.all()
        ),
        decisions=decisions,
    )


CATEGORY_FIELDS = (
    "category",
    "category_since",
    "category_reason",
    "category_needs_decision",
    "category_decided_on",
    "category_next_check",
)


@dataclass(frozen=True)
class CategoryUpdate:
    """What storing a category decision does to a young person's record."""

    # The CATEGORY_FIELDS to store; `category_decided_on` only when the category changed.
    values: dict[str, Any]
    # The category or the day it began differs from the record, or was never decided: a change
    # that is audited and dated.
    changed: bool

    def apply_to(self, young_person: YoungPerson) -> None:
        for name, value in self.values.items():
            setattr(young_person, name, value)


def category_update(
    young_person: YoungPerson,
    decision: engine.CategoryDecision,
    *,
    facts: engine.CategoryFacts,
    today: datetime.date,
) -> CategoryUpdate:
    """The stored form of `decision` (derived from `facts` on `today`) for `young_person`, as
    the category service, the 903 import (in bulk) and the demo all store it."""
    before = (young_person.category, young_person.category_since)
    changed = (
        before != (decision.category.value, decision.since)
        or young_person.category_decided_on is None
    )
    values: dict[str, Any] = {
        "category": decision.category.value,
        "category_since": decision.since,
        "category_reason": decision.reason,
        "category_needs_decision": (
            decision.worker_decision_reason if decision.needs_worker_decision else ""
        ),
        "category_next_check": engine.next_category_change(facts, today),
    }
    if changed:
        values["category_decided_on"] = today
    return CategoryUpdate(values=values, changed=changed)


def category_change_detail(
    *, before: str, decision: engine.CategoryDecision, on: datetime.date
) -> dict[str, Any]:
    """The audit detail of a change of category, which the chronology reads."""
    return {
        "from": before,
        "to": decision.category.value,
        "since": decision.since.isoformat() if decision.since else None,
        "reason": decision.reason,
        "on": on.isoformat(),
    }


def category_refresh(
    *,
    acting_user: User | None = None,
    young_person: YoungPerson,
    today: datetime.date | None = None,
) -> engine.CategoryDecision:
    """Re-derive and store the young person's care-leaver category as it stands `today`.

    Called after any change to their care episodes, periods at home or category facts, and each
    day by the scheduled job for records whose category may change by age. A change of category
    is audited (and so appears in the chronology); `category_decided_on` is the day the current
    category was last decided. The record's version is not changed: this is the service's own
    derivation, and must not make someone's open edit form stale.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        facts = category_facts_for(young_person)
        decision = engine.derive_category(facts, today)
        decision = reported_categories_hold(young_person=young_person, decision=decision, on=today)
        before = young_person.category
        update = category_update(young_person, decision, facts=facts, today=today)
        update.apply_to(young_person)
        YoungPerson.objects.filter(pk=young_person.pk).update(
            **{name: getattr(young_person, name) for name in CATEGORY_FIELDS}
        )
        if update.changed:
            _log_change_to_whole_record(
                acting_user,
                young_person,
                CATEGORY_SUBJECT,
                category_change_detail(before=before, decision=decision, on=today),
            )
    return decision


def reported_categories_hold(
    *, young_person: YoungPerson, decision: engine.CategoryDecision, on: datetime.date
) -> engine.CategoryDecision:
    """The decision to store, never lower than a past return reported (people/reported.py),
    marking which reports a worker must check. Uses prefetched `reported_categories` if
    present; runs inside the caller's transaction."""
    rows = [row for row in young_person.reported_categories.all() if row.holds_category]
    if not rows:
        return decision
    held = reported.hold_reported(
        decision,
        [
            reported.Report(engine.Category(row.category), row.collection_year, row.source)
            for row in rows
        ],
        date_of_birth=young_person.date_of_birth,
        on=on,
    )
    unconfirmed = {report.collection_year for report in held.unconfirmed}

    def needs_check(row: ReportedCategory) -> bool:
        return row.collection_year in unconfirmed and not row.checked_on

    changed = [row for row in rows if row.needs_check != needs_check(row)]
    for row in changed:
        row.needs_check = needs_check(row)
    ReportedCategory.objects.bulk_update(changed, ["needs_check"])
    return held.decision


REPORTED_CATEGORY_SUBJECT = "people.reported_category"


def reported_category_check(
    *,
    acting_user: User,
    young_person: YoungPerson,
    outcome: str,
    note: str,
    today: datetime.date | None = None,
) -> engine.CategoryDecision:
    """Record a worker's check of the care history behind the reported categories waiting for
    one: the reports stand, or they are set aside. Then derive the category again."""
    today = today or timezone.localdate()
    if outcome not in ReportedCategoryCheck.values:
        raise ValidationError({"outcome": "Select what the care history shows"})
    if not note.strip():
        raise ValidationError({"note": "Enter what you checked and what you found"})
    with transaction.atomic():
        rows = list(
            ReportedCategory.objects.select_for_update().filter(
                young_person=young_person, needs_check=True
            )
        )
        if not rows:
            raise ValidationError("There is no reported category waiting for a check")
        for row in rows:
            row.checked_on = today
            row.checked_by = acting_user
            row.check_outcome = outcome
            row.check_note = note.strip()
            row.needs_check = False
            row.modified_by = acting_user
        ReportedCategory.objects.bulk_update(
            rows,
            ["checked_on", "checked_by", "check_outcome", "check_note", "needs_check"]
            + ["modified_by"],
        )
        _log_change_to_whole_record(
            acting_user,
            young_person,
            REPORTED_CATEGORY_SUBJECT,
            {
                "outcome": outcome,
                "years": [row.collection_year for row in rows],
                "note": note.strip(),
            },
        )
        young_person = (
            YoungPerson.objects.all()
            .prefetch_related(*CATEGORY_PREFETCH, "reported_categories")
            .get(pk=young_person.pk)
        )
        return category_refresh(acting_user=acting_user, young_person=young_person, today=today)


def categories_refresh_due(today: datetime.date) -> str:
    """The daily job: re-derive every category that may have changed by `today`.

    Takes records whose next check is due (birthdays, 13 weeks of care, 6 months at home) and
    any never derived. Safe to run twice: a second run finds nothing due. A missed day is caught
    up because the test is `<= today`.
    """
    due = (
        YoungPerson.objects.live()
        .filter(Q(category_next_check__lte=today) | Q(category_decided_on__isnull=True))
        .prefetch_related(*CATEGORY_PREFETCH, "reported_categories")
        .order_by("pk")
    )
    checked = changed = 0
    for young_person in due.iterator(chunk_size=500):
        before = young_person.category
        decision = category_refresh(young_person=young_person, today=today)
        checked += 1
        changed += decision.category.value != before
    return f"{checked} checked, {changed} changed"


def category_question_decide(
    *,
    acting_user: User,
    young_person: YoungPerson,
    question: str,
    reading: str,
    reason: str,
    today: datetime.date | None = None,
) -> CategoryQuestionDecision:
    """Record a worker's decision on a question of law the category engine cannot settle, and
    work the category out again with it.

    The question must be one the engine asks about this young person today; the words of the
    question and of the chosen reading are kept with the decision, so the record shows what the
    worker was asked. Raises ValidationError (nothing saved) otherwise.
    """
    today = today or timezone.localdate()
    reason = reason.strip()
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        asked = {
            q.key: q for q in engine.derive_category(category_facts_for(locked), today).questions
        }
        found = asked.get(question)
        if found is None:
            raise ValidationError(
                {
                    "reading": "This question no longer changes their category, so there is "
                    "nothing to decide"
                }
            )
        if reading not in {r.key for r in found.readings}:
            raise ValidationError({"reading": "Choose which reading applies"})
        if not reason:
            raise ValidationError({"reason": "Enter why you chose this reading"})
        return _care_history_add(
            CategoryQuestionDecision,
            acting_user,
            locked,
            today,
            detail={"question": question, "reading": reading},
            question=question,
            question_text=found.text,
            reading=reading,
            reading_text=found.reading(reading).words,
            reason=reason,
            decided_by=acting_user,
        )


def accommodated_period_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    kind: str,
    start: datetime.date,
    end: datetime.date | None = None,
    provider: str = "",
    notes: str = "",
    today: datetime.date | None = None,
) -> AccommodatedPeriod:
    """Record a time accommodated or fostered other than by the council (CA 1989 s.24(2)(b)
    to (e)) and work the category out again."""
    errors: dict[str, str] = {}
    if kind not in {k.value for k in engine.AccommodatedKind}:
        errors["kind"] = "Choose how they were accommodated"
    errors |= _period_errors(
        young_person,
        start,
        end,
        start_words="The start date must be after their date of birth",
        end_words="The end date must be the same as or after the start date",
    )
    raise_if(errors)
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        return _care_history_add(
            AccommodatedPeriod,
            acting_user,
            locked,
            today,
            kind=kind,
            start=start,
            end=end,
            provider=provider.strip(),
            notes=notes.strip(),
        )


def support_choice_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    kind: str,
    told_on: datetime.date,
    notes: str = "",
    from_young_persons_pages: bool = False,
    today: datetime.date | None = None,
) -> SupportChoice:
    """Record what a former relevant young person aged 21 to 25 told the council: that they
    want a personal adviser (CA 1989 s.23CZB(2)), no longer want one (s.23CZB(3)(b)), or are
    pursuing or want to pursue education or training (s.23CA(1)(c)).

    Only former relevant young people have these rights, and only from their 21st birthday to
    their 25th; anything else is refused with the reason and nothing is saved. The record's
    `personal_adviser_declined_on` and `education_return_informed_on` follow from the choices.
    """
    today = today or timezone.localdate()
    if kind not in SupportChoiceKind.values:
        raise ValidationError({"kind": "Choose what they told you"})
    refuse_after_today("told_on", told_on, subject="The date they told you", today=today)
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        refusal = adviser_support.choice_refusal(
            kind=kind, category=locked.category, age=locked.age_on(told_on), told_on=told_on
        )
        if refusal:
            raise ValidationError({"kind": refusal})
        choice = _create_logged(
            SupportChoice,
            acting_user,
            detail={"kind": kind, "told_on": told_on.isoformat()},
            young_person=locked,
            kind=kind,
            told_on=told_on,
            notes=notes.strip(),
            from_young_persons_pages=from_young_persons_pages,
        )
        locked.personal_adviser_declined_on, locked.education_return_informed_on = (
            adviser_support.current_choices(
                (c.kind, c.told_on, c.pk)
                for c in SupportChoice.objects.filter(young_person=locked)
            )
        )
        # Derived from the choices by this service, like the category: not an edit of the
        # record, so the version is left alone.
        YoungPerson.objects.filter(pk=locked.pk).update(
            personal_adviser_declined_on=locked.personal_adviser_declined_on,
            education_return_informed_on=locked.education_return_informed_on,
        )
        announce_change(young_person=locked, what="support_choice", today=today)
    young_person.personal_adviser_declined_on = locked.personal_adviser_declined_on
    young_person.education_return_informed_on = locked.education_return_informed_on
    return choice


# "About me" ----------------------------------------------------------------------------------


def about_me_write(
    *,
    acting_user: User,
    young_person: YoungPerson,
    summary: str,
    please_do_not_ask: str = "",
    version: int | None = None,
    today: datetime.date | None = None,
    by_the_young_person: bool = False,
) -> AboutMe:
    """Write or rewrite the young person's "about me".

    Rewriting it clears their agreement: they agreed to the old words, not the new ones, unless
    `by_the_young_person`: words they wrote themselves (on their own pages) are theirs, agreed
    the day they wrote them. `version` is the about me's version when the writer opened it (None
    when there was none).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        _locked(YoungPerson, young_person.pk)
        existing = AboutMe.objects.select_for_update().filter(young_person=young_person).first()
        if existing is None:
            if version is not None:
                raise ValueError("There is no about me to update.")
            return _create_logged(
                AboutMe,
                acting_user,
                detail={"event": "written"},
                young_person=young_person,
                summary=summary,
                please_do_not_ask=please_do_not_ask,
                written_by=acting_user,
                written_on=today,
                agreed_by_young_person_on=today if by_the_young_person else None,
            )
        refuse_if_stale(
            existing,
            version=version if version is not None else -1,
            what="the about me",
            fields=ABOUT_ME_FIELDS,
        )
        about_me = existing
        if (about_me.summary, about_me.please_do_not_ask) == (summary, please_do_not_ask):
            if about_me.is_agreed or not by_the_young_person:
                return about_me
            # They sent their adviser's words back unchanged: the words stay their adviser's,
            # and they have agreed them.
            about_me.agreed_by_young_person_on = today
            _save_change(
                about_me, acting_user, detail={"event": "agreed", "agreed_on": today.isoformat()}
            )
            return about_me
        about_me.summary = summary
        about_me.please_do_not_ask = please_do_not_ask
        about_me.written_by = acting_user
        about_me.written_on = today
        about_me.agreed_by_young_person_on = today if by_the_young_person else None
        _save_change(about_me, acting_user, detail={"event": "rewritten"})
    return about_me


def about_me_agree(
    *,
    acting_user: User,
    about_me: AboutMe,
    agreed_on: datetime.date,
    version: int,
) -> AboutMe:
    """Record the day the young person read their about me and agreed it."""
    refuse_after_today("agreed_on", agreed_on, subject="The date they agreed")
    with transaction.atomic():
        locked = _locked(AboutMe, about_me.pk)
        refuse_if_stale(
            locked,
            version=version,
            what="the about me",
            fields=ABOUT_ME_FIELDS,
        )
        if agreed_on < locked.written_on:
            raise ValidationError(
                {
                    "agreed_on": "The date they agreed must be the same as or after the day it "
                    f"was written, {engine.format_date(locked.written_on)}"
                }
            )
        locked.agreed_by_young_person_on = agreed_on
        _save_change(
            locked,
            acting_user,
            detail={"event": "agreed", "agreed_on": agreed_on.isoformat()},
        )
    return locked


# Restricted records --------------------------------------------------------------------------


def _staff_only(users: Iterable[Any]) -> list[Any]:
    named = list(users)
    not_staff = [user for user in named if not (user.role_names & STAFF_ROLES)]
    if not_staff:
        raise ValidationError(
            {"named_staff": "Only members of staff can be named on a restricted record"}
        )
    return named


def _restriction_save(
    locked: YoungPerson, acting_user: User, *, is_restricted: bool, reason: str
) -> None:
    # Only the restriction's own fields: it is not an edit of the record, so the version and an
    # open edit form are left alone.
    locked.is_restricted = is_restricted
    locked.restriction_reason = reason
    locked.modified_by = acting_user
    save_naming_user(
        locked,
        acting_user,
        update_fields=["is_restricted", "restriction_reason", "modified_by", "modified_at"],
    )


def record_restrict(
    *,
    acting_user: User,
    young_person: YoungPerson,
    reason: str,
    named_staff: Iterable[Any],
) -> YoungPerson:
    """Restrict a record to named staff, or change who is named on a restricted record.

    The young person's current workers and the person restricting it are always named, so
    nobody working the case loses it by accident. Casework's allocation service names new
    workers with `record_restriction_name_staff`.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why this record is restricted"})
    named = _staff_only(named_staff)
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        everyone = {user.pk: user for user in [*named, *allocated_workers(locked), acting_user]}
        was_restricted = locked.is_restricted
        before = set(locked.restricted_to.values_list("pk", flat=True))
        _restriction_save(locked, acting_user, is_restricted=True, reason=reason)
        locked.restricted_to.set(everyone.values())
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=locked,
            young_person_id=locked.pk,
            detail={
                "event": "restriction_changed" if was_restricted else "restricted",
                "reason": reason,
                "named": sorted(everyone),
                "added": sorted(set(everyone) - before),
                "removed": sorted(before - set(everyone)),
            },
        )
    return locked


def record_restriction_name_staff(
    *, acting_user: User, young_person: YoungPerson, staff: Iterable[Any]
) -> None:
    """Name more staff on a restricted record (for example a newly allocated worker).

    Does nothing for a record that is not restricted.
    """
    named = _staff_only(staff)
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        if not locked.is_restricted:
            return
        before = set(locked.restricted_to.values_list("pk", flat=True))
        new = [user for user in named if user.pk not in before]
        if not new:
            return
        locked.restricted_to.add(*new)
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=locked,
            young_person_id=locked.pk,
            detail={"event": "staff_named", "added": sorted(user.pk for user in new)},
        )


def record_unrestrict(
    *, acting_user: User, young_person: YoungPerson, reason: str = ""
) -> YoungPerson:
    """Lift a restriction: the record is seen again by everyone whose role allows it."""
    with transaction.atomic():
        locked = _locked(YoungPerson, young_person.pk)
        if not locked.is_restricted:
            return locked
        before = sorted(locked.restricted_to.values_list("pk", flat=True))
        _restriction_save(locked, acting_user, is_restricted=False, reason="")
        locked.restricted_to.clear()
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=locked,
            young_person_id=locked.pk,
            detail={"event": "unrestricted", "reason": reason.strip(), "was_named": before},
        )
    return locked
