"""The sector's SSDA903 validator (csc-validator-be-903), run in a virtual environment of its own.

The validator pins pandas below 2 and numpy below 1.25, so it must never be installed in the
application's environment (docs/data/ssda903.md section 5). `manage.py prepare_ssda903_validator`
creates `.venv-903/` in the project root (or SSDA903_VALIDATOR_VENV) and installs the pinned
release from PyPI when the service is set up (scripts/start, scripts/test, each release); checking
a return runs `validator_driver.py` there with subprocess, reading its JSON, and never downloads
anything: without the environment the check says how to make it, and `check --deploy` fails
(returns.E001).
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks

from careleavers.core.dates import age_on
from careleavers.returns.ssda903 import (
    DEFAULT_LOCAL_AUTHORITY,
    collection_end,
    parse_date,
)

VALIDATOR_REQUIREMENT = "csc-validator-be-903==0.1.17"
DRIVER = Path(__file__).with_name("validator_driver.py")
# The rulesets the pinned release holds: lac2022_23 to lac2026_27 (docs/data/ssda903.md section 5).
SUPPORTED_YEARS = range(2023, 2028)
INSTALL_TIMEOUT_SECONDS = 900
RUN_TIMEOUT_SECONDS = 600

# Rules about the care-leaver (OC3) cohort in the 2022/23 to 2026/27 rulesets: those whose code
# reads the OC3 table (docs/data/ssda903.md section 2). A return built by this service must pass
# them.
CARE_LEAVER_RULES = frozenset(
    {
        "1000",
        "1001",
        "1002",
        "1007",
        "1010",
        "1011",
        "1012",
        "1014",
        "1016",
        "131",
        "132",
        "133",
        "134",
        "153",
        "165",
        "187",
        "215",
        "3001",
        "344",
        "345",
        "347",
        "348",
        "391",
        "628",
        "EPI",
        "INT06",
        "INT15",
        "INT34",
    }
)


class ValidatorUnavailable(Exception):
    """The validator's environment is not there and could not be made."""


class ValidatorFailed(Exception):
    """The validator ran but did not produce a report."""


def venv_dir() -> Path:
    configured = os.environ.get("SSDA903_VALIDATOR_VENV") or getattr(
        settings, "SSDA903_VALIDATOR_VENV", ""
    )
    return Path(configured) if configured else Path(settings.BASE_DIR) / ".venv-903"


def _python(venv: Path) -> Path:
    return venv / "bin" / "python"


def _marker(venv: Path) -> Path:
    return venv / "careleavers-installed.txt"


def is_installed() -> bool:
    venv = venv_dir()
    marker = _marker(venv)
    return (
        _python(venv).exists()
        and marker.exists()
        and marker.read_text().strip() == VALIDATOR_REQUIREMENT
    )


NOT_INSTALLED = (
    f"The SSDA903 validator ({VALIDATOR_REQUIREMENT}) is not installed on this server. Whoever "
    "runs the service installs it once with `python manage.py prepare_ssda903_validator`; "
    "checking a return never downloads it."
)


def installed_python() -> Path:
    """The validator environment's Python, which setting up the service made."""
    if not is_installed():
        raise ValidatorUnavailable(f"{NOT_INSTALLED} It was looked for in {venv_dir()}.")
    return _python(venv_dir())


def check_validator_installed(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """`check --deploy`: a council's servers have the validator ready before analysts ask for a
    check, rather than finding out from a failed check."""
    if is_installed():
        return []
    return [
        checks.Error(
            NOT_INSTALLED,
            hint=f"Run `manage.py prepare_ssda903_validator` to install it in {venv_dir()}.",
            id="returns.E001",
        )
    ]


def ensure_installed(*, log: Any = None) -> Path:
    """The validator environment's Python, creating the environment first if needed: only
    `manage.py prepare_ssda903_validator` calls this.

    A lock file keeps parallel test workers or two commands from installing at once.
    """
    venv = venv_dir()
    if is_installed():
        return _python(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    lock_path = venv.parent / f"{venv.name}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_installed():
            return _python(venv)
        if log:
            log(f"Creating the validator's environment in {venv}…")
        try:
            if not _python(venv).exists():
                subprocess.run(
                    [sys.executable, "-m", "venv", "--clear", str(venv)],
                    check=True,
                    capture_output=True,
                    timeout=INSTALL_TIMEOUT_SECONDS,
                )
            subprocess.run(
                [
                    str(_python(venv)),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    VALIDATOR_REQUIREMENT,
                ],
                check=True,
                capture_output=True,
                timeout=INSTALL_TIMEOUT_SECONDS,
            )
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            raise ValidatorUnavailable(
                f"Could not install {VALIDATOR_REQUIREMENT} in {venv}: {error} "
                f"{detail.decode(errors='replace')[-2000:]}"
            ) from error
        _marker(venv).write_text(VALIDATOR_REQUIREMENT + "\n")
    return _python(venv)


@dataclass(frozen=True)
class Issue:
    rule: str
    table: str
    row: int
    child: str


@dataclass(frozen=True)
class KnownFault:
    """A fault in the pinned validator release that reports correct rows as errors. Issues it
    raises are shown apart in the report, with the reason, never hidden or counted as errors."""

    rule: str
    why: str
    # Whether an issue of the rule, for a young person born on this day (None: not known), in
    # this collection year, is the fault's.
    applies: Callable[[date | None, int], bool]


def _aged_20_by_year_end(date_of_birth: date | None, year: int) -> bool:
    return date_of_birth is not None and age_on(date_of_birth, collection_end(year)) >= 20


KNOWN_FAULTS = {
    fault.rule: fault
    for fault in (
        KnownFault(
            rule="1001",
            why=(
                "A fault in the validator: rule 1001 leaves young people aged 20 or over at the "
                "end of the year out of its count of their care since 14, then reads the missing "
                "count as no care, so once last year's return is loaded it reports every one of "
                f"them ({VALIDATOR_REQUIREMENT}, lac_validator/rules/lac2022_23/rule_1001.py)."
            ),
            applies=_aged_20_by_year_end,
        ),
    )
}


@dataclass
class RuleSummary:
    code: str
    message: str
    count: int
    tables: list[str]
    about_care_leavers: bool


@dataclass
class ValidatorReport:
    """What the validator said about a folder of 903 files for a collection year."""

    collection_year: int
    local_authority: str
    tables: list[str]
    rules_run: int
    rules_skipped: int
    rules_failed: list[str]
    rules: dict[str, dict[str, Any]]
    issues: list[Issue] = field(default_factory=list)
    # Whether last year's return was given, so the rules comparing years ran.
    previous_year: bool = False
    # Issues raised by a known fault of the validator (KNOWN_FAULTS), not errors in the return.
    faults: list[Issue] = field(default_factory=list)

    def set_aside_known_faults(self, dates_of_birth: Mapping[str, date]) -> None:
        """Move the issues a known fault of the validator raised into `faults`."""
        year = self.collection_year
        kept: list[Issue] = []
        for issue in self.issues:
            fault = KNOWN_FAULTS.get(issue.rule)
            if fault is not None and fault.applies(dates_of_birth.get(issue.child), year):
                self.faults.append(issue)
            else:
                kept.append(issue)
        self.issues = kept

    def faults_by_rule(self) -> list[tuple[str, int, str]]:
        counts: Counter[str] = Counter(issue.rule for issue in self.faults)
        return [(code, count, KNOWN_FAULTS[code].why) for code, count in sorted(counts.items())]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ValidatorReport:
        return cls(
            collection_year=int(data["collection_year"]),
            local_authority=data.get("local_authority", ""),
            tables=list(data.get("tables", [])),
            rules_run=int(data.get("rules_run", 0)),
            rules_skipped=int(data.get("rules_skipped", 0)),
            rules_failed=[str(code) for code in data.get("rules_failed", [])],
            rules=dict(data.get("rules", {})),
            issues=[Issue(**issue) for issue in data.get("issues", [])],
            previous_year=bool(data.get("previous_year", False)),
            faults=[Issue(**issue) for issue in data.get("faults", [])],
        )

    def to_json(self, *, keep_rules: str = "used") -> dict[str, Any]:
        """For storage; only the rules that found something are kept with their words."""
        used = {issue.rule for issue in [*self.issues, *self.faults]}
        return {
            "collection_year": self.collection_year,
            "local_authority": self.local_authority,
            "tables": self.tables,
            "rules_run": self.rules_run,
            "rules_skipped": self.rules_skipped,
            "rules_failed": self.rules_failed,
            "rules": {
                code: rule
                for code, rule in self.rules.items()
                if keep_rules == "all" or code in used
            },
            "issues": [issue.__dict__ for issue in self.issues],
            "previous_year": self.previous_year,
            "faults": [issue.__dict__ for issue in self.faults],
        }

    @property
    def error_count(self) -> int:
        return len(self.issues)

    def by_rule(self) -> list[RuleSummary]:
        counts: Counter[str] = Counter(issue.rule for issue in self.issues)
        tables: dict[str, set[str]] = defaultdict(set)
        for issue in self.issues:
            tables[issue.rule].add(issue.table)
        return [
            RuleSummary(
                code=code,
                message=str(self.rules.get(code, {}).get("message", "")),
                count=count,
                tables=sorted(tables[code]),
                about_care_leavers=code in CARE_LEAVER_RULES,
            )
            for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]

    def by_child(self) -> list[tuple[str, list[str]]]:
        found: dict[str, set[str]] = defaultdict(set)
        for issue in self.issues:
            found[issue.child or "(no child ID)"].add(issue.rule)
        return [(child, sorted(rules)) for child, rules in sorted(found.items())]

    def issues_in_table(self, table: str) -> list[Issue]:
        return [issue for issue in self.issues if issue.table == table]

    def care_leaver_issues(self) -> list[Issue]:
        """Errors from the OC3 table or from any rule about the care-leaver cohort."""
        return [
            issue
            for issue in self.issues
            if issue.table == "OC3" or issue.rule in CARE_LEAVER_RULES
        ]


def run_validator(
    folder: Path,
    *,
    year: int,
    local_authority: str = DEFAULT_LOCAL_AUTHORITY,
    previous: Path | None = None,
    log: Any = None,
) -> ValidatorReport:
    """Run the validator over the 903 CSVs in ``folder`` for collection ``year``; with the
    previous year's CSVs in ``previous`` its rules that compare the two years run too."""
    if year not in SUPPORTED_YEARS:
        raise ValidatorFailed(
            f"The validator has rules for the collection years ending in "
            f"{SUPPORTED_YEARS[0]} to {SUPPORTED_YEARS[-1]}, not {year}."
        )
    python = installed_python()
    try:
        completed = subprocess.run(
            [
                str(python),
                "-I",
                str(DRIVER),
                str(folder),
                str(year),
                local_authority,
                *([str(previous)] if previous is not None else []),
            ],
            check=False,
            capture_output=True,
            timeout=RUN_TIMEOUT_SECONDS,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
    except subprocess.TimeoutExpired as error:
        raise ValidatorFailed(f"The validator took longer than {RUN_TIMEOUT_SECONDS}s") from error
    if completed.returncode != 0:
        raise ValidatorFailed(
            f"The validator stopped with code {completed.returncode}: "
            f"{completed.stderr.decode(errors='replace')[-2000:]}"
        )
    try:
        data = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise ValidatorFailed(
            f"The validator's output was not JSON: {completed.stdout[:500]!r}"
        ) from error
    report = ValidatorReport.from_json(data)
    report.set_aside_known_faults(_dates_of_birth(folder))
    return report


def _dates_of_birth(folder: Path) -> dict[str, date]:
    """CHILD to DOB from the folder's header file, for the known faults that depend on age."""
    header = folder / "header.csv"
    if not header.is_file():
        return {}
    found: dict[str, date] = {}
    with header.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            try:
                found[(row.get("CHILD") or "").strip()] = parse_date(row.get("DOB") or "")
            except ValueError:
                continue
    return found
