"""Changing a council's settings: under a lock, and logged the same way for every kind."""

import datetime
from typing import Any

import pytest

from careleavers.accounts.roles import Role
from careleavers.casework.models import DutyPolicy
from careleavers.core.council_settings_change import change_council_settings
from careleavers.core.models import AuditEvent
from careleavers.offer.models import OfferPolicy

pytestmark = pytest.mark.django_db

MONEY = ("setting_up_home_allowance_pence", "he_bursary_pence")


def _events(model: Any) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(subject_type=model._meta.label))


def test_each_changed_setting_is_logged_with_what_it_was_and_became(make_user) -> None:
    admin = make_user(Role.ADMINISTRATOR)
    row = change_council_settings(
        OfferPolicy,
        acting_user=admin,
        settings=MONEY,
        values={"setting_up_home_allowance_pence": 350_000, "he_bursary_pence": 200_000},
    )
    assert OfferPolicy.current().setting_up_home_allowance_pence == 350_000
    assert row.pk == OfferPolicy.current().pk
    [event] = _events(OfferPolicy)
    # The bursary was already 200,000: only the allowance changed.
    assert event.detail == {"changes": {"setting_up_home_allowance_pence": [300_000, 350_000]}}
    assert (event.actor, event.action, event.young_person_id) == (
        admin,
        AuditEvent.Action.CHANGE,
        None,
    )


def test_a_setting_given_as_none_stays_and_no_change_writes_nothing(make_user) -> None:
    admin = make_user(Role.ADMINISTRATOR)
    change_council_settings(
        OfferPolicy,
        acting_user=admin,
        settings=MONEY,
        values={"setting_up_home_allowance_pence": None, "he_bursary_pence": 200_000},
    )
    assert OfferPolicy.current().setting_up_home_allowance_pence == 300_000
    assert _events(OfferPolicy) == []


def test_a_setting_the_page_does_not_change_is_a_programming_error(make_user) -> None:
    with pytest.raises(TypeError, match="team_manager_limit_pence"):
        change_council_settings(
            OfferPolicy,
            acting_user=make_user(Role.ADMINISTRATOR),
            settings=MONEY,
            values={"team_manager_limit_pence": 1},
        )
    assert OfferPolicy.current().team_manager_limit_pence == 100_000
    assert _events(OfferPolicy) == []


def test_times_are_logged_as_text(manager) -> None:
    change_council_settings(
        DutyPolicy,
        acting_user=manager,
        settings=("office_closes",),
        values={"office_closes": datetime.time(16, 30)},
    )
    [event] = _events(DutyPolicy)
    assert event.detail["changes"]["office_closes"][1] == "16:30:00"
    assert DutyPolicy.current().office_closes == datetime.time(16, 30)
