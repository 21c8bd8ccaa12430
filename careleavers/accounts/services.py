"""Changing the email address someone signs in with.

The address is the key to an account: whoever controls it can reset the password. So a staff
member's address is changed only by an administrator (and audited), and a young person changes
theirs only by opening a link sent to the new address; the old address and their workers are
told. An address another account uses is refused, without saying whose it is.

The sign-in address is `User.email` (unique). allauth's EmailAddress rows are used only for the
confirmation link of a change a young person asked for, and are removed once it is done.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.core import context
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext_lazy

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent

IN_USE = gettext_lazy("This email address is already in use. Enter a different email address")
SAME = gettext_lazy(
    "This is the email address you sign in with now. Enter a different email address"
)

# Sent inside the change's transaction, so receivers can act on commit (the portal tells the
# young person's workers). Arguments: user, old_email, new_email.
sign_in_email_changed = Signal()


def _normalise(email: str) -> str:
    return User.objects.normalize_email(email.strip()).lower()


def _refuse_if_in_use(*, user: User, email: str) -> None:
    if email == (user.email or "").lower():
        raise ValidationError({"email": SAME})
    in_use = User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists() or (
        EmailAddress.objects.filter(email__iexact=email, verified=True)
        .exclude(user_id=user.pk)
        .exists()
    )
    if in_use:
        raise ValidationError({"email": IN_USE})


def _notify_old_address(
    *, user: User, old_email: str, new_email: str, by_administrator: bool
) -> None:
    service = settings.BRANDING["service_name"]
    who = "An administrator has" if by_administrator else "You have"
    body = (
        f"Hello {user.get_short_name() or user.get_full_name()},\n\n"
        f"{who} changed the email address you use to sign in to {service} from this address "
        f"to {new_email}.\n\n"
        "If you did not expect this, contact your leaving care team or the duty team straight "
        "away: someone else may be using your account."
    )
    transaction.on_commit(
        lambda: send_mail(
            f"The email address for your {service} account has changed",
            body,
            None,
            [old_email],
        )
    )


def _apply(*, acting_user: User, user: User, new_email: str, by_administrator: bool) -> User:
    old_email = user.email or ""
    user.email = new_email
    user.save(update_fields=["email"])
    # Nothing about the old address is kept for signing in.
    EmailAddress.objects.filter(user=user).delete()
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.ACCESS_CHANGE,
        subject=user,
        detail={"change": "sign_in_email", "from": old_email, "to": new_email},
    )
    if old_email:
        # A young person who signed in only with their mobile is adding an address: there is
        # no old one to warn.
        _notify_old_address(
            user=user, old_email=old_email, new_email=new_email, by_administrator=by_administrator
        )
    sign_in_email_changed.send(sender=User, user=user, old_email=old_email, new_email=new_email)
    return user


def sign_in_email_change(*, acting_user: User, user: User, email: str) -> User:
    """An administrator changes the address someone signs in with."""
    if not acting_user.has_role(Role.ADMINISTRATOR):
        raise PermissionDenied("Only an administrator can change the email address of an account")
    new_email = _normalise(email)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        _refuse_if_in_use(user=user, email=new_email)
        return _apply(
            acting_user=acting_user, user=user, new_email=new_email, by_administrator=True
        )


def sign_in_email_change_request(*, acting_user: User, email: str) -> EmailAddress:
    """A young person asks to sign in with a new address: a link goes to that address."""
    if acting_user.is_staff_member:
        raise PermissionDenied("Staff sign-in addresses are changed by an administrator")
    new_email = _normalise(email)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=acting_user.pk)
        _refuse_if_in_use(user=user, email=new_email)
        # One change at a time: an earlier link stops working.
        EmailAddress.objects.filter(user=user, verified=False).delete()
        pending = EmailAddress.objects.create(
            user=user, email=new_email, verified=False, primary=False
        )
        confirmation = EmailConfirmation.create(pending)
        # The link is built from the address the request came to (allauth's request context),
        # which the email is sent within even if the transaction ends outside the request.
        request = context.request

        def send() -> None:
            with context.request_context(request):
                confirmation.send(request)

        transaction.on_commit(send)
    return pending


def pending_sign_in_email(*, user: User) -> str | None:
    pending = EmailAddress.objects.filter(user=user, verified=False).order_by("-pk").first()
    return pending.email if pending else None


def sign_in_email_change_confirm(*, email_address: EmailAddress) -> bool:
    """The link in the email was opened: the young person now signs in with the new address.

    Checked again now, since the address may have been given to someone else meanwhile.
    """
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=email_address.user_id)
        if user.is_staff_member:
            return False
        new_email = _normalise(email_address.email)
        try:
            _refuse_if_in_use(user=user, email=new_email)
        except ValidationError:
            return False
        _apply(acting_user=user, user=user, new_email=new_email, by_administrator=False)
    return True


# The mobile number a young person signs in with ------------------------------------------------

PHONE_IN_USE = gettext_lazy(
    "This mobile number is already used for another account. Use a different one, or ask your "
    "personal adviser"
)


def sign_in_phone_set(*, acting_user: User, user: User, phone: str, verified: bool) -> User:
    """Set the mobile number a young person can sign in with by a texted code.

    Staff never sign in by code, so their `phone` (a work number) is never a sign-in number
    and cannot be set here. A number another account signs in with is refused, so a code is
    only ever texted for one account. Nothing is written when nothing changes (allauth marks
    the number verified again at every sign-in by code).
    """
    if user.is_staff_member or user.is_staff or user.is_superuser:
        raise PermissionDenied("Staff do not sign in with a mobile number")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.phone == phone and user.phone_verified == verified:
            return user
        in_use = User.objects.filter(phone=phone, phone_verified=True).exclude(pk=user.pk).exists()
        if in_use:
            raise ValidationError({"phone": PHONE_IN_USE})
        old_phone = user.phone
        user.phone, user.phone_verified = phone, verified
        user.save(update_fields=["phone", "phone_verified"])
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=user,
            detail={
                "change": "sign_in_phone",
                "from": old_phone,
                "to": phone,
                "verified": verified,
            },
        )
    return user
