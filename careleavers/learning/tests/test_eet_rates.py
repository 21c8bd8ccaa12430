"""EET rates by age band and the shipped national figures (eet_rates.py)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import age_on
from careleavers.learning.eet_rates import (
    AGE_BANDS,
    born_in_band,
    latest_national_figure,
    national_figures,
)

D = datetime.date


@given(
    st.dates(min_value=D(1990, 1, 1), max_value=D(2015, 12, 31)),
    st.dates(min_value=D(2020, 1, 1), max_value=D(2032, 12, 31)),
)
def test_a_band_holds_exactly_the_dates_of_birth_of_its_ages(
    date_of_birth: datetime.date, on: datetime.date
) -> None:
    age = age_on(date_of_birth, on)
    for band in AGE_BANDS:
        first, last = born_in_band(band, on)
        assert (first <= date_of_birth <= last) == (band.youngest <= age <= band.oldest)


@pytest.mark.parametrize(
    ("on", "band", "expected"),
    [
        # On 1 June 2025 the 17 and 18 year olds were born 2 June 2006 to 1 June 2008.
        (D(2025, 6, 1), AGE_BANDS[0], (D(2006, 6, 2), D(2008, 6, 1))),
        # Born on 29 February, a year is added on 1 March: on 28 February 2026 someone born
        # 29 February 2008 is still 17.
        (D(2026, 2, 28), AGE_BANDS[0], (D(2007, 3, 1), D(2009, 2, 28))),
    ],
)
def test_band_dates_of_birth(on: datetime.date, band, expected) -> None:
    assert born_in_band(band, on) == expected


def test_the_national_figures_are_shipped_with_their_source() -> None:
    figure = latest_national_figure("19-21")
    assert figure is not None
    assert (figure.year, figure.percent) == (2025, 54.0)
    assert "CareLeaverEET" in figure.source
    assert latest_national_figure("17-18") is None
    assert all(figure.basis and figure.source for figure in national_figures())
