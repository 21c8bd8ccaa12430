"""`manage.py export_ssda903 --year YYYY --out DIR`: the care-leaver 903 return of a year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from careleavers.core.replica import reads_from_replica
from careleavers.returns import ssda903
from careleavers.returns.services import ssda903_export


class Command(BaseCommand):
    help = (
        "Write the care-leaver cohort of a collection year as header.csv, episodes.csv, "
        "uasc.csv and oc3.csv (YYYY is the year the collection ends on 31 March)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        year, out = options["year"], options["out"]
        # The export is a long read of every record: a replica, when there is one, carries it.
        with reads_from_replica():
            result = ssda903_export(acting_user=None, year=year, out_dir=out)
        self.stdout.write(
            f"Collection year {ssda903.collection_year_label(year)}: {len(result.oc3)} care "
            f"leavers of {result.considered} young people aged 17 to 25; "
            f"{len(result.episodes)} episodes, {len(result.uasc)} UASC rows."
        )
        for reason, count in sorted(result.excluded.items()):
            self.stdout.write(f"  Not in the cohort ({count}): {reason}")
        if result.as_returned:
            self.stdout.write(
                f"  {result.as_returned} OC3 row(s) are as an imported return for the year had "
                "them."
            )
        if result.provisional:
            self.stdout.write(
                self.style.WARNING(
                    f"Provisional: {len(result.provisional)} row(s) are about a day still to come "
                    "or a window still open (3 months before a birthday to 1 month after it, or "
                    "the latest contact in a year not yet ended). Contact and records before "
                    "then can change them, so export the year again once it has ended:"
                )
            )
            for child, when in result.provisional:
                self.stdout.write(f"  {child}: {when}")
        if result.gaps:
            self.stdout.write(
                self.style.WARNING(
                    f"{len({child for child, _ in result.gaps})} young people's rows are "
                    "incomplete; record what is missing, or the validator will say so:"
                )
            )
            for child, note in result.gaps:
                self.stdout.write(f"  {child}: {note}")
        self.stdout.write(self.style.SUCCESS(f"Written to {out}."))
