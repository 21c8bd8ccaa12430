"""EET rates by age band, and the national figures shipped with the app.

Pure functions over plain values, plus the reader of the national figures file (a CSV inside
this app, copied from the DfE's published statistics; see data/SOURCE.md). Nothing is fetched at
run time.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from careleavers.core.dates import age_on
from careleavers.core.dfe_codes import ACTIV_EET, ACTIV_NEET

NATIONAL_FIGURES = Path(__file__).resolve().parent / "data" / "national_eet.csv"


@dataclass(frozen=True)
class AgeBand:
    key: str
    label: str
    youngest: int
    oldest: int


# The DfE's care-leaver age groups (docs/data/indicators.md: 17-18, 19-21 and, from 2022/23,
# 22-25).
AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("17-18", "Aged 17 to 18", 17, 18),
    AgeBand("19-21", "Aged 19 to 21", 19, 21),
    AgeBand("22-25", "Aged 22 to 25", 22, 25),
)


def age_band_for(age: int) -> AgeBand | None:
    for band in AGE_BANDS:
        if band.youngest <= age <= band.oldest:
            return band
    return None


@dataclass(frozen=True)
class PersonActivity:
    date_of_birth: datetime.date
    activ: str | None  # the current ACTIV code, or None when nothing is recorded


@dataclass(frozen=True)
class BandRate:
    band: AgeBand
    cohort: int
    eet: int
    neet: int
    not_known: int

    @property
    def eet_rate(self) -> float | None:
        return round(100 * self.eet / self.cohort, 1) if self.cohort else None

    @property
    def neet_rate(self) -> float | None:
        return round(100 * self.neet / self.cohort, 1) if self.cohort else None


def eet_rates_by_band(people: Iterable[PersonActivity], *, on: datetime.date) -> list[BandRate]:
    """EET, NEET and not known by age band on `on`.

    Numerator ACTIV F1 P1 F2 P2 F4 P4 F5 P5; the denominator is the whole band, so someone with
    no activity recorded lowers the rate, as in the DfE measure (docs/data/indicators.md, N3).
    """
    tallies = {band.key: [0, 0, 0, 0] for band in AGE_BANDS}
    for person in people:
        band = age_band_for(age_on(person.date_of_birth, on))
        if band is None:
            continue
        tally = tallies[band.key]
        tally[0] += 1
        if person.activ in ACTIV_EET:
            tally[1] += 1
        elif person.activ in ACTIV_NEET:
            tally[2] += 1
        else:
            tally[3] += 1
    return [BandRate(band, *tallies[band.key]) for band in AGE_BANDS]


@dataclass(frozen=True)
class NationalFigure:
    band: str
    year: int  # the collection year ending 31 March
    percent: float
    basis: str  # what the figure counts, in plain words
    source: str


@cache
def national_figures() -> tuple[NationalFigure, ...]:
    """Every national EET figure shipped in data/national_eet.csv."""
    with NATIONAL_FIGURES.open(newline="", encoding="utf-8") as handle:
        return tuple(
            NationalFigure(
                band=row["age_band"],
                year=int(row["year"]),
                percent=float(row["percent"]),
                basis=row["basis"],
                source=row["source"],
            )
            for row in csv.DictReader(handle)
        )


def latest_national_figure(band: str) -> NationalFigure | None:
    """The most recent national figure for an age band, or None if none was published."""
    figures = [figure for figure in national_figures() if figure.band == band]
    return max(figures, key=lambda figure: figure.year) if figures else None
