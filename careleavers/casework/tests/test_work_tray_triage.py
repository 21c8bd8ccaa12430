"""Narrowing, counting and grouping a work tray's items (pure: no database)."""

from __future__ import annotations

import datetime

from careleavers.casework.work_tray import WorkItem
from careleavers.casework.work_tray_triage import (
    GROUP_OVER,
    NOT_ALLOCATED,
    OVERDUE,
    THIS_WEEK,
    ItemGroup,
    TrayFilter,
    counts,
    with_groups,
)

TODAY = datetime.date(2026, 12, 7)


def item(kind: str, *, days: int = 0, worker: str = "", urgent: bool = False) -> WorkItem:
    """An item due `days` from today (negative: overdue by that many days)."""
    return WorkItem(
        kind=kind,
        young_person=None,
        title=f"{kind} {days}",
        due=TODAY + datetime.timedelta(days=days),
        overdue=days < 0,
        days_overdue=max(0, -days),
        url="/",
        worker_name=worker,
        urgent=urgent,
    )


def test_overdue_and_due_this_week_are_apart() -> None:
    late, today, in_six, in_eight = (
        item("a", days=-1),
        item("a"),
        item("a", days=6),
        item("a", days=8),
    )
    items = [late, today, in_six, in_eight]

    assert TrayFilter(due=OVERDUE).chosen(items, TODAY) == [late]
    assert TrayFilter(due=THIS_WEEK).chosen(items, TODAY) == [today, in_six]


def test_a_worker_filter_finds_their_items_and_not_allocated_finds_the_rest() -> None:
    sam, nobody = item("a", worker="Sam Patel"), item("a")

    assert TrayFilter(worker="Sam Patel").chosen([sam, nobody], TODAY) == [sam]
    assert TrayFilter(worker=NOT_ALLOCATED).chosen([sam, nobody], TODAY) == [nobody]


def test_each_choice_is_counted_with_the_other_choices_applied() -> None:
    items = [
        item("plan", worker="Sam Patel"),
        item("oversight", days=-3, worker="Sam Patel"),
        item("oversight", days=-3, worker="Jo Bloggs"),
        item("oversight", days=2, worker="Jo Bloggs"),
    ]

    found = counts(items, TrayFilter(kind="oversight", due=OVERDUE), TODAY)

    # Kinds counted among the overdue; workers among overdue oversight; "when" among oversight.
    assert found.kinds == {"oversight": 2}
    assert found.workers == {"Sam Patel": 1, "Jo Bloggs": 1}
    assert found.due == {OVERDUE: 2, THIS_WEEK: 1}
    assert found.everything == 4


def test_filters_stay_in_the_links_that_change_one_of_them() -> None:
    chosen = TrayFilter(worker="Jo Bloggs", due=OVERDUE)

    assert chosen.query("team", kind="oversight") == (
        "?show=team&kind=oversight&worker=Jo+Bloggs&due=overdue"
    )
    assert not TrayFilter()
    assert chosen


def test_many_routine_items_of_one_kind_fold_into_one_row_where_the_first_was() -> None:
    plan = item("plan", days=-1)
    reviews = [item("oversight", days=-10 + n) for n in range(GROUP_OVER + 1)]
    visit = item("visit", days=-20)
    urgent = item("oversight", urgent=True)

    rows = with_groups(
        [urgent, plan, visit, *reviews], grouping=True, routine={"oversight", "visit"}
    )

    assert rows == [
        urgent,  # urgent items are never folded away
        plan,
        visit,
        ItemGroup(kind="oversight", count=GROUP_OVER + 1, overdue=10),
    ]


def test_a_few_items_or_a_tray_narrowed_to_the_kind_are_not_folded() -> None:
    few = [item("oversight") for _ in range(GROUP_OVER)]
    many = [item("oversight") for _ in range(GROUP_OVER + 1)]

    assert with_groups(few, grouping=True, routine={"oversight"}) == few
    assert with_groups(many, grouping=False, routine={"oversight"}) == many
    # Decisions waiting for the viewer are not routine: each stays in sight.
    assert with_groups(many, grouping=True, routine=set()) == many
