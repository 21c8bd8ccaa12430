"""The sector's SSDA903 validator, run in its own virtual environment.

The tests below the report's run the real validator (csc-validator-be-903) in its own
environment, which scripts/test prepares before the tests start (manage.py
prepare_ssda903_validator, as a council's set-up does; conftest.py's ssda903_validator fixture
does the same for a pytest run on its own). They are part of the normal suite, so CI shows that
the demo council's returns pass every rule.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from careleavers.returns import ssda903
from careleavers.returns.services import ssda903_export
from careleavers.returns.tests.builders import YEAR, build_cohort
from careleavers.returns.validation import ssda903_validation_request
from careleavers.returns.validator import (
    CARE_LEAVER_RULES,
    ValidatorFailed,
    ValidatorReport,
    ValidatorUnavailable,
    check_validator_installed,
    run_validator,
)


@pytest.fixture(autouse=True)
def _validator_installed(ssda903_validator: None) -> None:
    """Every test here may run the real validator (conftest.py's ssda903_validator)."""


REPORT = {
    "collection_year": "2026",
    "local_authority": "E08000032",
    "tables": ["Episodes", "Header", "OC3"],
    "rules_run": 140,
    "rules_skipped": 170,
    "rules_failed": ["231"],
    "rules": {
        "132": {
            "message": "Data entry for activity after leaving care is invalid.",
            "fields": ["ACTIV"],
        },
        "169": {"message": "LA of placement is not valid.", "fields": ["PL_POST"]},
    },
    "issues": [
        {"rule": "132", "table": "OC3", "row": 0, "child": "A1"},
        {"rule": "132", "table": "OC3", "row": 3, "child": "B2"},
        {"rule": "169", "table": "Episodes", "row": 1, "child": "A1"},
    ],
}


def test_a_report_by_rule_and_by_child():
    report = ValidatorReport.from_json(REPORT)

    assert report.error_count == 3
    assert [(r.code, r.count, r.tables, r.about_care_leavers) for r in report.by_rule()] == [
        ("132", 2, ["OC3"], True),
        ("169", 1, ["Episodes"], False),
    ]
    assert report.by_child() == [("A1", ["132", "169"]), ("B2", ["132"])]
    assert len(report.care_leaver_issues()) == 2
    assert ValidatorReport.from_json(report.to_json()).issues == report.issues


def test_the_rules_about_care_leavers_include_the_oc3_consistency_rules():
    assert {"131", "132", "133", "153", "344", "345", "391", "1007", "1016"} <= CARE_LEAVER_RULES


def test_years_the_validator_has_no_rules_for_are_refused(tmp_path):
    with pytest.raises(ValidatorFailed, match="2019"):
        run_validator(tmp_path, year=2019)


def _assert_clean_for_care_leavers(report: ValidatorReport) -> None:
    issues = report.care_leaver_issues()
    by_rule = {
        rule.code: f"{rule.count} x {rule.message}"
        for rule in report.by_rule()
        if rule.code in {issue.rule for issue in issues}
    }
    assert by_rule == {}, (
        "Rules 132, 133 and 153 together mean care leavers in touch with no activity or "
        "accommodation (with its suitability) recorded around their birthday: the data must "
        "record them (learning ActivityEpisode, accommodation AccommodationStay)."
    )
    assert "OC3" in report.tables


@pytest.mark.django_db
def test_a_return_built_from_recorded_care_passes_the_care_leaver_rules(tmp_path, monkeypatch):
    build_cohort(monkeypatch)
    result = ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)
    assert len(result.oc3) == 4

    report = run_validator(tmp_path, year=YEAR)

    _assert_clean_for_care_leavers(report)
    assert report.issues_in_table("OC3") == []
    assert report.rules_run > 100


def _errors_by_rule(report: ValidatorReport) -> dict[str, str]:
    return {rule.code: f"{rule.count} x {rule.message}" for rule in report.by_rule()}


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2])
def test_the_demo_councils_returns_pass_the_validator_with_no_errors(seed):
    """CI: the demo council's return for this collection year and the last, checked as an
    analyst checks them (the background task, with the year before's return so the rules
    comparing years run), have no errors in any table."""
    call_command("seed_demo", "--seed", str(seed), stdout=io.StringIO())
    this_year = ssda903.collection_year_of(timezone.localdate())
    for year in (this_year, this_year - 1):
        run = ssda903_validation_request(acting_user=None, year=year)
        run.refresh_from_db()
        assert run.status == "done", run.failure
        report = ValidatorReport.from_json(run.report)
        assert _errors_by_rule(report) == {}, f"{year}: {report.by_child()[:10]}"
        assert report.previous_year
        assert {"Header", "Episodes", "OC3"} <= set(report.tables)
        assert report.rules_run > 100
        assert run.care_leavers > 100


@pytest.mark.django_db
def test_the_command_finds_the_previous_years_return_beside_this_years(tmp_path, monkeypatch):
    build_cohort(monkeypatch)
    ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path / "2025-26")
    ssda903_export(acting_user=None, year=YEAR - 1, out_dir=tmp_path / "2024-25")
    out = io.StringIO()

    call_command("validate_ssda903", str(tmp_path / "2025-26"), "--year", str(YEAR), stdout=out)

    assert f"With the previous year's return from {tmp_path / '2024-25'}" in out.getvalue()


def test_a_server_without_the_validator_fails_the_deployment_check_and_never_downloads_it(
    tmp_path, monkeypatch, settings
):
    monkeypatch.delenv("SSDA903_VALIDATOR_VENV", raising=False)
    settings.SSDA903_VALIDATOR_VENV = str(tmp_path / "not-installed")

    [error] = check_validator_installed()
    assert error.id == "returns.E001"
    assert "prepare_ssda903_validator" in error.hint
    with pytest.raises(ValidatorUnavailable, match="prepare_ssda903_validator"):
        run_validator(tmp_path, year=YEAR)
    assert not (tmp_path / "not-installed").exists()


def test_a_server_with_the_validator_passes_the_deployment_check():
    assert check_validator_installed() == []
