"""Reads for the returns: the care leavers of a year with the facts their OC3 values need, and
the Annex A List 9 rows.

Each read costs a constant number of queries whatever the cohort's size. Returns include every
live young person who meets the statutory definition, restricted records too: a return holds no
names, and a statutory return that silently left some young people out would be wrong.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import DateField, Max, Q
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from careleavers.casework.models import Allocation, Contact, WorkerRole
from careleavers.core import dfe_codes
from careleavers.core.dates import add_months
from careleavers.core.file_jobs import Progress
from careleavers.core.models import FileJob
from careleavers.core.return_preview import ReturnPreview
from careleavers.people.category import Category
from careleavers.people.models import CareEpisode, HomePeriod, ReportedCategory, YoungPerson
from careleavers.returns import annex_a, outcomes, ssda903
from careleavers.returns.models import CareLeaverOutcome, ValidationRun, ValidationStatus

# Young people aged 17 to 25 at some point in a collection year were born in these years.
OLDEST_AGE = 26


def _start_of(day: date) -> datetime.datetime:
    """The moment ``day`` begins in England (midnight always exists here: the clocks change at
    1 and 2 in the morning)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _contacts_by_person(
    ids: Sequence[int], start: date, end: date
) -> dict[int, list[ssda903.Contact]]:
    """Each young person's contacts made between two days. Attempts that did not reach them
    count for nothing in the return (ssda903 reads only contacts made), so they are not read."""
    found: dict[int, list[ssda903.Contact]] = defaultdict(list)
    # The day in England is worked out by the database (TruncDate uses the current time zone):
    # converting a million or more timestamps one by one in Python took most of an export. As
    # a plain date (Cast), no converter looks at each of them again on the way back. The days
    # are bounded by the times they start (an index range, with no conversion per row), and
    # the rows come unsorted: sorting a million contacts by the model's order cost 0.8 s.
    rows = (
        Contact.objects.filter(
            young_person_id__any=ids,
            made_contact=True,
            occurred_at__gte=_start_of(start),
            occurred_at__lt=_start_of(end + datetime.timedelta(days=1)),
        )
        .order_by()
        .annotate(day=Cast(TruncDate("occurred_at"), DateField()))
        .values_list("young_person_id", "day")
    )
    for young_person_id, day in rows:
        found[young_person_id].append(ssda903.Contact(day, True))
    return found


def _home_spells(ids: Sequence[int]) -> dict[int, list[ssda903.HomeSpell]]:
    found: dict[int, list[ssda903.HomeSpell]] = defaultdict(list)
    for young_person_id, start, end in (
        HomePeriod.objects.filter(young_person_id__any=ids)
        .order_by()
        .values_list("young_person_id", "start", "end")
    ):
        found[young_person_id].append(ssda903.HomeSpell(start, end))
    return found


def _facts_of(
    ids: Sequence[int],
    contacts: Mapping[int, Sequence[ssda903.Contact]],
    homes: Mapping[int, Sequence[ssda903.HomeSpell]],
    activities: Mapping[int, Sequence[ssda903.ActivitySpell]],
    accommodations: Mapping[int, Sequence[ssda903.AccommodationSpell]],
) -> dict[int, ssda903.Oc3Facts]:
    """Each young person's facts from what was read for all of them, with the statuses."""
    statuses = outcomes.statuses_for(ids)
    return {
        young_person_id: ssda903.Oc3Facts(
            contacts=tuple(contacts.get(young_person_id, ())),
            activities=tuple(activities.get(young_person_id, ())),
            accommodations=tuple(accommodations.get(young_person_id, ())),
            statuses=tuple(statuses.get(young_person_id, ())),
            home_spells=tuple(homes.get(young_person_id, ())),
        )
        for young_person_id in ids
    }


def oc3_facts_for(ids: Sequence[int], *, start: date, end: date) -> dict[int, ssda903.Oc3Facts]:
    """Everything recorded that the OC3 values depend on, for values whose window lies between
    ``start`` and ``end``: the contacts between them, and the activities and stays on any day
    between them (a window's values never look at a spell wholly outside it)."""
    contacts = _contacts_by_person(ids, start, end)
    homes = _home_spells(ids)
    activities = outcomes.activities_for(ids, during=(start, end))
    accommodations = outcomes.accommodations_for(ids, during=(start, end))
    return _facts_of(ids, contacts, homes, activities, accommodations)


@dataclass
class Ssda903Return:
    """The four tables of a care-leaver return, as rows of strings keyed by column."""

    year: int
    header: list[dict[str, str]] = field(default_factory=list)
    episodes: list[dict[str, str]] = field(default_factory=list)
    uasc: list[dict[str, str]] = field(default_factory=list)
    oc3: list[dict[str, str]] = field(default_factory=list)
    # What the return cannot say from the records, to be recorded: child ID, note.
    gaps: list[tuple[str, str]] = field(default_factory=list)
    # Rows whose window (a birthday still to come, or the year still running) is open: child
    # ID, the day the values are about. They can change before the return is sent.
    provisional: list[tuple[str, str]] = field(default_factory=list)
    # Young people in the return because a return imported for the year had them, not because
    # their care history held here shows it (the OC3 row is the one returned).
    as_returned: int = 0
    considered: int = 0
    excluded: Counter[str] = field(default_factory=Counter)

    @property
    def tables(self) -> dict[str, tuple[tuple[str, ...], list[dict[str, str]]]]:
        return {
            "header": (ssda903.HEADER_COLUMNS, self.header),
            "episodes": (ssda903.EPISODES_COLUMNS, self.episodes),
            "uasc": (ssda903.UASC_COLUMNS, self.uasc),
            "oc3": (ssda903.OC3_COLUMNS, self.oc3),
        }


class Candidate(NamedTuple):
    """The fields of a young person the return's header, UASC and OC3 rows read, as plain
    values: tens of thousands of rows, so no model instance is built for each."""

    pk: int
    child_id: str
    sex: str
    date_of_birth: date
    ethnicity: str
    upn: str
    upn_unknown_reason: str
    is_separated_migrant: bool


def _candidates(year: int, young_person_ids: Sequence[int] | None) -> list[Candidate]:
    end = ssda903.collection_end(year)
    # Born after 31 March (year - 26) and reaching 17 by 31 March (year).
    oldest = date(end.year - OLDEST_AGE, end.month, end.day) + datetime.timedelta(days=1)
    youngest = date(end.year - 17, end.month, end.day)
    people = YoungPerson.objects.live()
    if young_person_ids is not None:
        people = people.filter(pk__in=list(young_person_ids))
    rows = (
        people.filter(date_of_birth__gte=oldest, date_of_birth__lte=youngest)
        .order_by("child_id")
        .values_list(*Candidate._fields)
    )
    return [Candidate(*row) for row in rows]


class EpisodeFacts(NamedTuple):
    """The fields of a care episode the return reads, without building a model instance for
    each of the hundred thousand or more episodes (most of an export's time went on that)."""

    start: date
    end: date | None
    reason_new_episode: str
    legal_status: str
    category_of_need: str
    placement_type: str
    placement_provider: str
    reason_ended: str
    reason_place_change: str
    home_postcode: str
    placement_postcode: str
    urn: str


def _episodes_by_person(ids: Sequence[int]) -> dict[int, list[EpisodeFacts]]:
    found: dict[int, list[EpisodeFacts]] = defaultdict(list)
    rows = (
        CareEpisode.objects.filter(young_person_id__any=ids)
        .order_by("young_person_id", "start")
        .values_list("young_person_id", *EpisodeFacts._fields)
    )
    for young_person_id, *fields in rows:
        found[young_person_id].append(EpisodeFacts(*fields))
    return found


def _episode_row(young_person: Candidate | YoungPerson, episode: EpisodeFacts) -> dict[str, str]:
    return {
        "CHILD": young_person.child_id,
        "DECOM": ssda903.format_date(episode.start),
        "RNE": episode.reason_new_episode,
        "LS": episode.legal_status,
        "CIN": episode.category_of_need,
        "PLACE": episode.placement_type,
        "PLACE_PROVIDER": episode.placement_provider,
        "DEC": ssda903.format_date(episode.end),
        "REC": episode.reason_ended,
        "REASON_PLACE_CHANGE": episode.reason_place_change,
        "HOME_POST": episode.home_postcode.upper(),
        "PL_POST": episode.placement_postcode.upper(),
        "URN": episode.urn,
    }


def _mother(
    person: Candidate,
    in_year: Sequence[EpisodeFacts],
    parenting: outcomes.Parenting | None,
    year: int,
) -> tuple[str, str, str]:
    """MOTHER, MC_DOB and a gap note for one young person in the return.

    Asked of young women looked after in the year (rules 393 and 607), and only of them: blank
    for care leavers with no episode in the year (rule 628) or only short breaks (rule 399),
    and for young men (rule 174). MOTHER is 1 when her first child was born by the end of the
    year or the day she ceased to be looked after, whichever is first (rule 625), with MC_DOB.
    """
    looked_after = [e for e in in_year if e.legal_status not in ssda903.SHORT_BREAKS]
    if person.sex != "F" or not looked_after:
        return "", "", ""
    last = max(looked_after, key=lambda episode: episode.start)
    by = ssda903.collection_end(year)
    if last.end is not None and last.end < by:
        by = last.end
    if parenting is None or not parenting.is_parent:
        return "0", "", ""
    if parenting.first_child_born_on is None:
        return (
            "",
            "",
            "A parent, but the health record has no date of birth for their first child "
            "(MOTHER and MC_DOB need it).",
        )
    if parenting.first_child_born_on <= by:
        return "1", ssda903.format_date(parenting.first_child_born_on), ""
    return "0", "", ""


def _oc3_row(
    *,
    date_of_birth: date,
    episodes: Sequence[EpisodeFacts],
    facts: ssda903.Oc3Facts,
    outcome: CareLeaverOutcome | None,
    year: int,
    today: date | None,
) -> ssda903.Oc3Values | ssda903.CohortDecision:
    """The OC3 values the return of ``year`` holds for one young person, or why it holds none:
    the imported return's values where there is one, otherwise the cohort decision and values
    worked out from the records. The export and the DfE in-touch indicator both ask this."""
    if outcome is not None:
        return ssda903.Oc3Values(
            outcome.in_touch, outcome.activ, outcome.accom, ssda903.collection_end(year)
        )
    decision = ssda903.oc3_cohort_decision(
        date_of_birth=date_of_birth,
        episodes=[
            ssda903.Episode(e.start, e.end, e.legal_status, e.reason_ended) for e in episodes
        ],
        year=year,
        in_touch_in_year=ssda903.contacted_in_year(facts.contacts, year),
    )
    if not decision.included:
        return decision
    return ssda903.oc3_values_for_year(facts, date_of_birth=date_of_birth, year=year, today=today)


def ssda903_return_for(
    year: int,
    *,
    today: date | None = None,
    young_person_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> Ssda903Return:
    """The care-leaver cohort of collection ``year`` as 903 tables (data-standards.md 1.3).

    A young person an imported return had in the year's OC3 table is in it again with the
    values returned, whatever the care history held here shows: the return is the evidence,
    and a round trip through import and export is exact. ``today`` marks rows provisional
    while their window is still open. ``young_person_ids`` limits it to some young people (the
    staff pages show one young person's rows, decided exactly as the export decides them).
    ``progress`` (a background export's) is told each step and each young person done.
    """
    result = Ssda903Return(year=year)
    people = _candidates(year, young_person_ids)
    result.considered = len(people)
    if progress is not None:
        progress.step(f"Reading the records of {len(people):,} young people.")
    ids = [person.pk for person in people]
    start, end = ssda903.collection_start(year), ssda903.collection_end(year)
    window_start = add_months(start, -ssda903.WINDOW_MONTHS_BEFORE)
    window_end = add_months(end, ssda903.WINDOW_MONTHS_AFTER)
    facts = oc3_facts_for(ids, start=window_start, end=window_end)
    returned = {
        outcome.young_person_id: outcome
        for outcome in CareLeaverOutcome.objects.filter(
            young_person_id__any=ids, collection_year=year
        )
    }
    episodes_of = _episodes_by_person(ids)
    parenting = outcomes.parenting_for(ids)
    if progress is not None:
        progress.step("Working out each young person's rows.", total=len(people))
    for person in progress.counted(people) if progress is not None else people:
        episodes = episodes_of.get(person.pk, [])
        person_facts = facts[person.pk]
        outcome = returned.get(person.pk)
        values = _oc3_row(
            date_of_birth=person.date_of_birth,
            episodes=episodes,
            facts=person_facts,
            outcome=outcome,
            year=year,
            today=today,
        )
        if isinstance(values, ssda903.CohortDecision):
            result.excluded[values.reason] += 1
            continue
        if outcome is not None:
            result.as_returned += 1
        dob = ssda903.format_date(person.date_of_birth)
        in_year = [e for e in episodes if ssda903.episode_in_year(e.start, e.end, year)]
        mother, first_child, mother_gap = _mother(person, in_year, parenting.get(person.pk), year)
        result.header.append(
            {
                "CHILD": person.child_id,
                "SEX": person.sex,
                "DOB": dob,
                "ETHNIC": person.ethnicity,
                "UPN": person.upn or person.upn_unknown_reason,
                "MOTHER": mother,
                "MC_DOB": first_child,
            }
        )
        if mother_gap:
            result.gaps.append((person.child_id, mother_gap))
        result.episodes.extend(_episode_row(person, episode) for episode in in_year)
        # Rule 1014: no UASC row for a care leaver without an episode in the year.
        if person.is_separated_migrant and in_year:
            result.uasc.append(
                {
                    "CHILD": person.child_id,
                    "SEX": person.sex,
                    "DOB": dob,
                    "DUC": ssda903.format_date(ssda903.uasc_ceased(person.date_of_birth)),
                }
            )
        result.oc3.append(
            {
                "CHILD": person.child_id,
                "DOB": dob,
                "IN_TOUCH": values.in_touch,
                "ACTIV": values.activ or "",
                "ACCOM": values.accom or "",
            }
        )
        if not values.is_complete:
            result.gaps.extend((person.child_id, note) for note in values.notes)
        if values.provisional:
            result.provisional.append(
                (person.child_id, ssda903.as_at_description(person.date_of_birth, year))
            )
    return result


def birthday_in_touch(ids: Sequence[int], *, on: date) -> dict[int, str]:
    """IN_TOUCH for those of ``ids`` whose 17th to 21st birthday fell in the 12 months up to
    ``on`` and who are in the OC3 cohort for it, keyed by young person: what the 903 return of
    that birthday's collection year says (docs/data/ssda903.md section 2), decided by the
    export's own rules (`_oc3_row`) with the contacts made by ``on``.

    The latest birthday on or before ``on`` is always within those 12 months, so the
    candidates are those aged 17 to 21 on the day. Contact after ``on`` is not counted, so a
    past day counts as things stood then, and a birthday in the last month may yet be reached
    (its window runs to a month after it). A constant number of queries.
    """
    this_year = ssda903.collection_year_of(on)
    birthdays: dict[int, tuple[date, int]] = {}
    for pk, date_of_birth in YoungPerson.objects.filter(pk__any=list(ids)).values_list(
        "pk", "date_of_birth"
    ):
        year = this_year
        age, day = ssda903.birthday_in_year(date_of_birth, year)
        if day > on:
            year -= 1
            age, day = ssda903.birthday_in_year(date_of_birth, year)
        if age in ssda903.BIRTHDAY_AGES:
            birthdays[pk] = (date_of_birth, year)
    cohort = list(birthdays)
    earliest = ssda903.add_months(on, -12 - ssda903.WINDOW_MONTHS_BEFORE)
    # A birthday's window can run past ``on``, so its ACTIV and ACCOM may miss a spell starting
    # after ``on``; only IN_TOUCH is read here, and it does not depend on them.
    facts = oc3_facts_for(cohort, start=earliest, end=on)
    episodes_of = _episodes_by_person(cohort)
    returned = {
        (outcome.young_person_id, outcome.collection_year): outcome
        for outcome in CareLeaverOutcome.objects.filter(
            young_person_id__any=cohort, collection_year__in=[this_year - 1, this_year]
        )
    }
    found: dict[int, str] = {}
    for pk, (date_of_birth, year) in birthdays.items():
        values = _oc3_row(
            date_of_birth=date_of_birth,
            episodes=episodes_of.get(pk, []),
            facts=facts[pk],
            outcome=returned.get((pk, year)),
            year=year,
            today=on,
        )
        if isinstance(values, ssda903.Oc3Values):
            found[pk] = values.in_touch
    return found


def return_previews(young_person_id: int, today: date) -> list[ReturnPreview]:
    """What the return of this collection year and of the last says about one young person
    (core.return_preview), worked out by the export itself for just them."""
    previews = []
    this_year = ssda903.collection_year_of(today)
    for year in (this_year, this_year - 1):
        result = ssda903_return_for(year, today=today, young_person_ids=[young_person_id])
        label = ssda903.collection_year_label(year)
        if not result.oc3:
            reason = next(iter(result.excluded), "Not aged 17 to 25 in the collection year.")
            previews.append(ReturnPreview(year_label=label, included=False, reason=reason))
            continue
        row = result.oc3[0]
        born = ssda903.parse_date(row["DOB"])
        previews.append(
            ReturnPreview(
                year_label=label,
                included=True,
                reason=(
                    "In the return as the imported return for the year had them."
                    if result.as_returned
                    else "A care leaver in the DfE's sense for this year."
                ),
                about=ssda903.as_at_description(born, year),
                in_touch=row["IN_TOUCH"],
                activ=row["ACTIV"],
                activ_label=_label(dfe_codes.ACTIV, row["ACTIV"]),
                accom=row["ACCOM"],
                accom_label=_accom_label(row["ACCOM"]),
                provisional=bool(result.provisional),
                notes=tuple(note for _, note in result.gaps),
            )
        )
    return previews


def _label(code_list: dfe_codes.CodeList, code: str) -> str:
    return dfe_codes.label_for(code_list, code) if dfe_codes.is_valid(code_list, code) else ""


def _accom_label(code: str) -> str:
    if not code or not dfe_codes.is_valid(dfe_codes.ACCOM, code):
        return ""
    parts = dfe_codes.accom_parts(code)
    if parts is None:
        return dfe_codes.label_for(dfe_codes.ACCOM, code)
    letter, suitable = parts
    return (
        f"{dfe_codes.label_for(dfe_codes.ACCOM_TYPES, letter)}: "
        f"{'suitable' if suitable else 'unsuitable'}"
    )


def ssda903_with_history(previous: Ssda903Return, *, this_year: Ssda903Return) -> Ssda903Return:
    """The year before's return, with every earlier care episode held here for this year's
    young people and a header row for each, for the validator only.

    The sector's validator can only see the two years it is given, so for a care leaver who
    left care before last year its rules 1001 and 1002 ("no episodes of care, so no care
    leaver information") fire for every one of them, as the rules' own note warns, and its
    continuity rules (562) for every child looked after since before last year. The DfE holds
    the earlier returns; this gives the validator the same history from the records here.
    A separated migrant child in this year's UASC table is in last year's too when last year's
    header has them (rule 205D compares the years).
    """
    child_ids = [row["CHILD"] for row in this_year.header]
    end = ssda903.collection_end(previous.year)
    people = list(
        YoungPerson.objects.filter(child_id__in=list(child_ids)).only(
            "child_id", "sex", "date_of_birth", "ethnicity", "upn", "upn_unknown_reason"
        )
    )
    in_header = {row["CHILD"] for row in previous.header}
    have = {(row["CHILD"], row["DECOM"]) for row in previous.episodes}
    result = Ssda903Return(
        year=previous.year,
        header=list(previous.header),
        episodes=list(previous.episodes),
        uasc=list(previous.uasc),
        oc3=list(previous.oc3),
    )
    episodes_of = _episodes_by_person([person.pk for person in people])
    for person in people:
        earlier = [e for e in episodes_of.get(person.pk, []) if e.start <= end]
        if not earlier:
            continue
        if person.child_id not in in_header:
            result.header.append(
                {
                    "CHILD": person.child_id,
                    "SEX": person.sex,
                    "DOB": ssda903.format_date(person.date_of_birth),
                    "ETHNIC": person.ethnicity,
                    "UPN": person.upn or person.upn_unknown_reason,
                    "MOTHER": "",
                    "MC_DOB": "",
                }
            )
        for episode in earlier:
            row = _episode_row(person, episode)
            if episode.end is not None and episode.end > end:
                # As last year's return had it: still open at its end.
                row.update(DEC="", REC="")
            if (row["CHILD"], row["DECOM"]) not in have:
                result.episodes.append(row)
    in_last_header = {row["CHILD"] for row in result.header}
    in_last_uasc = {row["CHILD"] for row in result.uasc}
    result.uasc.extend(
        row
        for row in this_year.uasc
        if row["CHILD"] in in_last_header and row["CHILD"] not in in_last_uasc
    )
    return result


# --- Annex A List 9 ------------------------------------------------------------------------

ANNEX_A_CATEGORIES = (
    Category.RELEVANT.value,
    Category.FORMER_RELEVANT.value,
    Category.QUALIFYING.value,
    Category.ELIGIBLE.value,
)


def _current_workers(ids: Sequence[int]) -> dict[tuple[int, str], str]:
    rows = (
        Allocation.objects.filter(young_person_id__any=ids, end__isnull=True)
        .order_by()  # read into a dict: the model's order is a sort for nothing
        .values_list("young_person_id", "role", "worker__first_name", "worker__last_name")
    )
    # As User.get_full_name() gives it.
    return {(pk, role): f"{first} {last}".strip() for pk, role, first, last in rows}


class LatestContacts(NamedTuple):
    """A young person's latest contact made: ever recorded, and on or before the day asked."""

    ever: date | None
    by_day: date | None


def _latest_contacts(ids: Sequence[int], *, by: date) -> dict[int, LatestContacts]:
    """The day of each young person's latest contact made, ever and on or before ``by``: one
    aggregate over their contacts. The latest time is found first and only it is turned into a
    day in England (TruncDate of the Max), rather than every contact's time one by one."""
    day_after = _start_of(by + datetime.timedelta(days=1))
    rows = (
        Contact.objects.filter(young_person_id__any=ids, made_contact=True)
        .values("young_person_id")
        .annotate(
            ever=Cast(TruncDate(Max("occurred_at")), DateField()),
            by_day=Cast(
                TruncDate(Max("occurred_at", filter=Q(occurred_at__lt=day_after))), DateField()
            ),
        )
        .values_list("young_person_id", "ever", "by_day")
    )
    return {pk: LatestContacts(ever, by_day) for pk, ever, by_day in rows}


ANNEX_A_FIELDS = (
    "pk",
    "child_id",
    "sex",
    "ethnicity",
    "date_of_birth",
    "is_separated_migrant",
    "has_disability",
    "category",
    "team__name",
)


NO_CONTACT = LatestContacts(None, None)


def _annex_a_facts(
    ids: Sequence[int], *, today: date, latest_contacts: dict[int, LatestContacts]
) -> dict[int, ssda903.Oc3Facts]:
    """What `ssda903.current_values` reads, for List 9 on ``today``. Of the contacts, only the
    latest made by today: whether any contact falls in the in-touch window up to today is all
    the values ask of them. Of the activities and stays, only those covering today: the values
    for today can be no other (and they are a small part of everyone's histories)."""
    homes = _home_spells(ids)
    activities = outcomes.activities_for(ids, during=(today, today))
    accommodations = outcomes.accommodations_for(ids, during=(today, today))
    contacts = {
        pk: (ssda903.Contact(latest.by_day),)
        for pk, latest in latest_contacts.items()
        if latest.by_day is not None
    }
    return _facts_of(ids, contacts, homes, activities, accommodations)


def annex_a_rows(*, today: date, progress: Progress | None = None) -> list[list[str]]:
    """The rows of Ofsted Annex A List 9 (care leavers) as they stand ``today``. Young people are
    read as plain values (tens of thousands of rows: no model instance for each)."""
    people = list(
        YoungPerson.objects.live()
        .filter(category__in=ANNEX_A_CATEGORIES)
        .order_by("child_id")
        .values_list(*ANNEX_A_FIELDS)
    )
    if progress is not None:
        progress.step(f"Reading the records of {len(people):,} care leavers.")
    ids = [person[0] for person in people]
    latest_contacts = _latest_contacts(ids, by=today)
    facts = _annex_a_facts(ids, today=today, latest_contacts=latest_contacts)
    workers = _current_workers(ids)
    plan_dates = outcomes.pathway_plan_dates_for(ids)
    if progress is not None:
        progress.step("Working out each care leaver's row.", total=len(people))
    rows = []
    for pk, child_id, sex, ethnicity, born, migrant, disability, category, team in (
        progress.counted(people) if progress is not None else people
    ):
        values = ssda903.current_values(facts[pk], today=today)
        personal_adviser = workers.get((pk, WorkerRole.PERSONAL_ADVISER), "")
        social_worker = workers.get((pk, WorkerRole.SOCIAL_WORKER), "")
        rows.append(
            annex_a.row(
                annex_a.Person(
                    child_id=child_id,
                    sex=sex,
                    ethnicity=ethnicity,
                    date_of_birth=born,
                    is_separated_migrant=migrant,
                    has_disability=disability,
                    team=team or "",
                    # The older template's single worker column: the social worker while
                    # there is one, otherwise the personal adviser.
                    worker=social_worker or personal_adviser,
                    personal_adviser=personal_adviser,
                    category=category,
                    latest_pathway_plan=plan_dates.get(pk),
                    in_touch=values.in_touch,
                    latest_contact=latest_contacts.get(pk, NO_CONTACT).ever,
                    accom=values.accom,
                    activ=values.activ,
                ),
                today=today,
            )
        )
    return rows


def reported_categories_for(*, young_person: YoungPerson) -> list[ReportedCategory]:
    """The categories past returns reported for a young person, latest year first."""
    return list(
        ReportedCategory.objects.filter(young_person=young_person)
        .select_related("checked_by")
        .order_by("-collection_year")
    )


def latest_validation_run(year: int) -> ValidationRun | None:
    """The latest finished check of a year's return (failed checks have no report)."""
    return (
        ValidationRun.objects.filter(collection_year=year, status=ValidationStatus.DONE)
        .select_related("run_by")
        .first()
    )


def validation_in_progress(year: int) -> ValidationRun | None:
    """A check of the year's return that has not finished yet, or the last that failed."""
    latest = ValidationRun.objects.filter(collection_year=year).first()
    if latest is None or latest.status == ValidationStatus.DONE:
        return None
    return latest


# The files made in the background (services.*_export_make), as core.FileJob kinds.
SSDA903_FILE = "returns.ssda903"
ANNEX_A_FILE = "returns.annex_a"
FILE_KINDS = (SSDA903_FILE, ANNEX_A_FILE)


def recent_export_files(limit: int = 10) -> list[FileJob]:
    """The latest exports asked for, by anyone who may export (they may all download them)."""
    return list(FileJob.objects.filter(kind__in=FILE_KINDS).select_related("requested_by")[:limit])


def validation_runs(limit: int = 10) -> Iterable[ValidationRun]:
    return ValidationRun.objects.select_related("run_by")[:limit]
