"""`manage.py import_ssda903 PATH`: import a 903 return (a folder of CSVs or one XML file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careleavers.returns.services import ssda903_import


class Command(BaseCommand):
    help = (
        "Import an SSDA903 return: a folder of CSVs (header, episodes, uasc and oc3 are used, "
        "other tables are reported as ignored) or one XML file. All or nothing: any problem "
        "is reported with its file, row and column, and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--year",
            type=int,
            help="The collection year the files are for (the year it ends on 31 March). "
            "Defaults to the year of the latest episode date. Used for the OC3 rows.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        report = ssda903_import(acting_user=None, path=path, collection_year=options["year"])
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.problems:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Import refused: {len(report.problems)} problem(s). Nothing was imported."
            )
        self.stdout.write(self.style.SUCCESS("Import complete."))
