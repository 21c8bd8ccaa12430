"""allauth's sign-in and authenticator set-up forms in GOV.UK words: no placeholders (they vanish
as you type) and no link inside a hint (the page already links to password reset)."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django import forms


class LoginForm(AllauthLoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
            field.help_text = ""
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs["spellcheck"] = "false"


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """Setting up the authenticator app: one field, labelled in plain words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = "Code from your authenticator app"
        code.help_text = "The 6-digit code the app shows for this service, for example 123456."
        code.widget.attrs.pop("placeholder", None)
        code.widget.attrs.update(
            {"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-10"}
        )
        code.error_messages["required"] = "Enter the code from your authenticator app"


class SignInEmailForm(forms.Form):
    email = forms.EmailField(
        label="New email address",
        max_length=254,
        error_messages={
            "required": "Enter the new email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
