"""The council's own EET settings: the NEET reasons list and the targets and time limits."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from careleavers.core.council_settings import CouncilSettingsAdmin
from careleavers.learning.models import LearningPolicy, NeetReason


@admin.register(NeetReason)
class NeetReasonAdmin(admin.ModelAdmin):
    list_display = ("label", "code", "order", "is_active")
    list_editable = ("order", "is_active")
    search_fields = ("label", "code")
    prepopulated_fields = {"code": ("label",)}

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Past records and panel themes refer to reasons: retire one by unticking "in use".
        return False


@admin.register(LearningPolicy)
class LearningPolicyAdmin(CouncilSettingsAdmin):
    list_display = (
        "__str__",
        "course_ending_within_days",
        "pep_completion_target_percent",
        "eet_target_17_18_percent",
        "eet_target_19_21_percent",
        "eet_target_22_25_percent",
    )
