"""`manage.py validate_ssda903 DIR --year YYYY`: run the sector's 903 validator on a folder.

The previous year's return goes to the validator too when there is one, so its rules that
compare years run: `--previous DIR`, or else a folder beside DIR named for the year before
(out/2026 beside out/2027, or 2025-26 beside 2026-27). The earlier care episodes held here for
the young people in DIR are added to it, as the web check does (selectors.ssda903_with_history):
the validator sees only two years, the DfE all of them.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careleavers.returns import selectors, services, ssda903
from careleavers.returns.ssda903_files import year_in_name
from careleavers.returns.validator import (
    ValidatorFailed,
    ValidatorUnavailable,
    run_validator,
)


class Command(BaseCommand):
    help = (
        "Run csc-validator-be-903 (in its own environment, made by prepare_ssda903_validator) "
        "over a folder of 903 CSVs and report the errors by rule and by child."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--la", default=ssda903.DEFAULT_LOCAL_AUTHORITY)
        parser.add_argument(
            "--previous",
            type=Path,
            help="The previous year's return (a folder of CSVs). Found beside DIR when not given.",
        )
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
        previous = options["previous"] or previous_year_beside(folder, options["year"])
        if previous is not None and not previous.is_dir():
            raise CommandError(f"{previous} is not a folder.")
        if previous is not None and not options["json"]:
            self.stdout.write(
                f"With the previous year's return from {previous}, and the earlier care "
                "episodes held here for the young people in this year's."
            )
        try:
            with tempfile.TemporaryDirectory(prefix="ssda903-previous-") as scratch:
                report = run_validator(
                    folder,
                    year=options["year"],
                    local_authority=options["la"],
                    previous=(
                        with_history(previous, folder, options["year"], Path(scratch))
                        if previous is not None
                        else None
                    ),
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
        for code, count, why in report.faults_by_rule():
            self.stdout.write(f"Not counted as errors: {count} row(s) of rule {code}. {why}")
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


def previous_year_beside(folder: Path, year: int) -> Path | None:
    """A folder beside ``folder`` whose name gives the year before ``year``, holding a 903
    header file; None when there is none (or more than one)."""
    parent = folder.resolve().parent
    found = [
        path
        for path in parent.iterdir()
        if path.is_dir()
        and path.resolve() != folder.resolve()
        and year_in_name(path.name) == year - 1
        and (path / "header.csv").is_file()
    ]
    return found[0] if len(found) == 1 else None


def _tables(folder: Path) -> dict[str, list[dict[str, str]]]:
    """The 903 tables in a folder of CSVs, recognised by their headers."""
    found: dict[str, list[dict[str, str]]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            table = ssda903.table_for_columns(reader.fieldnames or ())
            if table in ssda903.USED_TABLES:
                found[table] = [
                    {key.strip().upper(): value or "" for key, value in row.items() if key}
                    for row in reader
                ]
    return found


def with_history(previous: Path, this_year: Path, year: int, scratch: Path) -> Path:
    """The previous year's return with the earlier episodes held here for this year's young
    people, written to ``scratch``."""
    tables = _tables(previous)
    last_year = selectors.Ssda903Return(
        year=year - 1,
        header=tables.get("header", []),
        episodes=tables.get("episodes", []),
        uasc=tables.get("uasc", []),
        oc3=tables.get("oc3", []),
    )
    this = _tables(this_year)
    current = selectors.Ssda903Return(
        year=year, header=this.get("header", []), uasc=this.get("uasc", [])
    )
    services.write_return(selectors.ssda903_with_history(last_year, this_year=current), scratch)
    return scratch
