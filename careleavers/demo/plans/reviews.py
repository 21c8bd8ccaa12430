"""Plan reviews in the demo: reviews held, and the requests that bring one forward (a move, or
the young person or worker asking), each met by the next review held."""

from __future__ import annotations

import datetime

from careleavers.demo.plans.chunk import Chunk, Person, Plan, Row, Writer
from careleavers.demo.plans.wording import (
    ASK_NOTES,
    MOVE_NOTE,
    REVIEW_INTROS,
    REVIEW_VIEWS,
    WORKER_NOTES,
)
from careleavers.plans import schedule
from careleavers.plans.models import PlanReview, ReviewReason


class Reviews(Chunk):
    """Review requests and the reviews that meet them."""

    def request(
        self,
        person: Person,
        in_force: list[tuple[datetime.date, Plan]],
        reason: str,
        day: datetime.date,
        note: str = "",
    ) -> Row:
        """A review asked for sooner than the 6-monthly one, against the plan then in force."""
        plan = next(
            (plan for authorised, plan in reversed(in_force) if authorised <= day),
            in_force[0][1],
        )
        if not note and reason == ReviewReason.ACCOMMODATION_CHANGED:
            note = MOVE_NOTE
        elif not note and reason == ReviewReason.YOUNG_PERSON_ASKED:
            note = self.rng.choice(ASK_NOTES)
        elif not note:
            note = self.rng.choice(WORKER_NOTES)
        by = self.writer_on(person, day).user_id
        at = self.at(day, 9, 17)
        row: Row = {
            **self.new_row(PlanReview, at, by),
            "young_person_id": person.young_person.pk,
            "plan_id": plan.row["id"],
            "reason": str(reason),
            "requested_on": day,
            "requested_by_id": by,
            "request_note": note,
            "held_on": None,
            "what_changed": "",
            "young_persons_views": "",
            "recorded_by_id": None,
            "met_by_id": None,
            "resulting_plan_id": None,
        }
        self.reviews.append(row)
        return row

    def review(
        self,
        person: Person,
        plan: Plan,
        pending: list[Row],
        held: datetime.date,
        trigger: tuple[str, datetime.date] | None,
    ) -> Row:
        """Record a review held: on the request that led to it, or as a scheduled review; it
        meets every open request (plans.services.review_record)."""
        recorder = self.writer_on(person, held)
        at = self.at(held, 10, 14)
        review = None
        if trigger is not None:
            review = next(
                (
                    row
                    for row in pending
                    if row["reason"] == trigger[0] and row["requested_on"] == trigger[1]
                ),
                None,
            )
        if review is None:
            review = {
                "id": self.ids[PlanReview].take(),
                "created_at": at,
                "created_by_id": recorder.user_id,
                "young_person_id": person.young_person.pk,
                "reason": ReviewReason.SCHEDULED.value,
                "requested_on": None,
                "requested_by_id": None,
                "request_note": "",
                "met_by_id": None,
            }
            self.reviews.append(review)
        review.update(
            plan_id=plan.row["id"],
            held_on=held,
            modified_at=at,
            modified_by_id=recorder.user_id,
            recorded_by_id=recorder.user_id,
            young_persons_views=self.rng.choice(REVIEW_VIEWS[review["reason"]]),
        )
        for row in pending:
            if row is not review:
                row["met_by_id"] = review["id"]
        self.reviews_held += 1
        return review

    def what_changed(self, person: Person, reason: str, plan: Plan, writer: Writer) -> str:
        intro = self.fill(self.rng.choice(REVIEW_INTROS[reason]), person, writer)
        titles = "; ".join(schedule.SECTIONS_BY_KEY[key].title for key in plan.sections_changed)
        carried = (
            " Actions not yet done and goals still being worked on carry over to the new plan."
        )
        return f"{intro} Sections updated: {titles}.{carried}"
