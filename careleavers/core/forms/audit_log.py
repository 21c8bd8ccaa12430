"""Forms of the shell."""

from __future__ import annotations

from django import forms

from careleavers.accounts.models import User
from careleavers.core.forms.widgets import GovukDateField
from careleavers.core.models import AuditEvent


class AuditLogFilterForm(forms.Form):
    young_person_id = forms.IntegerField(
        label="Young person's record number", required=False, min_value=1
    )
    actor = forms.ModelChoiceField(
        label="User",
        queryset=User.objects.order_by("last_name", "first_name"),
        required=False,
        empty_label="Anyone",
    )
    action = forms.ChoiceField(
        label="What they did",
        choices=[("", "Anything"), *AuditEvent.Action.choices],
        required=False,
    )
    date_from = GovukDateField(label="From", subject="The ‘from’ date", required=False)
    date_to = GovukDateField(label="To", subject="The ‘to’ date", required=False)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return cleaned
