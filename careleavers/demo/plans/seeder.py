"""One young person's plans in the demo, from the needs assessment to today: the first plan,
then a review and a new plan each cycle, and whether a review is overdue now."""

from __future__ import annotations

import datetime

from careleavers.core.dates import add_months, age_on, birthday, format_date
from careleavers.demo import story
from careleavers.demo.plans.chunk import ONE_DAY, Person, Plan, Row
from careleavers.demo.plans.pathway_plans import PathwayPlans
from careleavers.demo.plans.reviews import Reviews
from careleavers.demo.plans.wording import (
    ACTIVITY_CHANGED_NOTE,
    ADVISER_CHANGED_NOTE,
    EARLIER_PLANS_NOTE,
    FINDINGS,
    INFORMATION_OBTAINED,
    MEETING_DELIBERATIONS,
    OUTCOMES,
    VIEWS_SOUGHT,
)
from careleavers.people.category import Category
from careleavers.plans import rules_due, schedule
from careleavers.plans.models import NeedsAssessment, ReviewReason

# Plans from about the last nine months are held; earlier ones are in the previous system.
HISTORY_DAYS = 270
MAX_PLANS = 8
# The council asks for a review within 28 days of a move (its local standard).
MOVE_REVIEW = datetime.timedelta(days=28)
# How long writing and authorising a first plan may take, when placing an overdue review.
OVERDUE_MARGIN_DAYS = 45
# How late an overdue review is beyond that margin: together within story.OVERDUE_LIMIT_DAYS.
OVERDUE_BY_DAYS = story.OVERDUE_LIMIT_DAYS - OVERDUE_MARGIN_DAYS


class Seeder(PathwayPlans, Reviews):
    """The plans seeder for one chunk: this module tells each young person's story, using the
    plans (pathway_plans.py) and reviews (reviews.py) it is made of."""

    def person(self, person: Person) -> None:
        young_person = person.young_person
        today = self.today
        rng = self.rng
        sixteenth = birthday(young_person.date_of_birth, 16)
        became = sixteenth
        if young_person.category == Category.ELIGIBLE.value and young_person.category_since:
            became = max(sixteenth, young_person.category_since)
        if (today - became).days < 2:
            return  # they became eligible today or yesterday: nothing is recorded yet
        started = min(became + self.days(0, 21), today - ONE_DAY)
        # Most are completed within the 3 months the regulations allow; some take longer.
        took = rng.randint(25, 85) if rng.random() < 0.85 else rng.randint(92, 150)
        completed = started + datetime.timedelta(days=took)
        due = rules_due.assessment_due(
            date_of_birth=young_person.date_of_birth,
            category=young_person.category,
            category_since=young_person.category_since,
            has_pathway_plan=False,
        )
        if completed >= today and due is not None and not story.recent(due.due, today):
            # Still in progress long after it was due breaks the story (story.py): finished
            # lately instead.
            completed = max(started + ONE_DAY, today - self.days(1, 10))
        if completed >= today:
            self.assessment(person, started, None, became)
            self.assessments_in_progress += 1
            return
        self.assessment(person, started, completed, became)
        first_draft = completed + self.days(0, 10)
        # About one in thirty has a review overdue today (more of those over 21): their plan
        # held starts early enough for its 6-month date to have passed, by a few weeks at most
        # (OVERDUE_MARGIN_DAYS more at most, within story.OVERDUE_LIMIT_DAYS).
        over_21 = age_on(young_person.date_of_birth, today) >= 21
        overdue_by = (
            rng.randint(1, OVERDUE_BY_DAYS)
            if rng.random() < (0.05 if over_21 else 0.025)
            else None
        )
        if overdue_by is not None:
            start = today - datetime.timedelta(days=overdue_by + 183 + OVERDUE_MARGIN_DAYS)
        else:
            start = today - datetime.timedelta(days=HISTORY_DAYS) + self.days(0, 183)
        legacy = first_draft < start
        created = start if legacy else first_draft
        if created >= today:
            return  # the assessment has just been completed; the plan is not started yet
        self.plans_for(person, created, legacy=legacy, overdue_by=overdue_by)

    def assessment(
        self,
        person: Person,
        started: datetime.date,
        completed: datetime.date | None,
        became: datetime.date,
    ) -> None:
        young_person = person.young_person
        rng = self.rng
        writer = self.writer_on(person, started)
        if completed is None:
            due = rules_due.assessment_due(
                date_of_birth=young_person.date_of_birth,
                category=young_person.category,
                category_since=young_person.category_since,
                has_pathway_plan=False,
            )
        else:
            # When it was done they were an eligible child (CPPCR 2010 reg 42(1)).
            due = rules_due.assessment_due(
                date_of_birth=young_person.date_of_birth,
                category=Category.ELIGIBLE.value,
                category_since=became,
                has_pathway_plan=False,
            )
        created_at = self.at(started, 9, 11)
        modified_at = self.at(completed, 13, 17) if completed else created_at
        written = completed is not None
        assessment: Row = {
            **self.new_row(NeedsAssessment, created_at, writer.user_id, modified_at=modified_at),
            "young_person_id": young_person.pk,
            "started_on": started,
            "due_on": due.due if due else None,
            "due_rule": due.rule[:300] if due else "",
            "views_sought": rng.choice(VIEWS_SOUGHT),
            "information_obtained": rng.choice(INFORMATION_OBTAINED) if written else "",
            "meeting_deliberations": rng.choice(MEETING_DELIBERATIONS) if written else "",
            "outcome": rng.choice(OUTCOMES) if written else "",
            "completed_on": completed,
            "completed_by_id": writer.user_id if completed else None,
            "version": 3 if written else 2,
        }
        self.assessments.append(assessment)
        for matter in schedule.ASSESSMENT_MATTERS:
            findings = rng.choice(FINDINGS[matter.key]) if written or rng.random() < 0.5 else ""
            self.assessment_sections.append(
                {
                    "created_at": created_at,
                    "modified_at": modified_at,
                    "created_by_id": writer.user_id,
                    "modified_by_id": writer.user_id,
                    "assessment_id": assessment["id"],
                    "matter": matter.key,
                    "findings": findings,
                }
            )

    def plans_for(
        self,
        person: Person,
        created: datetime.date,
        *,
        legacy: bool,
        overdue_by: int | None,
    ) -> None:
        """The first plan held, then a review and a new plan each cycle, up to today.

        Reviews are mostly held in the month before the 6-month date, some late; a move or a
        request brings them forward. Only a young person chosen to be overdue (`overdue_by`
        days at most) is left without a review past the 6-month date today, and only their
        requests stay open for more than the 28 days the council allows.
        """
        rng = self.rng
        today = self.today
        plan = self.new_plan(
            person,
            number=1,
            previous=None,
            created=created,
            comment=EARLIER_PLANS_NOTE if legacy else "",
        )
        in_force: list[tuple[datetime.date, Plan]] = []
        pending: list[Row] = []  # review requests not yet met
        last_review: datetime.date | None = None
        covered: datetime.date | None = None  # moves up to this day need no request
        while plan.authorised_on is not None:
            authorised = plan.authorised_on
            in_force.append((authorised, plan))
            if covered is None:
                covered = authorised
            base = max(authorised, last_review or authorised)
            # The latest the review may be held: 6 months, or sooner while the council provides
            # their accommodation (Care Leavers (England) Regs 2010 reg 7(3)).
            six_months = add_months(base, rules_due.REVIEW_MONTHS)
            in_council = rules_due.accommodation_review_due(
                council_accommodation_since=person.council_accommodation_since(base),
                last_review_on=last_review,
            )
            limits = [six_months] + ([in_council.due] if in_council else [])
            limits += [
                start + datetime.timedelta(days=rules_due.FIRST_ACCOMMODATION_REVIEW_DAYS)
                for start, _ in person.council_spells
                if base < start < six_months
            ]
            six_months = max(min(limits), base + ONE_DAY)
            overdue_now = (
                overdue_by is not None
                and six_months
                < today
                <= six_months + datetime.timedelta(days=overdue_by + OVERDUE_MARGIN_DAYS)
            )
            moves = [day for day in person.moves if covered < day < today]
            if overdue_now and any(not story.recent(day + MOVE_REVIEW, today) for day in moves):
                # A move long ago asked for a review: it was held (story.py).
                overdue_now = False
            if overdue_now:
                held = today  # not held: this is the review overdue today
            elif rng.random() < 0.15:
                held = six_months + self.days(1, 100)  # held late
                if held >= today and six_months < today:
                    held = six_months - self.days(0, 35)
            else:
                held = six_months - self.days(0, 35)
            trigger: tuple[str, datetime.date] | None = None
            if moves and moves[0] < held and not overdue_now:
                roll = rng.random()
                if roll < 0.72:
                    candidate = moves[0] + self.days(3, 27)
                elif roll < 0.82:
                    candidate = moves[0] + self.days(29, 75)
                else:
                    candidate = held
                if candidate < held:
                    held, trigger = candidate, (ReviewReason.ACCOMMODATION_CHANGED, moves[0])
            roll = rng.random()
            if roll < 0.07 and not overdue_now:
                # The young person (or, less often, the worker) asks for a review sooner.
                reason = (
                    ReviewReason.YOUNG_PERSON_ASKED
                    if roll < 0.05
                    else ReviewReason.WORKER_THOUGHT_NECESSARY
                )
                asked = base + self.days(20, 150)
                if asked < held and asked < today:
                    pending.append(self.request(person, in_force, reason, asked))
                    candidate = asked + self.days(3, 27)
                    if rng.random() < 0.85 and candidate < held:
                        held, trigger = candidate, (reason, asked)
            changes = sorted(
                [(day, ACTIVITY_CHANGED_NOTE) for day in person.activity_changes]
                + [(day, ADVISER_CHANGED_NOTE) for day in person.adviser_changes]
            )
            changes = [(day, note) for day, note in changes if covered < day < today]
            if changes and changes[0][0] < held and not overdue_now:
                # Their education, training or work, or their personal adviser, changed: the
                # worker asks for a review, so the plan keeps up with the record.
                asked = changes[0][0] + self.days(0, 10)
                if asked < held and asked < today:
                    reason = ReviewReason.WORKER_THOUGHT_NECESSARY
                    pending.append(
                        self.request(person, in_force, reason, asked, note=changes[0][1])
                    )
                    candidate = asked + self.days(3, 27)
                    if candidate < held:
                        held, trigger = candidate, (reason, asked)
            if held <= base:
                held = base + self.days(3, 20)
            waiting = [day for day in moves if day < held] + [
                row["requested_on"] for row in pending
            ]
            if (
                not overdue_now
                and held >= today
                and waiting
                and min(waiting) + 28 * ONE_DAY < today
            ):
                # A request is never left more than 28 days unless this review is overdue.
                first = min(waiting)
                held = max(first + self.days(3, 27), base + ONE_DAY)
                trigger = (
                    next(
                        (row["reason"] for row in pending if row["requested_on"] == first),
                        ReviewReason.ACCOMMODATION_CHANGED.value,
                    ),
                    first,
                )
            stop = min(held, today - ONE_DAY)
            for day in moves:
                if day <= stop:
                    pending.append(
                        self.request(person, in_force, ReviewReason.ACCOMMODATION_CHANGED, day)
                    )
            pending.sort(key=lambda row: (row["requested_on"], row["id"]))
            if held >= today or len(in_force) >= MAX_PLANS:
                break
            # A review meets the requests made by the day it is held; a later one (when the
            # review was brought forward for an earlier request) waits for the next.
            met = [row for row in pending if row["requested_on"] <= held]
            review = self.review(person, plan, met, held, trigger)
            pending = [row for row in pending if row["requested_on"] > held]
            last_review = covered = held
            self.freeze(plan, held)
            next_plan = self.new_plan(
                person,
                number=plan.row["number"] + 1,
                previous=plan,
                created=held,
                comment=f"Started from the review held on {format_date(held)}.",
                rewrite=(
                    ["accommodation", schedule.CONTINGENCY]
                    if review["reason"] == ReviewReason.ACCOMMODATION_CHANGED
                    else []
                ),
            )
            review["resulting_plan_id"] = next_plan.row["id"]
            review["what_changed"] = self.what_changed(
                person, review["reason"], next_plan, plan.writer
            )
            if next_plan.authorised_on is None:
                # Being written: moves since the review ask for another (the old plan is in
                # force until the new one is authorised).
                for day in person.moves:
                    if held < day < today:
                        pending.append(
                            self.request(person, in_force, ReviewReason.ACCOMMODATION_CHANGED, day)
                        )
                break
            self.end_plan(plan, next_plan)
            plan = next_plan
        if in_force:
            self.freeze(in_force[-1][1], today)
        self.count_overdue(in_force, last_review, pending, person)

    def count_overdue(
        self,
        in_force: list[tuple[datetime.date, Plan]],
        last_review: datetime.date | None,
        pending: list[Row],
        person: Person,
    ) -> None:
        self.open_requests += len(pending)
        if not in_force:
            return
        asked: dict[str, list[datetime.date]] = {}
        for row in pending:
            asked.setdefault(row["reason"], []).append(row["requested_on"])
        due = rules_due.review_due(
            last_authorised_on=in_force[-1][0],
            last_review_on=last_review,
            young_person_asked_on=asked.get(ReviewReason.YOUNG_PERSON_ASKED, []),
            worker_asked_on=asked.get(ReviewReason.WORKER_THOUGHT_NECESSARY, []),
            accommodation_changed_on=asked.get(ReviewReason.ACCOMMODATION_CHANGED, []),
            council_accommodation_since=person.council_accommodation_since(self.today),
        )
        if due is not None and due.is_overdue(self.today):
            self.overdue += 1
