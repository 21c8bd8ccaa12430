"""Pathway plans in the demo: each written, submitted (sometimes returned), authorised and shared,
with its ten sections, actions and goals, and a history row for every change, as the plans
app's services would have made them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db import models

from careleavers.demo.people import weighted
from careleavers.demo.plans.chunk import ONE_DAY, Chunk, Person, Plan, Row, Writer
from careleavers.demo.plans.wording import (
    ACTIONS,
    AGREEMENTS,
    AUTHORISE_COMMENTS,
    CHANGED_GOAL_NOTE,
    GOALS,
    RETURN_COMMENTS,
    SHARE_METHODS,
    SHARE_RESPONSES,
)
from careleavers.plans import schedule
from careleavers.plans.models import (
    ActionStatus,
    Goal,
    GoalProgress,
    PathwayPlan,
    PlanAction,
    PlanSection,
    PlanState,
)

# Each section's structured answer (schedule.planned_field) and the column it is written to.
_ANSWER_COLUMNS = {
    "planned_activity": "planned_activity",
    "planned_accommodation": "planned_accommodation",
    "personal_adviser": "personal_adviser_id",
}


class PathwayPlans(Chunk):
    """Writing, authorising, sharing and ending plans, with their sections, actions and goals."""

    def new_plan(
        self,
        person: Person,
        *,
        number: int,
        previous: Plan | None,
        created: datetime.date,
        comment: str,
        rewrite: Sequence[str] = (),
    ) -> Plan:
        rng = self.rng
        young_person = person.young_person
        writer = self.writer_on(person, created)
        created_at = self.at(created, 15, 17) if previous else self.at(created, 9, 11)
        events = self.timeline(created_at, first=previous is None)
        limit = events[1][1] if len(events) > 1 else self.at(self.today, 0, 0)
        # It says what the record says when it is authorised (the manager sees anything that
        # disagrees, and it is put right first), or when last submitted, or today for a draft.
        written = self.today if len(events) == 1 else events[-1][1].date()
        for state, at in events:
            if state == PlanState.AUTHORISED:
                written = at.date()
        tags = self.tags(person, written)
        row: Row = {
            **self.new_row(PathwayPlan, created_at, writer.user_id),
            "young_person_id": young_person.pk,
            "number": number,
            "previous_plan_id": previous.row["id"] if previous else None,
            "state": PlanState.DRAFT.value,
            "submitted_at": None,
            "submitted_by_id": None,
            "authorised_at": None,
            "authorised_by_id": None,
            "authorisation_comments": "",
            "returned_at": None,
            "returned_by_id": None,
            "returned_comments": "",
            "shared_on": None,
            "shared_method": "",
            "copy_given_and_explained": False,
            "shared_by_id": None,
            "young_person_agreement": "",
            "young_persons_response": "",
            "effective_from": None,
            "effective_to": None,
            "version": 1,
        }
        self.plans.append(row)
        # What the plan says: the first from scratch; later ones carry the last plan over and
        # rewrite the sections the review changed.
        if previous is None:
            content = {
                d.key: self.pick_section(d.key, tags, person, writer)
                for d in schedule.PLAN_SECTIONS
            }
            changed = list(content)
        else:
            content = dict(previous.content)
            keys = [d.key for d in schedule.PLAN_SECTIONS]
            changed = rng.sample(keys, rng.randint(2, 4)) + list(rewrite)
            before = previous.written_on
            if person.accommodation_on(written) != person.accommodation_on(before):
                changed.append("accommodation")
            if person.activity_on(written) != person.activity_on(before):
                # What they do changed: the sections that talk about it say so now.
                changed += ["education_and_training", "employment", schedule.CONTINGENCY]
                changed.append("finance")
            if person.adviser_on(written) != person.adviser_on(before):
                changed.append("contact_and_support")
            if writer.user_id != previous.writer.user_id:
                # A new worker rewrites whatever named the last one.
                changed.append("contact_and_support")
                changed += [
                    key
                    for key, (words, assessment) in previous.content.items()
                    if previous.writer.first in words or previous.writer.first in assessment
                ]
            changed = [key for key in keys if key in set(changed)]
            for key in changed:
                content[key] = self.pick_section(
                    key, tags, person, writer, avoid=previous.content[key][0]
                )
        # The structured answers say what the record says on the day the plan is written, so
        # the plan agrees with the record it was written from.
        answers = {
            "planned_activity": person.activity_on(written),
            "planned_accommodation": person.accommodation_on(written),
            "personal_adviser_id": person.adviser_on(written),
        }
        plan = Plan(
            row=row,
            writer=writer,
            created_at=created_at,
            content=content,
            answers=answers,
            written_on=written,
        )
        plan.sections_changed = changed
        unfinished: list[str] = []
        if previous is None and len(events) == 1:
            # A first plan still being written: some sections wait for the young person.
            unfinished = rng.sample(list(content), rng.randint(0, 3))
        section_ids = self.write_sections(plan, previous, limit, unfinished)
        self.write_actions_and_goals(plan, previous, person, tags, section_ids, limit)
        self.apply(plan, person, events, comment)
        return plan

    def timeline(
        self, created_at: datetime.datetime, *, first: bool
    ) -> list[tuple[str, datetime.datetime]]:
        """Started, submitted (perhaps returned and submitted again), authorised and shared;
        only what had happened before today."""
        rng = self.rng
        events = [(PlanState.DRAFT.value, created_at)]
        day = created_at.date() + (self.days(7, 35) if first else self.days(3, 24))
        if rng.random() < 0.08:
            day += self.days(15, 45)  # the worker was off, or the young person unavailable
        events.append((PlanState.SUBMITTED.value, self.at(day, 13, 16)))
        if rng.random() < 0.18:
            day += self.days(1, 6)
            events.append((PlanState.RETURNED.value, self.at(day, 9, 12)))
            day += self.days(2, 12)
            events.append((PlanState.SUBMITTED.value, self.at(day, 13, 16)))
        day += self.days(1, 10)
        events.append((PlanState.AUTHORISED.value, self.at(day, 9, 12)))
        if rng.random() < 0.96:
            day += self.days(0, 18)
            events.append((PlanState.SHARED.value, self.at(day, 14, 17)))
        return [event for event in events if event[1].date() < self.today]

    def apply(
        self,
        plan: Plan,
        person: Person,
        events: list[tuple[str, datetime.datetime]],
        comment: str,
    ) -> None:
        """Take the plan through its states, writing a state change and a history row each."""
        rng = self.rng
        row = plan.row
        writer = plan.writer
        for to_state, at in events:
            by = writer.user_id
            note = ""
            if to_state == PlanState.DRAFT:
                note = comment
            elif to_state == PlanState.SUBMITTED:
                row["submitted_at"], row["submitted_by_id"] = at, by
            elif to_state == PlanState.RETURNED:
                by = person.manager_id
                note = self.fill(rng.choice(RETURN_COMMENTS), person, writer)
                row["returned_at"], row["returned_by_id"] = at, by
                row["returned_comments"] = note
            elif to_state == PlanState.AUTHORISED:
                by = person.manager_id
                note = self.fill(rng.choice(AUTHORISE_COMMENTS), person, writer)
                row["authorised_at"], row["authorised_by_id"] = at, by
                row["authorisation_comments"] = note
                row["effective_from"] = at.date()
                plan.authorised_on = at.date()
            elif to_state == PlanState.SHARED:
                by = self.writer_on(person, at.date()).user_id
                agreement = weighted(rng, AGREEMENTS)
                row["shared_on"] = at.date()
                row["shared_method"] = weighted(rng, SHARE_METHODS).value
                row["copy_given_and_explained"] = True
                row["shared_by_id"] = by
                row["young_person_agreement"] = agreement.value
                row["young_persons_response"] = rng.choice(SHARE_RESPONSES[agreement])
            from_state = "" if to_state == PlanState.DRAFT else row["state"]
            row["state"] = to_state
            if to_state != PlanState.DRAFT:
                row["version"] += 1
            row["modified_at"], row["modified_by_id"] = at, by
            self.state_changes.append(
                {
                    "plan_id": row["id"],
                    "at": at,
                    "by_id": by,
                    "from_state": from_state,
                    "to_state": to_state,
                    "comment": note,
                }
            )
            self.remember(PathwayPlan, row, at, by, "+" if to_state == PlanState.DRAFT else "~")

    def end_plan(self, old: Plan, new: Plan) -> None:
        """Authorising the next plan ends the one in force (plans.services.plan_authorise)."""
        at = new.row["authorised_at"]
        by = new.row["authorised_by_id"]
        old.row["effective_to"] = at.date()
        old.row["version"] += 1
        old.row["modified_at"], old.row["modified_by_id"] = at, by
        self.remember(PathwayPlan, old.row, at, by, "~")

    def remember(
        self, model: type[models.Model], row: Row, at: datetime.datetime, by: int, kind: str
    ) -> None:
        entry = {name: row[name] for name in self.history_fields[model]}
        entry.update(
            history_date=at, history_type=kind, history_user_id=by, history_change_reason=None
        )
        self.history[model].append(entry)

    def write_sections(
        self,
        plan: Plan,
        previous: Plan | None,
        limit: datetime.datetime,
        unfinished: Iterable[str],
    ) -> dict[str, int]:
        """The ten sections, written between starting the plan and submitting it."""
        rng = self.rng
        created_at = plan.created_at
        unfinished = set(unfinished)
        ids = {}
        by = plan.writer.user_id
        span = max((limit - created_at).total_seconds(), 3600.0)
        for definition in schedule.PLAN_SECTIONS:
            key = definition.key
            words, assessment = plan.content[key]
            if key in unfinished:
                words = ""
                assessment = "" if key == schedule.CONTINGENCY else assessment
            edited_at = created_at + datetime.timedelta(seconds=span * rng.uniform(0.05, 0.9))
            changed = key in plan.sections_changed and key not in unfinished
            row: Row = {
                **self.new_row(
                    PlanSection, created_at, by, modified_at=edited_at if changed else None
                ),
                "plan_id": plan.row["id"],
                "key": key,
                "number": definition.number,
                "young_persons_words": words,
                "assessment": assessment,
                # The section's structured answer (schedule.planned_field), if it has one and
                # the section is written: plans.contradictions compares it with the record.
                "planned_activity": "",
                "planned_accommodation": "",
                "personal_adviser_id": None,
                "version": 2 if changed else 1,
            }
            ids[key] = row["id"]
            if definition.planned_field and key not in unfinished:
                column = _ANSWER_COLUMNS[definition.planned_field]
                row[column] = plan.answers[column] or row[column]
            self.sections.append(row)
            if previous is not None and changed:
                old_words, old_assessment = previous.content[key]
                self.remember(
                    PlanSection,
                    {**row, "young_persons_words": old_words, "assessment": old_assessment},
                    created_at,
                    by,
                    "+",
                )
                self.remember(PlanSection, row, edited_at, by, "~")
            else:
                self.remember(PlanSection, row, created_at, by, "+")
        return ids

    def write_actions_and_goals(
        self,
        plan: Plan,
        previous: Plan | None,
        person: Person,
        tags: set[str],
        section_ids: dict[str, int],
        limit: datetime.datetime,
    ) -> None:
        """Actions (who, by when) and one to three goals. A later plan carries over the
        actions not done and the goals not dropped, as plans.services.plan_create does."""
        rng = self.rng
        writer = plan.writer
        created_at = plan.created_at
        created = created_at.date()
        span = max((limit - created_at).total_seconds(), 3600.0)
        by = writer.user_id

        def added_at() -> datetime.datetime:
            return created_at + datetime.timedelta(seconds=span * rng.uniform(0.1, 0.95))

        carried = [
            action
            for action in (previous.actions if previous else [])
            if action["status"] not in (ActionStatus.DONE.value, ActionStatus.NOT_NEEDED.value)
        ]
        new_count = rng.randint(3, 5) if previous is None else rng.randint(1, 3)
        new_count = max(2 - len(carried), 0, min(new_count, 6 - len(carried)))
        taken = {action["what"] for action in carried}
        options = []
        for key, tag, what, who, within in ACTIONS:
            text = self.fill(what, person, writer)
            if tag in tags and text not in taken:
                options.append((key, text, who, within))
        weights = [3 if option[0] in plan.sections_changed else 1 for option in options]
        chosen: list[tuple[str, str, str, int]] = []
        while options and len(chosen) < new_count:
            index = rng.choices(range(len(options)), weights)[0]
            chosen.append(options.pop(index))
            weights.pop(index)
        for action in carried:
            self.add_action(
                plan,
                key=action["_key"],
                section_id=section_ids[action["_key"]],
                what=action["what"],
                who=action["who"],
                by_when=action["by_when"],
                status=action["status"],
                at=created_at,
                by=by,
            )
        for key, what, who, within in chosen:
            self.add_action(
                plan,
                key=key,
                section_id=section_ids[key],
                what=what,
                who=self.who(who, person, writer),
                by_when=created + self.days(max(1, within // 3), within),
                status=ActionStatus.NOT_STARTED.value,
                at=added_at(),
                by=by,
            )

        kept = [
            goal
            for goal in (previous.goals if previous else [])
            if goal["progress"] != GoalProgress.CHANGED.value
        ]
        if previous is None:
            wanted = rng.randint(1, 3)
        elif not kept:
            wanted = rng.randint(1, 2)
        else:
            wanted = min(3, len(kept) + (1 if rng.random() < 0.4 else 0))
        for goal in kept[:3]:
            self.add_goal(
                plan,
                goal["description"],
                goal["target_date"],
                goal["progress"],
                goal["progress_note"],
                goal["_notes"],
                created_at,
                by,
            )
        described = {goal["description"] for goal in plan.goals}
        fresh = [g for g in GOALS if g[0] in tags and g[1] not in described]
        for _, description, some, achieved in rng.sample(
            fresh, max(0, min(len(fresh), wanted - len(plan.goals)))
        ):
            self.add_goal(
                plan,
                description,
                created + self.days(60, 300),
                GoalProgress.NOT_STARTED.value,
                "",
                (some, achieved),
                added_at(),
                by,
            )

    def who(self, who: str, person: Person, writer: Writer) -> str:
        if who == "worker":
            return f"{writer.full} ({writer.role})"
        if who == "yp":
            return person.name
        if who == "together":
            return f"{person.name} and {writer.first}"
        return who

    def add_action(
        self,
        plan: Plan,
        *,
        key: str,
        section_id: int,
        what: str,
        who: str,
        by_when: datetime.date,
        status: str,
        at: datetime.datetime,
        by: int,
    ) -> None:
        row: Row = {
            **self.new_row(PlanAction, at, by),
            "plan_id": plan.row["id"],
            "section_id": section_id,
            "what": what,
            "who": who[:200],
            "by_when": by_when,
            "status": status,
            "version": 1,
            "_key": key,
        }
        plan.actions.append(row)
        self.actions.append(row)
        self.remember(PlanAction, row, at, by, "+")

    def add_goal(
        self,
        plan: Plan,
        description: str,
        target: datetime.date,
        progress: str,
        note: str,
        notes: tuple[str, str],
        at: datetime.datetime,
        by: int,
    ) -> None:
        row: Row = {
            **self.new_row(Goal, at, by),
            "plan_id": plan.row["id"],
            "description": description,
            "target_date": target,
            "progress": progress,
            "progress_note": note,
            "version": 1,
            "_notes": notes,
        }
        plan.goals.append(row)
        self.goals.append(row)
        self.remember(Goal, row, at, by, "+")

    def freeze(self, plan: Plan, as_of: datetime.date) -> None:
        """How the actions and goals of an authorised plan stood on `as_of` (the review that
        replaced it, or today), each change dated and kept in the history."""
        if plan.frozen:
            return
        plan.frozen = True
        rng = self.rng
        start = plan.authorised_on or plan.created_at.date()
        last = min(as_of, self.today) - ONE_DAY
        if last <= start:
            return
        by = plan.writer.user_id
        for action in plan.actions:
            if action["by_when"] < as_of:
                status = weighted(
                    rng,
                    (
                        (ActionStatus.DONE, 75),
                        (ActionStatus.IN_PROGRESS, 13),
                        (ActionStatus.NOT_STARTED, 6),
                        (ActionStatus.NOT_NEEDED, 6),
                    ),
                ).value
            elif (as_of - start).days > 14 and rng.random() < 0.4:
                status = ActionStatus.IN_PROGRESS.value
            else:
                status = action["status"]
            if status != action["status"]:
                day = min(max(action["by_when"] - self.days(0, 10), start + ONE_DAY), last)
                self.change(PlanAction, action, {"status": status}, day, by)
        for goal in plan.goals:
            some, achieved = goal["_notes"]
            if goal["target_date"] < as_of:
                progress = weighted(
                    rng,
                    (
                        (GoalProgress.ACHIEVED, 45),
                        (GoalProgress.SOME_PROGRESS, 35),
                        (GoalProgress.CHANGED, 10),
                        (GoalProgress.NOT_STARTED, 10),
                    ),
                ).value
            elif rng.random() < 0.55:
                progress = GoalProgress.SOME_PROGRESS.value
            else:
                progress = goal["progress"]
            if progress != goal["progress"]:
                note = {
                    GoalProgress.SOME_PROGRESS.value: some,
                    GoalProgress.ACHIEVED.value: achieved,
                    GoalProgress.CHANGED.value: CHANGED_GOAL_NOTE,
                }.get(progress, goal["progress_note"])
                day = min(max(goal["target_date"] - self.days(0, 30), start + ONE_DAY), last)
                self.change(Goal, goal, {"progress": progress, "progress_note": note}, day, by)

    def change(
        self, model: type[models.Model], row: Row, values: Row, day: datetime.date, by: int
    ) -> None:
        at = self.at(day, 10, 17)
        if at <= row["created_at"]:
            at = row["created_at"] + datetime.timedelta(hours=1)
        row.update(values)
        row["version"] += 1
        row["modified_at"], row["modified_by_id"] = at, by
        self.remember(model, row, at, by, "~")
