"""The demo's casework: workers allocated over time, contacts, case notes, alerts and duty.

Everything here is planned in memory from each young person's own random generator and written
in bulk (rows.py). The young person's derived contact fields (last contact, last visit, next
contact due and why) come from the pure contact standard engine, with the council's contact
policy, exactly as the casework service would store them.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from careleavers.casework.contact_due import contact_due_inputs_for
from careleavers.casework.contact_standard import ContactStandard, next_contact_due
from careleavers.casework.models import (
    Alert,
    AlertKind,
    Allocation,
    Appointment,
    AppointmentKind,
    CaseNote,
    Contact,
    ContactMethod,
    ContactPolicy,
    DutyLogEntry,
    Notification,
    WorkerRole,
)
from careleavers.core.dates import birthday as engine_birthday
from careleavers.core.dates import format_date
from careleavers.demo import story, wording
from careleavers.demo.people import ONE_DAY, PersonPlan, Route, aware, between, weighted
from careleavers.demo.rows import write_rows
from careleavers.demo.staff import DemoStaff
from careleavers.people.models import AboutMe, YoungPerson

# Allocation history and contacts go back three years; older history is not in the demo.
HISTORY_DAYS = 3 * 365
# A visit a move asks for that is later than this when the demo is seeded is made (in the week
# the move asked for), so visits are late only as story.py allows.
MOVE_VISIT_GRACE = datetime.timedelta(days=10)
# fmt: off
PA_CHANGE_REASONS = (
    ("LEFTRL", 30), ("MANAGE", 12), ("CASELOAD", 8), ("ORGRST", 8), ("ABSENC", 10),
    ("CHCHAN", 7), ("YPREQ", 6), ("TSPROC", 14), ("OTHERS", 5),
)
SW_CHANGE_REASONS = (
    ("LEFTRL", 35), ("MANAGE", 20), ("ORGRST", 8), ("ABSENC", 12), ("CHCHAN", 6),
    ("PCCHAN", 2), ("TSPROC", 12), ("OTHERS", 5),
)
# fmt: on
# How often each kind of young person's worker changes, in changes a year.
CHURN_RATES = {"stable": 0.15, "usual": 0.4, "high": 0.4}
# Young people who were in care around their 16th birthday, when a personal adviser is
# introduced; others get their first adviser when they come to the service.
INTRODUCED_AT_16 = frozenset(
    {
        Route.ELIGIBLE,
        Route.RELEVANT,
        Route.FORMER_RELEVANT_AT_18,
        Route.FORMER_RELEVANT_BEFORE_18,
        Route.QUALIFYING_HOME,
    }
)
# Duty calls are about one young person in sixty each fortnight; more for the demo adviser so a
# visitor signed in as them sees some in their work tray.
DUTY_SHARE = 1 / 60
DUTY_SHARE_DEMO_ADVISER = 1 / 5
# One record in fifty is restricted (about 2%), plus a few of the demo adviser's.
RESTRICTED_EVERY = 50
RESTRICTED_SHARE_DEMO_ADVISER = 0.06
# Notifications of allocations from the last three weeks are shown, as the service would have
# sent them.
RECENT_DAYS = 21
# Workers have read their notifications from more than a week ago.
UNREAD_DAYS = 7


def contact_standard() -> ContactStandard:
    policy = ContactPolicy.current()
    return ContactStandard(
        weeks_to_21=policy.weeks_to_21,
        weeks_21_to_25=policy.weeks_21_to_25,
        reduced_from_21_weeks=policy.reduced_from_21_weeks,
    )


class Caseloads:
    """Current caseload counts, so new allocations go to the less busy of two workers."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}

    def pick(self, rng: random.Random, workers: list[int]) -> int:
        if len(workers) == 1:
            chosen = workers[0]
        else:
            first, second = rng.sample(workers, 2)
            chosen = second if self.counts.get(second, 0) < self.counts.get(first, 0) else first
        self.counts[chosen] = self.counts.get(chosen, 0) + 1
        return chosen


@dataclass(frozen=True)
class Segment:
    start: datetime.date
    end: datetime.date | None
    worker: int
    reason: str
    is_change: bool

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class CaseworkPlan:
    person: PersonPlan
    pa: list[Segment] = field(default_factory=list)
    sw: list[Segment] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    case_notes: list[CaseNote] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    about_me: AboutMe | None = None
    duty: list[DutyLogEntry] = field(default_factory=list)
    restricted_to: list[int] = field(default_factory=list)

    @property
    def current_pa(self) -> int | None:
        return self.pa[-1].worker if self.pa and self.pa[-1].end is None else None

    @property
    def current_sw(self) -> int | None:
        return self.sw[-1].worker if self.sw and self.sw[-1].end is None else None

    def worker_on(self, day: datetime.date, *, prefer_social_worker: bool) -> int | None:
        pa = next((segment.worker for segment in self.pa if segment.covers(day)), None)
        sw = next((segment.worker for segment in self.sw if segment.covers(day)), None)
        if sw is not None and (pa is None or prefer_social_worker):
            return sw
        return pa


def _change_days(
    rng: random.Random,
    *,
    start: datetime.date,
    stop: datetime.date,
    churn: str,
    today: datetime.date,
) -> list[datetime.date]:
    """The days on which a new worker took over, within the last three years."""
    window = max(start + 14 * ONE_DAY, today - HISTORY_DAYS * ONE_DAY)
    days: list[datetime.date] = []
    day = window
    rate = CHURN_RATES[churn] / 365.0
    while True:
        day += datetime.timedelta(days=int(rng.expovariate(rate)) + 1)
        if day >= stop - 14 * ONE_DAY:
            break
        days.append(day)
    if churn == "high":
        # Two to four changes of worker in the last year: what young people told inspectors
        # they dislike.
        recent_start = max(window, today - 365 * ONE_DAY)
        days = [day for day in days if day < recent_start]
        if (stop - recent_start).days > 60:
            wanted = rng.randint(2, 4)
            recent = sorted(between(rng, recent_start, stop - 7 * ONE_DAY) for _ in range(wanted))
            days += recent
    spaced: list[datetime.date] = []
    for day in sorted(days):
        if day > start and (not spaced or (day - spaced[-1]).days >= 14) and day < stop:
            spaced.append(day)
    return spaced


def _segments(
    rng: random.Random,
    *,
    start: datetime.date,
    end: datetime.date | None,
    today: datetime.date,
    churn: str,
    active: list[int],
    former: list[int],
    caseloads: Caseloads,
    first_reason: str,
    change_reasons: tuple[tuple[str, int], ...],
) -> list[Segment]:
    stop = end or today
    changes = _change_days(rng, start=start, stop=stop, churn=churn, today=today)
    starts = [start, *changes]
    ends: list[datetime.date | None] = [*changes, end]
    reasons = [first_reason] + [weighted(rng, change_reasons) for _ in changes]
    workers = [0] * len(starts)
    # The current worker first (balanced across the team), then back through the history.
    last = len(starts) - 1
    if end is None:
        workers[last] = caseloads.pick(rng, active)
    else:
        workers[last] = rng.choice(active)
    for position in range(last - 1, -1, -1):
        following = workers[position + 1]
        if reasons[position + 1] == "LEFTRL" and former:
            workers[position] = rng.choice(former)
        else:
            options = [worker for worker in active if worker != following] or active
            workers[position] = rng.choice(options)
    return [
        Segment(
            start=starts[i],
            end=ends[i],
            worker=workers[i],
            reason=reasons[i],
            is_change=i > 0,
        )
        for i in range(len(starts))
    ]


def _adviser_start(plan: PersonPlan, rng: random.Random, today: datetime.date) -> datetime.date:
    """When the young person's first personal adviser was allocated."""
    b16 = plan.birthday(16)
    route = plan.route
    if route is Route.NEWLY_LOOKED_AFTER:
        day = plan.care_start + datetime.timedelta(days=rng.randint(3, 14))
    elif route is Route.QUALIFYING_SHORT_CARE:
        day = plan.care_start + datetime.timedelta(days=rng.randint(7, 30))
    elif route is Route.QUALIFYING_SGO:
        # Asked the leaving care service for advice some time after turning 16.
        day = b16 + datetime.timedelta(days=rng.randint(30, 400))
    else:
        # Introduced around the 16th birthday (Ofsted's "Ready or not"), or soon after coming
        # into care when that was later.
        day = max(
            b16 - datetime.timedelta(days=rng.randint(0, 45)),
            plan.care_start + datetime.timedelta(days=rng.randint(14, 60)),
        )
    return min(day, today - ONE_DAY)


def _allocations(
    plan: CaseworkPlan, *, staff: DemoStaff, caseloads: Caseloads, today: datetime.date
) -> None:
    person = plan.person
    rng = person.rng
    team = person.team
    churn = weighted(rng, (("stable", 57), ("usual", 35), ("high", 8)))
    adviser_start = _adviser_start(person, rng, today)
    first_reason = "PAINTRO" if person.route in INTRODUCED_AT_16 else "FIRST"
    plan.pa = _segments(
        rng,
        start=adviser_start,
        end=None,
        today=today,
        churn=churn,
        active=team.personal_advisers,
        former=team.former_personal_advisers,
        caseloads=caseloads,
        first_reason=first_reason,
        change_reasons=PA_CHANGE_REASONS,
    )

    # Social workers until 18, for children looked after or relevant; history only where it
    # reaches into the last three years.
    b18 = person.birthday(18)
    if person.route in (Route.QUALIFYING_SGO,) or not team.social_workers:
        return
    if person.route in (Route.QUALIFYING_SHORT_CARE, Route.QUALIFYING_HOME):
        sw_end: datetime.date | None = person.left_care
    else:
        sw_end = None if today < b18 else b18
    if sw_end is not None and sw_end < today - HISTORY_DAYS * ONE_DAY:
        return
    sw_churn = "stable" if churn == "stable" or rng.random() < 0.5 else "usual"
    plan.sw = _segments(
        rng,
        start=person.care_start,
        end=sw_end,
        today=today,
        churn=sw_churn,
        active=team.social_workers,
        former=team.former_social_workers,
        caseloads=caseloads,
        first_reason="FCONTA",
        change_reasons=SW_CHANGE_REASONS,
    )


def _visit_days(
    rng: random.Random, *, window: datetime.date, today: datetime.date
) -> tuple[list[datetime.date], str]:
    """Days the young person was seen, oldest first, and how up to date their visits are."""
    roll = rng.random()
    if roll < 0.015:
        # A visit a few weeks late, never by more than the story allows (story.py): most
        # standards ask for one at least every 6 or 8 weeks.
        standing, gap = "overdue", rng.randint(60, 42 + story.OVERDUE_LIMIT_DAYS)
    elif roll < 0.175:
        standing, gap = "due soon", rng.randint(43, 55)
    else:
        standing, gap = "up to date", rng.randint(1, 42)
    last = today - datetime.timedelta(days=gap)
    if last < window:
        # Newly allocated: the first visit comes soon after, unless it is only days ago.
        if (today - window).days <= 10 and rng.random() < 0.6:
            return [], "not yet visited"
        last = between(rng, window, min(window + 10 * ONE_DAY, today - ONE_DAY))
        standing = "new"
    days = [last]
    day = last
    while True:
        step = rng.randint(70, 110) if rng.random() < 0.05 else rng.randint(35, 63)
        day -= datetime.timedelta(days=step)
        if day < window:
            break
        days.append(day)
    days.reverse()
    return days, standing


def _contact(
    plan: CaseworkPlan,
    day: datetime.date,
    *,
    method: str,
    made_contact: bool = True,
) -> dict[str, Any] | None:
    person = plan.person
    rng = person.rng
    under_18 = day < person.birthday(18)
    worker = plan.worker_on(day, prefer_social_worker=under_18 and rng.random() < 0.35)
    if worker is None:
        return None
    seen = made_contact and method in (ContactMethod.HOME_VISIT, ContactMethod.OFFICE)
    if made_contact and method == ContactMethod.OTHER:
        seen = True  # met in a café, at college or at an appointment
    purposes: tuple[str, ...] = wording.PURPOSES
    if person.young_person.is_separated_migrant and rng.random() < 0.3:
        purposes = wording.MIGRANT_PURPOSES
    views = ""
    if made_contact and rng.random() < (0.85 if seen else 0.4):
        views = rng.choice(wording.VIEWS)
    if not made_contact:
        notes = ""
    elif seen:
        notes = rng.choice(wording.VISIT_NOTES)
    else:
        notes = rng.choice(wording.CALL_NOTES)
    occurred_at = aware(day, rng.randint(9, 17), rng.choice((0, 15, 30, 45)))
    return {
        "worker_id": worker,
        "occurred_at": occurred_at,
        "method": method,
        "made_contact": made_contact,
        "failed_reason": "" if made_contact else rng.choice(wording.FAILED_REASONS),
        "seen": seen,
        "seen_alone": seen and rng.random() < 0.75,
        "purpose": rng.choice(purposes),
        "young_persons_views": views,
        "notes": notes,
        "written_to_young_person": made_contact and rng.random() < 0.05,
        "created_at": occurred_at,
        "created_by_id": worker,
        "modified_by_id": worker,
    }


def _contacts(plan: CaseworkPlan, *, today: datetime.date, standard: ContactStandard) -> None:
    person = plan.person
    rng = person.rng
    starts = [segment.start for segment in (*plan.pa, *plan.sw)]
    window = max([today - HISTORY_DAYS * ONE_DAY, *([min(starts)] if starts else [])])
    visits, standing = _visit_days(rng, window=window, today=today)
    planned: list[tuple[datetime.date, str, bool]] = []
    for position, day in enumerate(visits):
        method = weighted(
            rng,
            (
                (ContactMethod.HOME_VISIT.value, 65),
                (ContactMethod.OFFICE.value, 25),
                (ContactMethod.OTHER.value, 10),
            ),
        )
        if rng.random() < 0.07:
            tried = day - datetime.timedelta(days=rng.randint(2, 6))
            if tried >= window and (position == 0 or tried > visits[position - 1]):
                planned.append((tried, ContactMethod.HOME_VISIT.value, False))
        planned.append((day, method, True))
        following = visits[position + 1] if position + 1 < len(visits) else None
        if following is not None:
            for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
                if (following - day).days > 8:
                    planned.append(
                        (
                            between(rng, day + 3 * ONE_DAY, following - 3 * ONE_DAY),
                            weighted(
                                rng,
                                (
                                    (ContactMethod.PHONE.value, 50),
                                    (ContactMethod.MESSAGE.value, 35),
                                    (ContactMethod.VIDEO.value, 15),
                                ),
                            ),
                            True,
                        )
                    )
    if visits:
        since = (today - visits[-1]).days
        if since > 20 and rng.random() < 0.5:
            day = between(rng, visits[-1] + 7 * ONE_DAY, today - ONE_DAY)
            planned.append((day, ContactMethod.PHONE.value, True))
        if standing == "overdue" and rng.random() < 0.6:
            # Overdue because the young person has not been in when the adviser called.
            for _ in range(rng.randint(1, 2)):
                day = between(rng, visits[-1] + 50 * ONE_DAY, today - ONE_DAY)
                planned.append((day, ContactMethod.HOME_VISIT.value, False))
    planned.sort(key=lambda item: item[0])
    for day, method, made_contact in planned:
        contact = _contact(plan, day, method=method, made_contact=made_contact)
        if contact is not None:
            plan.contacts.append(contact)

    young_person = person.young_person
    # A visit is a contact in which the young person was seen (Contact.is_visit).
    made = [contact["occurred_at"].date() for contact in plan.contacts if contact["made_contact"]]
    seen = [
        contact["occurred_at"].date()
        for contact in plan.contacts
        if contact["made_contact"] and contact["seen"]
    ]
    young_person.last_contact_on = max(made) if made else None
    young_person.last_visit_on = max(seen) if seen else None
    set_contact_due(young_person, today=today, standard=standard)


def set_contact_due(
    young_person: YoungPerson,
    *,
    today: datetime.date,
    standard: ContactStandard,
    inputs: Mapping[str, Any] | None = None,
) -> None:
    """Store the next contact due as the casework service does (its ``_due_fields``).

    ``inputs`` are what other capabilities supply (accommodation starts, review dates); the
    demo has none of those records yet, so they are usually empty and the engine's defaults
    apply, as in the service.
    """
    on = today
    if young_person.last_visit_on is None:
        # Never visited: "due now" is anchored to the day the service took them on, so it
        # stays put and becomes overdue rather than moving forward every day.
        on = min(
            today,
            max(
                engine_birthday(young_person.date_of_birth, 16),
                timezone.localtime(young_person.created_at).date(),
            ),
        )
    due = next_contact_due(
        date_of_birth=young_person.date_of_birth,
        on=on,
        last_visit=young_person.last_visit_on,
        standard=standard,
        chose_less_contact=young_person.chose_less_contact,
        **(inputs or {}),
    )
    young_person.next_contact_due = due.due
    young_person.next_contact_rule = due.rule[:255]


def _name(young_person: YoungPerson) -> str:
    return young_person.preferred_name or young_person.first_name


def _case_notes(plan: CaseworkPlan, *, today: datetime.date) -> None:
    person = plan.person
    rng = person.rng
    young_person = person.young_person
    window = max(today - HISTORY_DAYS * ONE_DAY, plan.pa[0].start)
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 5))):
        day = between(rng, window, today - ONE_DAY)
        author = plan.worker_on(day, prefer_social_worker=False) or person.team.manager_id
        roll = rng.random()
        to_young_person = roll < 0.1
        third_party = ""
        if to_young_person:
            title, body = rng.choice(wording.CASE_NOTES_TO_YOUNG_PERSON)
        elif roll < 0.22:
            third_party, title, body = rng.choice(wording.THIRD_PARTY_NOTES)
        else:
            title, body = rng.choice(wording.CASE_NOTES)
        plan.case_notes.append(
            CaseNote(
                author_id=author,
                written_on=day,
                title=title,
                body=body.format(name=_name(young_person)),
                written_to_young_person=to_young_person,
                contains_third_party_information=bool(third_party),
                third_party_description=third_party,
                created_at=aware(day, 16),
                created_by_id=author,
                modified_by_id=author,
            )
        )


def _alerts(plan: CaseworkPlan, *, today: datetime.date) -> None:
    rng = plan.person.rng
    adviser = plan.current_pa
    for kind, share in (
        (AlertKind.SAFEGUARDING, 0.06),
        (AlertKind.RISK_TO_STAFF, 0.03),
        (AlertKind.HEALTH, 0.02),
    ):
        if rng.random() >= share:
            continue
        raised = between(rng, max(plan.pa[0].start, today - 700 * ONE_DAY), today - ONE_DAY)
        plan.alerts.append(
            Alert(
                kind=kind,
                description=rng.choice(wording.ALERTS[kind]),
                raised_on=raised,
                created_at=aware(raised, 12),
                created_by_id=adviser,
                modified_by_id=adviser,
            )
        )
    if rng.random() < 0.03:
        # An alert that is no longer active.
        raised = between(rng, max(plan.pa[0].start, today - 1000 * ONE_DAY), today - 60 * ONE_DAY)
        ended = between(rng, raised + 14 * ONE_DAY, today - ONE_DAY)
        plan.alerts.append(
            Alert(
                kind=AlertKind.SAFEGUARDING,
                description=rng.choice(wording.ALERTS["safeguarding"]),
                raised_on=raised,
                ended_on=ended,
                created_at=aware(raised, 12),
                created_by_id=adviser,
                modified_by_id=adviser,
            )
        )


def _about_me(plan: CaseworkPlan, *, today: datetime.date) -> None:
    person = plan.person
    rng = person.rng
    if rng.random() >= 0.45:
        return
    young_person = person.young_person
    earliest = max(plan.pa[0].start, today - 730 * ONE_DAY)
    written_on = between(rng, earliest, today - ONE_DAY)
    writer = plan.worker_on(written_on, prefer_social_worker=False) or plan.pa[-1].worker
    name = _name(young_person)
    opening = rng.choice(wording.ABOUT_ME_OPENINGS).format(
        name=young_person.first_name,
        short=name,
        age=young_person.age_on(written_on),
    )
    summary = " ".join(
        (opening, rng.choice(wording.ABOUT_ME_LIKES), rng.choice(wording.ABOUT_ME_ASKS))
    )
    do_not_ask = rng.choice(wording.DO_NOT_ASK)
    if young_person.is_separated_migrant and rng.random() < 0.6:
        do_not_ask = "My journey to the UK."
    agreed = None
    if rng.random() < 0.85:
        agreed = min(written_on + datetime.timedelta(days=rng.randint(0, 21)), today)
    plan.about_me = AboutMe(
        summary=summary,
        please_do_not_ask=do_not_ask,
        written_by_id=writer,
        written_on=written_on,
        agreed_by_young_person_on=agreed,
        version=2 if agreed else 1,
        created_at=aware(written_on, 15),
        created_by_id=writer,
        modified_by_id=writer,
    )


def _restriction(plan: CaseworkPlan, *, staff: DemoStaff) -> None:
    person = plan.person
    rng = person.rng
    adviser = plan.current_pa
    # One young person in fifty, spread evenly so even a small demo has one, and a few more
    # for the demo adviser so a visitor signed in as them can open one.
    chosen = person.index % RESTRICTED_EVERY == 7
    extra = adviser == staff.demo_pa_id and rng.random() < RESTRICTED_SHARE_DEMO_ADVISER
    if adviser is None or not (chosen or extra):
        return
    young_person = person.young_person
    young_person.is_restricted = True
    young_person.restriction_reason = rng.choice(wording.RESTRICTION_REASONS)
    named = [adviser, plan.current_sw, person.team.manager_id]
    plan.restricted_to = sorted({worker for worker in named if worker})


def _duty(plan: CaseworkPlan, *, staff: DemoStaff, today: datetime.date) -> None:
    person = plan.person
    rng = person.rng
    adviser = plan.current_pa
    share = DUTY_SHARE_DEMO_ADVISER if adviser == staff.demo_pa_id else DUTY_SHARE
    if adviser is None or not staff.duty_worker_id or rng.random() >= share:
        return
    name = _name(person.young_person)
    caller, method, need, action = rng.choice(wording.DUTY_CALLS)
    # The demo adviser's calls are recent, so a visitor signed in as them sees them unread.
    days_ago = rng.randint(1, 5) if adviser == staff.demo_pa_id else rng.randint(1, 14)
    day = today - datetime.timedelta(days=days_ago)
    occurred_at = aware(day, rng.randint(8, 19), rng.randint(0, 59))
    plan.duty.append(
        _duty_log_entry(
            staff,
            occurred_at,
            caller=caller.format(name=name),
            method=method,
            need=need.format(name=name),
            action_taken=action.format(name=name),
            passed_to_id=adviser,
            urgent=rng.random() < 0.15,
        )
    )


def _duty_log_entry(
    staff: DemoStaff,
    occurred_at: datetime.datetime,
    *,
    caller: str,
    method: str,
    need: str,
    action_taken: str,
    passed_to_id: int | None = None,
    urgent: bool = False,
) -> DutyLogEntry:
    """A call the demo's duty worker took and wrote up in the duty log as it happened."""
    return DutyLogEntry(
        occurred_at=occurred_at,
        duty_worker_id=staff.duty_worker_id,
        caller=caller,
        method=method,
        need=need,
        action_taken=action_taken,
        passed_to_id=passed_to_id,
        urgent=urgent,
        created_at=occurred_at,
        created_by_id=staff.duty_worker_id,
        modified_by_id=staff.duty_worker_id,
    )


def plan_casework(
    person: PersonPlan,
    *,
    staff: DemoStaff,
    caseloads: Caseloads,
    standard: ContactStandard,
    today: datetime.date,
) -> CaseworkPlan:
    plan = CaseworkPlan(person=person)
    _allocations(plan, staff=staff, caseloads=caseloads, today=today)
    # The record was created when the service first took the young person on.
    first = min(segment.start for segment in (*plan.pa, *plan.sw))
    person.young_person.created_at = aware(first, 9)
    _contacts(plan, today=today, standard=standard)
    _case_notes(plan, today=today)
    _alerts(plan, today=today)
    _about_me(plan, today=today)
    _restriction(plan, staff=staff)
    _duty(plan, staff=staff, today=today)
    return plan


def _link(view: str, pk: int) -> str:
    # The pages are other engineers' and may move; a notification without a link still reads.
    try:
        return reverse(view, kwargs={"pk": pk})
    except NoReverseMatch:
        return ""


def _allocation_notifications(plan: CaseworkPlan, *, today: datetime.date) -> list[Notification]:
    """What the allocation service tells a newly allocated worker, for recent allocations."""
    young_person = plan.person.young_person
    notifications = []
    for role, segments in (
        (WorkerRole.PERSONAL_ADVISER, plan.pa),
        (WorkerRole.SOCIAL_WORKER, plan.sw),
    ):
        current = segments[-1] if segments and segments[-1].end is None else None
        if current is None or (today - current.start).days > RECENT_DAYS:
            continue
        sent = aware(current.start, 9, 30)
        notifications.append(
            Notification(
                recipient_id=current.worker,
                young_person_id=young_person.pk,
                kind="allocation",
                message=(
                    f"You are now {young_person.display_name}'s {role.label.lower()}, from "
                    f"{format_date(current.start)}. Read their \u201cabout me\u201d first."
                ),
                link=_link("people:overview", young_person.pk),
                created_at=sent,
                read_at=sent + datetime.timedelta(hours=3)
                if (today - current.start).days > UNREAD_DAYS
                else None,
            )
        )
    return notifications


def _duty_notifications(
    entry: DutyLogEntry, plan: CaseworkPlan, *, today: datetime.date
) -> list[Notification]:
    """What the duty service tells the young person's workers and whoever it was passed to."""
    recipients = {worker for worker in (plan.current_pa, plan.current_sw) if worker}
    if entry.passed_to_id is not None:
        recipients.add(entry.passed_to_id)
    recipients.discard(entry.duty_worker_id)
    when = timezone.localtime(entry.occurred_at)
    about = f" about {plan.person.young_person.display_name}"
    sent = entry.occurred_at + datetime.timedelta(minutes=10)
    read = (today - when.date()).days > UNREAD_DAYS
    notifications = []
    for recipient in sorted(recipients):
        passed = " and passed it to you" if recipient == entry.passed_to_id else ""
        notifications.append(
            Notification(
                recipient_id=recipient,
                young_person_id=entry.young_person_id,
                kind="duty",
                message=(
                    f"Duty: {entry.get_method_display().lower()} from {entry.caller}{about} on "
                    f"{format_date(when.date())} at {when:%H:%M}{passed}. They needed: "
                    f"{_shorten(entry.need, 200)}"
                )[:500],
                link=_link("casework:duty_detail", entry.pk),
                urgent=entry.urgent,
                created_at=sent,
                read_at=sent + datetime.timedelta(hours=2) if read else None,
            )
        )
    return notifications


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def save_casework(plans: list[CaseworkPlan], *, today: datetime.date, batch_size: int) -> None:
    """Write everything planned, once the young people have their ids."""
    allocations: list[dict[str, Any]] = []
    contacts: list[dict[str, Any]] = []
    notes: list[CaseNote] = []
    alerts: list[Alert] = []
    about: list[AboutMe] = []
    entries: list[DutyLogEntry] = []
    notifications: list[Notification] = []
    restricted: list[dict[str, Any]] = []
    for plan in plans:
        young_person_id = plan.person.young_person.pk
        for role, segments in (
            (WorkerRole.PERSONAL_ADVISER.value, plan.pa),
            (WorkerRole.SOCIAL_WORKER.value, plan.sw),
        ):
            allocations += [
                {
                    "young_person_id": young_person_id,
                    "worker_id": segment.worker,
                    "role": role,
                    "start": segment.start,
                    "end": segment.end,
                    "reason": segment.reason,
                    "reason_note": wording.ALLOCATION_NOTES.get(segment.reason, ""),
                    "is_change": segment.is_change,
                    "created_at": aware(segment.start, 9),
                }
                for segment in segments
            ]
        for contact in plan.contacts:
            contact["young_person_id"] = young_person_id
            contacts.append(contact)
        for note in plan.case_notes:
            note.young_person_id = young_person_id
            notes.append(note)
        for alert in plan.alerts:
            alert.young_person_id = young_person_id
            alerts.append(alert)
        if plan.about_me is not None:
            plan.about_me.young_person_id = young_person_id
            about.append(plan.about_me)
        for entry in plan.duty:
            entry.young_person_id = young_person_id
            entries.append(entry)
        notifications += _allocation_notifications(plan, today=today)
        restricted += [
            {"youngperson_id": young_person_id, "user_id": user_id}
            for user_id in plan.restricted_to
        ]
    write_rows(Allocation, allocations, batch_size=batch_size)
    write_rows(Contact, contacts, batch_size=batch_size)
    write_rows(CaseNote, notes, batch_size=batch_size)
    write_rows(Alert, alerts, batch_size=batch_size)
    write_rows(AboutMe, about, batch_size=batch_size)
    # Duty entries need their ids for the links in their notifications; there are few of them.
    DutyLogEntry.objects.bulk_create(entries, batch_size=batch_size)
    by_young_person = {plan.person.young_person.pk: plan for plan in plans}
    for entry in entries:
        assert entry.young_person_id is not None
        notifications += _duty_notifications(
            entry, by_young_person[entry.young_person_id], today=today
        )
    write_rows(Notification, notifications, batch_size=batch_size)
    write_rows(YoungPerson.restricted_to.through, restricted, batch_size=batch_size)
    write_rows(Appointment, _appointments(plans, today=today), batch_size=batch_size)


# Where the demo's booked visits are, as the young person reads them.
APPOINTMENT_PLACES = ("at your home", "at the Leaving Care office", "at the café on Market Street")


def _appointments(plans: list[CaseworkPlan], *, today: datetime.date) -> list[dict[str, Any]]:
    """One in three young people with a personal adviser has a visit booked in the next
    fortnight (chosen by their id, so the demo is the same each time it is made)."""
    rows = []
    for plan in plans:
        young_person = plan.person.young_person
        if plan.current_pa is None or young_person.pk % 3:
            continue
        day = today + datetime.timedelta(days=1 + young_person.pk % 14)
        # Advisers work Monday to Friday: a visit that would fall at the weekend is on Monday.
        day += datetime.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)
        rows.append(
            {
                "young_person_id": young_person.pk,
                "worker_id": plan.current_pa,
                "kind": AppointmentKind.VISIT.value,
                "starts_at": aware(day, 10 if young_person.pk % 2 else 14),
                "place": APPOINTMENT_PLACES[young_person.pk % len(APPOINTMENT_PLACES)],
                "created_at": aware(today, 9),
                "created_by_id": plan.current_pa,
                "modified_by_id": plan.current_pa,
            }
        )
    return rows


def apply_contact_due_inputs(
    plans: list[CaseworkPlan], *, today: datetime.date, standard: ContactStandard
) -> None:
    """Recompute next contact due where other capabilities supply inputs for a young person.

    Providers (accommodation, plans) read their own tables, so they can only be asked once the
    young people are saved. The demo has none of their records yet, so this usually changes
    nothing, but a later demo part that adds them is then honoured without changes here.
    """
    by_id = {plan.person.young_person.pk: plan for plan in plans}
    inputs = contact_due_inputs_for(young_person_ids=sorted(by_id), today=today)
    changed = []
    visits: list[dict[str, Any]] = []
    for young_person_id in sorted(inputs):
        plan = by_id[young_person_id]
        young_person = plan.person.young_person
        before = (young_person.next_contact_due, young_person.next_contact_rule)
        set_contact_due(
            young_person, today=today, standard=standard, inputs=inputs[young_person_id]
        )
        due = young_person.next_contact_due
        if due is not None and due < today - MOVE_VISIT_GRACE and due != before[0]:
            # A move (or a review) the visits were not planned around: the worker visited in
            # the week it asked for, as a decent council does (story.py).
            visit = _contact(
                plan,
                min(due - ONE_DAY * plan.person.rng.randint(0, 5), today - ONE_DAY),
                method=ContactMethod.HOME_VISIT.value,
            )
            if visit is not None:
                visit["young_person_id"] = young_person_id
                visits.append(visit)
                plan.contacts.append(visit)
                day = visit["occurred_at"].date()
                young_person.last_visit_on = max(young_person.last_visit_on or day, day)
                young_person.last_contact_on = max(young_person.last_contact_on or day, day)
                set_contact_due(
                    young_person, today=today, standard=standard, inputs=inputs[young_person_id]
                )
        if (young_person.next_contact_due, young_person.next_contact_rule) != before:
            changed.append(young_person)
    write_rows(Contact, visits, batch_size=500)
    YoungPerson.objects.bulk_update(
        changed,
        ["next_contact_due", "next_contact_rule", "last_visit_on", "last_contact_on"],
        batch_size=500,
    )


def general_duty_calls(
    *, seed: int, staff: DemoStaff, today: datetime.date, young_people: int
) -> list[DutyLogEntry]:
    """Duty calls that are not about one young person (professionals asking for advice)."""
    rng = random.Random(f"careleavers-demo:{seed}:duty")
    entries = []
    for _ in range(max(3, young_people // 200)):
        caller, method, need, action = rng.choice(wording.DUTY_CALLS_NO_YOUNG_PERSON)
        occurred_at = aware(
            today - datetime.timedelta(days=rng.randint(1, 14)), rng.randint(9, 17)
        )
        entries.append(
            _duty_log_entry(
                staff, occurred_at, caller=caller, method=method, need=need, action_taken=action
            )
        )
    return entries
