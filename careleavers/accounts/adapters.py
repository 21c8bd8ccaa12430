"""django-allauth adapters: nobody signs themselves up, staff cannot switch off MFA, and a
confirmed email address goes through the service that changes sign-in addresses."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext

from careleavers.accounts.mfa import signed_in_recently
from careleavers.accounts.roles import Role
from careleavers.accounts.sessions import session_length_apply
from careleavers.core.client_address import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Staff accounts are made by administrators and young people are invited by their
        # worker, so the public sign-up page is closed.
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Every email from the sign-in pages names the service and the council and gives the
        # team's number (account/email/base_message.txt), never the site's address ("Hello
        # from 127.0.0.1:8400!"), whether or not a request is there to add the branding.
        super().send_mail(template_prefix, email, {**context, "branding": settings.BRANDING})

    def format_email_subject(self, subject: str) -> str:
        return f"{settings.BRANDING['service_name']}: {subject}"

    def get_client_ip(self, request: HttpRequest) -> str:
        # The same address the lockout and the audit log use (core/client_address.py).
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def login(self, request: HttpRequest, user: Any) -> None:
        super().login(request, user)
        # However they signed in (password, texted code, invitation link), the session lasts
        # as long as is right for who they are (careleavers/accounts/sessions.py).
        session_length_apply(request, user)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Young people land on their own pages, not the staff home page (a `next` address,
        # which allauth checks is on this site, still wins).
        user = request.user
        if user.is_authenticated and user.has_role(Role.YOUNG_PERSON):
            return reverse("portal:home")
        return str(super().get_login_redirect_url(request))

    def confirm_email(self, request: HttpRequest, email_address: Any) -> bool:
        # The link a young person was sent to change their sign-in address: our service makes
        # the change (checked again, audited, the old address and their workers told).
        from careleavers.accounts.services import sign_in_email_change_confirm

        changed = sign_in_email_change_confirm(email_address=email_address)
        if changed:
            messages.success(
                request,
                gettext("You now sign in with {email}.").format(email=email_address.email),
            )
        else:
            messages.error(
                request,
                gettext(
                    "We could not change your email address to {email}. It may be in use by "
                    "another account. Ask your personal adviser for help."
                ).format(email=email_address.email),
            )
        return changed

    def get_login_stages(self) -> list[str]:
        # allauth's authenticator-code step, made aware of a second factor the council's
        # identity provider already asked for (careleavers/accounts/sso.py).
        return [
            "careleavers.accounts.sso.AuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        # allauth asks for the password again before account changes unless the person
        # reauthenticated in the last few minutes. Signing in within those minutes proves the
        # same, and without this a new starter would be asked for their password twice before
        # setting up the authenticator app they must have.
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        return request is None or not signed_in_recently(request, request.user)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "The code is not right. Type the code the app shows now",
    }

    def can_delete_authenticator(self, authenticator: Any) -> bool:
        user = authenticator.user
        if settings.STAFF_MFA_REQUIRED and user.is_staff_member:
            return False
        return bool(super().can_delete_authenticator(authenticator))
