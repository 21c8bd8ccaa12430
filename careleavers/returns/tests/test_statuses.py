"""What the return reads from records beyond contacts: a date of death (people), a refusal of
contact or "no longer needs support" (casework), and motherhood (the health record)."""

from __future__ import annotations

import csv
import datetime

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework.models import KeepingInTouch
from careleavers.casework.services import keeping_in_touch_end, keeping_in_touch_record
from careleavers.returns import outcomes
from careleavers.returns.services import ssda903_export
from careleavers.returns.tests.builders import YEAR, build_cohort
from careleavers.transitions.models import HealthProfile


def _oc3(folder):
    with (folder / "oc3.csv").open(newline="", encoding="utf-8") as handle:
        return {
            row["CHILD"]: (row["IN_TOUCH"], row["ACTIV"], row["ACCOM"])
            for row in csv.DictReader(handle)
        }


def _header(folder):
    with (folder / "header.csv").open(newline="", encoding="utf-8") as handle:
        return {row["CHILD"]: row for row in csv.DictReader(handle)}


@pytest.mark.django_db
def test_a_date_of_death_on_the_record_is_died_with_zeros(tmp_path, monkeypatch):
    cohort = build_cohort(monkeypatch)
    person = cohort.members["CL19"]
    person.died_on = datetime.date(2025, 6, 1)
    person.save(update_fields=["died_on"])

    ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)

    assert _oc3(tmp_path)["CL19"] == ("DIED", "0", "0")


@pytest.mark.django_db
def test_a_refusal_of_contact_is_refu_and_no_longer_needing_support_is_nreq(
    tmp_path, monkeypatch, make_user
):
    cohort = build_cohort(monkeypatch)
    adviser = cohort.adviser
    keeping_in_touch_record(
        acting_user=adviser,
        young_person=cohort.members["CL19"],
        status="REFU",
        start=datetime.date(2025, 5, 1),
        notes="Does not want contact for now.",
    )
    record = keeping_in_touch_record(
        acting_user=adviser,
        young_person=cohort.members["CL23"],
        status="NREQ",
        start=datetime.date(2025, 4, 1),
    )
    keeping_in_touch_end(acting_user=adviser, record=record, end=datetime.date(2026, 3, 31))

    ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)

    rows = _oc3(tmp_path)
    assert rows["CL19"] == ("REFU", "0", "0")
    # NREQ wins over the contact taken as the latest in the year (22 to 25).
    assert rows["CL23"] == ("NREQ", "0", "0")


@pytest.mark.django_db
def test_statuses_are_read_for_many_young_people_in_two_queries(
    monkeypatch, django_assert_num_queries
):
    cohort = build_cohort(monkeypatch)
    ids = [person.pk for person in cohort.members.values()]
    with django_assert_num_queries(2):
        outcomes.statuses_for(ids)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first_child_born_on", "mother_and_child_born"),
    [
        pytest.param(
            datetime.date(2025, 3, 2),
            ("1", "02/03/2025"),
            id="a_young_mother_looked_after_in_the_year_is_mother_1_with_her_first_childs_birth",
        ),
        # Rule 625: the first child's birth cannot be after she ceased to be looked after.
        pytest.param(
            datetime.date(2025, 9, 2),
            ("0", ""),
            id="a_child_born_after_she_left_care_is_not_reported",
        ),
    ],
)
def test_motherhood_in_the_header(
    tmp_path, monkeypatch, first_child_born_on, mother_and_child_born
):
    cohort = build_cohort(monkeypatch)
    HealthProfile.objects.create(
        young_person=cohort.members["CL17"],  # left care on 15 April 2025
        is_parent=True,
        number_of_children=1,
        first_child_born_on=first_child_born_on,
    )

    ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)

    row = _header(tmp_path)["CL17"]
    assert (row["MOTHER"], row["MC_DOB"]) == mother_and_child_born


@pytest.mark.django_db
def test_a_parent_without_the_first_childs_birth_is_a_gap_to_record(tmp_path, monkeypatch):
    cohort = build_cohort(monkeypatch)
    HealthProfile.objects.create(
        young_person=cohort.members["CL17"], is_parent=True, number_of_children=1
    )
    result = ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)
    assert (
        "CL17",
        "A parent, but the health record has no date of birth for their first "
        "child (MOTHER and MC_DOB need it).",
    ) in result.gaps


@pytest.mark.django_db
def test_a_worker_records_a_refusal_of_contact_on_the_contacts_page(client_for, make_user):
    from careleavers.casework.tests.factories import AllocationFactory
    from careleavers.people.tests.factories import YoungPersonFactory

    adviser = make_user(Role.PERSONAL_ADVISER)
    person = YoungPersonFactory(date_of_birth=datetime.date(2005, 1, 1))
    AllocationFactory(young_person=person, worker=adviser, role="pa")
    client = client_for(user=adviser)
    add = reverse("casework:keeping_in_touch_add", kwargs={"pk": person.pk})

    refused = client.post(add, {"status": "REFU"})
    assert "Enter from when" in refused.content.decode()
    assert not KeepingInTouch.objects.exists()
    today = datetime.date.today()
    client.post(
        add,
        {
            "status": "REFU",
            "start-day": str(today.day),
            "start-month": str(today.month),
            "start-year": str(today.year),
            "notes": "Said to stop calling.",
        },
    )

    page = client.get(reverse("casework:contact_list", kwargs={"pk": person.pk}))
    assert "Refuses contact from" in page.content.decode()
    assert KeepingInTouch.objects.get().status == "REFU"
    again = client.post(
        add,
        {
            "status": "NREQ",
            "start-day": str(today.day),
            "start-month": str(today.month),
            "start-year": str(today.year),
        },
    )
    assert "End the current status" in again.content.decode()
