"""Importing several years of returns into one history, and never lowering a care leaver's
category because the episodes imported start too late to show it (people/reported.py)."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation, StoredWorkItem, WorkerRole
from careleavers.casework.stored_work import stored_work_items_refresh_everyone
from careleavers.casework.work_tray import stored_items_are_current, work_tray_for
from careleavers.core.models import AuditEvent
from careleavers.people.models import CareEpisode, ReportedCategory, YoungPerson
from careleavers.people.services import care_episode_add
from careleavers.returns import ssda903_files
from careleavers.returns.importer import ssda903_import, ssda903_import_uploaded
from careleavers.returns.models import CareLeaverOutcome
from careleavers.transitions.models import HealthProfile

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
    "PL_POST,URN\n"
)
OC3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
TODAY = datetime.date(2026, 12, 5)


def write(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text)
    return folder


def two_years(root: Path) -> Path:
    """A young woman looked after from 15, whose last episode was open at the end of 2024-25
    and ended at 18 in 2025-26, and a former relevant young man of 20 whose care ended long
    before either year: only his OC3 rows say he is a care leaver."""
    write(
        root / "2024-25",
        header=HEADER + "A1,F,10/06/2007,WBRI,UN5,0,\nB2,M,01/09/2005,BCRB,UN5,,\n",
        episodes=EPISODES
        + "A1,01/05/2022,S,C2,N1,U4,PR1,20/08/2024,X1,CARPL,BD1 1UR,BD1 2QX,2031380\n"
        + "A1,20/08/2024,P,C2,N1,K2,PR4,,,,BD1 1UR,BD1 4PS,2123456\n",
        oc3=OC3 + "B2,01/09/2005,YES,F2,U1\n",
    )
    write(
        root / "2025-26",
        header=HEADER + "A1,F,10/06/2007,WBRI,UN5,1,03/02/2025\nB2,M,01/09/2005,BCRB,UN5,,\n",
        episodes=EPISODES
        + "A1,20/08/2024,P,C2,N1,K2,PR4,10/06/2025,E5,,BD1 1UR,BD1 4PS,2123456\n",
        oc3=OC3 + "B2,01/09/2005,NO,0,0\n",
    )
    return root


@pytest.mark.django_db
def test_a_folder_per_year_is_merged_into_one_history(tmp_path):
    report = ssda903_import(acting_user=None, path=two_years(tmp_path), today=TODAY)

    assert report.imported, report.problems
    assert report.years == [2025, 2026]
    assert "Collection years read: 2024 to 2025, 2025 to 2026." in report.summary_lines()
    young_woman = YoungPerson.objects.get(child_id="A1")
    # The episode open at the end of one year and closed in the next is one episode, ended.
    assert [(e.start, e.end, e.reason_ended) for e in young_woman.care_episodes.all()] == [
        (datetime.date(2022, 5, 1), datetime.date(2024, 8, 20), "X1"),
        (datetime.date(2024, 8, 20), datetime.date(2025, 6, 10), "E5"),
    ]
    assert young_woman.category == "former_relevant"
    # Each year's OC3 row is kept as returned.
    outcomes = CareLeaverOutcome.objects.filter(young_person__child_id="B2")
    assert {(o.collection_year, o.in_touch, o.activ, o.accom) for o in outcomes} == {
        (2025, "YES", "F2", "U1"),
        (2026, "NO", "0", "0"),
    }
    # MOTHER and MC_DOB of the latest year go to the health record.
    health = HealthProfile.objects.get(young_person=young_woman)
    assert (health.is_parent, health.first_child_born_on) == (True, datetime.date(2025, 2, 3))


@pytest.mark.django_db
def test_several_paths_and_the_command_say_which_years_were_read(tmp_path):
    root = two_years(tmp_path)
    out = io.StringIO()

    call_command("import_ssda903", str(root / "2024-25"), str(root / "2025-26"), stdout=out)

    assert "Collection years read: 2024 to 2025, 2025 to 2026." in out.getvalue()
    assert CareEpisode.objects.count() == 2


@pytest.mark.django_db
def test_a_care_leaver_is_never_lowered_from_partial_history(tmp_path, make_user):
    adviser = make_user(Role.PERSONAL_ADVISER)

    report = ssda903_import(acting_user=None, path=two_years(tmp_path), today=TODAY)

    young_man = YoungPerson.objects.get(child_id="B2")
    # No episode of his was in either file, yet the returns said he was a care leaver.
    assert not young_man.care_episodes.exists()
    assert young_man.category == "former_relevant"
    assert "SSDA903 return for 2025 to 2026" in young_man.category_reason
    assert report.categories_held == 1
    assert any(
        "Categories kept as a return reported them: 1" in line for line in report.summary_lines()
    )
    reports = ReportedCategory.objects.filter(young_person=young_man)
    assert {(r.collection_year, r.category, r.needs_check) for r in reports} == {
        (2025, "former_relevant", True),
        (2026, "former_relevant", True),
    }
    # The young woman's episodes show it: nothing to check.
    assert not ReportedCategory.objects.filter(
        young_person__child_id="A1", needs_check=True
    ).exists()
    # His personal adviser is asked to check the care history.
    Allocation.objects.create(
        young_person=young_man, worker=adviser, role=WorkerRole.PERSONAL_ADVISER, reason="FIRST"
    )
    items = [item for item in work_tray_for(user=adviser) if item.kind == "care_history_check"]
    assert [(item.young_person.pk, item.title) for item in items] == [
        (young_man.pk, "Check their care history")
    ]
    assert items[0].url == reverse("returns:care_history_check", kwargs={"pk": young_man.pk})


@pytest.mark.django_db
def test_a_worker_who_finds_the_earlier_care_records_it_and_the_check_goes(tmp_path, make_user):
    ssda903_import(acting_user=None, path=two_years(tmp_path), today=TODAY)
    young_man = YoungPerson.objects.get(child_id="B2")

    care_episode_add(
        acting_user=make_user(Role.PERSONAL_ADVISER),
        young_person=young_man,
        start=datetime.date(2020, 1, 10),
        end=datetime.date(2023, 9, 1),
        reason_new_episode="S",
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        placement_provider="PR1",
        reason_ended="E17",
    )

    young_man.refresh_from_db()
    assert young_man.category == "former_relevant"
    assert "SSDA903" not in young_man.category_reason
    assert not ReportedCategory.objects.filter(young_person=young_man, needs_check=True).exists()


def _allocated_adviser(young_person, make_user):
    adviser = make_user(Role.PERSONAL_ADVISER)
    Allocation.objects.create(
        young_person=young_person, worker=adviser, role=WorkerRole.PERSONAL_ADVISER, reason="FIRST"
    )
    return adviser


@pytest.mark.django_db
def test_a_worker_sets_aside_a_report_the_history_shows_was_wrong(tmp_path, client_for, make_user):
    ssda903_import(acting_user=None, path=two_years(tmp_path), today=TODAY)
    young_man = YoungPerson.objects.get(child_id="B2")
    client = client_for(user=_allocated_adviser(young_man, make_user))
    url = reverse("returns:care_history_check", kwargs={"pk": young_man.pk})

    page = client.get(url).content.decode()
    assert "2024 to 2025" in page
    assert "Former relevant" in page
    refused = client.post(url, {"outcome": "set_aside", "note": ""})
    assert "Enter what you checked and what you found" in refused.content.decode()

    client.post(url, {"outcome": "set_aside", "note": "Never looked after by this council."})

    young_man.refresh_from_db()
    assert young_man.category == "none"
    assert not ReportedCategory.objects.filter(needs_check=True).exists()
    event = AuditEvent.objects.get(subject_type="people.reported_category")
    assert event.detail["outcome"] == "set_aside"
    assert event.detail["years"] == [2026, 2025] or event.detail["years"] == [2025, 2026]


@pytest.mark.django_db
def test_a_worker_confirms_a_report_when_the_history_is_elsewhere(tmp_path, client_for, make_user):
    ssda903_import(acting_user=None, path=two_years(tmp_path), today=TODAY)
    young_man = YoungPerson.objects.get(child_id="B2")

    client_for(user=_allocated_adviser(young_man, make_user)).post(
        reverse("returns:care_history_check", kwargs={"pk": young_man.pk}),
        {"outcome": "keep", "note": "Care from 14 to 18 is on the old system (paper file)."},
    )

    young_man.refresh_from_db()
    assert young_man.category == "former_relevant"
    assert not ReportedCategory.objects.filter(needs_check=True).exists()
    assert ReportedCategory.objects.filter(check_outcome="keep").count() == 2


@pytest.mark.django_db
def test_two_returns_for_one_year_are_refused(tmp_path):
    root = two_years(tmp_path)
    (root / "2025-26").rename(root / "2024-25 corrected")

    report = ssda903_import(acting_user=None, path=root, today=TODAY)

    assert not report.imported
    assert "are all returns for 2024 to 2025" in str(report.problems[0])
    assert not YoungPerson.objects.exists()


@pytest.mark.django_db
def test_a_date_of_birth_that_differs_between_years_is_refused(tmp_path):
    root = two_years(tmp_path)
    header = root / "2025-26" / "header.csv"
    header.write_text(header.read_text().replace("B2,M,01/09/2005", "B2,M,02/09/2005"))
    oc3 = root / "2025-26" / "oc3.csv"
    oc3.write_text(oc3.read_text().replace("01/09/2005", "02/09/2005"))

    report = ssda903_import(acting_user=None, path=root, today=TODAY)

    assert [str(problem) for problem in report.problems] == [
        "2025-26, DOB '02/09/2005': differs for CHILD B2 from an earlier year's return "
        "(01/09/2005)"
    ]
    assert not YoungPerson.objects.exists()


# Robust at the edges ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_field_longer_than_the_csv_limit_is_a_problem_not_a_traceback(tmp_path):
    # A 10MB file of one line: more than Python's csv field limit (131,072 characters).
    (tmp_path / "header.csv").write_text("A" * 10_000_000)

    report = ssda903_import(acting_user=None, path=tmp_path, today=TODAY)

    assert not report.imported
    assert "cannot be read as CSV (field larger than field limit" in str(report.problems[0])
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_ssda903", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_junk_rows_are_refused_with_a_bounded_report_counted_by_kind(tmp_path):
    junk = "".join(f"J{n},Q,99/99/9999,XXXX,??,7,never\n" for n in range(300_000))
    write(tmp_path, header=HEADER + junk)

    report = ssda903_import(acting_user=None, path=tmp_path, today=TODAY)

    assert not report.imported
    assert len(report.problems) <= ssda903_files.MAX_PROBLEMS_SHOWN
    # The file is abandoned after MAX_PROBLEMS_PER_FILE, and says so.
    assert report.problem_count <= ssda903_files.MAX_PROBLEMS_PER_FILE + 10
    kinds = {(column, why): count for _, column, why, count in report.problem_kinds}
    assert kinds[("SEX", "is not a valid code (M, F, U, or the old 1 or 2)")] > 100
    assert any(
        "the rest of the file was not checked" in problem.why for problem in report.problems
    )
    lines = report.summary_lines()
    assert any("x header.csv, SEX: is not a valid code" in line for line in lines)
    assert len(lines) < 40


@pytest.mark.django_db
@pytest.mark.parametrize(
    "files",
    [
        {"header": HEADER},
        {"header": HEADER, "episodes": EPISODES, "oc3": OC3},
        {"header": HEADER + "\n\n"},
    ],
)
def test_column_headings_alone_are_nothing_to_import(tmp_path, files):
    report = ssda903_import(acting_user=None, path=write(tmp_path, **files), today=TODAY)

    assert not report.imported
    assert "nothing to import" in str(report.problems[0])


@pytest.mark.django_db
def test_an_empty_file_is_nothing_to_import(tmp_path):
    (tmp_path / "header.csv").write_bytes(b"")
    report = ssda903_import(acting_user=None, path=tmp_path, today=TODAY)
    assert str(report.problems[0]) == "header.csv: is empty: nothing to import"


def _zip(root: Path, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(root.rglob("*.csv")):
            archive.write(path, path.relative_to(root).as_posix())
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_zip_of_a_folder_per_year_imports_from_the_web(tmp_path, client_for):
    content = _zip(two_years(tmp_path), {"../../escape.csv": b"x", "__MACOSX/._h.csv": b"x"})
    upload = io.BytesIO(content)
    upload.name = "returns.zip"

    response = client_for(Role.ADMINISTRATOR).post(
        reverse("returns:ssda903_import"), {"upload": [upload]}
    )

    body = response.content.decode()
    assert "Import complete" in body
    assert "Collection years read: 2024 to 2025, 2025 to 2026." in body
    assert YoungPerson.objects.count() == 2


@pytest.mark.django_db
def test_a_damaged_zip_is_refused_with_a_message(tmp_path):
    report = ssda903_import_uploaded(acting_user=None, files=[("returns.zip", b"PK\x03\x04junk")])
    assert str(report.problems[0]) == (
        "returns.zip: The zip file cannot be opened: it is damaged or not a zip"
    )


@pytest.mark.django_db
def test_the_web_upload_of_a_10mb_line_says_what_is_wrong(client_for):
    upload = io.BytesIO(b"A" * 10_000_000)
    upload.name = "header.csv"

    response = client_for(Role.ADMINISTRATOR).post(
        reverse("returns:ssda903_import"), {"upload": [upload]}
    )

    assert response.status_code == 200
    assert "cannot be read as CSV" in response.content.decode()


@pytest.mark.django_db
def test_an_import_stores_the_work_it_brings_where_work_items_are_stored(
    tmp_path, make_user, django_capture_on_commit_callbacks
):
    """A council whose daily job has stored today's work items (for nobody yet: the database is
    empty) imports its returns. The import's event names no one young person, so once it
    commits the stored items are set aside and a background task works everyone's out again
    (tests run tasks at once): the work the imported records bring is stored, and the
    adviser's tray reads it from there."""
    stored_work_items_refresh_everyone(timezone.localdate())
    assert not StoredWorkItem.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        ssda903_import(acting_user=None, path=two_years(tmp_path), today=TODAY)

    young_man = YoungPerson.objects.get(child_id="B2")
    assert list(StoredWorkItem.objects.values_list("young_person_id", "kind")) == [
        (young_man.pk, "care_history_check")
    ]
    adviser = make_user(Role.PERSONAL_ADVISER)
    Allocation.objects.create(
        young_person=young_man, worker=adviser, role=WorkerRole.PERSONAL_ADVISER, reason="FIRST"
    )
    assert stored_items_are_current(timezone.localdate())
    assert [item.kind for item in work_tray_for(user=adviser)] == ["care_history_check"]
