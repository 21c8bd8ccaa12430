"""Targets and benchmark uploads: validated, audited, and all-or-nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.insight import services
from careleavers.insight.models import (
    BenchmarkFigure,
    BenchmarkImport,
    StatisticalNeighbour,
    Target,
)
from careleavers.insight.selectors import comparisons, targets_in_force

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"
GOOD = (
    "measure,year,area,la_number,region,value\n"
    "CareLeaverEET,2026,England,970,,57\n"
    "CareLeaverEET,2026,Yorkshire and the Humber,982,,51\n"
    "CareLeaverEET,2026,Bradford,380,Yorkshire and The Humber,55\n"
    "CareLeaverEET,2026,Kirklees,382,Yorkshire and The Humber,c\n"
)


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST)


def test_a_target_is_kept_with_its_history_and_audited(make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    services.target_set(
        acting_user=head,
        indicator_key="recent_contact",
        value=Decimal("90"),
        effective_from=datetime.date(2025, 4, 1),
    )
    services.target_set(
        acting_user=head,
        indicator_key="recent_contact",
        value=Decimal("95"),
        effective_from=datetime.date(2026, 4, 1),
        note="Stretch",
    )
    assert targets_in_force(on=datetime.date(2026, 1, 1))["recent_contact"].value == Decimal("90")
    assert targets_in_force(on=datetime.date(2026, 5, 1))["recent_contact"].value == Decimal("95")
    assert Target.objects.count() == 2
    assert AuditEvent.objects.filter(action="create", subject_type="insight.Target").count() == 2


def test_a_percentage_target_over_100_is_refused_and_nothing_is_saved(make_user):
    with pytest.raises(ValidationError) as error:
        services.target_set(
            acting_user=make_user(Role.HEAD_OF_SERVICE),
            indicator_key="recent_contact",
            value=Decimal("101"),
            effective_from=datetime.date(2026, 4, 1),
        )
    assert "value" in error.value.message_dict
    assert not Target.objects.exists()


def _upload_lait_figures(analyst: Any, file_name: str, text: str) -> None:
    services.benchmarks_upload(
        acting_user=analyst,
        kind="figures",
        file_name=file_name,
        content=text.encode(),
        source="LAIT, test release",
    )


def test_a_good_file_replaces_the_figures(analyst):
    _upload_lait_figures(analyst, "new.csv", GOOD)
    assert BenchmarkFigure.objects.count() == 4
    found = comparisons(["CareLeaverEET"])["CareLeaverEET"]
    assert (found.year, found.england, found.region, found.own) == ("2026", 57, 51, 55)
    assert AuditEvent.objects.filter(action="import", actor=analyst).exists()


def test_a_bad_file_changes_nothing_and_lists_every_bad_row(analyst):
    before = BenchmarkFigure.objects.count()
    imports = BenchmarkImport.objects.count()
    bad = GOOD + "CareLeaverEET,2026,Leeds,38x,Yorkshire and The Humber,fifty\n"
    with pytest.raises(services.UploadRefused) as refused:
        _upload_lait_figures(analyst, "bad.csv", bad)
    assert [(error.row, error.column) for error in refused.value.row_errors] == [
        (6, "la_number"),
        (6, "value"),
    ]
    assert BenchmarkFigure.objects.count() == before > 0
    assert BenchmarkImport.objects.count() == imports
    assert not AuditEvent.objects.filter(action="import").exists()


def test_a_neighbours_file_replaces_the_neighbours(analyst):
    services.benchmarks_upload(
        acting_user=analyst,
        kind="neighbours",
        file_name="sn.csv",
        content=(DATA / "statistical-neighbours-may-2025.csv").read_bytes(),
        source="DfE, May 2025",
    )
    assert StatisticalNeighbour.objects.filter(la_number="380").count() == 10
