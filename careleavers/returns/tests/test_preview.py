"""Staff pages show what the return will say, decided by the return's own rule: a young person
shown F2 on their EET page is F2 in the export (review: F2 on the page, P5 in the export)."""

from __future__ import annotations

import csv
import datetime

import pytest
from django.core import checks
from django.urls import reverse
from django.utils import timezone

from careleavers.accommodation.tests.factories import StayFactory
from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory, ContactFactory
from careleavers.core import return_preview
from careleavers.core.dates import birthday
from careleavers.learning.tests.factories import ActivityEpisodeFactory
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory
from careleavers.returns import ssda903
from careleavers.returns.services import ssda903_export


def _care_leaver_with_a_birthday_last_month(adviser):
    today = timezone.localdate()
    born = birthday(today - datetime.timedelta(days=30), -19)
    person = YoungPersonFactory(date_of_birth=born, sex="M")
    CareEpisodeFactory(
        young_person=person,
        start=birthday(born, 15),
        end=birthday(born, 18),
        reason_ended="E17",
    )
    AllocationFactory(young_person=person, worker=adviser, role="pa")
    ContactFactory(young_person=person, worker=adviser, occurred_at=timezone.now())
    # Full-time college and a part-time job at once; the job started later.
    ActivityEpisodeFactory(young_person=person, activ="F2", start=birthday(born, 18))
    ActivityEpisodeFactory(
        young_person=person, activ="P5", start=today - datetime.timedelta(days=60)
    )
    StayFactory(
        young_person=person,
        accom_type="U",
        start=birthday(born, 18),
        suitable=True,
        council_provided=False,
    )
    from careleavers.people.services import category_refresh

    category_refresh(young_person=person)
    return person


@pytest.mark.django_db
def test_the_eet_and_accommodation_pages_say_what_the_export_says(client_for, make_user, tmp_path):
    adviser = make_user(Role.PERSONAL_ADVISER)
    person = _care_leaver_with_a_birthday_last_month(adviser)
    client = client_for(user=adviser)
    year = ssda903.collection_year_of(timezone.localdate())

    ssda903_export(acting_user=None, year=year, out_dir=tmp_path)
    with (tmp_path / "oc3.csv").open(newline="", encoding="utf-8") as handle:
        (row,) = [row for row in csv.DictReader(handle) if row["CHILD"] == person.child_id]
    assert (row["IN_TOUCH"], row["ACTIV"], row["ACCOM"]) == ("YES", "F2", "U1")

    eet = client.get(reverse("learning:record", kwargs={"pk": person.pk})).content.decode()
    assert "What the SSDA903 return will say" in eet
    assert "F2: Full time in education other than higher education" in eet
    assert "Their 19th birthday" in eet
    home = client.get(reverse("accommodation:history", kwargs={"pk": person.pk})).content.decode()
    assert "U1: Independent living" in home


def test_a_missing_provider_fails_the_system_check():
    with return_preview.return_preview_providers.replaced():
        errors = [message for message in checks.run_checks() if message.level >= checks.ERROR]
    assert [error.msg for error in errors if error.id == "core.E201"] == [
        "Nothing provides what the SSDA903 return will say (core.return_preview)."
    ]
