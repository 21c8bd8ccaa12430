"""allauth's sign-in, password reset and authenticator set-up forms in GOV.UK words: no
placeholders (they vanish as you type) and no link inside a hint (the page already links to
password reset)."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from careleavers.accounts.sessions import keep_signed_in_choose, session_length_apply

# Said before anyone types a password (AUTH_PASSWORD_VALIDATORS in config/settings.py).
# Marked for translation (gettext_noop) and translated where a young person's page shows them.
PASSWORD_RULES = gettext_noop(
    "At least 12 characters, not only numbers, and not a common password like "
    "password123456 or your name. A few words together is easy to remember."
)
KEEP_SIGNED_IN_LABEL = gettext_noop("Keep me signed in on this phone")
KEEP_SIGNED_IN_HINT = gettext_noop(
    "For young people on their own phone: you stay signed in for {days} days. Do not tick "
    "this on a phone or computer other people use. Staff are always signed out after a while."
)


def keep_signed_in_field() -> forms.BooleanField:
    from django.conf import settings

    return forms.BooleanField(
        label=gettext(KEEP_SIGNED_IN_LABEL),
        required=False,
        help_text=gettext(KEEP_SIGNED_IN_HINT).format(days=settings.YOUNG_PERSON_SESSION_DAYS),
    )


class LoginForm(AllauthLoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
            field.help_text = ""
        # Staff sign in with their email address; a young person with either (a young person
        # invited by text may have only a mobile number).
        self.fields["login"].label = gettext("Email address or mobile number")
        self.fields["login"].widget.attrs.update(
            {"spellcheck": "false", "autocomplete": "username"}
        )
        self.fields["login"].error_messages["required"] = gettext(
            "Enter your email address or mobile number"
        )
        password = self.fields["password"]
        password.error_messages["required"] = gettext("Enter your password")
        # What was typed stays in the boxes when something is wrong (the page is never cached).
        password.widget.render_value = True  # type: ignore[attr-defined]
        self.fields["remember"] = keep_signed_in_field()

    def login(self, request: HttpRequest, redirect_url: str | None = None) -> HttpResponse:
        # allauth sets the session's length from the tick for everyone; here only a young
        # person gets the long session (careleavers/accounts/sessions.py), and staff keep the
        # service's usual one whatever they tick.
        keep = bool(self.cleaned_data.get("remember"))
        keep_signed_in_choose(request, keep=keep)
        response = super().login(request, redirect_url=redirect_url)
        if request.user.is_authenticated:
            session_length_apply(request, request.user, keep=keep)
        else:
            # Still to give an authenticator code (staff): the usual session, and the tick is
            # kept for when the sign-in finishes (it does nothing for staff).
            request.session.set_expiry(None)
        return response  # type: ignore[no-any-return]


def plain_code_field(code: forms.Field, *, label: str, hint: str, required: str) -> None:
    """A 6-digit code box in plain words: a label and hint instead of a placeholder, and the
    number keypad on a phone."""
    code.label = label
    code.help_text = hint
    code.error_messages["required"] = required
    code.widget.attrs.pop("placeholder", None)
    code.widget.attrs.update(
        {"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-10"}
    )


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """Setting up the authenticator app: one field, labelled in plain words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_code_field(
            self.fields["code"],
            label="Code from your authenticator app",
            hint="The 6-digit code the app shows for this service, for example 123456.",
            required="Enter the code from your authenticator app",
        )


class SignInEmailForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("New email address"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Enter the new email address"),
            "invalid": gettext_lazy(
                "Enter an email address in the correct format, like name@example.com"
            ),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})


class ResetPasswordForm(AllauthResetPasswordForm):
    """Asking for a link to choose a new password: the email address, labelled in full."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = gettext("Email address")
        email.widget.attrs.pop("placeholder", None)
        email.widget.attrs["spellcheck"] = "false"
        email.error_messages["required"] = gettext("Enter your email address")
        email.error_messages["invalid"] = gettext(
            "Enter an email address in the correct format, like name@example.com"
        )


class ResetPasswordKeyForm(AllauthResetPasswordKeyForm):
    """Choosing the new password from the emailed link, with the rules said before typing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.fields["password1"].label = gettext("New password")
        self.fields["password1"].help_text = gettext(PASSWORD_RULES)
        self.fields["password2"].label = gettext("Type your password again")
