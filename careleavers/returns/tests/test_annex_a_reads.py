"""Annex A List 9 reads only what its values for today can depend on: each young person's latest
contact (ever, and by today) and the activities and stays covering today. Checked against the
values worked out from everyone's whole histories, with records on each side of every boundary:
the day before, the day itself and the day after; the first and last day of the in-touch window;
and a contact late in the evening in England."""

from __future__ import annotations

import dataclasses
import datetime
import zoneinfo

import pytest

from careleavers.accommodation.tests.factories import StayFactory
from careleavers.casework.tests.factories import ContactFactory
from careleavers.core import dfe_codes
from careleavers.core.dates import add_months
from careleavers.learning.tests.factories import ActivityEpisodeFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.returns import annex_a, outcomes, selectors, ssda903

TODAY = datetime.date(2026, 12, 5)
ONE_DAY = datetime.timedelta(days=1)
LONDON = zoneinfo.ZoneInfo("Europe/London")
COLUMN = {name: index for index, name in enumerate(annex_a.COLUMNS)}


def _contact(person, day: datetime.date, hour: int = 12, minute: int = 0) -> None:
    at = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)
    ContactFactory(young_person=person, occurred_at=at)


def _care_leaver(child_id: str):
    return YoungPersonFactory(
        child_id=child_id, category="former_relevant", date_of_birth=datetime.date(2005, 6, 1)
    )


def _accom_parts(accom: str | None) -> tuple[str, bool] | None:
    return None if not accom or accom == ssda903.ZERO else dfe_codes.accom_parts(accom)


def _whole_history_values(ids: list[int]) -> dict[int, ssda903.Oc3Values]:
    """The values as worked out from every contact in the window and every spell ever."""
    window = selectors.oc3_facts_for(ids, start=add_months(TODAY, -3), end=TODAY)
    activities, stays = outcomes.activities_for(ids), outcomes.accommodations_for(ids)
    return {
        pk: ssda903.current_values(
            dataclasses.replace(
                window[pk],
                activities=tuple(activities.get(pk, ())),
                accommodations=tuple(stays.get(pk, ())),
            ),
            today=TODAY,
        )
        for pk in ids
    }


@pytest.mark.django_db
def test_list_9_says_what_the_whole_histories_say() -> None:
    window_opens = add_months(TODAY, -ssda903.WINDOW_MONTHS_BEFORE)

    # In touch today, late in the evening; an activity whose last day is today, another that
    # ended yesterday; a stay that goes on.
    today_late = _care_leaver("TODAY")
    _contact(today_late, TODAY, 23, 30)
    ActivityEpisodeFactory(
        young_person=today_late, activ="F2", start=TODAY - 100 * ONE_DAY, end=TODAY
    )
    ActivityEpisodeFactory(
        young_person=today_late,
        activ="G5",
        start=TODAY - 300 * ONE_DAY,
        end=TODAY - ONE_DAY,
    )
    StayFactory(young_person=today_late, accom_type="D", suitable=True, start=TODAY - 60 * ONE_DAY)

    # Reached on the window's first day, and once after today (a record dated tomorrow): in
    # touch by the first, latest contact the second. An activity starting tomorrow and a stay
    # that ended today (its end is the day after its last) cover nothing today.
    window_edge = _care_leaver("EDGE")
    _contact(window_edge, window_opens, 9)
    _contact(window_edge, TODAY + ONE_DAY, 0, 30)
    ActivityEpisodeFactory(young_person=window_edge, activ="F1", start=TODAY + ONE_DAY)
    StayFactory(
        young_person=window_edge,
        accom_type="U",
        suitable=True,
        start=TODAY - 200 * ONE_DAY,
        end=TODAY,
    )

    # Last reached the day before the window opened: not in touch, but List 9 still gives
    # what is recorded for today beside the latest contact.
    lost = _care_leaver("LOST")
    _contact(lost, window_opens - ONE_DAY)
    ActivityEpisodeFactory(young_person=lost, activ="F5", start=TODAY - 10 * ONE_DAY)
    StayFactory(
        young_person=lost,
        accom_type="U",
        suitable=False,
        start=TODAY,
        end=TODAY + ONE_DAY,
    )

    # Never reached: an attempt that did not reach them is no contact.
    never = _care_leaver("NEVER")
    ContactFactory(
        young_person=never,
        made_contact=False,
        occurred_at=datetime.datetime.combine(TODAY, datetime.time(10), tzinfo=LONDON),
    )

    rows = {row[0]: row for row in selectors.annex_a_rows(today=TODAY)}
    people = [today_late, window_edge, lost, never]
    expected = _whole_history_values([person.pk for person in people])
    for person in people:
        row, values = rows[person.child_id], expected[person.pk]
        assert row[COLUMN["LA in Touch"]] == annex_a.IN_TOUCH[values.in_touch]
        assert row[COLUMN["Activity Status"]] == annex_a.ACTIVITY.get(values.activ or "", "")
        parts = _accom_parts(values.accom)
        assert row[COLUMN["Type of Accommodation"]] == (
            annex_a.ACCOMMODATION[parts[0]] if parts else ""
        )

    # The worked example, column by column.
    def columns(child_id: str) -> tuple[str, ...]:
        row = rows[child_id]
        return tuple(
            row[COLUMN[name]]
            for name in (
                "LA in Touch",
                "Latest Date of Contact",
                "Activity Status",
                "Type of Accommodation",
                "Suitability of Accommodation",
            )
        )

    assert columns("TODAY") == (
        "a) Yes",
        "05/12/2026",
        annex_a.ACTIVITY["F2"],
        annex_a.ACCOMMODATION["D"],
        "a) Suitable",
    )
    assert columns("EDGE") == ("a) Yes", "06/12/2026", "", "", "")
    assert columns("LOST") == (
        "b) No",
        ssda903.format_date(window_opens - ONE_DAY),
        annex_a.ACTIVITY["F5"],
        annex_a.ACCOMMODATION["U"],
        "b) Unsuitable",
    )
    assert columns("NEVER") == ("b) No", "", "", "", "")
