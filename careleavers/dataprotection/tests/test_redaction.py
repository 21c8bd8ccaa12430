"""Which fields are flagged for a third-party check before release."""

from __future__ import annotations

from django.db import models

from careleavers.dataprotection import redaction


def test_text_fields_are_free_text() -> None:
    assert redaction.field_check_reason(models.TextField(name="notes")) == redaction.FREE_TEXT


def test_json_is_free_text() -> None:
    assert redaction.field_check_reason(models.JSONField(name="detail")) == redaction.FREE_TEXT


def test_long_character_fields_are_free_text_and_short_ones_are_not() -> None:
    assert redaction.field_check_reason(models.CharField(name="purpose", max_length=255)) == (
        redaction.FREE_TEXT
    )
    assert (
        redaction.field_check_reason(models.CharField(name="first_name", max_length=100)) is None
    )


def test_fields_named_for_other_people_are_flagged_however_short() -> None:
    for name in ("caller", "carers", "landlord", "legal_representative", "who", "owner_name"):
        field = models.CharField(name=name, max_length=40)
        assert redaction.field_check_reason(field) == redaction.NAMES_OTHERS, name


def test_a_coded_field_is_not_flagged() -> None:
    field = models.CharField(name="method", max_length=200, choices=[("a", "A")])
    assert redaction.field_check_reason(field) is None


def test_an_ip_address_identifies_someone_elses_device() -> None:
    field = models.GenericIPAddressField(name="ip_address")
    assert redaction.field_check_reason(field) == redaction.DEVICE


def test_staff_who_are_not_their_workers_are_flagged() -> None:
    workers = frozenset({1, 2})
    assert redaction.user_check_reason(1, workers) is None
    assert redaction.user_check_reason(None, workers) is None
    assert redaction.user_check_reason(3, workers) == redaction.OTHER_STAFF
