"""Importing 903 returns: all or nothing, every problem named, and idempotent."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from unittest import mock

import pytest

from careleavers.core.models import AuditEvent
from careleavers.people.models import CareEpisode, YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.returns import ssda903_files
from careleavers.returns.importer import ssda903_import
from careleavers.returns.models import CareLeaverOutcome
from careleavers.returns.ssda903_files import read_return

SAMPLE = Path("/work/shared/data/ssda903-sample")
if not SAMPLE.exists():  # a clean clone has shared/ beside the repository
    SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "data" / "ssda903-sample"

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="the 903 sample files are absent")


def clean_copy(target: Path) -> Path:
    """Copy the sample and correct what the importer reports: blank a bad value, blank REC
    on an open episode, and drop OC3 rows whose values contradict each other. The importer
    lists only the first few problems of each kind, so here it is asked to list them all."""
    for file in SAMPLE.glob("*.csv"):
        shutil.copy(file, target / file.name)
    for _ in range(5):
        with (
            mock.patch.object(ssda903_files, "MAX_SHOWN_PER_KIND", 100_000),
            mock.patch.object(ssda903_files, "MAX_PROBLEMS_SHOWN", 100_000),
        ):
            listed = read_return(target).problems
        if not listed:
            return target
        problems: dict[str, dict[int, set[str]]] = {}
        for problem in listed:
            problems.setdefault(problem.file, {}).setdefault(problem.row or 0, set()).add(
                problem.column
            )
        for name, rows in problems.items():
            path = target / name
            with path.open(newline="", encoding="utf-8-sig") as handle:
                records = list(csv.DictReader(handle))
            columns = list(records[0])
            kept = []
            for number, record in enumerate(records, start=2):
                bad = rows.get(number, set())
                if name == "oc3.csv" and bad:
                    continue
                for column in bad:
                    record["REC" if column == "DEC" else column] = ""
                    if column == "MOTHER":
                        record["MC_DOB"] = ""
                kept.append(record)
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                writer.writerows(kept)
    raise AssertionError("the sample could not be cleaned")


def counts() -> dict[str, int]:
    return {
        "young_people": YoungPerson.objects.count(),
        "young_people_history": YoungPerson.history.count(),
        "episodes": CareEpisode.objects.count(),
        "episodes_history": CareEpisode.history.count(),
        "outcomes": CareLeaverOutcome.objects.count(),
        "outcomes_history": CareLeaverOutcome.history.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.django_db
def test_the_sample_as_it_is_is_refused_naming_its_bad_codes_and_rows():
    report = ssda903_import(acting_user=None, path=SAMPLE)

    assert not report.imported
    described = [str(problem) for problem in report.problems]
    kinds = {(file, column, why): count for file, column, why, count in report.problem_kinds}
    # Invalid ACTIV and ACCOM codes in the OC3 file, counted, and the first of each listed
    # with its row.
    assert kinds[("oc3.csv", "ACTIV", "is not a valid code")] == 12
    assert "oc3.csv row 8, ACTIV 'F3': is not a valid code" in described
    assert "oc3.csv row 54, ACCOM 'S1': is not a valid code" in described
    # Contradictions (rule 344), open episodes with a reason ended, an invalid MOTHER.
    assert kinds[("oc3.csv", "IN_TOUCH", "needs ACTIV and ACCOM to be 0")] == 21
    assert kinds[("episodes.csv", "DEC", "is missing: REC is given, so DEC must be too")] == 1413
    assert "header.csv row 1273, MOTHER '1.0': is not a valid code" in described
    assert report.problem_count == sum(kinds.values()) > len(report.problems)
    assert all(p.file and p.why for p in report.problems)
    # The other tables are reported as ignored.
    assert any(name.startswith("reviews.csv") for name in report.ignored)
    # And nothing at all was written.
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.django_db
def test_the_sample_xml_is_refused_too():
    report = ssda903_import(acting_user=None, path=SAMPLE / "fake_903.xml")
    assert not report.imported
    assert all(problem.file == "fake_903.xml" and problem.row for problem in report.problems)
    assert YoungPerson.objects.count() == 0


@pytest.mark.django_db
def test_a_cleaned_copy_imports_completely_and_a_second_import_changes_nothing(
    tmp_path, make_user
):
    folder = clean_copy(tmp_path)
    administrator = make_user("administrator")

    first = ssda903_import(acting_user=administrator, path=folder, collection_year=2019)

    assert first.imported, first.problems[:5]
    assert first.young_people_created == 2675
    assert first.episodes_created == 5050
    assert first.outcomes_created == CareLeaverOutcome.objects.count() > 0
    assert YoungPerson.objects.count() == 2675
    assert CareEpisode.objects.count() == 5050
    assert YoungPerson.history.count() == 2675
    # Old SEX codes are mapped, UASC children marked, categories derived.
    assert set(YoungPerson.objects.values_list("sex", flat=True)) <= {"M", "F"}
    assert YoungPerson.objects.filter(is_separated_migrant=True).count() == 132
    assert not YoungPerson.objects.filter(category_decided_on__isnull=True).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.IMPORT)
    assert event.actor == administrator
    assert event.detail["young_people_created"] == 2675

    before = counts()
    second = ssda903_import(acting_user=administrator, path=folder, collection_year=2019)

    assert second.imported
    assert (second.young_people_created, second.young_people_updated) == (0, 0)
    assert (second.episodes_created, second.episodes_updated) == (0, 0)
    assert (second.outcomes_created, second.outcomes_updated) == (0, 0)
    assert second.categories_changed == 0
    after = counts()
    # Only the second import's own audit event is new.
    assert after == {**before, "audit": before["audit"] + 1}


@pytest.mark.django_db
def test_an_import_updates_a_known_young_person_by_child_id(tmp_path):
    person = YoungPersonFactory(child_id="566910", first_name="Amira", ethnicity="WBRI")
    folder = clean_copy(tmp_path)

    ssda903_import(acting_user=None, path=folder)

    person.refresh_from_db()
    assert person.first_name == "Amira"  # names are not in the 903 and are kept
    assert person.ethnicity == "WROM"
    assert person.version == 2
    assert person.care_episodes.count() > 0


@pytest.mark.django_db
def test_one_bad_row_stops_everything(tmp_path):
    (tmp_path / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        "A1,1,01/02/2007,WBRI,,,\n"
        "A2,7,31/02/2007,XXXX,,,\n"
    )
    (tmp_path / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        "A1,01/03/2022,S,C2,N1,U1,PR1,01/02/2025,E17,,,,\n"
        "A3,01/03/2022,S,ZZ,N1,U1,PR1,,,,,,\n"
    )
    report = ssda903_import(acting_user=None, path=tmp_path)

    described = {str(problem) for problem in report.problems}
    assert described == {
        "header.csv row 3, SEX '7': is not a valid code (M, F, U, or the old 1 or 2)",
        "header.csv row 3, DOB '31/02/2007': is not a date in the form dd/mm/yyyy",
        "header.csv row 3, ETHNIC 'XXXX': is not a valid code",
        "episodes.csv row 3, CHILD 'A3': is not in the header file",
        "episodes.csv row 3, LS 'ZZ': is not a valid code",
    }
    assert YoungPerson.objects.count() == 0


@pytest.mark.django_db
def test_a_folder_without_a_header_file_is_refused(tmp_path):
    (tmp_path / "notes.csv").write_text("A,B\n1,2\n")
    report = ssda903_import(acting_user=None, path=tmp_path)
    described = {str(problem) for problem in report.problems}
    assert "(folder): has no header file" in described
    assert "notes.csv row 1 'A,B': has headers that match no 903 table" in described


XML = b"""<?xml version='1.0' encoding='us-ascii'?>
<EXPSSDA903>
<CHILD><HEADER><CHILDID>X1</CHILDID><UPN>UN3</UPN><SEX>1</SEX><DOB>05/05/2006</DOB>
<ETHNIC>WBRI</ETHNIC><UASC>1</UASC><DUC>05/05/2024</DUC>
<IN_TOUCH>YES</IN_TOUCH><ACTIV>F5</ACTIV><ACCOM>U1</ACCOM><MOTHER /><MC_DOB /></HEADER>
<EPISODE><DECOM>01/06/2021</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL>
<PL_POST>BD1 1UR</PL_POST><HOME_POST>BD1 2QX</HOME_POST><URN /><PLACE_PROVIDER>PR1</PLACE_PROVIDER>
<DEC>05/05/2024</DEC><REC>E17</REC><REASON_PLACE_CHANGE /></EPISODE>
</CHILD>
</EXPSSDA903>
"""


@pytest.mark.django_db
def test_one_xml_file_imports_with_its_oc3_values(tmp_path):
    path = tmp_path / "return.xml"
    path.write_bytes(XML)

    report = ssda903_import(acting_user=None, path=path, collection_year=2025)

    assert report.imported, report.problems
    person = YoungPerson.objects.get(child_id="X1")
    assert (person.sex, person.upn_unknown_reason, person.is_separated_migrant) == (
        "M",
        "UN3",
        True,
    )
    episode = person.care_episodes.get()
    assert (episode.placement_type, episode.placement_postcode) == ("U4", "BD1 1UR")
    outcome = CareLeaverOutcome.objects.get(young_person=person)
    assert (outcome.collection_year, outcome.in_touch, outcome.activ, outcome.accom) == (
        2025,
        "YES",
        "F5",
        "U1",
    )
    assert person.category == "former_relevant"
