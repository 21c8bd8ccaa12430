"""Demo data for supervision and the workforce.

Staff-level records (posts, who held them over 24 months, sickness absence, training) are made
once per team, the first time the seeder sees a team with no posts. Supervision records are made
once per worker, in the chunk of young people where the seeder first finds them with a caseload,
so the young people they discuss are on that caseload. Everything is written with bulk inserts
and every random choice comes from the generator given, in a fixed order (teams by name, people by
email), so the same seed and date give the same records.

The story the data tells is the Ofsted letter's: a workforce churned by sickness and vacancies and
now mostly permanent; supervision that is sometimes reflective and sometimes a list of tasks.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.core.dates import add_months
from careleavers.workforce import figures
from careleavers.workforce.models import (
    AbsenceReason,
    Course,
    Employment,
    Post,
    SicknessAbsence,
    SupervisionAction,
    SupervisionRecord,
    SupervisionReview,
    TrainingRecord,
)

BATCH = 5_000
HISTORY_DAYS = 730  # 24 months
SUPERVISION_DAYS = 183  # 6 months

WORKING = (
    "Weekly contact has helped {name} settle; she now rings when something goes wrong rather "
    "than after.",
    "{name} has kept his college place all term. The worker's joint visit with the tutor made "
    "the difference.",
    "The worker's patience over the tenancy paperwork meant {name} signed up without a crisis.",
    "{name} is talking more about his family. We think the steady relationship is why.",
    "Planning with {name} rather than for her: the pathway plan is in her words this time.",
)
WORRIES = (
    "{name} is behind with rent again and avoids the housing officer. What sits behind the "
    "avoidance: shame, or not understanding the letters?",
    "We are worried about who {name} is spending time with. What do we know, and what are we "
    "assuming?",
    "{name}'s mental health referral has waited 14 weeks. How do we keep him hopeful meanwhile?",
    "{name} says she is fine but has missed two visits. We wondered whether the change of "
    "worker last year has made her wary.",
    "Long waits for adult social care: {name} does not meet the threshold and we are unsure "
    "what support will be there at 21.",
)
EXPERIENCE = (
    'In {name}\'s words: "I just want someone to tell me straight." We talked about how our '
    "letters read to her.",
    "{name} said the flat feels lonely at night. The worker will ask about the cook and eat "
    "group.",
    "{name} is proud of his job and wants us to notice. He felt the last review was all about "
    "problems.",
    "{name} told the worker she hates retelling her story to new people; the about me summary "
    "helped.",
)
WELLBEING = (
    "Caseload feels heavy after covering for a colleague's sickness. Agreed to protect Friday "
    "afternoons for recording.",
    "Feeling more confident after the practice standards course; wants to shadow a pathway "
    "plan review.",
    "Upset after a difficult visit; talked it through and agreed to use the reflective group.",
    "Good: enjoying the work and the team. Would like to lead the smooth it out group.",
)
TASK_ONLY = (
    "Visits up to date.",
    "Pathway plan due next month.",
    "Case notes to be updated.",
    "",
)
ACTIONS = (
    "Complete the pathway plan review",
    "Chase the mental health referral",
    "Update the chronology and case notes",
    "Book a joint visit with the housing officer",
    "Send the setting up home allowance request",
    "Arrange the 18th birthday planning meeting",
    "Record the last two visits",
    "Apply for the provisional driving licence",
)
GRADE_COMMENTS = {
    "reflective": (
        "Real curiosity about the young person's experience, and the worker's feelings are heard.",
        "Good use of the prompts: the worries are explored, not just listed.",
    ),
    "compliance_led": (
        "A list of deadlines. Nothing on how the young people are or how the worker is.",
        "Tasks only: ask what the young person would say about our help.",
    ),
}


def _weekday_on_or_after(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _role_of(names: set[str]) -> str | None:
    if Role.TEAM_MANAGER in names:
        return "tm"
    if Role.SOCIAL_WORKER in names:
        return "sw"
    if Role.PERSONAL_ADVISER in names:
        return "pa"
    return None


# Staff-level records -----------------------------------------------------------------------------


def _roles_by_user(user_ids: list[int]) -> dict[int, set[str]]:
    roles: dict[int, set[str]] = defaultdict(set)
    for user_id, name in User.groups.through.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "group__name"
    ):
        roles[user_id].add(name)
    return roles


def _add_post(posts: list[Post], *, team: Team, role: str, funded_from: datetime.date) -> int:
    """Add a full-time post with the next reference (LC0001, LC0002, ...); returns its index."""
    posts.append(
        Post(
            team=team,
            role=role,
            fte=Decimal("1.00"),
            funded_from=funded_from,
            reference=f"LC{len(posts) + 1:04d}",
        )
    )
    return len(posts) - 1


def _seed_staff(rng: random.Random, today: datetime.date) -> Counter[str]:
    """Posts, employment history, absence and training for teams not yet seeded."""
    counts: Counter[str] = Counter()
    teams = list(
        Team.objects.exclude(Exists(Post.objects.filter(team=OuterRef("pk")))).order_by("name")
    )
    if not teams:
        return counts
    people = list(
        User.objects.filter(team__in=teams)
        .order_by("team__name", "email")
        .only("pk", "email", "team_id", "is_active")
    )
    roles = _roles_by_user([person.pk for person in people])
    window_start = today - datetime.timedelta(days=HISTORY_DAYS)
    funded_from = datetime.date(today.year - 12, 4, 1)
    posts: list[Post] = []
    # (post index, staff id, kind, fte, start, end, reason)
    jobs: list[tuple[int, int, str, Decimal, datetime.date, datetime.date | None, str]] = []
    current_staff: list[tuple[int, datetime.date]] = []
    by_team: dict[int, list[User]] = defaultdict(list)
    for person in people:
        by_team[person.team_id].append(person)  # type: ignore[index]
    for team in teams:
        members = by_team.get(team.pk, [])
        current = [p for p in members if p.is_active and _role_of(roles[p.pk])]
        former = [p for p in members if not p.is_active and _role_of(roles[p.pk]) in ("pa", "sw")]
        starters: list[int] = []  # indexes of posts whose holder started in the window
        for person in current:
            role = _role_of(roles[person.pk]) or "pa"
            index = _add_post(posts, team=team, role=role, funded_from=funded_from)
            recent = rng.random() < 0.3 and role != "tm"
            if recent:
                start = today - datetime.timedelta(days=rng.randint(14, HISTORY_DAYS - 30))
                starters.append(index)
            else:
                start = today - datetime.timedelta(days=rng.randint(HISTORY_DAYS + 30, 4000))
            # The service has moved from agency staff to permanent: fewer agency starters now.
            kind = "agency" if rng.random() < (0.2 if recent else 0.05) else "permanent"
            fte = Decimal("1.00") if rng.random() < 0.85 else Decimal("0.80")
            jobs.append((index, person.pk, kind, fte, _weekday_on_or_after(start), None, ""))
            current_staff.append((person.pk, start))
        # Former workers held the posts the recent starters now hold (the gap between is the
        # vacancy), or posts that are vacant today.
        for number, person in enumerate(former):
            if number < len(starters):
                index = starters[number]
                successor_start = next(job[4] for job in jobs if job[0] == index)
                end = successor_start - datetime.timedelta(days=rng.randint(20, 120))
            else:
                role = _role_of(roles[person.pk]) or "pa"
                index = _add_post(posts, team=team, role=role, funded_from=funded_from)
                end = today - datetime.timedelta(days=rng.randint(10, 300))
            start = end - datetime.timedelta(days=rng.randint(250, 1500))
            agency = rng.random() < 0.6
            reason = (
                "contract_ended"
                if agency
                else rng.choice(["resigned", "resigned", "resigned", "retired", "other"])
            )
            jobs.append(
                (
                    index,
                    person.pk,
                    "agency" if agency else "permanent",
                    Decimal("1.00"),
                    start,
                    end,
                    reason,
                )
            )
        # Newly funded posts not yet filled: recruitment to bring caseloads down.
        if rng.random() < 0.5:
            _add_post(
                posts,
                team=team,
                role="pa",
                funded_from=today - datetime.timedelta(days=rng.randint(20, 200)),
            )
    Post.objects.bulk_create(posts, batch_size=BATCH)
    Employment.objects.bulk_create(
        [
            Employment(
                post=posts[index],
                staff_id=staff_id,
                kind=kind,
                fte=fte,
                start=start,
                end=end,
                leaving_reason=reason,
            )
            for index, staff_id, kind, fte, start, end, reason in jobs
        ],
        batch_size=BATCH,
    )
    counts["workforce posts"] += len(posts)
    counts["workforce employments"] += len(jobs)
    counts.update(_seed_absence(rng, today, current_staff, window_start))
    counts.update(_seed_training(rng, today, current_staff))
    return counts


def _seed_absence(
    rng: random.Random,
    today: datetime.date,
    staff: list[tuple[int, datetime.date]],
    window_start: datetime.date,
) -> Counter[str]:
    absences = []
    for staff_id, started in staff:
        if rng.random() > 0.7:
            continue
        cursor = max(started, window_start)
        for _ in range(rng.randint(1, 5)):
            first = _weekday_on_or_after(cursor + datetime.timedelta(days=rng.randint(10, 200)))
            if first > today:
                break
            long_term = rng.random() < 0.15
            length = rng.randint(15, 60) if long_term else rng.randint(0, 4)
            last: datetime.date | None = first + datetime.timedelta(days=length)
            if last is not None and last >= today:
                last = None  # still off
            days = figures.weekdays_between(first, last or today) or 1
            reason = (
                AbsenceReason.MENTAL_HEALTH
                if long_term and rng.random() < 0.5
                else rng.choice(list(AbsenceReason.values))
            )
            absences.append(
                SicknessAbsence(
                    staff_id=staff_id,
                    first_day=first,
                    last_day=last,
                    working_days_lost=Decimal(days),
                    reason=reason,
                )
            )
            if last is None:
                break
            cursor = last
    SicknessAbsence.objects.bulk_create(absences, batch_size=BATCH)
    return Counter({"workforce sickness absences": len(absences)})


def _seed_training(
    rng: random.Random, today: datetime.date, staff: list[tuple[int, datetime.date]]
) -> Counter[str]:
    courses = list(Course.objects.filter(is_active=True).order_by("display_order", "name"))
    records = []
    for staff_id, started in staff:
        for course in courses:
            if rng.random() > (0.88 if course.mandatory else 0.3):
                continue
            # Renewable courses were mostly done within their renewal interval (a few lapsed).
            reach = course.renewal_months * 31 * 6 // 5 if course.renewal_months else 1400
            earliest = max(started, today - datetime.timedelta(days=reach))
            span = (today - earliest).days
            if span <= 0:
                continue
            completed = earliest + datetime.timedelta(days=rng.randint(0, span))
            records.append(
                TrainingRecord(staff_id=staff_id, course=course, completed_on=completed)
            )
    TrainingRecord.objects.bulk_create(records, batch_size=BATCH)
    return Counter({"workforce training records": len(records)})


# Supervision -------------------------------------------------------------------------------------


def _held_dates(
    rng: random.Random, today: datetime.date, *, new_starter: bool
) -> list[datetime.date]:
    """Supervision dates over the last 6 months, latest first. Most workers are seen about every
    4 weeks (2 for new starters); some slip and are overdue today."""
    style = rng.random()
    if new_starter:
        gaps = (12, 16)
    elif style < 0.6:
        gaps = (21, 28)
    elif style < 0.85:
        gaps = (26, 40)
    else:
        gaps = (35, 70)
    dates = []
    held = today - datetime.timedelta(days=rng.randint(0, gaps[1] + 6))
    while held > today - datetime.timedelta(days=SUPERVISION_DAYS):
        dates.append(_weekday_on_or_after(held))
        held -= datetime.timedelta(days=rng.randint(*gaps))
    return [day for day in dates if day <= today]


def _seed_supervision(
    rng: random.Random, today: datetime.date, young_people: list[Any]
) -> Counter[str]:
    counts: Counter[str] = Counter()
    caseloads: dict[int, list[Any]] = defaultdict(list)
    by_pk = {person.pk: person for person in young_people}
    for worker_id, young_person_id in (
        Allocation.objects.filter(young_person__in=list(by_pk), end__isnull=True)
        .order_by("worker_id", "young_person_id")
        .values_list("worker_id", "young_person_id")
    ):
        caseloads[worker_id].append(by_pk[young_person_id])
    if not caseloads:
        return counts
    seeded = set(
        SupervisionRecord.objects.filter(worker_id__in=list(caseloads)).values_list(
            "worker_id", flat=True
        )
    )
    workers = list(
        User.objects.filter(pk__in=[pk for pk in caseloads if pk not in seeded], is_active=True)
        .select_related("team")
        .order_by("email")
    )
    starts = dict(
        Employment.objects.filter(staff__in=workers)
        .order_by("staff_id", "start")
        .values_list("staff_id", "start")
    )
    head = (
        User.objects.filter(groups__name=Role.HEAD_OF_SERVICE, is_active=True)
        .order_by("email")
        .first()
    )
    # Each team manager has a habit: mostly reflective, mixed, or mostly about tasks.
    habits: dict[int, float] = {}
    plans: list[tuple[SupervisionRecord, list[Any], bool]] = []
    for worker in workers:
        team = worker.team
        if team is None or team.manager_id is None:
            continue
        manager_id = team.manager_id
        if manager_id not in habits:
            habits[manager_id] = rng.choice((0.8, 0.55, 0.25))
        started = starts.get(worker.pk)
        new_starter = started is not None and today < add_months(started, 6)
        for held in _held_dates(rng, today, new_starter=new_starter):
            reflective = rng.random() < habits[manager_id]
            discussed = rng.sample(
                caseloads[worker.pk], min(len(caseloads[worker.pk]), rng.randint(1, 3))
            )
            name = discussed[0].display_name.split()[0] if discussed else "The young person"
            record = SupervisionRecord(
                worker_id=worker.pk,
                supervisor_id=manager_id,
                team_id=team.pk,
                held_on=held,
                created_by_id=manager_id,
                modified_by_id=manager_id,
                created_at=_at(held, 15),
            )
            if reflective:
                record.what_is_working = rng.choice(WORKING).format(name=name)
                record.what_worries_us = rng.choice(WORRIES).format(name=name)
                record.young_persons_experience = rng.choice(EXPERIENCE).format(name=name)
                record.workers_wellbeing = rng.choice(WELLBEING)
            else:
                record.what_is_working = rng.choice(TASK_ONLY)
                record.what_worries_us = rng.choice(("", "Plan overdue."))
            if (today - held).days > 5 and rng.random() < 0.75:
                record.worker_agrees = rng.random() < 0.93
                record.worker_comment = (
                    ""
                    if record.worker_agrees and rng.random() < 0.7
                    else "We also agreed I would get time to finish my recording."
                )
                record.worker_responded_at = _at(held + datetime.timedelta(days=rng.randint(1, 5)))
            plans.append((record, discussed, reflective))
    SupervisionRecord.objects.bulk_create([plan[0] for plan in plans], batch_size=BATCH)
    links = []
    actions = []
    reviews = []
    for record, discussed, reflective in plans:
        for person in discussed:
            links.append(
                SupervisionRecord.young_people.through(
                    supervisionrecord_id=record.pk, youngperson_id=person.pk
                )
            )
        for _ in range(rng.randint(0, 2) if reflective else rng.randint(2, 4)):
            due = record.held_on + datetime.timedelta(days=rng.randint(7, 28))
            done = due < today and rng.random() < 0.8
            actions.append(
                SupervisionAction(
                    record=record,
                    text=rng.choice(ACTIONS),
                    young_person=rng.choice(discussed)
                    if discussed and rng.random() < 0.7
                    else None,
                    due_on=due,
                    done_on=min(due, today) if done else None,
                    done_by_id=record.worker_id if done else None,
                    created_by_id=record.supervisor_id,
                    modified_by_id=record.supervisor_id,
                )
            )
        age = (today - record.held_on).days
        if head is not None and age > 10 and rng.random() < 0.3:
            graded = age > 25 or rng.random() < 0.5
            right = rng.random() < 0.88
            grade = ("reflective" if reflective == right else "compliance_led") if graded else ""
            sampled = record.held_on + datetime.timedelta(days=rng.randint(5, 10))
            reviews.append(
                SupervisionReview(
                    record=record,
                    randomly_sampled=rng.random() < 0.8,
                    sampled_at=_at(sampled),
                    sampled_by=head,
                    grade=grade,
                    comment=rng.choice(GRADE_COMMENTS[grade]) if grade else "",
                    graded_at=_at(sampled + datetime.timedelta(days=2)) if grade else None,
                    graded_by=head if grade else None,
                )
            )
    SupervisionRecord.young_people.through.objects.bulk_create(links, batch_size=BATCH)
    SupervisionAction.objects.bulk_create(actions, batch_size=BATCH)
    SupervisionReview.objects.bulk_create(reviews, batch_size=BATCH)
    counts["supervision records"] += len(plans)
    counts["supervision actions"] += len(actions)
    counts["supervision records graded"] += sum(1 for review in reviews if review.grade)
    return counts


def seed(
    *, rng: random.Random, today: datetime.date, young_people: list[Any], workers: list[Any]
) -> dict[str, int]:
    """Seed workforce records for teams not yet seeded, and supervision for workers not yet
    supervised who have a caseload among these young people. `workers` is not needed: the
    seeder reads the teams, so it covers social workers and managers too."""
    counts = _seed_staff(rng, today)
    counts.update(_seed_supervision(rng, today, young_people))
    return dict(counts)
