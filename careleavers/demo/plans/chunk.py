"""One chunk of young people for the plans seeder: what it reads about them (a fixed number of
queries), the small helpers every part of their story uses, and the rows it collects and writes
at the end with the demo's bulk writer."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from careleavers.accommodation.models import AccommodationStay
from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation, WorkerRole
from careleavers.core.dates import age_on
from careleavers.demo.plans.section_wording import (
    IDENTITY_CULTURE,
    IDENTITY_FAITH,
    IDENTITY_GENERAL,
    IDENTITY_LANGUAGE,
    IDENTITY_MIGRANT,
    IDENTITY_NO_FAITH,
    IDENTITY_WORDS,
    SECTION_OPTIONS,
)
from careleavers.demo.plans.wording import ACCOMMODATION_GROUPS
from careleavers.demo.rows import IdBlocks, write_rows
from careleavers.learning.models import ActivityEpisode
from careleavers.people.category import Category
from careleavers.plans import schedule
from careleavers.plans.models import (
    AssessmentSection,
    Goal,
    NeedsAssessment,
    PathwayPlan,
    PlanAction,
    PlanReview,
    PlanSection,
    PlanStateChange,
)
from careleavers.transitions.models import HealthProfile, Registration

Row = dict[str, Any]
LONDON = ZoneInfo("Europe/London")
ONE_DAY = datetime.timedelta(days=1)
BATCH = 2000
# What a young person is doing (their DfE ACTIV code on the record), as the tags the plan's
# words are chosen by, so a plan never says "apprenticeship" while the record says college.
ACTIVITY_TAGS: dict[str, tuple[str, ...]] = {
    "F1": ("he", "study"),
    "P1": ("he", "study"),
    "F2": ("college", "study"),
    "P2": ("college", "study"),
    "F4": ("apprentice",),
    "P4": ("apprentice",),
    "F5": ("job", "job_full"),
    "P5": ("job", "job_part"),
    "G4": ("neet",),
    "G5": ("neet",),
    "G6": ("neet",),
}
PLAN_CATEGORIES = frozenset(
    {Category.ELIGIBLE.value, Category.RELEVANT.value, Category.FORMER_RELEVANT.value}
)


def _history_fields(model: type[models.Model]) -> list[str]:
    historical = model.history.model  # type: ignore[attr-defined]
    return [
        f.attname
        for f in historical._meta.concrete_fields
        if not f.primary_key and not f.attname.startswith("history_")
    ]


@dataclass
class _Allocation:
    role: str
    worker_id: int
    start: datetime.date
    end: datetime.date | None


@dataclass
class Person:
    young_person: Any
    name: str
    language: str
    manager_id: int
    allocations: list[_Allocation]
    stays: list[tuple[datetime.date, datetime.date | None, str]]
    moves: list[datetime.date]
    # Their activity episodes on the record (start, end or None, ACTIV code), oldest first.
    activities: list[tuple[datetime.date, datetime.date | None, str]] = field(default_factory=list)
    # From their health record: mental health needs, and registered with a GP and a dentist.
    mental_health: bool = False
    registered: bool = False
    # Unbroken periods of accommodation the council provides (start, end or None), for the
    # reviews Care Leavers (England) Regs 2010 reg 7(3) requires while it does.
    council_spells: list[tuple[datetime.date, datetime.date | None]] = field(default_factory=list)

    def council_accommodation_since(self, day: datetime.date) -> datetime.date | None:
        for start, end in self.council_spells:
            if start <= day and (end is None or end > day):
                return start
        return None

    def activity_on(self, day: datetime.date) -> str:
        """Their ACTIV code on the record that day (the first episode's before it began), or
        "" when nothing is recorded."""
        current = self.activities[0][2] if self.activities else ""
        for start, end, code in self.activities:
            if start <= day and (end is None or day <= end):
                current = code
        return current

    @property
    def activity_changes(self) -> list[datetime.date]:
        """The days their activity on the record changed to a different one."""
        return [
            start
            for (_, _, before), (start, _, code) in zip(
                self.activities, self.activities[1:], strict=False
            )
            if code != before
        ]

    @property
    def adviser_changes(self) -> list[datetime.date]:
        """The days a new personal adviser took over from another."""
        advisers = [a for a in self.allocations if a.role == WorkerRole.PERSONAL_ADVISER.value]
        return [
            later.start
            for earlier, later in zip(advisers, advisers[1:], strict=False)
            if later.worker_id != earlier.worker_id
        ]

    def accommodation_on(self, day: datetime.date) -> str:
        """Their type of accommodation (a DfE ACCOM letter) on the record that day, or ""."""
        current = ""
        for start, end, accom_type in self.stays:
            if start <= day and (end is None or day < end):
                current = accom_type
        return current

    def adviser_on(self, day: datetime.date) -> int | None:
        """Their personal adviser on the record that day, if they had one."""
        for allocation in self.allocations:
            if (
                allocation.role == WorkerRole.PERSONAL_ADVISER.value
                and allocation.start <= day
                and (allocation.end is None or day < allocation.end)
            ):
                return allocation.worker_id
        return None


@dataclass
class Writer:
    user_id: int
    first: str
    full: str
    role: str  # "personal adviser" or "social worker"


@dataclass
class Plan:
    row: Row
    writer: Writer
    created_at: datetime.datetime
    content: dict[str, tuple[str, str]]
    actions: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    authorised_on: datetime.date | None = None
    sections_changed: list[str] = field(default_factory=list)
    frozen: bool = False  # actions and goals settled as at the plan's end (or today)
    # The structured answers (PlanSection fields), from the record on the day it was written.
    answers: dict[str, Any] = field(default_factory=dict)
    written_on: datetime.date = datetime.date.min  # it follows the record as on this day


class Chunk:
    """What the parts of the plans seeder share for one chunk of young people."""

    def __init__(self, rng: random.Random, today: datetime.date, workers: Sequence[Any]) -> None:
        self.rng = rng
        self.today = today
        self.workers = list(workers)
        self.ids: dict[type[models.Model], IdBlocks] = {
            model: IdBlocks(model)
            for model in (NeedsAssessment, PathwayPlan, PlanSection, PlanAction, Goal, PlanReview)
        }
        self.history_fields: dict[type[models.Model], list[str]] = {
            model: _history_fields(model) for model in (PathwayPlan, PlanSection, PlanAction, Goal)
        }
        self.names: dict[int, tuple[str, str]] = {}
        self.fallback_managers: list[int] | None = None
        self.assessments: list[Row] = []
        self.assessment_sections: list[Row] = []
        self.plans: list[Row] = []
        self.sections: list[Row] = []
        self.actions: list[Row] = []
        self.goals: list[Row] = []
        self.state_changes: list[Row] = []
        self.reviews: list[Row] = []
        self.history: dict[type[models.Model], list[Row]] = {
            model: [] for model in (PathwayPlan, PlanSection, PlanAction, Goal)
        }
        self.overdue = 0
        self.assessments_in_progress = 0
        self.reviews_held = 0
        self.open_requests = 0

    # Reading what the chunk needs: a fixed number of queries ----------------------------------

    def people(self, young_people: Sequence[Any]) -> list[Person]:
        ids = [person.pk for person in young_people]
        allocations: dict[int, list[_Allocation]] = {}
        for young_person_id, role, worker_id, start, end in (
            Allocation.objects.filter(young_person_id__in=ids)
            .order_by("young_person_id", "start", "pk")
            .values_list("young_person_id", "role", "worker_id", "start", "end")
        ):
            allocations.setdefault(young_person_id, []).append(
                _Allocation(role, worker_id, start, end)
            )
        stays: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
        council: dict[int, list[tuple[datetime.date, datetime.date | None]]] = {}
        for young_person_id, start, end, accom_type, council_provided in (
            AccommodationStay.objects.filter(young_person_id__in=ids, archived_at__isnull=True)
            .order_by("young_person_id", "start", "pk")
            .values_list("young_person_id", "start", "end", "accom_type", "council_provided")
        ):
            stays.setdefault(young_person_id, []).append((start, end, accom_type))
            if council_provided:
                # A move from one place the council provides to the next is one unbroken period.
                spells = council.setdefault(young_person_id, [])
                if spells and (spells[-1][1] is None or start <= spells[-1][1]):
                    first, last = spells[-1]
                    spells[-1] = (first, None if last is None or end is None else max(last, end))
                else:
                    spells.append((start, end))
        activities: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
        for young_person_id, start, end, activ in (
            ActivityEpisode.objects.filter(young_person_id__in=ids, archived_at__isnull=True)
            .order_by("young_person_id", "start", "pk")
            .values_list("young_person_id", "start", "end", "activ")
        ):
            activities.setdefault(young_person_id, []).append((start, end, activ))
        health = {
            young_person_id: (mental_health, gp == dentist == Registration.REGISTERED)
            for young_person_id, mental_health, gp, dentist in HealthProfile.objects.filter(
                young_person_id__in=ids
            ).values_list(
                "young_person_id",
                "mental_health_needs",
                "gp_registration",
                "dentist_registration",
            )
        }
        managers = dict(
            Team.objects.filter(pk__in={p.team_id for p in young_people if p.team_id}).values_list(
                "pk", "manager_id"
            )
        )
        user_ids = {a.worker_id for rows in allocations.values() for a in rows}
        user_ids |= {pk for pk in managers.values() if pk}
        user_ids |= {worker.pk for worker in self.workers}
        self.names = {
            pk: (first, last)
            for pk, first, last in User.objects.filter(pk__in=user_ids).values_list(
                "pk", "first_name", "last_name"
            )
        }
        people = []
        for young_person in young_people:
            own_stays = stays.get(young_person.pk, [])
            language = (young_person.first_language or "").strip()
            people.append(
                Person(
                    young_person=young_person,
                    name=young_person.preferred_name or young_person.first_name,
                    language="" if language.lower() in ("", "english") else language,
                    manager_id=managers.get(young_person.team_id) or self._fallback_manager(),
                    allocations=allocations.get(young_person.pk, []),
                    stays=own_stays,
                    moves=[start for start, _, _ in own_stays[1:]],
                    council_spells=council.get(young_person.pk, []),
                    activities=activities.get(young_person.pk, []),
                    mental_health=health.get(young_person.pk, (False, False))[0],
                    registered=health.get(young_person.pk, (False, False))[1],
                )
            )
        return people

    def _fallback_manager(self) -> int:
        if self.fallback_managers is None:
            self.fallback_managers = list(
                User.objects.filter(groups__name=Role.TEAM_MANAGER, is_active=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:20]
            )
            for pk, first, last in User.objects.filter(pk__in=self.fallback_managers).values_list(
                "pk", "first_name", "last_name"
            ):
                self.names[pk] = (first, last)
        if self.fallback_managers:
            return self.rng.choice(self.fallback_managers)
        return int(self.workers[0].pk)

    # Small helpers ----------------------------------------------------------------------------

    def at(self, day: datetime.date, first_hour: int, last_hour: int) -> datetime.datetime:
        return datetime.datetime.combine(
            day,
            datetime.time(self.rng.randint(first_hour, last_hour), self.rng.randrange(0, 60, 5)),
            tzinfo=LONDON,
        )

    def new_row(
        self,
        model: type[models.Model],
        at: datetime.datetime,
        by: int,
        *,
        modified_at: datetime.datetime | None = None,
    ) -> Row:
        """A new row's id and audit columns: created at `at` by `by`, who last changed it too
        (at `modified_at` if that is later)."""
        return {
            "id": self.ids[model].take(),
            "created_at": at,
            "modified_at": modified_at or at,
            "created_by_id": by,
            "modified_by_id": by,
        }

    def days(self, low: int, high: int) -> datetime.timedelta:
        return datetime.timedelta(days=self.rng.randint(low, high))

    def writer_on(self, person: Person, day: datetime.date) -> Writer:
        """Who wrote the plan that day: the social worker while a looked after child is under
        18, otherwise the personal adviser; the nearest in time if nobody was allocated."""
        prefer = (
            [WorkerRole.SOCIAL_WORKER.value, WorkerRole.PERSONAL_ADVISER.value]
            if age_on(person.young_person.date_of_birth, day) < 18
            and person.young_person.category == Category.ELIGIBLE.value
            else [WorkerRole.PERSONAL_ADVISER.value, WorkerRole.SOCIAL_WORKER.value]
        )
        chosen: _Allocation | None = None
        for role in prefer:
            chosen = next(
                (
                    a
                    for a in person.allocations
                    if a.role == role and a.start <= day and (a.end is None or day < a.end)
                ),
                None,
            )
            if chosen is not None:
                break
        if chosen is None:
            advisers = [
                a for a in person.allocations if a.role == WorkerRole.PERSONAL_ADVISER.value
            ]
            candidates = advisers or person.allocations
            if candidates:
                chosen = min(candidates, key=lambda a: abs((a.start - day).days))
        if chosen is None:
            pool = self.workers[1:] or self.workers
            user = pool[person.young_person.pk % len(pool)]
            return self._writer(int(user.pk), WorkerRole.PERSONAL_ADVISER.value)
        return self._writer(chosen.worker_id, chosen.role)

    def _writer(self, user_id: int, role: str) -> Writer:
        first, last = self.names.get(user_id, ("", ""))
        first = first or "your worker"
        return Writer(
            user_id=user_id,
            first=first,
            full=f"{first} {last}".strip(),
            role="social worker" if role == WorkerRole.SOCIAL_WORKER.value else "personal adviser",
        )

    def tags(self, person: Person, day: datetime.date) -> set[str]:
        young_person = person.young_person
        adult = age_on(young_person.date_of_birth, day) >= 18
        tags = {"any", "adult" if adult else "u18"}
        # What they are doing that day, as the record says (ACTIVITY_TAGS).
        doing = set(ACTIVITY_TAGS.get(person.activity_on(day), ("neet",)))
        tags |= doing
        if "study" in doing or "neet" in doing:
            tags.add("not_earning")
        if "college" in doing and adult:
            tags.add("college_adult")
        if "study" in doing and not adult:
            tags.add("u18_study")
        if young_person.is_separated_migrant:
            tags.add("migrant")
            if "college" in doing:
                tags.add("migrant_college")
            if "not_earning" in tags:
                tags.add("migrant_not_earning")
        # Their health record: what the health section may say.
        if person.mental_health:
            tags.add("mental_health")
            if not adult:
                tags.add("u18_mental_health")
        elif person.registered:
            tags.add("registered_well")
        if person.language:
            tags.add("language")
        if (young_person.disability or "").strip() or (young_person.learning_needs or "").strip():
            tags.add("disability")
        tags.add(f"acc:{self.accommodation_group(person, day)}")
        return tags

    def accommodation_group(self, person: Person, day: datetime.date) -> str:
        current = None
        for start, end, accom_type in person.stays:
            if start <= day:
                current = accom_type if end is None or day < end else current
        if current is None:
            return "none"
        return ACCOMMODATION_GROUPS.get(current, "unknown")

    def fill(self, text: str, person: Person, writer: Writer) -> str:
        return text.format(
            name=person.name, worker=writer.first, language=person.language or "your language"
        )

    def pick_section(
        self, key: str, tags: set[str], person: Person, writer: Writer, avoid: str = ""
    ) -> tuple[str, str]:
        if key == schedule.IDENTITY:
            return self.identity(person, writer, avoid)
        options = [o for o in SECTION_OPTIONS[key] if o[0] in tags]
        fresh = [o for o in options if self.fill(o[1], person, writer) != avoid]
        _, words, assessment = self.rng.choice(fresh or options)
        return self.fill(words, person, writer), self.fill(assessment, person, writer)

    def identity(self, person: Person, writer: Writer, avoid: str = "") -> tuple[str, str]:
        """Schedule 1 paragraph 10, starting from what the record says about their faith,
        culture and language (as `plans.services.identity_from_record` does)."""
        young_person = person.young_person
        rng = self.rng
        faith = (young_person.faith or "").strip()
        parts = []
        kinds = []
        if faith and faith.lower() != "no religion":
            parts.append(rng.choice(IDENTITY_FAITH).format(faith=faith))
            kinds.append("faith")
        elif faith:
            parts.append(IDENTITY_NO_FAITH)
        if person.language:
            parts.append(
                IDENTITY_LANGUAGE[0 if young_person.interpreter_needed else 1].format(
                    language=person.language
                )
            )
            kinds.append("language")
        if (young_person.culture or "").strip():
            parts.append(rng.choice(IDENTITY_CULTURE))
            kinds.append("culture")
        if young_person.is_separated_migrant:
            parts.append(IDENTITY_MIGRANT)
        if not kinds:
            parts.append(rng.choice(IDENTITY_GENERAL))
            kinds.append("none")
        options = [self.fill(w, person, writer) for w in IDENTITY_WORDS[rng.choice(kinds)]]
        fresh = [words for words in options if words != avoid]
        return rng.choice(fresh or options), " ".join(parts)

    # Writing ----------------------------------------------------------------------------------

    def save(self) -> dict[str, int]:
        write_rows(NeedsAssessment, self.assessments, batch_size=BATCH, with_ids=True)
        write_rows(AssessmentSection, self.assessment_sections, batch_size=BATCH)
        write_rows(PathwayPlan, self.plans, batch_size=BATCH, with_ids=True)
        write_rows(PlanSection, self.sections, batch_size=BATCH, with_ids=True)
        write_rows(PlanAction, self.actions, batch_size=BATCH, with_ids=True)
        write_rows(Goal, self.goals, batch_size=BATCH, with_ids=True)
        write_rows(PlanStateChange, self.state_changes, batch_size=BATCH)
        write_rows(PlanReview, self.reviews, batch_size=BATCH, with_ids=True)
        for model, rows in self.history.items():
            write_rows(model.history.model, rows, batch_size=BATCH)  # type: ignore[attr-defined]
        return {
            "needs assessments": len(self.assessments),
            "needs assessments in progress": self.assessments_in_progress,
            "pathway plans": len(self.plans),
            "plan reviews held": self.reviews_held,
            "plan review requests open": self.open_requests,
            "plan reviews overdue": self.overdue,
        }
