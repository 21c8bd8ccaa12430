"""How a figure's change and target are put into words (presenters.py), early in a month."""

from __future__ import annotations

import datetime

from careleavers.insight import presenters
from careleavers.insight.indicators import all_indicators, indicator

D = datetime.date


def test_on_5_december_the_audits_this_month_are_so_far_and_never_worse() -> None:
    # Five days of December against the whole of November: the figure is a part month, so it
    # is not judged (the review found "Down from 135.3% (worse)" here early in the month).
    audits = indicator("audits_against_target")
    change = presenters.direction(audits, 20.0, 135.3, on=D(2026, 12, 5))
    assert change.word == "So far"
    assert change.judgement == ""
    assert change.tag_colour == "grey"
    assert change.text == ("December so far (to 5 December); last month's whole figure was 135.3%")
    assert presenters.target_status(audits, 20.0, 100.0, on=D(2026, 12, 5)) == (
        "Target 100%",
        "grey",
    )


def test_on_a_months_last_day_the_whole_month_is_judged() -> None:
    audits = indicator("audits_against_target")
    change = presenters.direction(audits, 90.0, 135.3, on=D(2026, 12, 31))
    assert (change.word, change.judgement) == ("Down", "worse")
    assert presenters.target_status(audits, 90.0, 100.0, on=D(2026, 12, 31)) == (
        "Misses target of 100%",
        "red",
    )


def test_a_figure_on_the_day_is_compared_with_last_month_on_any_day() -> None:
    # A figure "on the day" (or over a rolling window) is whole on any day of the month.
    on_the_day = next(
        item
        for item in all_indicators()
        if not item.month_to_date and item.higher_is_better and item.unit == "percent"
    )
    change = presenters.direction(on_the_day, 80.0, 70.0, on=D(2026, 12, 5))
    assert (change.word, change.judgement) == ("Up", "better")


def test_audits_against_target_carry_their_own_target_when_the_council_sets_none() -> None:
    # The teams' monthly audit targets are the figure's denominator, so 100% is its target: the
    # head of service's dashboard must not say "No target set".
    from careleavers.insight.selectors import target_for

    audits = indicator("audits_against_target")
    assert target_for(audits, None) == 100.0
    assert presenters.target_status(
        audits, 90.0, target_for(audits, None), on=D(2026, 11, 30)
    ) == (
        "Misses target of 100%",
        "red",
    )
