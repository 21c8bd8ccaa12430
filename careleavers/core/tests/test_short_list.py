"""A short-listed choice: what it offers, what a search does, and what the form hands on."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.db.models import Q

from careleavers.accounts.models import User
from careleavers.core.forms import short_list
from careleavers.core.forms.short_list import Group, ShortListForm, every_word_in, search_box

pytestmark = pytest.mark.django_db


class _StaffForm(ShortListForm):
    person = forms.ModelChoiceField(queryset=User.objects.order_by("last_name"))
    person_search = search_box(noun="person")

    def __init__(self, *args: Any, first: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer_short_list(
            "person",
            groups=[Group("First", Q(pk=first.pk)), Group("Everyone", Q(pk__gt=0))],
            matching=every_word_in("first_name", "last_name"),
            noun="person",
        )


def _values(form: _StaffForm) -> list[Any]:
    return [option.data["value"] for option in form["person"].subwidgets]


def test_each_record_is_offered_once_in_its_first_group(make_user):
    ann, bob = make_user(last_name="A"), make_user(last_name="B")

    form = _StaffForm(first=bob)

    assert form.fields["person"].widget.choices == [
        ("", "---------"),
        ("First", [(bob.pk, str(bob))]),
        ("Everyone", [(ann.pk, str(ann))]),
    ]


def test_what_is_chosen_is_offered_past_the_limit(make_user, monkeypatch):
    monkeypatch.setattr(short_list, "SHORT_LIST_MOST", 2)
    people = [make_user(last_name=f"Name{number}") for number in range(4)]

    form = _StaffForm(initial={"person": people[3].pk}, first=people[0])

    assert _values(form) == ["", people[0].pk, people[1].pk, people[3].pk]


def test_the_search_box_is_not_handed_on_with_the_answers(make_user):
    ann = make_user(last_name="A")

    form = _StaffForm({"person": ann.pk, "person_search": ""}, first=ann)

    assert form.is_valid()
    assert form.cleaned_data == {"person": ann}


def test_a_search_is_not_valid_until_sent_again(make_user):
    ann = make_user(first_name="Ann", last_name="Ash")
    form = _StaffForm({"person": "", "person_search": "ann a"}, first=make_user())

    assert not form.is_valid()
    assert form.errors == {}
    assert form.data["person"] == str(ann.pk)
    assert form.data["person_search"] == ""
    assert _StaffForm(form.data, first=ann).is_valid()


def test_the_search_box_has_its_own_find_button_named_for_what_it_finds(make_user):
    html = str(_StaffForm(first=make_user())["person_search"].as_field_group())

    assert '<label class="govuk-label govuk-label--s" for="id_person_search">' in html
    assert 'aria-describedby="id_person_search-hint"' in html
    assert '<button type="submit" class="govuk-button govuk-button--secondary' in " ".join(
        html.split()
    )
    assert 'Find<span class="govuk-visually-hidden"> a person by name</span></button>' in html
