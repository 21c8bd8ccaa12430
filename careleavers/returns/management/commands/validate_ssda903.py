"""`manage.py validate_ssda903 DIR --year YYYY`: run the sector's 903 validator on a folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careleavers.returns import ssda903
from careleavers.returns.validator import (
    ValidatorFailed,
    ValidatorUnavailable,
    run_validator,
)


class Command(BaseCommand):
    help = (
        "Run csc-validator-be-903 (in its own virtual environment, made on first use) over a "
        "folder of 903 CSVs and report the errors by rule and by child."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--la", default=ssda903.DEFAULT_LOCAL_AUTHORITY)
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--fail-on-errors",
            action="store_true",
            help="Exit with an error when the validator finds any error.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        try:
            report = run_validator(
                folder,
                year=options["year"],
                local_authority=options["la"],
                log=self.stdout.write,
            )
        except (ValidatorUnavailable, ValidatorFailed) as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(report.to_json()))
        else:
            self._print(report)
        if options["fail_on_errors"] and report.error_count:
            raise CommandError(f"The validator found {report.error_count} error(s).")

    def _print(self, report: Any) -> None:
        self.stdout.write(
            f"Collection year {ssda903.collection_year_label(report.collection_year)}, "
            f"tables: {', '.join(report.tables) or 'none'}."
        )
        self.stdout.write(
            f"Rules run: {report.rules_run}, skipped: {report.rules_skipped}, "
            f"failed to run: {', '.join(report.rules_failed) or 'none'}."
        )
        care_leaver = report.care_leaver_issues()
        self.stdout.write(
            f"Errors: {report.error_count} (OC3 table or care-leaver rules: {len(care_leaver)})."
        )
        if not report.error_count:
            self.stdout.write(self.style.SUCCESS("No errors."))
            return
        self.stdout.write("\nBy rule:")
        for rule in report.by_rule():
            marker = " [care leavers]" if rule.about_care_leavers else ""
            self.stdout.write(
                f"  {rule.code}{marker} ({rule.count}, {', '.join(rule.tables)}): {rule.message}"
            )
        self.stdout.write("\nBy child:")
        for child, rules in report.by_child():
            self.stdout.write(f"  {child}: {', '.join(rules)}")
