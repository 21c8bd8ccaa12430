"""Administrators edit the council's contact standard, and its office hours and out-of-hours
service, here. Case records (allocations, contacts, notes, alerts, duty entries) are not in the
admin: administrators manage accounts and reference data, not cases, and every change to a case
goes through a service that audits it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from careleavers.casework.models import ContactPolicy, DutyPolicy


@admin.register(ContactPolicy)
class ContactPolicyAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "weeks_to_21",
        "weeks_21_to_25",
        "reduced_from_21_weeks",
        "correction_window_minutes",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One row: ContactPolicy.current() creates it with the defaults.
        return super().has_add_permission(request) and not ContactPolicy.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DutyPolicy)
class DutyPolicyAdmin(admin.ModelAdmin):
    """Office hours and the out-of-hours service. Team managers and the head of service change
    them on the duty rota page too (each change audited there)."""

    list_display = ("__str__", "office_opens", "office_closes", "out_of_hours_name")
    readonly_fields = ("modified_at", "modified_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One row: DutyPolicy.current() creates it with the defaults.
        return super().has_add_permission(request) and not DutyPolicy.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
