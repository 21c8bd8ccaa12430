"""The quality app's indicators, registered with insight's registry (careleavers/insight/
indicators.py) in this app's registrations.py.

- audits_against_target: case audits completed this month against the teams' monthly targets.
- audits_good_or_better: audits completed in the last 12 months whose final grade (the
  moderator's where moderated) is good or outstanding.
- wellbeing_settled: of the young people who answered the wellbeing check's "settled" question
  in the last 12 months (their latest answer, "I'd rather not say" left out), the share who
  said "most of the time".
- oversight_last_3_months: young people with management oversight recorded in the last 3
  months. The indicator's definition is fixed at 3 months so monthly snapshots stay comparable;
  the oversight report uses the council's own policy (QualityPolicy.oversight_months).

Each figure counts only young people in the scope (what the viewer may see), and an audit
counts for the team the young person was in when it started. The drill-down of an audit
indicator lists one young person row per audit counted (a young person audited twice appears
twice), so it always has as many rows as the numerator.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from careleavers.core.dates import add_months, month_end, month_start
from careleavers.insight.indicators import PERCENT, Figure, Indicator, Scope
from careleavers.quality.models import (
    GOOD_OR_BETTER,
    AuditStatus,
    AuditTarget,
    CaseAudit,
    OversightEntry,
    WellbeingAnswer,
    WellbeingCheck,
)
from careleavers.quality.standards import oversight_since

OVERSIGHT_MONTHS = 3
GRADE_PERIOD_MONTHS = 12


def _period_this_month(scope: Scope) -> tuple[Any, Any]:
    first = month_start(scope.on)
    return first, month_end(first)


def _period_last_year(scope: Scope) -> tuple[Any, Any]:
    return add_months(scope.on, -GRADE_PERIOD_MONTHS) + datetime.timedelta(days=1), scope.on


def _completed_audits(scope: Scope, start: Any, end: Any, **extra: Any) -> QuerySet[CaseAudit]:
    audits = CaseAudit.objects.live().filter(
        status=AuditStatus.COMPLETED,
        completed_on__gte=start,
        completed_on__lte=end,
        young_person__in=scope.young_people.values("pk"),
        **extra,
    )
    if scope.team_ids is not None:
        audits = audits.filter(team_id__in=scope.team_ids)
    return audits


def _audited_young_people(scope: Scope, start: Any, end: Any, **extra: Any) -> QuerySet[Any]:
    """One young person row per completed audit (the join repeats a young person audited
    twice), newest audit first. All conditions sit in one filter() so they apply to the same
    audit row."""
    conditions: dict[str, Any] = {
        "case_audits__status": AuditStatus.COMPLETED,
        "case_audits__archived_at__isnull": True,
        "case_audits__completed_on__gte": start,
        "case_audits__completed_on__lte": end,
        **{f"case_audits__{name}": value for name, value in extra.items()},
    }
    if scope.team_ids is not None:
        conditions["case_audits__team_id__in"] = scope.team_ids
    return (
        scope.young_people.filter(**conditions)
        .annotate(audit_completed_on=F("case_audits__completed_on"))
        .order_by("-audit_completed_on", "last_name", "first_name", "pk")
    )


# Audits completed against target --------------------------------------------------------------


def _target_for(scope: Scope) -> int:
    targets = AuditTarget.objects.filter(month=month_start(scope.on))
    if scope.team_ids is not None:
        targets = targets.filter(team_id__in=scope.team_ids)
    return int(targets.aggregate(total=Coalesce(Sum("target"), 0))["total"])


def audits_against_target(scope: Scope) -> Figure:
    start, end = _period_this_month(scope)
    return Figure(
        numerator=_completed_audits(scope, start, end).count(), denominator=_target_for(scope)
    )


def audits_against_target_members(scope: Scope) -> QuerySet[Any]:
    start, end = _period_this_month(scope)
    return _audited_young_people(scope, start, end)


# Audits graded good or better ------------------------------------------------------------------


def audits_good_or_better(scope: Scope) -> Figure:
    start, end = _period_last_year(scope)
    audits = _completed_audits(scope, start, end)
    return Figure(
        numerator=audits.filter(final_grade__in=GOOD_OR_BETTER).count(),
        denominator=audits.count(),
    )


def audits_good_or_better_members(scope: Scope) -> QuerySet[Any]:
    start, end = _period_last_year(scope)
    return _audited_young_people(scope, start, end, final_grade__in=GOOD_OR_BETTER)


# Management oversight ------------------------------------------------------------------------


def _with_recent_oversight(scope: Scope) -> QuerySet[Any]:
    since = oversight_since(scope.on, OVERSIGHT_MONTHS)
    recent = OversightEntry.objects.live().filter(
        young_person=OuterRef("pk"), recorded_on__gte=since, recorded_on__lte=scope.on
    )
    return scope.young_people.filter(Exists(recent))


def oversight_recent(scope: Scope) -> Figure:
    return Figure(
        numerator=_with_recent_oversight(scope).count(), denominator=scope.young_people.count()
    )


def oversight_recent_members(scope: Scope) -> QuerySet[Any]:
    return _with_recent_oversight(scope).order_by("last_name", "first_name", "pk")


# Wellbeing checks --------------------------------------------------------------------------------


def _settled_answers(scope: Scope) -> QuerySet[Any]:
    """Young people in scope with a wellbeing check in the last 12 months, with `settled_answer`
    from their latest one; those who would rather not say are left out."""
    start, end = _period_last_year(scope)
    latest = (
        WellbeingCheck.objects.filter(
            young_person=OuterRef("pk"), given_on__gte=start, given_on__lte=end
        )
        .order_by("-given_on", "-created_at")
        .values("settled")[:1]
    )
    return (
        scope.young_people.annotate(settled_answer=Subquery(latest))
        .filter(settled_answer__isnull=False)
        .exclude(settled_answer=WellbeingAnswer.RATHER_NOT_SAY)
    )


def wellbeing_settled(scope: Scope) -> Figure:
    answered = _settled_answers(scope)
    return Figure(
        numerator=answered.filter(settled_answer=WellbeingAnswer.MOSTLY).count(),
        denominator=answered.count(),
    )


def wellbeing_settled_members(scope: Scope) -> QuerySet[Any]:
    return (
        _settled_answers(scope)
        .filter(settled_answer=WellbeingAnswer.MOSTLY)
        .order_by("last_name", "first_name", "pk")
    )


INDICATORS = (
    Indicator(
        key="wellbeing_settled",
        title="Care leavers who feel settled where they live",
        area="adulthood",
        numerator="Young people whose latest wellbeing check in the last 12 months says they "
        "feel settled where they live most of the time",
        denominator="Young people who answered that question in a wellbeing check in the last "
        "12 months (those who chose not to say are left out)",
        source="Wellbeing checks young people filled in on their own pages",
        period="The 12 months to the day.",
        unit=PERCENT,
        compute=wellbeing_settled,
        members=wellbeing_settled_members,
        order=930,
    ),
    Indicator(
        key="audits_against_target",
        title="Case audits completed against target",
        area="leadership",
        numerator="Case audits completed this calendar month",
        denominator="The audits the teams were set to complete this month (their monthly "
        "targets added together)",
        source="Case audits and monthly audit targets (quality assurance)",
        unit=PERCENT,
        compute=audits_against_target,
        members=audits_against_target_members,
        order=900,
        month_to_date=True,
        built_in_target=100.0,
    ),
    Indicator(
        key="audits_good_or_better",
        title="Case audits graded good or better",
        area="leadership",
        numerator="Case audits completed in the last 12 months whose final grade (the "
        "moderator's, where one was moderated) is good or outstanding",
        denominator="Case audits completed in the last 12 months",
        source="Case audits and their moderation (quality assurance)",
        unit=PERCENT,
        compute=audits_good_or_better,
        members=audits_good_or_better_members,
        order=910,
    ),
    Indicator(
        key="oversight_last_3_months",
        title="Cases with management oversight in the last 3 months",
        area="leadership",
        numerator="Young people with a management oversight entry dated in the last 3 months",
        denominator="Young people",
        source="Management oversight entries by team managers and heads of service",
        unit=PERCENT,
        compute=oversight_recent,
        members=oversight_recent_members,
        order=920,
    ),
)
