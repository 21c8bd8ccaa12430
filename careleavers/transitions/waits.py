"""How long young people wait for adult services: pure functions over plain values.

No database and no Django here, so the numbers managers see can be checked by hand.

Definitions (the council's local measure; thresholds and waits are local:
docs/law/quality-and-inspection.md):
- A wait runs from the date referred to the date the service decided (threshold met, not met or
  signposted). A referral with no decision and no withdrawal is *open*: its wait runs to today.
- Like the NHS's "incomplete" and "completed" pathway measures, a month has two sets of waits:
  the waits *completed* in it (referrals decided in that month, each its full wait) and the
  waits of everyone *still waiting* at the end of it (or today, for the current month).
  Withdrawn referrals are not completed waits, but they count as waiting until withdrawn.
- Percentiles interpolate between the closest ranks (Excel's PERCENTILE.INC, numpy's default),
  so the 50th percentile is the ordinary median.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careleavers.core.dates import birthday, month_end

# Age groups for the managers' view: the letter found 16 and 17 year olds waiting long for
# mental health assessments, and gaps for those over 18.
UNDER_18 = "under_18"
ADULT = "18_plus"
AGE_GROUPS = ((UNDER_18, "Under 18 when referred"), (ADULT, "18 or over when referred"))


@dataclass(frozen=True)
class ReferralDates:
    referred_on: datetime.date
    decided_on: datetime.date | None = None
    withdrawn_on: datetime.date | None = None

    @property
    def ended_on(self) -> datetime.date | None:
        return self.decided_on or self.withdrawn_on


def wait_days(
    *, referred_on: datetime.date, ended_on: datetime.date | None, today: datetime.date
) -> int:
    # Local measure: referral to decision; an open referral waits until today.
    end = ended_on if ended_on is not None else today
    return max((end - referred_on).days, 0)


def decision_due_on(*, referred_on: datetime.date, target_days: int) -> datetime.date:
    # Local measure: the decision is due `target_days` after the referral.
    return referred_on + datetime.timedelta(days=target_days)


def is_over_target(*, wait: int, target_days: int) -> bool:
    # Local measure: a wait is over target once it is longer than the service's target.
    return wait > target_days


def is_waiting_on(referral: ReferralDates, day: datetime.date) -> bool:
    """True when the referral had been made and was still waiting at the end of `day`."""
    ended = referral.ended_on
    return referral.referred_on <= day and (ended is None or ended > day)


def age_group(*, date_of_birth: datetime.date, referred_on: datetime.date) -> str:
    # Children Act 1989 s.105: a child is under 18; adult services' thresholds apply from 18.
    return UNDER_18 if referred_on < birthday(date_of_birth, 18) else ADULT


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0 to 100) by linear interpolation; None for no values."""
    if not values:
        return None
    if not 0 <= p <= 100:
        raise ValueError("A percentile is between 0 and 100.")
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    lower, upper = math.floor(position), math.ceil(position)
    fraction = position - lower
    return ordered[lower] + (ordered[upper] - ordered[lower]) * fraction


def median(values: Sequence[float]) -> float | None:
    return percentile(values, 50)


@dataclass(frozen=True)
class MonthWaits:
    month: datetime.date  # the first day of the month
    as_at: datetime.date  # the day the "still waiting" figures describe
    decided: int
    decided_median: float | None
    decided_p90: float | None
    waiting: int
    waiting_median: float | None
    waiting_p90: float | None


def monthly_waits(
    referrals: Iterable[ReferralDates], *, months: Sequence[datetime.date], today: datetime.date
) -> list[MonthWaits]:
    """Completed and still-waiting waits, with their median and 90th percentile, per month."""
    referrals = list(referrals)
    result = []
    for month in months:
        end = month_end(month)
        as_at = min(end, today)
        completed = [
            (r.decided_on - r.referred_on).days
            for r in referrals
            if r.decided_on is not None and month <= r.decided_on <= end
        ]
        waiting = [(as_at - r.referred_on).days for r in referrals if is_waiting_on(r, as_at)]
        result.append(
            MonthWaits(
                month=month,
                as_at=as_at,
                decided=len(completed),
                decided_median=median(completed),
                decided_p90=percentile(completed, 90),
                waiting=len(waiting),
                waiting_median=median(waiting),
                waiting_p90=percentile(waiting, 90),
            )
        )
    return result


@dataclass(frozen=True)
class OpenWait:
    service: int  # the service's id
    wait: int
    target_days: int


@dataclass(frozen=True)
class ServiceWaiting:
    service: int
    target_days: int
    waiting: int
    over_target: int
    median: float | None
    longest: int | None

    @property
    def within_target(self) -> int:
        return self.waiting - self.over_target


def waiting_by_service(
    open_waits: Iterable[OpenWait], *, targets: dict[int, int]
) -> list[ServiceWaiting]:
    """Everyone still waiting, per service in the order of `targets` (services with nobody
    waiting included, so a table shows every service)."""
    by_service: dict[int, list[int]] = {service: [] for service in targets}
    targets = dict(targets)
    for item in open_waits:
        by_service.setdefault(item.service, []).append(item.wait)
        targets.setdefault(item.service, item.target_days)
    return [
        ServiceWaiting(
            service=service,
            target_days=targets.get(service, 0),
            waiting=len(waits),
            over_target=sum(
                is_over_target(wait=w, target_days=targets.get(service, 0)) for w in waits
            ),
            median=median(waits),
            longest=max(waits) if waits else None,
        )
        for service, waits in by_service.items()
    ]


def format_days(value: float | None) -> str:
    """ "12 days", "1 day", "12.5 days", or "" when there is no figure."""
    if value is None:
        return ""
    number = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{number} day" if number == "1" else f"{number} days"
