"""Indicators over casework records: recent contact, contact within the standard, personal adviser
introduced by 16 and a half, and changes of worker (docs/data/indicators.md P3, P4, P5, P16)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from careleavers.casework.models import Allocation, Contact, WorkerRole
from careleavers.core.dates import add_months
from careleavers.insight.measures.base import (
    OPEN_CATEGORIES,
    PeopleMeasure,
    care_leavers_aged,
    open_care_leavers,
    people_indicator,
)
from careleavers.insight.measures.dates import day_start
from careleavers.insight.models import InsightPolicy
from careleavers.insight.periods import (
    latest_start_reaching,
    twelve_months_before,
)


def _contact_between(first: datetime.date, last: datetime.date, *, seen: bool) -> Exists:
    """A contact made (and, if `seen`, the young person seen) on a day from `first` to
    `last`, both included."""
    contacts = Contact.objects.filter(
        young_person=OuterRef("pk"),
        made_contact=True,
        occurred_at__gte=day_start(first),
        occurred_at__lt=day_start(last + datetime.timedelta(days=1)),
    )
    if seen:
        contacts = contacts.filter(seen=True)
    return Exists(contacts)


# Recent contact ---------------------------------------------------------------------------------
# A local measure (docs/data/indicators.md P5): any contact made in a number of months the
# council sets. It is not the DfE's "in touch", which asks about contact around the birthday for
# the 903 cohort (careleavers/returns/indicators.py), so it carries no national comparison.


def _recent_contact(on: datetime.date) -> Q:
    months = InsightPolicy.current().in_touch_months
    return Q(
        _contact_between(add_months(on, -months) + datetime.timedelta(days=1), on, seen=False)
    )


RECENT_CONTACT = people_indicator(
    PeopleMeasure(cohort=care_leavers_aged(16, 24), hit=_recent_contact),
    key="recent_contact",
    title="Care leavers with a recent contact",
    area="relationships",
    numerator="Relevant and former relevant care leavers aged 16 to 24 with a contact made "
    "(not a failed attempt) in the months set in the insight policy (12 by default) up to "
    "the day.",
    denominator="Relevant and former relevant care leavers aged 16 to 24 on the day.",
    source="Contacts recorded in casework.",
    period="On the day: contact in the preceding 12 months (the insight policy sets how many).",
    benchmark_note="No national comparator: the DfE's figure counts contact around the "
    'birthday for the 903 cohort, shown as "Care leavers in touch around their birthday '
    '(DfE definition)".',
    order=10,
)


# Contact within the standard ------------------------------------------------------------------


def _within_standard(on: datetime.date) -> Q:
    # The stored next visit due date is the contact rule's own answer (the council's standard
    # and the statutory visits of Care Leavers (England) Regs 2010 reg 8(2), which can fall
    # sooner), the date the work tray shows. Counting from it keeps the dashboard and the tray
    # in agreement; re-deriving the standard here would leave out the statutory visits. Someone
    # never seen is not "seen", even on the day their first visit falls due.
    return Q(last_visit_on__isnull=False, last_visit_on__lte=on, next_contact_due__gte=on)


CONTACTS_WITHIN_STANDARD = people_indicator(
    PeopleMeasure(cohort=open_care_leavers, hit=_within_standard),
    key="contacts_within_standard",
    title="Seen within the contact standard",
    area="relationships",
    numerator="Open care leavers who have been seen (a visit or meeting where the young person "
    "was seen) and whose next visit is not overdue on the day: the date the work tray shows, "
    "set by the council's contact standard (the contact policy sets the weeks) or, where it "
    "falls sooner, a visit the regulations require (within 7 days of moving into "
    "accommodation the council provides, before its reviews, and every 2 months while living "
    "there).",
    denominator="Eligible, relevant and former relevant young people aged 16 to 24 on the day.",
    source="The next visit due date casework keeps for each young person (refreshed after "
    "every contact and each night).",
    period="On the day. The next visit due date is kept only as it stands now, so earlier "
    "days cannot be counted again: monthly figures are those written at each month's end.",
    benchmark_note="No national comparator.",
    order=20,
    # The stored due date describes today only.
    as_at=False,
)


# Personal adviser by 16 and a half --------------------------------------------------------------


def _pa_cohort(on: datetime.date) -> Q:
    months = InsightPolicy.current().pa_introduction_months
    latest = latest_start_reaching(on, months)
    earliest = latest_start_reaching(twelve_months_before(on), months)
    return Q(
        category__in=OPEN_CATEGORIES,
        date_of_birth__gt=earliest,
        date_of_birth__lte=latest,
    )


def _month_index(field: F | OuterRef) -> Any:
    return ExtractYear(field) * 12 + ExtractMonth(field)


def _pa_in_time(on: datetime.date) -> Q:
    months = InsightPolicy.current().pa_introduction_months
    # The allocation started on or before add_months(date_of_birth, months). Compared as (month
    # index, day): add_months keeps the day within the month, and a start's day can never
    # exceed its month's length, so comparing days with the birth day is exact.
    allocations = Allocation.objects.filter(
        young_person=OuterRef("pk"), role=WorkerRole.PERSONAL_ADVISER
    ).annotate(
        start_month=_month_index(F("start")),
        due_month=_month_index(OuterRef("date_of_birth")) + months,
        start_day=ExtractDay("start"),
        due_day=ExtractDay(OuterRef("date_of_birth"), output_field=IntegerField()),
    )
    return Q(
        Exists(
            allocations.filter(
                Q(start_month__lt=F("due_month"))
                | Q(start_month=F("due_month"), start_day__lte=F("due_day"))
            )
        )
    )


PA_BY_16_5 = people_indicator(
    PeopleMeasure(cohort=_pa_cohort, hit=_pa_in_time),
    key="pa_by_16_5",
    title="Personal adviser introduced by 16 and a half",
    area="relationships",
    numerator="Young people who had a personal adviser allocated on or before the day they "
    "turned 16 and a half.",
    denominator="Eligible, relevant and former relevant young people who turned 16 and a half "
    "in the 12 months up to the day.",
    source="Allocations recorded in casework (personal adviser role).",
    period="In the 12 months up to the day (the insight policy sets the age, 16 and a half "
    "by default).",
    benchmark_note="No national comparator; Ofsted expects a personal adviser from about 16.",
    order=30,
)


# Changes of worker -----------------------------------------------------------------------------


def _changed_worker(on: datetime.date) -> Q:
    threshold = InsightPolicy.current().worker_changes_threshold
    changes = (
        Allocation.objects.filter(
            young_person=OuterRef("pk"),
            is_change=True,
            start__gt=twelve_months_before(on),
            start__lte=on,
        )
        .order_by()
        .values("young_person")
        .annotate(changes=Count("pk"))
        .filter(changes__gte=threshold)
    )
    return Q(Exists(changes))


WORKER_CHANGES = people_indicator(
    PeopleMeasure(cohort=open_care_leavers, hit=_changed_worker),
    key="worker_changes",
    title="Two or more changes of worker in a year",
    area="relationships",
    numerator="Open care leavers with 2 or more changes of personal adviser or social worker "
    "in the 12 months up to the day (the insight policy sets the number).",
    denominator="Eligible, relevant and former relevant young people aged 16 to 24 on the day.",
    source="Allocations recorded in casework: a change is a new worker replacing another in "
    "the same role.",
    period="In the 12 months up to the day.",
    higher_is_better=False,
    benchmark_note="No national comparator.",
    order=40,
)


INDICATORS = (RECENT_CONTACT, CONTACTS_WITHIN_STANDARD, PA_BY_16_5, WORKER_CHANGES)
