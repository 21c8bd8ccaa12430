"""Records chosen by id: a made-up id is a form error on every database, never a server error."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careleavers.accounts.models import User
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.forms.record_choices import RecordChoices

pytestmark = pytest.mark.django_db


def test_the_chosen_records_come_back() -> None:
    chosen, other = UserFactory(), UserFactory()
    field = RecordChoices(queryset=User.objects.all())
    assert list(field.clean([str(chosen.pk)])) == [chosen]
    assert other not in field.clean([str(chosen.pk)])


@pytest.mark.parametrize("made_up", ["99999999999999999999", "-99999999999999999999", "0"])
def test_an_id_no_record_has_is_not_one_of_the_choices(made_up: str) -> None:
    # Larger than the database's integers: SQLite raised OverflowError for these (a 500 on the
    # demo's learning themes page); PostgreSQL found nothing.
    UserFactory()
    field = RecordChoices(queryset=User.objects.all())
    with pytest.raises(ValidationError) as refused:
        field.clean([made_up])
    assert refused.value.code == "invalid_choice"
