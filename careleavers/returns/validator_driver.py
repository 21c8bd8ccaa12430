"""Run the sector's SSDA903 validator on a folder of CSVs and print the result as JSON.

This script runs inside the validator's own virtual environment (.venv-903), never the
application's: csc-validator-be-903 pins pandas below 2. It imports nothing from the project
and nothing from Django. `careleavers.returns.validator` runs it with subprocess and reads the
one JSON document it prints on standard output.

    python validator_driver.py FOLDER COLLECTION_YEAR [LA_CODE [PREVIOUS_YEAR_FOLDER]]

With the previous year's return (the validator's "Prev year" files) the cross-year rules run
too, for example 207 (mother status), 348 (died) and the 503 series (the first episode this
year against the one open at the end of last year).

The calls mirror the package's own `rpc_main.lac_validate` (docs/data/ssda903.md section 5).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys

# The 903 table files the validator knows, by their usual names (docs/data/ssda903.md section 1).
# The validator recognises a table by its column headers, not its name, so any of these may be
# missing: rules that need a missing table are skipped.
TABLE_FILES = (
    "header",
    "episodes",
    "reviews",
    "uasc",
    "oc2",
    "oc3",
    "ad1",
    "placed_for_adoption",
    "previous_permanence",
    "missing",
    "sw_episodes",
)


def _plain(value: object) -> object:
    """Make a pandas or numpy value JSON-friendly."""
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    return value


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        sys.stderr.write(
            "usage: validator_driver.py FOLDER COLLECTION_YEAR [LA_CODE [PREVIOUS_FOLDER]]\n"
        )
        return 2
    folder, year = argv[1], argv[2]
    local_authority = argv[3] if len(argv) > 3 else "E08000032"
    previous = argv[4] if len(argv) > 4 else ""
    logging.disable(logging.INFO)

    # The validator prints progress; keep standard output for the JSON alone.
    noise = io.StringIO()
    with contextlib.redirect_stdout(noise):
        from lac_validator import lac_validator
        from lac_validator.report import Report
        from lac_validator.rules.ruleset_utils import get_year_ruleset
        from lac_validator.utils import process_uploaded_files

        uploads = {"This year": _existing(folder)}
        if previous:
            uploads["Prev year"] = _existing(previous)
        files = process_uploaded_files(uploads)
        registry = get_year_ruleset(year)
        validator = lac_validator.LacValidator(
            metadata={"collectionYear": year, "localAuthority": local_authority},
            files=files,
            registry=registry,
            selected_rules=None,
        )
        report = Report(validator.ds_results, registry)

    rules = {
        str(rule.code): {"message": str(rule.message), "fields": list(rule.affected_fields)}
        for rule in registry.values()
    }
    frame = report.report
    error_columns = [column for column in frame.columns if str(column).startswith("ERR_")]
    issues = []
    for column in error_columns:
        hits = frame[frame[column] == True]  # noqa: E712 - pandas element-wise comparison
        for _, hit in hits.iterrows():
            issues.append(
                {
                    "rule": str(column)[4:],
                    "table": str(hit["Table"]),
                    "row": int(str(_plain(hit["RowID"]))),
                    "child": "" if hit["CHILD"] != hit["CHILD"] else str(hit["CHILD"]),
                }
            )
    result = {
        "collection_year": year,
        "local_authority": local_authority,
        "tables": sorted(str(name) for name in validator.ds_results if name != "metadata"),
        "previous_year": bool(previous),
        "rules_run": len(validator.dones),
        "rules_skipped": len(validator.skips),
        "rules_failed": [str(code) for code in _codes(validator.fails)],
        "rules": rules,
        "issues": issues,
    }
    sys.stdout.write(json.dumps(result))
    return 0


def _existing(folder: str) -> list[str]:
    paths = [os.path.join(folder, f"{name}.csv") for name in TABLE_FILES]
    return [path for path in paths if os.path.exists(path)]


def _codes(items: object) -> list[object]:
    # `fails` holds rule codes, or (code, error) pairs, depending on the release.
    codes = []
    for item in items:  # type: ignore[attr-defined]
        codes.append(item[0] if isinstance(item, tuple) else item)
    return codes


if __name__ == "__main__":
    sys.exit(main(sys.argv))
