"""A pathway plan as it read at one moment: from the live tables, or rebuilt from history.

django-simple-history keeps a row for every save of a plan, its sections, actions and goals.
`plan_snapshot(plan=…, at=…)` takes, for each record, the latest historical row at or before
`at`, so "what did the plan say on 3 March?" is answered from what was actually saved then.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from careleavers.core.dates import format_date
from careleavers.plans import schedule
from careleavers.plans.models import Goal, PathwayPlan, PlanAction, PlanSection


@dataclass(frozen=True)
class ActionView:
    what: str
    who: str
    by_when: datetime.date | None
    status: str
    status_label: str

    @property
    def line(self) -> str:
        by = f" by {format_date(self.by_when)}" if self.by_when else ""
        return f"{self.what} ({self.who}{by}): {self.status_label}"


@dataclass(frozen=True)
class SectionView:
    key: str
    number: int
    title: str
    young_person_title: str
    help: str
    assessment_label: str
    young_persons_words: str
    assessment: str
    actions: tuple[ActionView, ...]
    planned_label: str = ""  # the question of the section's structured answer, if it has one
    planned: str = ""  # its answer in words


@dataclass(frozen=True)
class GoalView:
    description: str
    target_date: datetime.date | None
    progress: str
    progress_label: str
    progress_note: str

    @property
    def line(self) -> str:
        target = f" (by {format_date(self.target_date)})" if self.target_date else ""
        note = f" {self.progress_note}" if self.progress_note else ""
        return f"{self.description}{target}: {self.progress_label}.{note}"


@dataclass(frozen=True)
class PlanSnapshot:
    plan_id: int
    number: int
    young_person_id: int
    state: str
    state_label: str
    at: datetime.datetime | None  # None: as it reads now
    sections: tuple[SectionView, ...]
    goals: tuple[GoalView, ...]
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    shared_on: datetime.date | None
    shared_method_label: str
    copy_given_and_explained: bool
    agreement_label: str
    young_persons_response: str

    def section(self, key: str) -> SectionView:
        return next(section for section in self.sections if section.key == key)


def _label(instance: Any, field: str) -> str:
    value = getattr(instance, field)
    choices = dict(type(instance)._meta.get_field(field).flatchoices)
    return str(choices.get(value, value or ""))


def _adviser_names(sections: list[Any]) -> dict[int, str]:
    """The names of the advisers the sections name: one query, none if they name nobody."""
    ids = {s.personal_adviser_id for s in sections if s.personal_adviser_id is not None}
    if not ids:
        return {}
    return {user.pk: str(user) for user in get_user_model().objects.filter(pk__in=ids)}


def _build(
    plan: Any,
    sections: Iterable[Any],
    actions: Iterable[Any],
    goals: Iterable[Any],
    at: datetime.datetime | None,
) -> PlanSnapshot:
    by_section: dict[int, list[ActionView]] = {}
    for action in sorted(actions, key=lambda a: (a.by_when or datetime.date.max, a.id)):
        by_section.setdefault(action.section_id, []).append(
            ActionView(
                what=action.what,
                who=action.who,
                by_when=action.by_when,
                status=action.status,
                status_label=_label(action, "status"),
            )
        )
    sections = list(sections)
    advisers = _adviser_names(sections)
    section_views = []
    for section in sorted(sections, key=lambda s: s.number):
        definition = schedule.SECTIONS_BY_KEY[section.key]
        planned_field = definition.planned_field
        section_views.append(
            SectionView(
                key=section.key,
                number=section.number,
                title=definition.title,
                young_person_title=definition.young_person_title,
                help=definition.help,
                assessment_label=definition.assessment_label,
                young_persons_words=section.young_persons_words,
                assessment=section.assessment,
                actions=tuple(by_section.get(section.id, [])),
                planned_label=PlanSection(key=section.key).planned_question,
                planned=(
                    advisers.get(section.personal_adviser_id, "")
                    if planned_field == "personal_adviser"
                    else _label(section, planned_field)
                    if planned_field
                    else ""
                ),
            )
        )
    return PlanSnapshot(
        plan_id=plan.id,
        number=plan.number,
        young_person_id=plan.young_person_id,
        state=plan.state,
        state_label=_label(plan, "state"),
        at=at,
        sections=tuple(section_views),
        goals=tuple(
            GoalView(
                description=goal.description,
                target_date=goal.target_date,
                progress=goal.progress,
                progress_label=_label(goal, "progress"),
                progress_note=goal.progress_note,
            )
            for goal in sorted(goals, key=lambda g: g.id)
        ),
        effective_from=plan.effective_from,
        effective_to=plan.effective_to,
        shared_on=plan.shared_on,
        shared_method_label=_label(plan, "shared_method"),
        copy_given_and_explained=plan.copy_given_and_explained,
        agreement_label=_label(plan, "young_person_agreement"),
        young_persons_response=plan.young_persons_response,
    )


def _latest_rows(history: Any, at: datetime.datetime) -> list[Any]:
    """The latest historical row of each record at or before `at`, leaving out deletions."""
    latest: dict[int, Any] = {}
    for row in history.filter(history_date__lte=at).order_by("history_date", "history_id"):
        latest[row.id] = row
    return [row for row in latest.values() if row.history_type != "-"]


def plan_snapshot(
    *, plan: PathwayPlan, at: datetime.datetime | None = None
) -> PlanSnapshot | None:
    """The plan now (``at`` None), or as it read at ``at``; None if it did not exist yet.

    Four queries either way, however long the plan, and one more when it names an adviser.
    """
    if at is None:
        return _build(
            plan,
            PlanSection.objects.filter(plan=plan),
            PlanAction.objects.filter(plan=plan),
            Goal.objects.filter(plan=plan),
            None,
        )
    plan_rows = _latest_rows(PathwayPlan.history.filter(id=plan.pk), at)
    if not plan_rows:
        return None
    return _build(
        plan_rows[0],
        _latest_rows(PlanSection.history.filter(plan_id=plan.pk), at),
        _latest_rows(PlanAction.history.filter(plan_id=plan.pk), at),
        _latest_rows(Goal.history.filter(plan_id=plan.pk), at),
        at,
    )
