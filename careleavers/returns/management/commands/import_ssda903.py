"""`manage.py import_ssda903 PATH [PATH ...]`: import 903 returns, one year or several."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careleavers.returns.importer import ssda903_import


class Command(BaseCommand):
    help = (
        "Import SSDA903 returns into one care history. Each PATH is a return (a folder of "
        "CSVs, or an XML file) or a folder holding a folder or XML file per year; name each "
        "by its year (2025-26 or 2026). Header, episodes, uasc and oc3 are used, other tables "
        "are reported as ignored. All or nothing: every problem is reported with its file, "
        "row and column, and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, nargs="+")
        parser.add_argument(
            "--year",
            type=int,
            help="The collection year of a single return (the year it ends on 31 March), "
            "when its name does not say. Otherwise the year of its latest episode date.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["path"]
        for path in paths:
            if not path.exists():
                raise CommandError(f"{path} does not exist.")
        if options["year"] is not None and len(paths) > 1:
            raise CommandError("--year is for one return: name each year's folder by its year.")
        report = ssda903_import(acting_user=None, path=paths, collection_year=options["year"])
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.problem_count:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Import refused: {report.problem_count:,} problem(s). Nothing was imported."
            )
        self.stdout.write(self.style.SUCCESS("Import complete."))
