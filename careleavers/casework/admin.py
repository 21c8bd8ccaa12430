"""Administrators edit the council's contact standard, and its office hours and out-of-hours
service, here. Case records (allocations, contacts, notes, alerts, duty entries) are not in the
admin: administrators manage accounts and reference data, not cases, and every change to a case
goes through a service that audits it."""

from __future__ import annotations

from django.contrib import admin

from careleavers.casework.models import ContactPolicy, DutyPolicy
from careleavers.core.council_settings import CouncilSettingsAdmin


@admin.register(ContactPolicy)
class ContactPolicyAdmin(CouncilSettingsAdmin):
    list_display = (
        "__str__",
        "weeks_to_21",
        "weeks_21_to_25",
        "reduced_from_21_weeks",
        "correction_window_minutes",
    )


@admin.register(DutyPolicy)
class DutyPolicyAdmin(CouncilSettingsAdmin):
    """Office hours and the out-of-hours service. Team managers and the head of service change
    them on the duty rota page too (each change audited there)."""

    list_display = ("__str__", "office_opens", "office_closes", "out_of_hours_name")
    readonly_fields = ("modified_at", "modified_by")
