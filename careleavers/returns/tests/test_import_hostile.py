"""Hostile 903 files: whatever is in a cell, the import either takes the whole return or reports
problems and writes nothing; it never fails with an unexpected error."""

from __future__ import annotations

import csv
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careleavers.core.models import AuditEvent
from careleavers.people.models import CareEpisode, YoungPerson
from careleavers.returns.importer import ssda903_import
from careleavers.returns.models import CareLeaverOutcome

HEADER = (
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nH1,F,01/02/2007,WBRI,,,\nH2,M,15/09/2006,AIND,,,\n"
)
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
    "PL_POST,URN\n"
    "H1,01/03/2022,S,C2,N1,U1,PR1,01/02/2025,E17,,,,\n"
    "H2,10/10/2020,S,C2,N1,U1,PR1,15/09/2024,E17,,,,\n"
)
FILES = {"header.csv": HEADER, "episodes.csv": EPISODES}

HOSTILE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            "\x00",
            '"',
            '"unterminated',
            "a,b",
            "\n",
            "=cmd|' /C calc'!A0",
            "<script>",
            "' OR 1=1 --",
            "99/99/9999",
            "29/02/2023",
            "01/01/1900",
            "01/01/2999",
            "9" * 40,
        ]
    ),
)


def _counts() -> tuple[int, ...]:
    return (
        YoungPerson.objects.count(),
        CareEpisode.objects.count(),
        CareLeaverOutcome.objects.count(),
        AuditEvent.objects.filter(action=AuditEvent.Action.IMPORT).count(),
    )


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    file_name=st.sampled_from(sorted(FILES)),
    row=st.integers(min_value=0, max_value=1),
    column=st.integers(min_value=0, max_value=12),
    value=HOSTILE,
)
def test_a_hostile_cell_imports_everything_or_nothing(
    file_name: str, row: int, column: int, value: str
) -> None:
    with TemporaryDirectory() as folder:
        for name, text in FILES.items():
            records = list(csv.reader(text.splitlines()))
            if name == file_name:
                cells = records[row + 1]
                cells[column % len(cells)] = value
            with (Path(folder) / name).open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(records)
        before = _counts()

        report = ssda903_import(acting_user=None, path=Path(folder), collection_year=2025)

        after = _counts()
    if report.problems:
        assert after == before, "a refused import wrote something"
        assert all(str(problem) for problem in report.problems)
    else:
        assert report.imported
        assert after[0] >= before[0]


@pytest.mark.django_db
def test_a_child_id_that_a_spreadsheet_would_run_as_a_formula_is_refused_by_row_and_column(
    tmp_path: Path,
) -> None:
    # An empty service, filled only by this import: =1+2 would become a live formula in every
    # spreadsheet the service writes (Annex A, the drill-downs), so it never gets in.
    (tmp_path / "header.csv").write_text(HEADER.replace("H2,", "=1+2,"))
    (tmp_path / "episodes.csv").write_text(EPISODES.replace("H2,", "=1+2,"))

    report = ssda903_import(acting_user=None, path=tmp_path, collection_year=2025)

    described = {str(problem) for problem in report.problems}
    assert "header.csv row 3, CHILD '=1+2': must only include letters A to Z and numbers" in (
        described
    )
    assert "episodes.csv row 3, CHILD '=1+2': must only include letters A to Z and numbers" in (
        described
    )
    assert not report.imported
    assert _counts() == (0, 0, 0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("column", EPISODES.splitlines()[0].split(","))
def test_a_nul_character_in_any_episode_cell_refuses_the_file_by_its_line(
    tmp_path: Path, column: str
) -> None:
    # PostgreSQL refuses a NUL byte in text: without this check one in HOME_POST failed the
    # import with a database error instead of a message.
    header, first, second = EPISODES.splitlines()
    cells = second.split(",")
    cells[header.split(",").index(column)] = "a\x00b"
    (tmp_path / "header.csv").write_text(HEADER)
    (tmp_path / "episodes.csv").write_text("\n".join([header, first, ",".join(cells)]) + "\n")

    report = ssda903_import(acting_user=None, path=tmp_path, collection_year=2025)

    assert [str(problem) for problem in report.problems] == [
        "episodes.csv row 3: holds a NUL character (byte 0), which is not text"
    ]
    assert not report.imported
    assert _counts() == (0, 0, 0, 0)
