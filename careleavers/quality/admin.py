"""The admin site is for reference data: the audit questions, the learning themes and the
quality assurance policy. Nothing is deleted: questions and themes are retired ("in use"
unticked), because past audits refer to them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from careleavers.core.council_settings import CouncilSettingsAdmin
from careleavers.core.practice_framework import CORPORATE_PARENTING_PRINCIPLES
from careleavers.quality.models import AuditQuestion, AuditTheme, QualityPolicy


class AuditQuestionForm(forms.ModelForm):
    principles = forms.MultipleChoiceField(
        label="Corporate parenting principles",
        choices=[(code, f"({code}) {text}") for code, text in CORPORATE_PARENTING_PRINCIPLES],
        widget=forms.CheckboxSelectMultiple,
        help_text="The Children and Social Work Act 2017 s.1 duties this question tests.",
    )

    class Meta:
        model = AuditQuestion
        fields = ("area", "text", "hint", "principles", "display_order", "is_active")

    def clean_principles(self) -> list[str]:
        return sorted(self.cleaned_data["principles"])


class NoDelete(admin.ModelAdmin):
    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(AuditQuestion)
class AuditQuestionAdmin(NoDelete):
    form = AuditQuestionForm
    list_display = ("text", "area", "principle_codes", "display_order", "is_active")
    list_editable = ("display_order", "is_active")
    list_filter = ("area", "is_active")
    search_fields = ("text",)

    @admin.display(description="Principles")
    def principle_codes(self, obj: AuditQuestion) -> str:
        return ", ".join(obj.principles)


@admin.register(AuditTheme)
class AuditThemeAdmin(NoDelete):
    list_display = ("label", "key", "display_order", "is_active")
    list_editable = ("display_order", "is_active")
    list_filter = ("is_active",)
    prepopulated_fields = {"key": ("label",)}


@admin.register(QualityPolicy)
class QualityPolicyAdmin(CouncilSettingsAdmin):
    list_display = (
        "__str__",
        "oversight_months",
        "feedback_recent_days",
        "wellbeing_interval_days",
        "modified_at",
    )
