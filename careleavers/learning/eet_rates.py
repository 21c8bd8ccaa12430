"""EET rates by age band, and the national figures shipped with the app.

Pure functions over plain values, plus the reader of the national figures file (a CSV inside
this app, copied from the DfE's published statistics; see data/SOURCE.md). Nothing is fetched at
run time.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from careleavers.core.dates import add_months, age_on

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


def latest_born_aged(age: int, on: datetime.date) -> datetime.date:
    """The latest date of birth of someone aged at least `age` on `on` (core.dates.age_on: a
    year is added on the birthday, 1 March for 29 February). Everyone born on or before it is
    that old; everyone born after it is younger."""
    born = add_months(on, -12 * age)
    while age_on(born, on) < age:
        born -= datetime.timedelta(days=1)
    while age_on(born + datetime.timedelta(days=1), on) >= age:
        born += datetime.timedelta(days=1)
    return born


def born_in_band(band: AgeBand, on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last dates of birth of the people in `band` on `on`, so the database can
    place each person in their band by date of birth alone."""
    first = latest_born_aged(band.oldest + 1, on) + datetime.timedelta(days=1)
    return first, latest_born_aged(band.youngest, on)


@dataclass(frozen=True)
class BandRate:
    """EET, NEET and not known in an age band. The denominator is the whole band, so someone
    with no activity recorded lowers the rate, as in the DfE measure (docs/data/indicators.md,
    N3); the numerator is ACTIV F1 P1 F2 P2 F4 P4 F5 P5."""

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
