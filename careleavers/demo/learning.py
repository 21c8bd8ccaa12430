"""Demo data for education, employment and training.

`seed` is called by the demo builder after young people and staff exist. It is deterministic
(every choice comes from the generator it is given, in the order of the young people given) and
writes with bulk inserts only, so 100,000 young people take seconds, not minutes.

What it makes, consistent with what the people demo already decided:
- an activity history from the 16th birthday (or the last three years) for everyone aged 16+,
  whose activity today agrees with the record's "in education or training" fact;
- NEET reasons for each period not in education, employment or training;
- termly PEPs for 16 and 17 year olds in care and in education, most completed, some late, many
  graded by a reviewer, with targets;
- twelve monthly EET panel meetings with attendance, the young people discussed, the reasons
  they had then, the discussion and the actions agreed; and next month's meeting.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from careleavers.core.dates import age_on, birthday
from careleavers.core.dfe_codes import ACTIV_NEET
from careleavers.demo import story
from careleavers.demo.people import weighted
from careleavers.learning import activ as activ_rules
from careleavers.learning import pep as pep_rules
from careleavers.learning.models import (
    ActionKind,
    ActivityEpisode,
    Attendance,
    LearningPolicy,
    NeetReason,
    NeetReasonRecord,
    PanelAction,
    PanelAttendee,
    PanelCase,
    PanelMeeting,
    PepTarget,
    PersonalEducationPlan,
    QualityGrade,
)
from careleavers.people.models import CareEpisode

BATCH_SIZE = 2000
HISTORY_YEARS = 3
PANEL_MONTHS = 12

PROVIDERS = {
    "F1": ["University of Bradford", "Leeds Beckett University", "University of Huddersfield"],
    "P1": ["The Open University", "Bradford College (university centre)"],
    "F2": ["Bradford College", "Shipley College", "Keighley College", "Craven College"],
    "P2": ["Bradford College", "Shipley College", "Keighley College"],
    "F4": ["Bradford Council", "Yorkshire Water", "Bradford Teaching Hospitals", "Morrisons"],
    "P4": ["Bradford Council", "Local nursery"],
    "F5": ["Amazon warehouse", "Bradford Council", "Care home", "Prince's Trust", "Café"],
    "P5": ["Supermarket", "Café", "Prince's Trust", "Retail park"],
}
COURSES = {
    "F1": ["BSc Nursing", "BA Social Work", "BSc Computer Science", "BA Business"],
    "P1": ["Foundation degree", "Access to HE"],
    "F2": [
        "Level 2 Health and Social Care",
        "Level 3 Business",
        "ESOL and maths",
        "Level 1 Motor Vehicle",
    ],
    "P2": ["ESOL", "GCSE English and maths", "Level 1 Catering"],
    "F4": [
        "Business administration apprenticeship",
        "Plumbing apprenticeship",
        "Healthcare support apprenticeship",
    ],
    "P4": ["Early years apprenticeship"],
    "F5": ["Warehouse operative", "Care assistant", "Kitchen assistant", "Traineeship"],
    "P5": ["Shop assistant", "Barista", "Employability course"],
}
VIEWS = [
    "I want to get a job but I don't know where to start.",
    "College was too much when I moved flats. I want to go back in September.",
    "I'm not ready yet, I need to sort my head out first.",
    "I want to work with cars.",
    "I need childcare before I can do anything.",
    "I'm waiting to hear about my course.",
    "I applied for loads of jobs and heard nothing back.",
]
DISCUSSIONS = [
    "Panel reviewed progress since last month. Young person has engaged with their PA and is "
    "keen to look at courses starting in January.",
    "Barriers discussed: housing is not settled and this comes first. Careers adviser to meet "
    "them once they have moved.",
    "Mental health support is in place; the panel agreed not to push for a start until their "
    "CAMHS transition is complete.",
    "Jobcentre work coach will look at a sector-based work academy place. PA to help with a CV.",
    "Young person would like an apprenticeship with the council. Ring-fenced vacancies shared.",
]
PARTNERS = [
    ("Careers adviser", "Careers service"),
    ("Jobcentre Plus work coach", "Department for Work and Pensions"),
    ("College transition lead", "Bradford College"),
    ("Virtual school post-16 lead", "Virtual school"),
]
FEEDBACK = [
    "Clear targets that the young person helped set. Add how the bursary will be used.",
    "Good voice of the young person. Attendance data is missing.",
    "Targets are not specific; agree measurable steps with the college.",
    "Thorough plan with the carer's role well described.",
]
TARGETS = [
    "Attend at least 90% of college sessions this term.",
    "Complete the English functional skills level 1 exam.",
    "Find a work experience placement by half term.",
    "Apply for the 16 to 19 bursary.",
    "Meet the careers adviser to plan next year.",
]
# Reasons more likely for each NEET code, then the general pool (reason code, weight).
REASONS_FOR = {
    "G4": [("mental-health", 5), ("physical-health-disability", 4), ("substance-misuse", 1)],
    "G6": [("pregnancy-parenting", 10), ("caring", 1)],
    "G5": [
        ("mental-health", 4),
        ("confidence", 4),
        ("no-qualifications", 3),
        ("unstable-housing", 3),
        ("waiting-course", 2),
        ("immigration", 1),
        ("substance-misuse", 1),
        ("custody", 1),
        ("caring", 1),
        ("other", 1),
    ],
}
ACTIONS_FOR = {
    "mental-health": ActionKind.HEALTH,
    "physical-health-disability": ActionKind.HEALTH,
    "substance-misuse": ActionKind.HEALTH,
    "pregnancy-parenting": ActionKind.CHILDCARE,
    "caring": ActionKind.OTHER,
    "unstable-housing": ActionKind.HOUSING,
    "immigration": ActionKind.OTHER,
    "no-qualifications": ActionKind.COURSE,
    "waiting-course": ActionKind.COURSE,
    "confidence": ActionKind.CONFIDENCE,
    "custody": ActionKind.OTHER,
    "other": ActionKind.CAREERS,
}
ACTION_TEXT = {
    ActionKind.COURSE: "Apply for a course starting next term and visit the college together.",
    ActionKind.JOB: "Apply for two ring-fenced council apprenticeships.",
    ActionKind.CAREERS: "Book a careers guidance appointment.",
    ActionKind.HEALTH: "Refer to the adult mental health transition team and follow up.",
    ActionKind.MONEY: "Check benefits and apply for the bursary.",
    ActionKind.HOUSING: "Raise with the housing panel so a settled home comes first.",
    ActionKind.CHILDCARE: "Find a nursery place so they can start a course.",
    ActionKind.CONFIDENCE: "Join the weekly 'smooth it out' group before starting anything.",
    ActionKind.OTHER: "Agree next steps with the young person at the next visit.",
}


def _plus(day: datetime.date, days: int) -> datetime.date:
    return day + datetime.timedelta(days=days)


def _education_code(rng: random.Random, age: int) -> str:
    if age < 18:
        return weighted(rng, [("F2", 8), ("P2", 1), ("F4", 1)])
    return weighted(
        rng, [("F1", 3), ("P1", 1), ("F2", 3), ("P2", 1), ("F4", 2), ("P4", 1), ("F5", 1)]
    )


def _other_code(rng: random.Random, age: int) -> str:
    """Not education or training: a job, or not in education, employment or training."""
    if age < 18:
        return weighted(rng, [("G5", 6), ("G4", 1), ("F5", 2), ("P5", 1)])
    return weighted(rng, [("G5", 5), ("G4", 2), ("G6", 1), ("F5", 3), ("P5", 2)])


@dataclass
class _Plan:
    episodes: list[ActivityEpisode] = field(default_factory=list)
    reasons: list[NeetReasonRecord] = field(default_factory=list)


def _episode(
    rng: random.Random,
    person: Any,
    code: str,
    start: datetime.date,
    end: datetime.date | None,
    *,
    today: datetime.date,
    worker: Any,
    training: bool | None = None,
) -> ActivityEpisode:
    neet = code in ACTIV_NEET
    planned_end = None
    if code in activ_rules.EDUCATION or code in activ_rules.APPRENTICESHIP:
        # Courses end in the summer; some contracts end soon, which puts people at risk.
        year = start.year + (1 if start.month >= 8 else 0) + rng.randint(0, 1)
        planned_end = datetime.date(year, 7, rng.randint(10, 25))
        if end is None and rng.random() < 0.12:
            planned_end = _plus(today, rng.randint(3, 40))
        if planned_end < start:
            planned_end = _plus(start, 300)
    is_training = code in activ_rules.TRAINING_OR_EMPLOYMENT and (
        training if training is not None else rng.random() < 0.3
    )
    return ActivityEpisode(
        young_person_id=person.pk,
        activ=code,
        start=start,
        end=end,
        planned_end=planned_end,
        provider="" if neet else rng.choice(PROVIDERS[code]),
        course_or_role="" if neet else rng.choice(COURSES[code]),
        hours_per_week=None if neet else (30 if code.startswith("F") else rng.choice([8, 12, 16])),
        is_training=is_training,
        council_job_offer=code in {"F4", "P4", "F5"} and rng.random() < 0.1,
        young_persons_view=rng.choice(VIEWS) if neet and rng.random() < 0.7 else "",
        created_by=worker,
        modified_by=worker,
    )


def _plan_person(
    rng: random.Random,
    person: Any,
    reason_ids: dict[str, int],
    *,
    today: datetime.date,
    worker: Any,
) -> _Plan:
    plan = _Plan()
    sixteenth = birthday(person.date_of_birth, 16)
    if sixteenth > today:
        return plan
    start = max(sixteenth, _plus(today, -365 * HISTORY_YEARS))
    # Earlier periods, then the current one whose kind agrees with the record's fact.
    periods: list[tuple[datetime.date, datetime.date | None]] = []
    day = start
    while True:
        length = rng.randint(90, 540)
        if _plus(day, length) >= _plus(today, -60) or len(periods) >= 3:
            periods.append((day, None))
            break
        periods.append((day, _plus(day, length - 1)))
        day = _plus(day, length)
    for number, (period_start, period_end) in enumerate(periods):
        age = age_on(person.date_of_birth, period_start)
        current = number == len(periods) - 1
        if current:
            code = (
                _education_code(rng, age)
                if person.in_education_or_training
                else _other_code(rng, age)
            )
            training = None
            if code in activ_rules.TRAINING_OR_EMPLOYMENT:
                training = bool(person.in_education_or_training)
        else:
            code = weighted(rng, [(_education_code(rng, age), 3), (_other_code(rng, age), 2)])
            training = None
        episode = _episode(
            rng,
            person,
            code,
            period_start,
            period_end,
            today=today,
            worker=worker,
            training=training,
        )
        plan.episodes.append(episode)
        if code in ACTIV_NEET:
            chosen: set[str] = set()
            for _ in range(weighted(rng, [(1, 5), (2, 4), (3, 1)])):
                chosen.add(weighted(rng, REASONS_FOR[code]))
            for reason in sorted(chosen):
                plan.reasons.append(
                    NeetReasonRecord(
                        young_person_id=person.pk,
                        reason_id=reason_ids[reason],
                        identified_on=_plus(period_start, rng.randint(0, 20)),
                        resolved_on=period_end,
                        young_persons_view=rng.choice(VIEWS) if rng.random() < 0.5 else "",
                        created_by=worker,
                        modified_by=worker,
                    )
                )
    # A reason recorded after the period ended is tidied back into it.
    for record in plan.reasons:
        if record.resolved_on is not None and record.identified_on > record.resolved_on:
            record.identified_on = record.resolved_on
        if record.identified_on > today:
            record.identified_on = today
    return plan


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


def _in_care_today(young_people: Sequence[Any], today: datetime.date) -> set[int]:
    in_care: set[int] = set()
    for chunk in _chunks([person.pk for person in young_people]):
        in_care.update(
            CareEpisode.objects.filter(young_person_id__in=chunk, start__lte=today)
            .filter(Q(end__isnull=True) | Q(end__gt=today))
            .values_list("young_person_id", flat=True)
        )
    return in_care


def _terms_back(today: datetime.date, count: int) -> list[pep_rules.SchoolTerm]:
    terms: list[pep_rules.SchoolTerm] = []
    day = today
    while len(terms) < count:
        term = pep_rules.term_on(day)
        if term is not None and (not terms or terms[-1] != term):
            terms.append(term)
        day = _plus(day, -30)
    return list(reversed(terms))


def _peps(
    rng: random.Random,
    young_people: Sequence[Any],
    *,
    today: datetime.date,
    workers: Sequence[Any],
) -> tuple[list[PersonalEducationPlan], list[list[str]]]:
    in_care = _in_care_today(young_people, today)
    terms = _terms_back(today, 4)
    weeks = LearningPolicy.current().pep_due_weeks_into_term
    peps: list[PersonalEducationPlan] = []
    targets: list[list[str]] = []
    for person in young_people:
        if person.pk not in in_care or not person.in_education_or_training:
            continue
        for term in terms:
            due = pep_rules.pep_due_on(term, weeks_into_term=weeks)
            if not pep_rules.needs_pep(
                date_of_birth=person.date_of_birth,
                on=term.starts if term.starts <= today else today,
                in_care=True,
                in_education_or_training=True,
            ):
                continue
            completed = None
            attempted = due <= today or rng.random() < 0.4
            # About three in four on time: below the usual 90% target, as the letter found.
            if attempted and rng.random() < 0.9:
                completed = min(today, _plus(due, rng.randint(-30, 6)))
            elif due <= today and not story.left_undone(rng, due, today, 0.3):
                # Late but done: only this term's PEP may still be waiting (story.py).
                completed = story.done_late(rng, due, today)
            pep = PersonalEducationPlan(
                young_person_id=person.pk,
                academic_year=term.academic_year,
                term=term.term.value,
                due_on=due,
                completed_on=completed,
                education_setting=rng.choice(PROVIDERS["F2"]) if completed else "",
                summary="Progress reviewed with the young person, carer and designated teacher."
                if completed
                else "",
            )
            if completed and rng.random() < 0.7:
                pep.quality_grade = weighted(
                    rng,
                    [
                        (QualityGrade.OUTSTANDING, 1),
                        (QualityGrade.GOOD, 5),
                        (QualityGrade.REQUIRES_IMPROVEMENT, 3),
                        (QualityGrade.INADEQUATE, 1),
                    ],
                )
                pep.reviewer = rng.choice(workers)
                pep.reviewed_on = min(today, _plus(completed, rng.randint(3, 20)))
                pep.reviewer_feedback = rng.choice(FEEDBACK)
            peps.append(pep)
            targets.append(rng.sample(TARGETS, 2) if completed else [])
    return peps, targets


def _meeting_days(today: datetime.date) -> list[datetime.date]:
    """The second Tuesday of each of the last twelve months, and of next month."""
    days = []
    year, month = today.year, today.month
    months = []
    for _ in range(PANEL_MONTHS):
        months.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    months.reverse()
    following = (today.year + (today.month == 12), today.month % 12 + 1)
    for year, month in [*months, following]:
        first = datetime.date(year, month, 1)
        first_tuesday = _plus(first, (1 - first.weekday()) % 7)
        days.append(_plus(first_tuesday, 7))
    return days


def seed(
    *,
    rng: random.Random,
    today: datetime.date,
    young_people: list[Any],
    workers: list[Any],
) -> dict[str, int]:
    """Create the demo's EET records for these young people; returns counts by kind."""
    counts: Counter[str] = Counter()
    if not young_people or not workers:
        return dict(counts)
    reason_ids = dict(NeetReason.objects.values_list("code", "pk"))

    histories: dict[int, list[ActivityEpisode]] = {}
    reasons_by_person: dict[int, list[NeetReasonRecord]] = {}
    episodes: list[ActivityEpisode] = []
    reasons: list[NeetReasonRecord] = []
    for person in young_people:
        plan = _plan_person(rng, person, reason_ids, today=today, worker=rng.choice(workers))
        if plan.episodes:
            histories[person.pk] = plan.episodes
            reasons_by_person[person.pk] = plan.reasons
            episodes += plan.episodes
            reasons += plan.reasons
    ActivityEpisode.objects.bulk_create(episodes, batch_size=BATCH_SIZE)
    NeetReasonRecord.objects.bulk_create(reasons, batch_size=BATCH_SIZE)
    counts["activities"] = len(episodes)
    counts["neet_reasons"] = len(reasons)

    peps, targets = _peps(rng, young_people, today=today, workers=workers)
    # SQLite (3.35+) and PostgreSQL both return the new ids from a bulk insert.
    PersonalEducationPlan.objects.bulk_create(peps, batch_size=BATCH_SIZE)
    PepTarget.objects.bulk_create(
        [
            PepTarget(pep=pep, description=text, by_when=_plus(pep.due_on, 90))
            for pep, texts in zip(peps, targets, strict=True)
            for text in texts
        ],
        batch_size=BATCH_SIZE,
    )
    counts["peps"] = len(peps)

    counts.update(
        _panels(
            rng,
            histories,
            reasons_by_person,
            today=today,
            workers=workers,
            reason_codes={pk: code for code, pk in reason_ids.items()},
        )
    )
    return dict(sorted(counts.items()))


def _panels(
    rng: random.Random,
    histories: dict[int, list[ActivityEpisode]],
    reasons_by_person: dict[int, list[NeetReasonRecord]],
    *,
    today: datetime.date,
    workers: Sequence[Any],
    reason_codes: dict[int, str],
) -> dict[str, int]:
    # The seed may be called once or once per chunk of young people: meetings are made once,
    # and each call adds its own young people to them.
    days = _meeting_days(today)
    existing = {
        meeting.held_on: meeting for meeting in PanelMeeting.objects.filter(held_on__in=days)
    }
    created = PanelMeeting.objects.bulk_create(
        [
            PanelMeeting(
                held_on=day,
                location="City Hall, committee room 2",
                chair=workers[0],
                agenda_built_on=_plus(day, -7) if day <= today else None,
                course_ending_within_days=42 if day <= today else None,
            )
            for day in days
            if day not in existing
        ]
    )
    new_ids = {meeting.pk for meeting in created}
    meetings = sorted([*existing.values(), *created], key=lambda meeting: meeting.held_on)
    # About one young person in sixteen is discussed each month (40 in a Bradford-sized demo).
    per_meeting = max(5, round(len(histories) / 16))
    at_risk_per_meeting = max(2, per_meeting // 5)
    attendees: list[PanelAttendee] = []
    cases: list[PanelCase] = []
    case_reasons: list[list[int]] = []
    case_actions: list[list[PanelAction]] = []
    # Every episode once, in a fixed order, so each meeting scans a flat list.
    flat = [
        (person_id, episode) for person_id in sorted(histories) for episode in histories[person_id]
    ]
    for meeting in meetings:
        if meeting.held_on > today:
            continue
        on = meeting.held_on
        staff_invited = rng.sample(list(workers), min(4, len(workers)))
        for worker in staff_invited if meeting.pk in new_ids else []:
            attendees.append(
                PanelAttendee(
                    meeting=meeting,
                    user=worker,
                    name=worker.get_full_name() or worker.email,
                    attendance=weighted(
                        rng, [(Attendance.ATTENDED, 8), (Attendance.APOLOGIES, 2)]
                    ),
                )
            )
        for name, organisation in PARTNERS if meeting.pk in new_ids else []:
            attendees.append(
                PanelAttendee(
                    meeting=meeting,
                    name=name,
                    organisation=organisation,
                    attendance=weighted(
                        rng,
                        [
                            (Attendance.ATTENDED, 7),
                            (Attendance.APOLOGIES, 2),
                            (Attendance.ABSENT, 1),
                        ],
                    ),
                )
            )
        neet: list[tuple[int, ActivityEpisode]] = []
        at_risk: list[tuple[int, ActivityEpisode]] = []
        risk_until = _plus(on, 42)
        for person_id, episode in flat:
            if episode.start > on or (episode.end is not None and episode.end < on):
                continue
            if episode.activ in ACTIV_NEET:
                neet.append((person_id, episode))
            elif episode.planned_end and on <= episode.planned_end <= risk_until:
                at_risk.append((person_id, episode))
        chosen = rng.sample(neet, min(per_meeting, len(neet)))
        chosen_risk = rng.sample(at_risk, min(at_risk_per_meeting, len(at_risk)))
        for person_id, episode in sorted(chosen, key=lambda pair: pair[0]):
            open_reasons = [
                record.reason_id
                for record in reasons_by_person.get(person_id, [])
                if record.identified_on <= on
                and (record.resolved_on is None or record.resolved_on >= on)
            ]
            cases.append(
                PanelCase(
                    meeting=meeting,
                    young_person_id=person_id,
                    listed_because="neet",
                    activ_when_listed=episode.activ,
                    neet_since=episode.start,
                    discussion=rng.choice(DISCUSSIONS),
                    discussed_at=datetime.datetime.combine(
                        on, datetime.time(10, 0), tzinfo=datetime.UTC
                    ),
                )
            )
            case_reasons.append(sorted(set(open_reasons)))
            actions = []
            listed_codes = [reason_codes[reason_id] for reason_id in sorted(set(open_reasons))]
            for code in listed_codes[:2] or ["other"]:
                kind = ACTIONS_FOR.get(code, ActionKind.CAREERS)
                if rng.random() < 0.3:
                    kind = weighted(
                        rng, [(ActionKind.JOB, 1), (ActionKind.MONEY, 1), (ActionKind.CAREERS, 1)]
                    )
                due = _plus(on, rng.randint(14, 42))
                owner = rng.choice(list(workers)) if rng.random() < 0.75 else None
                actions.append(
                    PanelAction(
                        kind=kind,
                        description=ACTION_TEXT[kind],
                        owner=owner,
                        owner_name="" if owner else rng.choice(PARTNERS)[0],
                        due_on=due,
                        completed_on=min(today, _plus(due, rng.randint(-10, 10)))
                        if due < today and rng.random() < 0.7
                        else None,
                    )
                )
            case_actions.append(actions)
        for person_id, episode in sorted(chosen_risk, key=lambda pair: pair[0]):
            cases.append(
                PanelCase(
                    meeting=meeting,
                    young_person_id=person_id,
                    listed_because="course_ending",
                    activ_when_listed=episode.activ,
                    course_ends_on=episode.planned_end,
                    discussion="Course ends soon. PA to talk through next steps and options.",
                    discussed_at=datetime.datetime.combine(
                        on, datetime.time(11, 0), tzinfo=datetime.UTC
                    ),
                )
            )
            case_reasons.append([])
            case_actions.append(
                [
                    PanelAction(
                        kind=ActionKind.CAREERS,
                        description=ACTION_TEXT[ActionKind.CAREERS],
                        owner=rng.choice(list(workers)),
                        due_on=_plus(on, 21),
                    )
                ]
            )
    PanelAttendee.objects.bulk_create(attendees, batch_size=BATCH_SIZE)
    PanelCase.objects.bulk_create(cases, batch_size=BATCH_SIZE)
    through = PanelCase.reasons.through
    through.objects.bulk_create(
        [
            through(panelcase_id=case.pk, neetreason_id=reason_id)
            for case, reason_ids in zip(cases, case_reasons, strict=True)
            for reason_id in reason_ids
        ],
        batch_size=BATCH_SIZE,
    )
    actions = []
    for case, planned in zip(cases, case_actions, strict=True):
        for action in planned:
            action.case = case
            actions.append(action)
    PanelAction.objects.bulk_create(actions, batch_size=BATCH_SIZE)
    return {
        "panel_meetings": len(created),
        "panel_cases": len(cases),
        "panel_actions": len(actions),
        "panel_attendees": len(attendees),
    }
