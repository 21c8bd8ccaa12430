"""The record's forms: bad identifiers get a clear message next to the field."""

from __future__ import annotations

import datetime

import pytest

from careleavers.accounts.roles import Role
from careleavers.people.forms import (
    AboutMeAgreeForm,
    CareEpisodeForm,
    ContactDetailsForm,
    IdentityForm,
    RestrictionForm,
    SearchForm,
    YoungPersonAddForm,
)
from careleavers.people.selectors import staff_who_can_be_named
from careleavers.people.tests.factories import AboutMeFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


def _identity_data(young_person, **changes):
    data = {
        "version": young_person.version,
        "child_id": young_person.child_id,
        "first_name": young_person.first_name,
        "last_name": young_person.last_name,
        "date_of_birth-day": young_person.date_of_birth.day,
        "date_of_birth-month": young_person.date_of_birth.month,
        "date_of_birth-year": young_person.date_of_birth.year,
        "sex": young_person.sex,
        "ethnicity": young_person.ethnicity,
    }
    data.update(changes)
    return data


def _identity_errors(**changes):
    young_person = YoungPersonFactory()
    form = IdentityForm(_identity_data(young_person, **changes), instance=young_person)
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("943 476 5918", "Enter a real NHS number: the last digit does not match the others"),
        ("12345", "Enter an NHS number with 10 digits, like 943 476 5919"),
    ],
)
def test_a_bad_nhs_number_is_refused(value, message):
    assert _identity_errors(nhs_number=value).errors["nhs_number"] == [message]


def test_a_good_nhs_number_is_stored_as_ten_digits():
    form = _identity_errors(nhs_number="943 476 5919")
    assert form.is_valid(), form.errors
    assert form.changes()["nhs_number"] == "9434765919"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("QQ 12 34", "Enter a National Insurance number in the right format, like QQ 12 34 56 C"),
        ("DA 12 34 56 C", "Enter a real National Insurance number: it cannot start with DA"),
        ("AB 12 34 56 E", "the last letter must be A, B, C or D"),
    ],
)
def test_a_bad_national_insurance_number_is_refused(value, message):
    assert message in _identity_errors(ni_number=value).errors["ni_number"][0]


def test_a_good_national_insurance_number_is_stored_compact():
    form = _identity_errors(ni_number="ab 12 34 56 c")
    assert form.is_valid(), form.errors
    assert form.changes()["ni_number"] == "AB123456C"


def test_a_upn_with_the_wrong_check_letter_is_refused():
    errors = _identity_errors(upn="A801200005001").errors["upn"]
    assert errors == ["Enter a real unique pupil number: the first letter does not match the rest"]


def test_a_upn_and_a_reason_for_no_upn_cannot_both_be_given():
    form = _identity_errors(upn="B801200005001", upn_unknown_reason="UN1")
    assert "upn" not in form.errors
    assert form.errors["upn_unknown_reason"]


def test_date_of_birth_cannot_be_in_the_future():
    next_year = datetime.date.today().year + 1
    form = _identity_errors(**{"date_of_birth-year": next_year})
    assert form.errors["date_of_birth"] == ["Date of birth must be today or in the past"]


def test_the_identity_form_does_not_change_the_record_it_shows():
    young_person = YoungPersonFactory(first_name="Original")
    form = IdentityForm(_identity_data(young_person, first_name="Changed"), instance=young_person)
    assert form.is_valid(), form.errors
    assert young_person.first_name == "Original"


def _contact_errors(**data):
    young_person = YoungPersonFactory()
    form = ContactDetailsForm({"version": 1, **data}, instance=young_person)
    form.is_valid()
    return form


def test_a_bad_postcode_is_refused():
    assert _contact_errors(postcode="BD1 1CY").errors["postcode"] == [
        "Enter a real postcode, like BD1 1HY"
    ]


def test_a_postcode_is_tidied():
    form = _contact_errors(postcode="bd11hy")
    assert form.is_valid(), form.errors
    assert form.changes()["postcode"] == "BD1 1HY"


def test_a_bad_phone_number_is_refused():
    assert _contact_errors(phone="12345").errors["phone"] == [
        "Enter a UK phone number, like 07700 900123 or +44 7700 900123"
    ]


def test_a_bad_email_is_refused():
    assert _contact_errors(email="not an email").errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]


def _add_form(team, child_id):
    return YoungPersonAddForm(
        {
            "first_name": "A",
            "last_name": "B",
            "date_of_birth-day": "1",
            "date_of_birth-month": "1",
            "date_of_birth-year": "2007",
            "sex": "F",
            "ethnicity": "WBRI",
            "child_id": child_id,
            "team": team.pk,
        }
    )


def test_the_add_form_refuses_a_child_id_already_used(team):
    YoungPersonFactory(child_id="C1")
    form = _add_form(team, "C1")
    assert form.errors["child_id"] == ["Another young person already has this council child ID"]


@pytest.mark.parametrize("child_id", ["=1+2", "+44", "@SUM(1)", "AB-12", "١٢٣", "ＡＢ１"])
def test_the_add_form_refuses_a_child_id_that_is_not_letters_and_digits(team, child_id):
    form = _add_form(team, child_id)
    assert form.errors["child_id"] == [
        "The council child ID must only include letters A to Z and numbers"
    ]


def test_the_add_form_asks_for_the_essentials():
    form = YoungPersonAddForm({})
    assert form.errors["first_name"] == ["Enter their first name"]
    assert form.errors["date_of_birth"] == ["Enter date of birth"]
    assert form.errors["team"] == ["Select their team"]


def _episode_form(young_person, **changes):
    data = {
        "start-day": "1",
        "start-month": "1",
        "start-year": str(young_person.date_of_birth.year + 15),
        "reason_new_episode": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U1",
        "placement_provider": "PR1",
    }
    data.update(changes)
    form = CareEpisodeForm(data, young_person=young_person)
    form.is_valid()
    return form


def test_an_episode_with_dfe_codes_is_valid():
    form = _episode_form(YoungPersonFactory())
    assert form.is_valid(), form.errors


def test_an_episode_with_a_code_not_in_the_dfe_list_is_refused():
    form = _episode_form(YoungPersonFactory(), legal_status="ZZ")
    assert "legal_status" in form.errors


def _ended_on(young_person, month, age):
    """The fields for an episode ended on the 1st of `month` in the year they were `age`."""
    return {
        "end-day": "1",
        "end-month": str(month),
        "end-year": str(young_person.date_of_birth.year + age),
    }


def test_an_episode_ending_before_it_starts_is_refused_once():
    young_person = YoungPersonFactory()
    form = _episode_form(young_person, **_ended_on(young_person, 1, 14), reason_ended="E17")
    assert form.errors["end"] == [
        "The date the episode ceased must be the same as or after the start date"
    ]
    assert "__all__" not in form.errors


def test_an_ended_episode_needs_the_reason_it_ceased():
    young_person = YoungPersonFactory()
    form = _episode_form(young_person, **_ended_on(young_person, 6, 16))
    assert form.errors["reason_ended"] == ["Select the reason the episode ceased"]


def test_a_temporary_placement_has_no_provider():
    form = _episode_form(YoungPersonFactory(), placement_type="T1")
    assert "placement_provider" in form.errors


def test_an_episode_postcode_is_checked():
    form = _episode_form(YoungPersonFactory(), placement_postcode="nonsense")
    assert form.errors["placement_postcode"] == ["Enter a real postcode, like BD1 1HY"]


def test_restricting_needs_a_reason(make_user):
    form = RestrictionForm(
        {"restricted": "True", "reason": ""},
        staff=staff_who_can_be_named(),
        user=make_user(Role.TEAM_MANAGER),
        team_id=None,
    )
    assert form.errors["reason"] == ["Enter why this record is restricted"]


def test_agreeing_about_me_needs_confirmation():
    about_me = AboutMeFactory()
    today = datetime.date.today()
    form = AboutMeAgreeForm(
        {
            "agreed_on-day": today.day,
            "agreed_on-month": today.month,
            "agreed_on-year": today.year,
            "version": 1,
        },
        about_me=about_me,
    )
    assert form.errors["confirm"] == ["Confirm that they have read it and agree with it"]


def test_search_refuses_a_bad_nhs_number():
    form = SearchForm({"nhs_number": "1234567890"})
    assert form.errors["nhs_number"]
    assert form.criteria() == {}


def test_a_date_of_death_is_recorded_on_the_identity_form():
    young_person = YoungPersonFactory(date_of_birth=datetime.date(2004, 5, 1))
    form = IdentityForm(
        _identity_data(
            young_person,
            **{"died_on-day": "3", "died_on-month": "2", "died_on-year": "2026"},
        ),
        instance=young_person,
    )
    assert form.is_valid(), form.errors
    assert form.changes()["died_on"] == datetime.date(2026, 2, 3)


def test_a_date_of_death_before_the_birth_is_refused():
    form = _identity_errors(**{"died_on-day": "3", "died_on-month": "2", "died_on-year": "1990"})
    assert form.errors["died_on"] == ["Date of death must be the same as or after their birth"]
