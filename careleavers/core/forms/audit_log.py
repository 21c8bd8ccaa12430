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
    # Typed, not chosen from a list: a council has thousands of staff and young people's
    # accounts, and a drop-down of all of them took over a second to draw.
    actor = forms.CharField(
        label="User",
        help_text="Their email address, or the mobile number a young person signs in with",
        required=False,
        max_length=254,
    )
    action = forms.ChoiceField(
        label="What they did",
        choices=[("", "Anything"), *AuditEvent.Action.choices],
        required=False,
    )
    date_from = GovukDateField(label="From", subject="The ‘from’ date", required=False)
    date_to = GovukDateField(label="To", subject="The ‘to’ date", required=False)

    def clean_actor(self) -> User | None:
        typed = self.cleaned_data.get("actor", "").strip()
        if not typed:
            return None
        user = (
            User.objects.filter(email__iexact=typed).first()
            or User.objects.filter(phone=typed.replace(" ", "")).exclude(phone="").first()
        )
        if user is None:
            raise forms.ValidationError("No one has that email address or mobile number")
        return user

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return cleaned
