"""The pages about the address someone signs in with (allauth's own email page is replaced:
it let anyone add any address to their account)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext

from careleavers.accounts import services
from careleavers.accounts.forms import SignInEmailForm
from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.core.forms.submit import saved_then_redirect
from careleavers.core.http import SignedInRequest


def email_change(request: SignedInRequest) -> HttpResponse:
    """Your sign-in address: staff see who can change it; a young person can ask to change it."""
    user = request.user
    if user.is_staff_member:  # type: ignore[union-attr]
        if request.method == "POST":
            raise PermissionDenied("Staff sign-in addresses are changed by an administrator")
        return render(request, "accounts/email_staff.html")
    form = SignInEmailForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.sign_in_email_change_request,
        acting_user=user,
        message=lambda pending: gettext(
            "We have sent a link to {email}. Open it to finish changing your email "
            "address. Until then you still sign in with your current one."
        ).format(email=pending.email),
        then=reverse("account_email"),
        page=lambda: render(
            request,
            "accounts/email_change.html",
            {
                "form": form,
                "pending_email": services.pending_sign_in_email(user=user),  # type: ignore[arg-type]
            },
        ),
    )


def phone_change(request: SignedInRequest) -> HttpResponse:
    """allauth's page for adding or changing the mobile someone signs in with (it texts a code
    to the new number first). Staff never sign in by code, so they have no such number."""
    from allauth.account.views import change_phone

    user = request.user
    if user.is_staff_member or user.is_staff or user.is_superuser:
        raise PermissionDenied("Staff do not sign in with a mobile number")
    return change_phone(request)  # type: ignore[no-any-return]


def sign_in_email_change(request: SignedInRequest, pk: int) -> HttpResponse:
    """An administrator changes the address someone signs in with."""
    if not request.user.has_role(Role.ADMINISTRATOR):  # type: ignore[union-attr]
        raise PermissionDenied
    account = get_object_or_404(User, pk=pk)
    form = SignInEmailForm(request.POST or None)

    def shown_again() -> HttpResponse:
        account.refresh_from_db()
        return render(
            request, "accounts/sign_in_email_change.html", {"account": account, "form": form}
        )

    # The message names the address from the account the service saved: `account` was read
    # before the change and still holds the old one.
    return saved_then_redirect(
        request,
        form,
        services.sign_in_email_change,
        acting_user=request.user,
        user=account,
        message=lambda changed: f"{changed} now signs in with {changed.email}.",
        then=reverse("accounts:sign_in_email_change", kwargs={"pk": account.pk}),
        page=shown_again,
    )
