"""Demo data for quality assurance: monthly audit targets for every team, a year of completed
case audits (most a little short of target, as the Ofsted letter found), some moderated, each
with the young person's feedback or the reason it could not be had, learning themes and actions
(some done, some open, some overdue), a few audits in progress, young people's feedback from
the portal, and management oversight entries. Then the young person's voice beyond audits:
wellbeing checks over the last year, feedback sent without a name to the teams' managers (some
read, most waiting), and the service's "you said, we did", mostly published.

`seed` is deterministic: every random choice comes from the `rng` it is given, in the order of
the young people, and nothing depends on dict or set ordering. It writes with `bulk_create`, so
100,000 young people take seconds, and it can be called once per chunk of young people (the
targets and the second auditor are written once, whichever chunk comes first).
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group
from django.db.models import Count, Q

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.core.dates import add_months, month_end, month_start, months_up_to
from careleavers.demo import story
from careleavers.demo.people import weighted
from careleavers.quality.models import (
    ActionFor,
    AnonymousFeedback,
    AnswerRating,
    AuditAction,
    AuditAnswer,
    AuditAreaGrade,
    AuditModeration,
    AuditQuestion,
    AuditStatus,
    AuditTarget,
    AuditTheme,
    CaseAudit,
    FeedbackAbout,
    FeedbackMethod,
    FeedbackRating,
    NoFeedbackReason,
    OversightEntry,
    WellbeingAnswer,
    WellbeingCheck,
    YoungPersonFeedback,
    YouSaidStatus,
    YouSaidWeDid,
)
from careleavers.quality.services import answer_to
from careleavers.quality.wellbeing import QUESTION_KEYS

BATCH_SIZE = 2000
MONTHS = 12
# About one young person in five is audited in a year. Targets are set a little above what the
# teams manage, as the letter found ("improved but still below the service-set target").
AUDITED_SHARE = 0.2
IN_PROGRESS_SHARE = 0.015
PORTAL_FEEDBACK_SHARE = 0.1
MODERATED_SHARE = 0.25
MODERATOR_EMAIL = "qa.moderator@demo.council.example"
WELLBEING_SHARE = 0.3
ANONYMOUS_SHARE = 0.03
ANONYMOUS_READ_SHARE = 0.3
# Most say most of the time; a few hardly ever, or would rather not say.
WELLBEING_WEIGHTS = (
    (WellbeingAnswer.MOSTLY, 55),
    (WellbeingAnswer.SOMETIMES, 25),
    (WellbeingAnswer.HARDLY_EVER, 10),
    (WellbeingAnswer.RATHER_NOT_SAY, 10),
)
# Most feedback is good; why it could not be had is most often that they did not answer.
FEEDBACK_RATING_WEIGHTS = (
    (FeedbackRating.VERY_GOOD, 4),
    (FeedbackRating.GOOD, 4),
    (FeedbackRating.OK, 2),
    (FeedbackRating.NOT_GOOD, 1),
)
NO_FEEDBACK_WEIGHTS = (
    (NoFeedbackReason.NO_RESPONSE, 5),
    (NoFeedbackReason.DECLINED, 3),
    (NoFeedbackReason.UNAVAILABLE, 1),
    (NoFeedbackReason.NOT_SAFE, 1),
    (NoFeedbackReason.COMMUNICATION, 1),
    (NoFeedbackReason.OTHER, 1),
)
WELLBEING_WORDS = (
    "",
    "",
    "My new flat is loud at night.",
    "Worried about money since my hours were cut.",
    "College is going well.",
)
ANONYMOUS_WORDS = (
    ("", "Nobody answers the duty phone at lunchtime."),
    ("The drop-in is good.", "I felt judged at my last review."),
    ("", "My PA cancels visits a lot and does not say why."),
    ("People are kind.", "I didn't know I could get help with my driving lessons."),
    ("", "The letters are hard to understand."),
)
ANONYMOUS_NOTES = (
    "Raised at the team meeting; the duty phone is now covered at lunchtime.",
    "Talked to the adviser in supervision about cancelling visits.",
    "",
)
# (you said, we did, days ago, status), written once with the first chunk.
YOU_SAID = (
    (
        "The office is hard to get to and the bus costs too much.",
        "We now meet you in town, at the library or a café, if you ask. Bus fares to the "
        "office are paid back the same day.",
        20,
        YouSaidStatus.PUBLISHED,
    ),
    (
        "Letters about money are full of words nobody understands.",
        "We rewrote our letters about grants and allowances in plain words, with care leavers "
        "on the Children in Care Council checking them.",
        75,
        YouSaidStatus.PUBLISHED,
    ),
    (
        "You only find out what you can get when you ask.",
        "Your pages now show everything you can get, and how to ask for it.",
        140,
        YouSaidStatus.PUBLISHED,
    ),
    (
        "When my worker changed I had to tell my story all over again.",
        "When your personal adviser changes, the new one now meets you with the old one first.",
        200,
        YouSaidStatus.PUBLISHED,
    ),
    (
        "The drop-in is only on weekdays.",
        "We are trying a Saturday drop-in in the city centre.",
        5,
        YouSaidStatus.DRAFT,
    ),
    (
        "Evening phone line takes too long to answer.",
        "We added a second worker in the evenings.",
        300,
        YouSaidStatus.WITHDRAWN,
    ),
)

GRADE_WEIGHTS = (
    ("outstanding", 6),
    ("good", 48),
    ("requires_improvement", 36),
    ("inadequate", 10),
)
GRADE_ORDER = [code for code, _ in GRADE_WEIGHTS]
RATINGS_BY_GRADE = {
    "outstanding": ((AnswerRating.MET, 9), (AnswerRating.PARTLY_MET, 1)),
    "good": ((AnswerRating.MET, 7), (AnswerRating.PARTLY_MET, 2), (AnswerRating.NOT_MET, 1)),
    "requires_improvement": (
        (AnswerRating.MET, 4),
        (AnswerRating.PARTLY_MET, 4),
        (AnswerRating.NOT_MET, 2),
    ),
    "inadequate": ((AnswerRating.MET, 2), (AnswerRating.PARTLY_MET, 3), (AnswerRating.NOT_MET, 5)),
}
EVIDENCE = {
    AnswerRating.MET: (
        "Clear in the case notes and the pathway plan; the young person confirmed it.",
        "Recorded at each visit, in the young person's own words.",
        "The plan and contact records show this consistently over the last six months.",
        "Evident from the chronology and the worker's recording.",
    ),
    AnswerRating.PARTLY_MET: (
        "Some evidence in recent visits, but not in the plan.",
        "Started well but not followed up after the last review.",
        "The plan mentions it; the case notes do not show what happened.",
        "Done, but later than it should have been.",
    ),
    AnswerRating.NOT_MET: (
        "No evidence on the record.",
        "The plan is out of date and does not cover this.",
        "Raised at the last review and not acted on.",
        "The young person said this has not happened.",
    ),
}
SUMMARIES = {
    "outstanding": "An exceptional relationship between the young person and their adviser. "
    "Planning is ambitious and led by the young person, and it is making a real difference.",
    "good": "The young person is well supported by a worker who knows them. Plans are up to "
    "date; recording of their views could be stronger in places.",
    "requires_improvement": "The young person's needs are mostly known, but the plan has "
    "drifted and some help came late. Contingency planning needs attention.",
    "inadequate": "Visits have been missed and the plan does not reflect the young person's "
    "current situation. Risks are not clearly identified or acted on.",
}
THEME_WEIGHTS = {
    "voice": 10,
    "contingency": 8,
    "visits": 7,
    "pathway-plan": 6,
    "recording": 6,
    "oversight": 4,
    "health": 4,
    "eet": 4,
    "accommodation": 3,
    "relationships": 3,
    "worker-changes": 3,
    "entitlements": 3,
    "risk": 2,
    "transitions": 2,
    "identity": 1,
}
ACTIONS = {
    ActionFor.WORKER: (
        "Update the pathway plan with the young person, including a contingency plan.",
        "Record the young person's views in their own words at each visit.",
        "Visit within the contact standard and record what was discussed.",
        "Help the young person register with a dentist and give them their health history.",
        "Go through the local offer with the young person and record what they ask for.",
        "Refer to the EET panel and agree a plan for education or training.",
    ),
    ActionFor.MANAGER: (
        "Discuss the case in supervision and record the direction given.",
        "Review the pathway plan before it is authorised.",
        "Check that the actions from this audit are completed, and record oversight.",
        "Escalate the delay with adult mental health services.",
    ),
}
DONE_NOTES = (
    "Done at the last visit; recorded in the case notes.",
    "Plan updated with the young person and shared with them.",
    "Discussed in supervision; direction recorded on the case.",
    "Completed and checked with the young person.",
)
FEEDBACK_GOOD = (
    "My PA always texts back and helped me sort my flat.",
    "They listen to me and don't judge.",
    "Helped me get into college.",
    "I like the cook and eat group.",
    "She came with me to the housing appointment.",
)
FEEDBACK_BETTER = (
    "I'd like to see my PA more often.",
    "Tell me earlier what money I can get.",
    "I had to repeat my story when my worker changed.",
    "Sometimes it takes ages to hear back.",
    "",
)
NO_FEEDBACK_EXPLANATIONS = {
    NoFeedbackReason.DECLINED: "Asked by phone and at a visit; they said they did not want to.",
    NoFeedbackReason.NO_RESPONSE: "Phoned twice and sent a text and a letter; no reply.",
    NoFeedbackReason.NOT_SAFE: "Their worker advised against contact during a crisis.",
    NoFeedbackReason.UNAVAILABLE: "In custody during the audit; the prison could not arrange "
    "a call in time.",
    NoFeedbackReason.COMMUNICATION: "Tried with an interpreter; they could not give a view.",
    NoFeedbackReason.OTHER: "Moved out of area; the new address is not yet known.",
}
OVERSIGHT = (
    (
        "Pathway plan review to be brought forward and the contingency plan updated.",
        "Their accommodation is at risk; the plan must say what happens if the tenancy ends.",
    ),
    (
        "PA to visit weekly for the next month and record how they are managing.",
        "Recent missed appointments and low mood reported by college.",
    ),
    (
        "Refer to the EET panel this month.",
        "NEET for four months with no plan in place.",
    ),
    (
        "Agree with the young person how often they want contact, and record it.",
        "Aged 21 and asked for less frequent contact.",
    ),
    (
        "Apply for the setting up home allowance before the move.",
        "Moving into their first tenancy next month.",
    ),
)
REVIEW_NOTES = (
    "Direction followed; the plan is up to date.",
    "Partly done; visits increased but the plan still needs updating.",
    "Done. No further action.",
)


def _day_in_month(rng: random.Random, first: datetime.date, today: datetime.date) -> datetime.date:
    last = min(month_end(first), today)
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def _month_weights(months: Sequence[datetime.date], today: datetime.date) -> list[float]:
    """More audits in recent months (the letter: completion "has improved"), and the current
    month only in proportion to the days gone."""
    count = len(months)
    weights = [0.6 + 0.8 * index / max(1, count - 1) for index in range(count)]
    this_month = month_start(today)
    if months and months[-1] == this_month:
        weights[-1] *= today.day / month_end(this_month).day
    return weights


def _near(rng: random.Random, grade: str) -> str:
    """An area grade near the overall grade: usually the same, sometimes one step either way."""
    index = GRADE_ORDER.index(grade)
    step = rng.choices((-1, 0, 1), weights=(1, 4, 1), k=1)[0]
    return GRADE_ORDER[max(0, min(len(GRADE_ORDER) - 1, index + step))]


@dataclass
class Batch:
    feedback: list[YoungPersonFeedback] = field(default_factory=list)
    audits: list[CaseAudit] = field(default_factory=list)
    # Per audit, in the order of `audits`: the feedback index (or None), and its children.
    audit_feedback: list[int | None] = field(default_factory=list)
    answers: list[list[AuditAnswer]] = field(default_factory=list)
    area_grades: list[list[AuditAreaGrade]] = field(default_factory=list)
    themes: list[list[int]] = field(default_factory=list)
    actions: list[list[AuditAction]] = field(default_factory=list)
    moderations: list[AuditModeration | None] = field(default_factory=list)
    oversight: list[OversightEntry] = field(default_factory=list)


def _ensure_targets(today: datetime.date) -> None:
    """Every team's target for the last 12 months, a little above what it can manage: about
    one audit a month for every two personal advisers, and at least two."""
    teams = Team.objects.annotate(
        advisers=Count(
            "members",
            filter=Q(members__groups__name=Role.PERSONAL_ADVISER, members__is_active=True),
        )
    ).order_by("pk")
    AuditTarget.objects.bulk_create(
        [
            AuditTarget(team=team, month=month, target=max(2, math.ceil(team.advisers / 2)))
            for team in teams
            for month in months_up_to(today, MONTHS)
        ],
        ignore_conflicts=True,
        batch_size=BATCH_SIZE,
    )


def _auditors() -> list[User]:
    """The demo's auditors, oldest first: the demo login and a second officer (no sign-in)
    who moderates, made once."""
    group, _ = Group.objects.get_or_create(name=Role.AUDITOR)
    auditors = list(User.objects.filter(groups=group).order_by("pk"))
    if len(auditors) < 2:
        moderator, created = User.objects.get_or_create(
            email=MODERATOR_EMAIL,
            defaults={
                "first_name": "Priya",
                "last_name": "Sharma",
                "job_title": "Quality assurance officer",
            },
        )
        if created:
            moderator.set_unusable_password()
            moderator.save(update_fields=["password"])
        moderator.groups.add(group)
        auditors = list(User.objects.filter(groups=group).order_by("pk"))
    return auditors


def seed(
    *,
    rng: random.Random,
    today: datetime.date,
    young_people: Sequence[Any],
    workers: Sequence[Any],
) -> dict[str, int]:
    if not young_people:
        return {}
    _ensure_targets(today)
    auditors = _auditors()
    questions = list(AuditQuestion.objects.filter(is_active=True).order_by("display_order", "pk"))
    themes = {theme.key: theme for theme in AuditTheme.objects.filter(is_active=True)}
    theme_weights = [(key, weight) for key, weight in THEME_WEIGHTS.items() if key in themes]
    managers = dict(Team.objects.values_list("pk", "manager_id"))
    head = User.objects.filter(groups__name=Role.HEAD_OF_SERVICE).order_by("pk").first()
    allocated: dict[int, tuple[int, str]] = {}
    for person_id, worker_id, role in (
        Allocation.objects.filter(
            young_person_id__in=[person.pk for person in young_people], end__isnull=True
        )
        .order_by("young_person_id", "role")
        .values_list("young_person_id", "worker_id", "role")
    ):
        allocated.setdefault(person_id, (worker_id, role))  # the personal adviser first

    months = months_up_to(today, MONTHS)
    batch = Batch()
    for person in young_people:
        manager_id = managers.get(person.team_id) if person.team_id else None
        draw = rng.random()
        if questions and auditors and draw < AUDITED_SHARE + IN_PROGRESS_SHARE:
            # The lower draws completed audits; the few just above, audits still in progress.
            _plan_audit(
                rng, batch, person, today=today, months=months,
                completed=draw < AUDITED_SHARE,
                auditors=auditors, questions=questions, themes=themes,
                theme_weights=theme_weights, worker=allocated.get(person.pk),
                manager_id=manager_id,
            )  # fmt: skip
        elif rng.random() < PORTAL_FEEDBACK_SHARE:
            batch.feedback.append(
                _feedback(rng, person, today - datetime.timedelta(days=rng.randint(0, 180)),
                          FeedbackMethod.PORTAL, None)
            )  # fmt: skip
        _plan_oversight(rng, batch, person, today=today, manager_id=manager_id, head=head)
    counts = _save(batch)
    # A generator of its own for the voice records, so adding them left the audits above as
    # they were for a given seed.
    counts.update(
        _seed_voice(
            random.Random(rng.random()),
            young_people,
            today=today,
            allocated=allocated,
            managers=managers,
            head=head,
        )
    )
    return counts


def _seed_voice(
    rng: random.Random,
    young_people: Sequence[Any],
    *,
    today: datetime.date,
    allocated: dict[int, tuple[int, str]],
    managers: Mapping[int, int | None],
    head: User | None,
) -> dict[str, int]:
    checks: list[WellbeingCheck] = []
    anonymous: list[AnonymousFeedback] = []
    for person in young_people:
        if rng.random() < WELLBEING_SHARE:
            given_on = today - datetime.timedelta(days=rng.randint(0, 330))
            answers = {key: weighted(rng, WELLBEING_WEIGHTS) for key in QUESTION_KEYS}
            checks.append(
                WellbeingCheck(
                    young_person=person,
                    given_on=given_on,
                    anything_else=rng.choice(WELLBEING_WORDS),
                    **answers,
                )
            )
        if person.team_id and rng.random() < ANONYMOUS_SHARE:
            anonymous.append(_anonymous(rng, person, today, allocated, managers))
    WellbeingCheck.objects.bulk_create(checks, batch_size=BATCH_SIZE)
    AnonymousFeedback.objects.bulk_create(anonymous, batch_size=BATCH_SIZE)
    return {
        "wellbeing_checks": len(checks),
        "anonymous_feedback": len(anonymous),
        "you_said_we_did": _ensure_you_said(today, head),
    }


def _anonymous(
    rng: random.Random,
    person: Any,
    today: datetime.date,
    allocated: dict[int, tuple[int, str]],
    managers: Mapping[int, int | None],
) -> AnonymousFeedback:
    """Feedback without a name: only the team, the day and (about an adviser, in a demo where
    every adviser has many young people) the adviser. Nothing points back at `person`."""
    about = rng.choice((FeedbackAbout.PERSONAL_ADVISER, FeedbackAbout.SERVICE))
    good, better = rng.choice(ANONYMOUS_WORDS)
    worker = allocated.get(person.pk)
    feedback = AnonymousFeedback(
        team_id=person.team_id,
        given_on=today - datetime.timedelta(days=rng.randint(0, 60)),
        about=about,
        adviser_id=worker[0] if about == FeedbackAbout.PERSONAL_ADVISER and worker else None,
        rating=weighted(
            rng,
            ((FeedbackRating.GOOD, 2), (FeedbackRating.OK, 3), (FeedbackRating.NOT_GOOD, 3)),
        ),
        what_is_good=good,
        what_could_be_better=better,
    )
    manager_id = managers.get(person.team_id)
    if manager_id and feedback.given_on < today and rng.random() < ANONYMOUS_READ_SHARE:
        feedback.read_on = min(
            today, feedback.given_on + datetime.timedelta(days=rng.randint(1, 7))
        )
        feedback.read_by_id = manager_id
        feedback.manager_note = rng.choice(ANONYMOUS_NOTES)
    return feedback


def _ensure_you_said(today: datetime.date, head: User | None) -> int:
    """The service's "you said, we did", written by the head of service with the first chunk.
    Returns how many were written now."""
    if head is None or YouSaidWeDid.objects.exists():
        return 0
    rows = []
    for you_said, we_did, days_ago, status in YOU_SAID:
        done_on = today - datetime.timedelta(days=days_ago)
        rows.append(
            YouSaidWeDid(
                you_said=you_said,
                we_did=we_did,
                done_on=done_on,
                status=status,
                published_on=done_on if status != YouSaidStatus.DRAFT else None,
                withdrawn_on=today - datetime.timedelta(days=30)
                if status == YouSaidStatus.WITHDRAWN
                else None,
                created_by=head,
                modified_by=head,
            )
        )
    YouSaidWeDid.objects.bulk_create(rows)
    return len(rows)


def _feedback(
    rng: random.Random, person: Any, given_on: datetime.date, method: str, by: Any
) -> YoungPersonFeedback:
    return YoungPersonFeedback(
        young_person=person,
        given_on=given_on,
        method=method,
        about=FeedbackAbout.PERSONAL_ADVISER if rng.random() < 0.7 else FeedbackAbout.SERVICE,
        rating=weighted(rng, FEEDBACK_RATING_WEIGHTS),
        what_is_good=rng.choice(FEEDBACK_GOOD),
        what_could_be_better=rng.choice(FEEDBACK_BETTER),
        created_by=by,
        modified_by=by,
    )


def _plan_audit(
    rng: random.Random,
    batch: Batch,
    person: Any,
    *,
    today: datetime.date,
    months: list[datetime.date],
    completed: bool,
    auditors: list[User],
    questions: list[AuditQuestion],
    themes: dict[str, AuditTheme],
    theme_weights: list[tuple[str, int]],
    worker: tuple[int, str] | None,
    manager_id: int | None,
) -> None:
    auditor_index = rng.randrange(len(auditors))
    auditor = auditors[auditor_index]
    grade = weighted(rng, GRADE_WEIGHTS)
    if completed:
        month = rng.choices(months, weights=_month_weights(months, today), k=1)[0]
        completed_on: datetime.date | None = _day_in_month(rng, month, today)
        assert completed_on is not None
        started_on = completed_on - datetime.timedelta(days=rng.randint(3, 20))
    else:
        completed_on = None
        started_on = today - datetime.timedelta(days=rng.randint(0, 20))
    audit = CaseAudit(
        young_person=person,
        team_id=person.team_id,
        worker_id=worker[0] if worker else None,
        worker_role=worker[1] if worker else "",
        manager_id=manager_id,
        auditor=auditor,
        status=AuditStatus.COMPLETED if completed else AuditStatus.IN_PROGRESS,
        started_on=started_on,
        completed_on=completed_on,
        overall_grade=grade if completed else "",
        final_grade=grade if completed else "",
        summary=SUMMARIES[grade] if completed else "",
        created_by=auditor,
        modified_by=auditor,
    )
    # The young person's voice: feedback for about two audits in three, a reason otherwise.
    feedback_index: int | None = None
    if completed and rng.random() < 0.67:
        assert completed_on is not None
        method = weighted(
            rng,
            ((FeedbackMethod.PORTAL, 4), (FeedbackMethod.PHONE, 4), (FeedbackMethod.IN_PERSON, 2)),
        )
        given_on = max(started_on, completed_on - datetime.timedelta(days=rng.randint(0, 10)))
        if method == FeedbackMethod.PORTAL:
            given_on = completed_on - datetime.timedelta(days=rng.randint(0, 60))
        batch.feedback.append(
            _feedback(rng, person, given_on, method,
                      None if method == FeedbackMethod.PORTAL else auditor)
        )  # fmt: skip
        feedback_index = len(batch.feedback) - 1
    elif completed:
        reason = weighted(rng, NO_FEEDBACK_WEIGHTS)
        audit.no_feedback_reason = reason
        audit.no_feedback_explanation = NO_FEEDBACK_EXPLANATIONS[reason]

    answered = len(questions) if completed else rng.randint(0, len(questions) // 2)
    answers = []
    for index, question in enumerate(questions):
        rating = evidence = ""
        if index < answered:
            rating = weighted(rng, RATINGS_BY_GRADE[grade])
            evidence = rng.choice(EVIDENCE[rating])
        answers.append(answer_to(question, rating=rating, evidence=evidence))
    areas = sorted({question.area for question in questions})
    area_grades = (
        [AuditAreaGrade(area=area, grade=_near(rng, grade)) for area in areas] if completed else []
    )
    chosen: list[int] = []
    if completed:
        for _ in range(rng.randint(1, 3)):
            key = weighted(rng, theme_weights)
            if themes[key].pk not in chosen:
                chosen.append(themes[key].pk)
    actions = []
    if completed and (grade != "outstanding" or rng.random() < 0.5):
        assert completed_on is not None
        for _ in range(rng.randint(1, 3)):
            assigned_as = ActionFor.WORKER if rng.random() < 0.7 else ActionFor.MANAGER
            assignee_id = worker[0] if worker and assigned_as == ActionFor.WORKER else manager_id
            if assignee_id is None:
                continue
            if assignee_id == manager_id:
                assigned_as = ActionFor.MANAGER
            due_on = completed_on + datetime.timedelta(days=rng.randint(14, 60))
            action = AuditAction(
                assignee_id=assignee_id,
                assigned_as=assigned_as,
                description=rng.choice(ACTIONS[ActionFor(assigned_as)]),
                due_on=due_on,
                created_by=auditor,
                modified_by=auditor,
            )
            # Actions due by now are done, some late; a few due lately are still open, and a
            # few not yet due are done early (story.py).
            overdue = due_on < today and not story.left_undone(rng, due_on, today, 0.08)
            if overdue or rng.random() < 0.1:
                latest = min(today, due_on + datetime.timedelta(days=10))
                earliest = min(latest, completed_on + datetime.timedelta(days=3))
                action.done_on = earliest + datetime.timedelta(
                    days=rng.randint(0, (latest - earliest).days)
                )
                action.done_by_id = assignee_id
                action.done_note = rng.choice(DONE_NOTES)
            actions.append(action)
    moderation = None
    if completed and len(auditors) > 1 and rng.random() < MODERATED_SHARE:
        assert completed_on is not None
        moderator = auditors[(auditor_index + 1) % len(auditors)]
        agrees = rng.random() < 0.75
        moderated_grade = grade if agrees else _near(rng, grade)
        agrees = moderated_grade == grade
        moderation = AuditModeration(
            moderator=moderator,
            moderated_on=min(today, completed_on + datetime.timedelta(days=rng.randint(1, 14))),
            agrees=agrees,
            grade=moderated_grade,
            reason="The evidence supports the grade."
            if agrees
            else "The evidence in the record points to a different grade.",
            created_by=moderator,
            modified_by=moderator,
        )
        audit.final_grade = moderated_grade
    batch.audits.append(audit)
    batch.audit_feedback.append(feedback_index)
    batch.answers.append(answers)
    batch.area_grades.append(area_grades)
    batch.themes.append(chosen)
    batch.actions.append(actions)
    batch.moderations.append(moderation)


def _plan_oversight(
    rng: random.Random,
    batch: Batch,
    person: Any,
    *,
    today: datetime.date,
    manager_id: int | None,
    head: Any,
) -> None:
    """Most young people had oversight in the last 3 months; some longer ago; a few never."""
    draw = rng.random()
    if manager_id is None or draw < 0.08:
        return
    if draw < 0.78:
        latest = today - datetime.timedelta(days=rng.randint(0, 85))
    else:
        latest = add_months(today, -3) - datetime.timedelta(days=rng.randint(5, 180))
    dates = [latest]
    if rng.random() < 0.4:
        dates.append(latest - datetime.timedelta(days=rng.randint(30, 120)))
    for recorded_on in dates:
        by_id = head.pk if head is not None and rng.random() < 0.1 else manager_id
        direction, rationale = rng.choice(OVERSIGHT)
        entry = OversightEntry(
            young_person=person,
            manager_id=by_id,
            recorded_on=recorded_on,
            direction=direction,
            rationale=rationale,
            created_by_id=by_id,
            modified_by_id=by_id,
        )
        if rng.random() < 0.6:
            entry.review_by = recorded_on + datetime.timedelta(days=rng.randint(28, 56))
            # Reviewed by the date set, except a few that fell due lately (story.py).
            if entry.review_by < today and not story.left_undone(
                rng, entry.review_by, today, 0.05
            ):
                entry.reviewed_on = min(today, entry.review_by)
                entry.reviewed_by_id = by_id
                entry.review_note = rng.choice(REVIEW_NOTES)
        batch.oversight.append(entry)


def _save(batch: Batch) -> dict[str, int]:
    YoungPersonFeedback.objects.bulk_create(batch.feedback, batch_size=BATCH_SIZE)
    for audit, feedback_index in zip(batch.audits, batch.audit_feedback, strict=True):
        if feedback_index is not None:
            audit.feedback = batch.feedback[feedback_index]
    CaseAudit.objects.bulk_create(batch.audits, batch_size=BATCH_SIZE)
    answers: list[AuditAnswer] = []
    grades: list[AuditAreaGrade] = []
    links: list[Any] = []
    actions: list[AuditAction] = []
    moderations: list[AuditModeration] = []
    through = CaseAudit.themes.through
    for index, audit in enumerate(batch.audits):
        for answer in batch.answers[index]:
            answer.audit = audit
            answers.append(answer)
        for grade in batch.area_grades[index]:
            grade.audit = audit
            grades.append(grade)
        links.extend(
            through(caseaudit_id=audit.pk, audittheme_id=pk) for pk in batch.themes[index]
        )
        for action in batch.actions[index]:
            action.audit = audit
            actions.append(action)
        moderation = batch.moderations[index]
        if moderation is not None:
            moderation.audit = audit
            moderations.append(moderation)
    AuditAnswer.objects.bulk_create(answers, batch_size=BATCH_SIZE)
    AuditAreaGrade.objects.bulk_create(grades, batch_size=BATCH_SIZE)
    through.objects.bulk_create(links, batch_size=BATCH_SIZE)
    AuditAction.objects.bulk_create(actions, batch_size=BATCH_SIZE)
    AuditModeration.objects.bulk_create(moderations, batch_size=BATCH_SIZE)
    OversightEntry.objects.bulk_create(batch.oversight, batch_size=BATCH_SIZE)
    completed = sum(1 for audit in batch.audits if audit.status == AuditStatus.COMPLETED)
    return {
        "case_audits_completed": completed,
        "case_audits_in_progress": len(batch.audits) - completed,
        "case_audits_moderated": len(moderations),
        "audit_actions": len(actions),
        "young_person_feedback": len(batch.feedback),
        "oversight_entries": len(batch.oversight),
    }
