"""Administrators edit the council's contact standard here. Case records (allocations, contacts,
notes, alerts, duty entries) are not in the admin: administrators manage accounts and reference
data, not cases, and every change to a case goes through a service that audits it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from careleavers.casework.models import ContactPolicy


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
