"""Forms that create a record carry a key, so that sending one twice creates it once."""

from __future__ import annotations

import uuid

import pytest
from django import forms
from django.core.exceptions import ValidationError

from careleavers.casework.models import CaseNote
from careleavers.casework.services import case_note_add
from careleavers.core.submissions import EXPIRED, SubmittedOnceForm
from careleavers.people.tests.factories import YoungPersonFactory


class _NoteForm(SubmittedOnceForm):
    title = forms.CharField()


def test_a_new_form_carries_a_fresh_key_each_time_it_is_shown() -> None:
    first, second = _NoteForm(), _NoteForm()
    assert 'name="submission_key"' in str(first)
    assert first["submission_key"].value() != second["submission_key"].value()


def test_a_form_sent_without_its_key_is_refused_and_given_a_new_one() -> None:
    form = _NoteForm({"title": "Call"})
    assert not form.is_valid()
    assert form.errors["submission_key"] == [EXPIRED]
    assert uuid.UUID(form.data["submission_key"])


@pytest.mark.django_db
def test_a_key_used_for_one_young_person_is_not_used_for_another(make_user) -> None:
    adviser = make_user("personal_adviser")
    first, second = YoungPersonFactory(), YoungPersonFactory()
    key = uuid.uuid4()
    case_note_add(acting_user=adviser, young_person=first, title="A", body="B", submission_key=key)

    with pytest.raises(ValidationError):
        case_note_add(
            acting_user=adviser, young_person=second, title="A", body="B", submission_key=key
        )

    assert CaseNote.objects.filter(young_person=second).count() == 0


@pytest.mark.django_db
def test_without_a_key_every_call_creates(make_user) -> None:
    adviser = make_user("personal_adviser")
    young_person = YoungPersonFactory()
    for _ in range(2):
        case_note_add(acting_user=adviser, young_person=young_person, title="A", body="B")
    assert CaseNote.objects.filter(young_person=young_person).count() == 2
