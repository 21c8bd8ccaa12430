"""A young person signs in with their mobile number and a code sent to it by text.

A young person invited by text may have no email address, so allauth's phone support is
switched on (ACCOUNT_LOGIN_METHODS and ACCOUNT_LOGIN_BY_CODE_ENABLED in config/settings.py)
through this adapter, which lives here because the texts go through GOV.UK Notify
(portal/notify.py).

Staff never sign in by code: allauth lets a code sign-in skip the authenticator code, so a
number is only ever found for an account linked to a young person's record (a staff member's
work number is never a sign-in number), and no code is ever sent to anyone else.
"""

from __future__ import annotations

from typing import Any

from allauth.account.forms import ConfirmLoginCodeForm, RequestLoginCodeForm, VerifyPhoneForm
from allauth.core import context
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext, gettext_lazy

from careleavers.accounts.adapters import AccountAdapter
from careleavers.accounts.forms import keep_signed_in_field, plain_code_field
from careleavers.accounts.models import User
from careleavers.accounts.services import sign_in_phone_set
from careleavers.accounts.sessions import keep_signed_in_choose
from careleavers.casework.phones import clean_uk_mobile
from careleavers.portal import selectors, services

MOBILE_FORMAT = gettext_lazy("Enter a UK mobile number, like 07700 900 982")


class UkMobileField(forms.CharField):
    """A UK mobile number as people type it, kept as digits (07700900982)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", gettext_lazy("Mobile number"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"type": "tel", "autocomplete": "tel", "class": "govuk-input--width-20"}
            ),
        )
        kwargs.setdefault("error_messages", {"required": gettext_lazy("Enter your mobile number")})
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        if not value:
            return ""
        digits = clean_uk_mobile(value)
        if digits is None:
            raise ValidationError(MOBILE_FORMAT, code="invalid_phone")
        return digits


class YoungPersonAccountAdapter(AccountAdapter):
    error_messages = {
        **AccountAdapter.error_messages,
        "phone_password_mismatch": gettext_lazy("The mobile number or password is not right"),
        "email_password_mismatch": gettext_lazy("The email address or password is not right"),
        # allauth uses this one message for too many failed passwords and too many codes asked
        # for, so it names neither.
        "too_many_login_attempts": gettext_lazy(
            "Too many tries. Wait a few minutes and try again"
        ),
        "incorrect_code": gettext_lazy(
            "The code is not right. Type the 6-digit code from the text we sent"
        ),
    }

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        # A young person who signs in only by code has no password to type again; changing
        # their number still needs the code texted to the new one.
        request = context.request
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.has_usable_password():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def phone_form_field(self, **kwargs: Any) -> forms.Field:
        return UkMobileField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        return clean_uk_mobile(phone) or phone

    def get_phone(self, user: Any) -> tuple[str, bool] | None:
        if not user.phone or selectors.account_for_user(user) is None:
            return None
        return str(user.phone), bool(user.phone_verified)

    def set_phone(self, user: Any, phone: str, verified: bool) -> None:
        _set_sign_in_phone(user, phone, verified)

    def set_phone_verified(self, user: Any, phone: str) -> None:
        _set_sign_in_phone(user, phone, True)

    def get_user_by_phone(self, phone: str) -> Any:
        return selectors.user_for_sign_in_phone(clean_uk_mobile(phone) or phone)

    def send_verification_code_sms(self, user: Any, phone: str, code: str, **kwargs: Any) -> None:
        services.sign_in_code_send(user=user, phone=phone, code=code)


def _set_sign_in_phone(user: Any, phone: str, verified: bool) -> None:
    """Set the number they sign in with, and when it replaces a number that was checked by a
    code, tell that old number (services.sign_in_phone_changed)."""
    with transaction.atomic():
        before = User.objects.filter(pk=user.pk).values_list("phone", "phone_verified").first()
        sign_in_phone_set(acting_user=user, user=user, phone=phone, verified=verified)
        if before is not None:
            old_phone, old_verified = before
            if old_phone and old_verified and old_phone != phone:
                services.sign_in_phone_changed(user=user, old_phone=old_phone)


class RequestSignInCodeForm(RequestLoginCodeForm):
    """Asking for a code: only a mobile number (staff cannot have a code), and the tick for
    staying signed in, which is remembered until the code is typed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields["phone"] = UkMobileField(
            help_text=gettext(
                "The mobile number your invitation was sent to, or the one you added."
            ),
        )
        self.fields["remember"] = keep_signed_in_field()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        request = context.request
        if request is not None and not self.errors:
            keep_signed_in_choose(request, keep=bool(cleaned.get("remember")))
        return cleaned


class _TextedCodeMixin:
    """A form asking for a code we texted: its code field in plain words."""

    fields: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_code_field(
            self.fields["code"],
            label=gettext("Code from the text"),
            hint=gettext("6 numbers, for example 123456."),
            required=gettext("Type the code from the text we sent"),
        )


class ConfirmSignInCodeForm(_TextedCodeMixin, ConfirmLoginCodeForm):
    """The code texted for signing in."""


class VerifyPhoneCodeForm(_TextedCodeMixin, VerifyPhoneForm):
    """The code texted to a number being added to an account."""


def sign_in_code_start(request: HttpRequest, user: Any) -> HttpResponse:
    """Text a young person a code for their mobile and ask for it, as allauth's "sign in with
    a code" page does once the number is typed (used straight after an invitation)."""
    from allauth.account.internal.flows.login_by_code import LoginCodeVerificationProcess

    LoginCodeVerificationProcess.initiate(request=request, user=user, phone=user.phone)
    return redirect("account_confirm_login_code")
