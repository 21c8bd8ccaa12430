"""How figures read: percentages, averages and money, targets, and the direction of travel in
words (never colour alone), and the rows of drill-down lists."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Model
from django.urls import reverse

from careleavers.core.dates import age_on, format_date
from careleavers.core.practice_framework import JUDGEMENT_AREAS
from careleavers.insight.drilldown import SORTS, Arrangement, overdue_days, person_field
from careleavers.insight.indicators import (
    AVERAGE,
    COUNT,
    MONEY,
    PERCENT,
    Column,
    Figure,
    Indicator,
)
from careleavers.people.models import YoungPerson

AREA_TITLES = {**dict(JUDGEMENT_AREAS), "leadership": "Leadership, management and the workforce"}
AREA_ORDER = [key for key, _ in JUDGEMENT_AREAS] + ["leadership"]


def in_area_order(area_keys: Iterable[str]) -> list[str]:
    """The areas among `area_keys` in the order pages show them: Ofsted's judgement areas, then
    leadership, then any other in alphabetical order."""
    present = set(area_keys)
    return [key for key in AREA_ORDER if key in present] + sorted(present - set(AREA_ORDER))


UNIT_LABELS = {
    PERCENT: "Percentage",
    COUNT: "Count",
    AVERAGE: "Average",
    MONEY: "Money (pounds)",
}


def unit_label(indicator: Indicator) -> str:
    label = UNIT_LABELS.get(indicator.unit, indicator.unit)
    if indicator.unit == AVERAGE and indicator.value_unit:
        return f"{label} ({indicator.value_unit})"
    return label


def area_title(key: str) -> str:
    return AREA_TITLES.get(key, key.replace("_", " ").capitalize())


def number(value: float) -> str:
    """12, 12.5 or 1,234: one decimal place at most, none when it is whole."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.1f}"


def pounds(value: float) -> str:
    return f"£{value:,.0f}" if value == int(value) else f"£{value:,.2f}"


def value_text(indicator: Indicator, value: float | None) -> str:
    """A headline value in the indicator's unit: 72%, 45 days, £12,300 or 12."""
    if value is None:
        return "No figure"
    if indicator.unit == PERCENT:
        return f"{number(value)}%"
    if indicator.unit == AVERAGE:
        return f"{number(value)} {indicator.value_unit}".strip()
    if indicator.unit == MONEY:
        return pounds(value)
    return number(value)


def figure_value(indicator: Indicator, figure: Any) -> float | None:
    """The headline of a Figure or a snapshot: rate, average, amount or count."""
    if figure is None:
        return None
    if indicator.unit == PERCENT:
        if not figure.denominator:
            return None
        return round(100.0 * figure.numerator / figure.denominator, 1)
    if indicator.unit in (AVERAGE, MONEY):
        return (
            figure.value
            if figure.value is not None
            else (0.0 if indicator.unit == MONEY else None)
        )
    return float(figure.numerator)


def figure_text(indicator: Indicator, figure: Figure | None) -> str:
    if figure is None:
        return "Could not be counted"
    return value_text(indicator, figure_value(indicator, figure))


def figure_detail(indicator: Indicator, figure: Figure | None) -> str:
    """What the headline is made of: "36 of 50", "12 waiting" or "8 payments"."""
    if figure is None:
        return ""
    if indicator.unit == PERCENT:
        return f"{figure.numerator:,} of {figure.denominator or 0:,}"
    return f"{figure.numerator:,} counted"


def members_label(indicator: Indicator, figure: Figure | None) -> str:
    count = figure.numerator if figure is not None else 0
    noun = {"young_people": "young people", "staff": "staff"}.get(
        indicator.members_kind, "records"
    )
    if count == 1:
        noun = {"young people": "young person", "records": "record"}.get(noun, noun)
    return f"{count:,} {noun}"


@dataclass(frozen=True)
class Direction:
    word: str  # Up, Down, No change, or No figure last month
    judgement: str  # better, worse or "" (neither, or not known)
    text: str

    @property
    def short(self) -> str:
        """ "Up (better)", "Down", "No change", "So far" or "" when there is nothing to
        compare."""
        if self.word == "No comparison":
            return ""
        return f"{self.word} ({self.judgement})" if self.judgement else self.word

    @property
    def tag_colour(self) -> str:
        return {"better": "green", "worse": "red"}.get(self.judgement, "grey")


def direction(
    indicator: Indicator, now: float | None, before: float | None, *, on: datetime.date
) -> Direction:
    """The direction of travel since last month, in words.

    A figure for part of a month (`Indicator.month_to_date` before the month's last day) is
    never called better or worse than a whole month: early in the month it would always look
    worse.
    """
    if indicator.is_part_month(on):
        so_far = f"{on:%B} so far (to {on.day} {on:%B})"
        if before is None:
            return Direction("So far", "", f"{so_far}: no whole month to compare with yet")
        whole = value_text(indicator, before)
        return Direction("So far", "", f"{so_far}; last month's whole figure was {whole}")
    if now is None or before is None:
        return Direction("No comparison", "", "No earlier figure to compare with")
    if round(now, 1) == round(before, 1):
        return Direction("No change", "", f"No change from {value_text(indicator, before)}")
    up = now > before
    word = "Up" if up else "Down"
    judgement = ""
    if indicator.higher_is_better is not None:
        judgement = "better" if up == indicator.higher_is_better else "worse"
    text = f"{word} from {value_text(indicator, before)}"
    if judgement:
        text += f" ({judgement})"
    return Direction(word, judgement, text)


def target_status(
    indicator: Indicator, now: float | None, target: float | None, *, on: datetime.date
) -> tuple[str, str]:
    """(words, tag colour) for the figure against its target; a part month's figure is not yet
    judged against a whole month's target."""
    if target is None:
        return "No target set", "grey"
    if now is None or indicator.is_part_month(on):
        return f"Target {value_text(indicator, target)}", "grey"
    if indicator.higher_is_better is None:
        return f"Target {value_text(indicator, target)}", "grey"
    met = now >= target if indicator.higher_is_better else now <= target
    words = "Meets target" if met else "Misses target"
    return f"{words} of {value_text(indicator, target)}", "green" if met else "red"


def direction_of_travel_words(indicator: Indicator) -> str:
    if indicator.higher_is_better is None:
        return "Neither higher nor lower is better in itself"
    return "Higher is better" if indicator.higher_is_better else "Lower is better"


# Drill-down rows ------------------------------------------------------------------------------


def _person(young_person: Any) -> dict[str, Any]:
    # Every row of a drill-down is about someone the viewer may see (the scope comes from
    # people.selectors.young_people_visible_to), so every name links to their record.
    return {
        "text": young_person.display_name,
        "href": reverse("people:overview", kwargs={"pk": young_person.pk}),
    }


def _team(young_person: Any) -> str:
    return young_person.team.name if young_person.team_id else "No team"


def _adviser(row: Any) -> str:
    # `adviser_name` comes from drilldown.with_adviser, in the list's own query.
    return getattr(row, "adviser_name", None) or "No personal adviser"


def _heading(
    key: str,
    label: str,
    arrangement: Arrangement | None,
    base_query: str,
    *,
    numeric: bool = False,
) -> Any:
    """A column heading: a link that sorts the list by it (keeping `base_query`, the scope and
    which list), marked with which way it is sorted now; plain text without an arrangement."""
    if arrangement is None:
        return {"text": label, "format": "numeric"} if numeric else label
    params = urlencode(arrangement.sorted_by(key).params())
    heading = {
        "text": label,
        "href": f"?{base_query}&{params}" if params else f"?{base_query}",
        "sort": arrangement.aria_sort(key),
    }
    if numeric:
        heading["format"] = "numeric"
    return heading


def _plain_heading(column: Column) -> Any:
    return {"text": column.label, "format": "numeric"} if column.numeric else column.label


def _visit_due(young_person: Any, on: datetime.date) -> str:
    due = young_person.next_contact_due
    if due is None:
        return "None due"
    late = overdue_days(young_person, on)
    if late:
        return f"{format_date(due)} (overdue by {late} day{'s' if late != 1 else ''})"
    return format_date(due)


def _days_waiting_since(field: str, on: datetime.date) -> Column:
    """Days from the record's `field` (the date it started waiting) to `on`; sorted so that
    waiting longest, which started earliest, comes first."""
    return Column(
        "Days waiting",
        lambda row: (on - getattr(row, field)).days,
        sort=(f"-{field}",),
        numeric=True,
    )


def record_columns(
    indicator: Indicator, model: type[Model], *, on: datetime.date
) -> tuple[Column, ...] | None:
    """The columns of a list of `model` rows after the young person's name and adviser: the
    indicator's own, or those for its kind of record. None for a list of young people with
    the default columns (drilldown.YOUNG_PEOPLE), and for lists about nobody with none given
    (staff, posts), which keep their order.

    A column's `sort` names the database fields it sorts by; those without one are worked out
    in Python and cannot be sorted in the database.
    """
    if indicator.columns:
        return indicator.columns
    if not person_field(model) or model is YoungPerson:
        return None
    label = model._meta.label
    if label == "transitions.Referral":
        return (
            Column("Service", lambda row: row.service.name, sort=("service__name",)),
            Column("Referred", lambda row: row.referred_on, sort=("referred_on",)),
            _days_waiting_since("referred_on", on),
        )
    if label == "accommodation.HousingApplication":
        return (
            Column("Provider", lambda row: row.provider.name, sort=("provider__name",)),
            Column("Band", lambda row: row.band.name, sort=("band__name",)),
            Column("Applied", lambda row: row.applied_on, sort=("applied_on",)),
            _days_waiting_since("applied_on", on),
        )
    if label == "learning.PersonalEducationPlan":
        return (
            # The term's name is worked out in Python ("Autumn 2026"): not sortable.
            Column("Term", lambda row: row.term_label),
            Column("Due", lambda row: row.due_on, sort=("due_on",)),
            Column(
                "Completed",
                lambda row: row.completed_on or "Not yet",
                sort=("completed_on",),
            ),
        )
    if label == "offer.PaymentRequest":
        return (
            Column("What it was for", lambda row: row.description, sort=("description",)),
            Column(
                "Amount",
                lambda row: pounds(row.amount_pence / 100),
                sort=("amount_pence",),
                numeric=True,
            ),
            Column(
                "Approved",
                lambda row: row.decided_at.date() if row.decided_at else "",
                sort=("decided_at",),
            ),
        )
    # Any other record about a young person reads as itself, worked out in Python.
    return (Column("Record", str),)


def _record_table(
    columns: tuple[Column, ...],
    rows: list[Any],
    *,
    person: str,
    person_cell: Any,
    arrangement: Arrangement | None,
    base_query: str,
) -> tuple[list[Any], list[list[Any]]]:
    """A list of records: the young person and their adviser (when the records are about
    one), then the record's columns, the sortable ones with heading links."""

    def heading(column: Column) -> Any:
        if not column.sort:
            return _plain_heading(column)
        return _heading(column.key, column.label, arrangement, base_query, numeric=column.numeric)

    head: list[Any] = []
    if person:
        head += [
            _heading("name", "Name", arrangement, base_query),
            _heading("adviser", "Personal adviser", arrangement, base_query),
        ]
    head += [heading(column) for column in columns]
    body = []
    for row in rows:
        cells: list[Any] = []
        if person:
            young_person = row if person == "pk" else getattr(row, person)
            cells += [person_cell(young_person), _adviser(row)]
        body.append(cells + [column.value(row) for column in columns])
    return head, body


def member_table(
    indicator: Indicator,
    rows: Any,
    *,
    on: datetime.date,
    links: bool = True,
    arrangement: Arrangement | None = None,
    base_query: str = "",
) -> tuple[list[Any], list[list[Any]]]:
    """(head, rows) for a drill-down list of any kind of row. `links` False gives plain text
    (for spreadsheets). With an `arrangement` (drilldown.py), the headings of the columns the
    list sorts by are links that sort it (keeping `base_query`, the scope and which list)."""
    model = getattr(rows, "model", None)
    rows = list(rows)
    if model is None and rows:
        model = type(rows[0])
    head: list[Any]

    def person(young_person: Any) -> Any:
        cell = _person(young_person)
        return cell if links else cell["text"]

    if model is None:
        # An empty list given as a plain list: nothing says what its rows would be.
        return [_plain_heading(column) for column in indicator.columns], []
    columns = record_columns(indicator, model, on=on)
    if columns is not None:
        return _record_table(
            columns,
            rows,
            person=person_field(model),
            person_cell=person,
            arrangement=arrangement,
            base_query=base_query,
        )
    if not rows:
        return [], []
    if model is YoungPerson:
        # Who their adviser is, when they were last in touch and seen, and when a visit is
        # due: what a manager acts on (`adviser_name` comes from drilldown.with_adviser).
        def heading(key: str) -> Any:
            return _heading(key, SORTS[key].label, arrangement, base_query)

        head = [
            heading("name"),
            "Child ID",
            heading("age"),
            heading("team"),
            heading("adviser"),
            heading("last_contact"),
            heading("last_visit"),
            heading("next_due"),
        ]
        return head, [
            [
                person(row),
                row.child_id,
                age_on(row.date_of_birth, on),
                _team(row),
                _adviser(row),
                format_date(row.last_contact_on) if row.last_contact_on else "Not recorded",
                format_date(row.last_visit_on) if row.last_visit_on else "Not recorded",
                _visit_due(row, on),
            ]
            for row in rows
        ]
    if model._meta.label == "accounts.User":
        head = ["Name", "Team", "Job title"]
        return head, [
            [row.get_full_name(), row.team.name if row.team_id else "No team", row.job_title]
            for row in rows
        ]
    return ["Record"], [[str(row)] for row in rows]


def as_of_text(on: datetime.date) -> str:
    return format_date(on)
