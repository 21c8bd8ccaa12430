"""EET rates by age band and the shipped national figures (eet_rates.py)."""

from __future__ import annotations

import datetime

import pytest

from careleavers.learning.eet_rates import (
    PersonActivity,
    age_band_for,
    eet_rates_by_band,
    latest_national_figure,
    national_figures,
)

D = datetime.date
TODAY = D(2025, 6, 1)


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (16, None),
        (17, "17-18"),
        (18, "17-18"),
        (19, "19-21"),
        (21, "19-21"),
        (22, "22-25"),
        (25, "22-25"),
        (26, None),
    ],
)
def test_age_bands(age: int, band: str | None) -> None:
    found = age_band_for(age)
    assert (found.key if found else None) == band


def test_rates_count_everyone_in_the_band_including_not_known() -> None:
    people = [
        PersonActivity(D(2007, 5, 1), "F2"),  # 18: EET
        PersonActivity(D(2007, 6, 2), "G5"),  # 17 (18 tomorrow): NEET
        PersonActivity(D(2005, 1, 1), "F5"),  # 20: EET
        PersonActivity(D(2005, 1, 1), "P4"),  # 20: EET
        PersonActivity(D(2004, 6, 1), None),  # 21 today: not known
        PersonActivity(D(2003, 6, 2), "G6"),  # 21 (22 tomorrow): NEET
        PersonActivity(D(2000, 1, 1), "F1"),  # 25: EET
        PersonActivity(D(1999, 1, 1), "F1"),  # 26: outside every band
        PersonActivity(D(2009, 1, 1), "F2"),  # 16: outside every band
    ]
    rows = {row.band.key: row for row in eet_rates_by_band(people, on=TODAY)}
    assert (rows["17-18"].cohort, rows["17-18"].eet, rows["17-18"].neet) == (2, 1, 1)
    assert rows["17-18"].eet_rate == 50.0
    assert (
        rows["19-21"].cohort,
        rows["19-21"].eet,
        rows["19-21"].neet,
        rows["19-21"].not_known,
    ) == (4, 2, 1, 1)
    assert rows["19-21"].eet_rate == 50.0
    assert (rows["22-25"].cohort, rows["22-25"].eet_rate) == (1, 100.0)


def test_an_empty_band_has_no_rate() -> None:
    rows = eet_rates_by_band([], on=TODAY)
    assert [row.eet_rate for row in rows] == [None, None, None]


def test_the_national_figures_are_shipped_with_their_source() -> None:
    figure = latest_national_figure("19-21")
    assert figure is not None
    assert (figure.year, figure.percent) == (2025, 54.0)
    assert "CareLeaverEET" in figure.source
    assert latest_national_figure("17-18") is None
    assert all(figure.basis and figure.source for figure in national_figures())
