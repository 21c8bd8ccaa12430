"""Never lower a care-leaver category from partial history.

A council moving onto the service brings the care episodes its SSDA903 returns held, and a
return holds only the episodes open in its year: the care after the 14th birthday that made a
young person a care leaver is often older than any file imported. The category engine, given
that partial history, would call a former relevant young person "not a care leaver" and take
them off every list and due date. A past return is evidence in its own right (an OC3 row says
the council reported them as a care leaver that year), so the reported category is kept, aged
as the law ages it, until the care history held here confirms it or a worker sets the report
aside; while it is held up that way a worker is asked to check the care history.

Pure: plain values in, a decision out. The category service applies it where categories are
derived and stored (people/services.py); the engine itself (category.py) is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from careleavers.core.dates import birthday, format_date
from careleavers.people.category import Category, CategoryDecision

# How much a category entitles someone to, for "never lower": a relevant or former relevant
# young person (or an eligible child) is owed more than a qualifying care leaver, who is owed
# more than someone who is not a care leaver.
RANK = {
    Category.NONE: 0,
    Category.QUALIFYING: 1,
    Category.ELIGIBLE: 2,
    Category.RELEVANT: 2,
    Category.FORMER_RELEVANT: 2,
}


@dataclass(frozen=True)
class Report:
    """A category another record gave the young person: which, for which year, from where."""

    category: Category
    collection_year: int
    source: str


def reported_category_on(report: Report, *, date_of_birth: date, on: date) -> Category:
    """The category the report means on ``on``, aged as the law ages categories.

    A relevant child becomes former relevant at 18 (CA 1989 s.23C(1)) and is owed a personal
    adviser until 25 (s.23CZB). Qualifying help runs to 21, or 25 in education or training
    (s.24(2), s.24B): a return does not say whether someone is in education, so a reported
    qualifying care leaver is kept to 25, and a worker checks (never lowered from what is not
    known). Before 16 nobody is a care leaver.
    """
    if on < birthday(date_of_birth, 16) or on >= birthday(date_of_birth, 25):
        return Category.NONE
    if report.category is Category.QUALIFYING:
        return Category.QUALIFYING
    if report.category in (Category.ELIGIBLE, Category.RELEVANT, Category.FORMER_RELEVANT):
        if on >= birthday(date_of_birth, 18):
            return Category.FORMER_RELEVANT
        return Category.RELEVANT
    return Category.NONE


@dataclass(frozen=True)
class HeldDecision:
    """The decision to store, and the reports the care history held does not confirm."""

    decision: CategoryDecision
    unconfirmed: tuple[Report, ...] = ()

    @property
    def held_up(self) -> bool:
        return bool(self.unconfirmed)


def _years(year: int) -> str:
    return f"{year - 1} to {year}"


def hold_reported(
    decision: CategoryDecision,
    reports: Iterable[Report],
    *,
    date_of_birth: date,
    on: date,
) -> HeldDecision:
    """The engine's ``decision``, unless a report says more is owed: then the reported category
    (aged to ``on``) with a reason that says why, and the reports to check.

    A report is confirmed when the engine, from the history held, gives at least as much.
    """
    unconfirmed: list[tuple[Category, Report]] = []
    for report in reports:
        reported = reported_category_on(report, date_of_birth=date_of_birth, on=on)
        if RANK[reported] > RANK[decision.category]:
            unconfirmed.append((reported, report))
    if not unconfirmed:
        return HeldDecision(decision)
    # The strongest report holds the category; of equals, the latest year's.
    held, report = max(unconfirmed, key=lambda pair: (RANK[pair[0]], pair[1].collection_year))
    since = birthday(date_of_birth, 18) if held is Category.FORMER_RELEVANT else None
    reason = (
        f"Reported as a care leaver ({report.category.label.lower()}) in the SSDA903 return "
        f"for {_years(report.collection_year)} ({report.source}). The care episodes held here "
        "do not show it, so the reported category is kept until a worker checks their care "
        "history."
    )
    if since is not None:
        reason += f" Former relevant from their 18th birthday, {format_date(since)}."
    return HeldDecision(
        replace(decision, category=held, since=since, reason=reason),
        tuple(report for _, report in unconfirmed),
    )
