"""core.council_settings: each part of the service's council settings is one row, made with its
defaults the first time it is asked for, added to or deleted by nobody in the admin."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from careleavers.accommodation.models import AccommodationPolicy
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import DutyPolicy
from careleavers.core.council_settings import CouncilSettings
from careleavers.offer.models import OfferPolicy

pytestmark = pytest.mark.django_db

EVERY_SETTINGS_MODEL = [model for model in site._registry if issubclass(model, CouncilSettings)]


def test_the_admin_knows_the_council_settings() -> None:
    # Guards the tests below against passing over an empty list.
    assert {AccommodationPolicy, DutyPolicy, OfferPolicy} <= set(EVERY_SETTINGS_MODEL)


@pytest.mark.parametrize("model", EVERY_SETTINGS_MODEL, ids=lambda model: model.__name__)
def test_the_first_read_makes_the_one_row_and_later_reads_find_it(model: type) -> None:
    model._default_manager.all().delete()
    first = model.current()
    assert first.pk is not None
    assert model.current().pk == first.pk
    assert model._default_manager.count() == 1


def test_the_out_of_hours_mobile_starts_as_the_branded_number_where_that_is_a_mobile(
    settings: object,
) -> None:
    DutyPolicy.objects.all().delete()
    settings.BRANDING = {**settings.BRANDING, "out_of_hours_phone": "07700 900 999"}  # type: ignore[attr-defined]
    assert DutyPolicy.current().out_of_hours_mobile == "07700900999"


@pytest.mark.parametrize("model", EVERY_SETTINGS_MODEL, ids=lambda model: model.__name__)
def test_a_superuser_may_add_the_row_only_while_there_is_none_and_never_delete_it(
    model: type,
) -> None:
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    model_admin = site._registry[model]
    model._default_manager.all().delete()
    assert model_admin.has_add_permission(request)
    row = model.current()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_delete_permission(request, row)


def test_a_staff_member_without_the_add_permission_may_not_add_it() -> None:
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True)
    OfferPolicy.objects.all().delete()
    assert not site._registry[OfferPolicy].has_add_permission(request)
