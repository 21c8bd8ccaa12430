"""django-allauth adapters: nobody signs themselves up, and staff cannot switch off MFA."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.core.client_address import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Staff accounts are made by administrators and young people are invited by their
        # worker, so the public sign-up page is closed.
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        # The same address the lockout and the audit log use (core/client_address.py).
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Young people land on their own pages, not the staff home page (a `next` address,
        # which allauth checks is on this site, still wins).
        user = request.user
        if user.is_authenticated and user.has_role(Role.YOUNG_PERSON):
            return reverse("portal:home")
        return str(super().get_login_redirect_url(request))


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Any) -> bool:
        user = authenticator.user
        if settings.STAFF_MFA_REQUIRED and user.is_staff_member:
            return False
        return bool(super().can_delete_authenticator(authenticator))
