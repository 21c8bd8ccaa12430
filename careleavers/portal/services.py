"""Changes made from the young person's pages, and by staff about young people's accounts.

Every service takes keyword arguments with `acting_user` first, runs in one transaction, writes
its AuditEvent in that transaction, and sends messages only once it is committed. Bad input
raises ValidationError with a message for each field, and nothing changes.

Other apps' records are changed only through their own services: a review through the plans
app, an alert through casework, feedback through quality, "about me" through people.
"""

from __future__ import annotations

import datetime
import logging
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.phones import clean_uk_mobile
from careleavers.core.audit import audit_record, create_audited
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.core.refusals import raise_if
from careleavers.core.templatetags.govuk import govuk_date
from careleavers.people.models import YoungPerson
from careleavers.portal import notify, sealing, selectors
from careleavers.portal.models import (
    Invitation,
    InvitationMethod,
    PortalAccount,
    RequestKind,
    RequestMessage,
    RequestStatus,
    YoungPersonRequest,
)
from careleavers.portal.young_person_messages import personalisation_for, text_or_email

logger = logging.getLogger(__name__)

TEXT_LIMIT = 2000
# Kinds a young person may ask for only once at a time (about the same thing).
ONE_AT_A_TIME = frozenset(
    {
        RequestKind.REVIEW,
        RequestKind.OFFER_ITEM,
        RequestKind.DOCUMENT_HELP,
        RequestKind.ABOUT_ME_CHANGE,
        RequestKind.SUPPORT_AGAIN,
    }
)


def _first_name(young_person: YoungPerson) -> str:
    return young_person.preferred_name or young_person.first_name


def _record_url(young_person: YoungPerson) -> str:
    from careleavers.casework.services import young_person_url

    return young_person_url(young_person)


# Invitations ----------------------------------------------------------------------------------


def _clean_address(method: str, sent_to: str) -> str:
    address = sent_to.strip()
    if method == InvitationMethod.EMAIL:
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                {"sent_to": "Enter an email address in the correct format, like name@example.com"}
            ) from None
        return address.lower()
    if method == InvitationMethod.SMS:
        digits = clean_uk_mobile(address)
        if digits is None:
            raise ValidationError(
                {"sent_to": "Enter a UK mobile number, like 07700 900 982 or +44 7700 900 982"}
            )
        return digits
    raise ValidationError({"method": "Select how to send the invitation"})


def _send_invitation_on_commit(invitation: Invitation, *, link: str, worker_name: str) -> None:
    """Queue the invitation's message once it is committed (tasks.invitation_send_task). The
    link holds the secret, so it waits in the queue sealed (sealing.py)."""
    from careleavers.portal.tasks import invitation_send_task

    pk, sealed = invitation.pk, sealing.seal(link)
    transaction.on_commit(lambda: invitation_send_task.enqueue(pk, sealed, worker_name))


def _worker_first_name(invitation: Invitation, worker_name: str) -> str:
    if invitation.created_by is not None and invitation.created_by.first_name:
        return str(invitation.created_by.first_name)
    return worker_name.split(" ")[0] if worker_name else "your adviser"


def invitation_deliver(
    *, invitation_id: int, sealed_link: str, worker_name: str, attempt: int = 1
) -> None:
    """The task: send an invitation by email or text through Notify. A failure that may pass
    is tried again later (tasks.RETRY_AFTER); otherwise the invitation stays, marked as not
    sent (`send_failed_at`), so the worker sees it on the young person's account panel and
    sends again. An invitation already used or replaced is not sent."""
    from careleavers.portal.tasks import invitation_send_task, retry_later

    invitation = Invitation.objects.select_related("young_person", "created_by").get(
        pk=invitation_id
    )
    if invitation.used_at is not None or invitation.withdrawn_at is not None:
        return
    young_person = invitation.young_person
    try:
        link = sealing.unseal(sealed_link)
    except sealing.InvalidToken:
        # Sealed under another SECRET_KEY (it was changed while this waited).
        logger.error("Invitation %s could not be unsealed", invitation_id)
        Invitation.objects.filter(pk=invitation_id).update(send_failed_at=timezone.now())
        return
    personalisation = {
        "first_name": _first_name(young_person),
        "worker_name": worker_name,
        "service_name": settings.BRANDING["service_name"],
        "council_name": settings.BRANDING["council_name"],
        "link": link,
        "expires_on": format_date(timezone.localtime(invitation.expires_at).date()),
        "duty_phone": selectors.duty_phone_for(young_person),
        # The text names the worker by first name and gives a number to check it is real.
        "worker_first_name": _worker_first_name(invitation, worker_name),
        "call_on": (invitation.created_by.phone if invitation.created_by else "")
        or selectors.duty_phone_for(young_person),
    }
    to, reference = invitation.sent_to, invitation.reference
    try:
        if invitation.method == InvitationMethod.EMAIL:
            notify.send_email(
                to, notify.template_id("invitation_email"), personalisation, reference
            )
        else:
            notify.send_sms(to, notify.template_id("invitation_sms"), personalisation, reference)
    except notify.NotifyError as error:
        logger.warning(
            "Invitation %s was not sent (attempt %s): %s", invitation_id, attempt, error
        )
        if error.transient and retry_later(
            invitation_send_task, attempt, invitation_id, sealed_link, worker_name
        ):
            return
        Invitation.objects.filter(pk=invitation_id).update(send_failed_at=timezone.now())


def invitation_send(
    *,
    acting_user: User,
    young_person: YoungPerson,
    method: str,
    sent_to: str,
    link_base: str,
) -> Invitation:
    """Invite a young person to set up their account, by email or text message.

    Any earlier invitation that has not been used stops working. `link_base` is the address
    of the service (scheme and host) the link starts with. The raw token is on the returned
    invitation as `token` (it is not stored anywhere), for the tests.
    """
    address = _clean_address(method, sent_to)
    with transaction.atomic():
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        if selectors.account_for_young_person(young_person=young_person) is not None:
            raise ValidationError(
                {"method": f"{young_person.display_name} already has an account"}
            )
        now = timezone.now()
        Invitation.objects.filter(
            young_person=young_person, used_at__isnull=True, withdrawn_at__isnull=True
        ).update(withdrawn_at=now, withdrawn_reason="A newer invitation was sent")
        secret = secrets.token_urlsafe(32)
        short_code = selectors.make_short_code()
        invitation = Invitation.objects.create(
            young_person=young_person,
            method=method,
            sent_to=address,
            secret_hash=selectors.secret_hash(secret),
            short_code_hash=selectors.secret_hash(short_code),
            expires_at=now + datetime.timedelta(days=selectors.invitation_days()),
            created_by=acting_user,
            modified_by=acting_user,
        )
        token = selectors.make_token(invitation.pk, secret)
        link = link_base.rstrip("/") + reverse("portal:accept", kwargs={"token": token})
        # A text must be short: its link is the short one (/i/<code>/), which works the same.
        short_link = link_base.rstrip("/") + reverse(
            "invitation_short", kwargs={"token": short_code}
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=invitation,
            young_person_id=young_person.pk,
            detail={"event": "portal_invitation_sent", "method": method},
        )
        _send_invitation_on_commit(
            invitation,
            link=short_link if method == InvitationMethod.SMS else link,
            worker_name=acting_user.get_full_name() or "Your adviser",
        )
    invitation.token = token  # type: ignore[attr-defined]
    invitation.link = link  # type: ignore[attr-defined]
    invitation.short_code = short_code  # type: ignore[attr-defined]
    invitation.short_link = short_link  # type: ignore[attr-defined]
    return invitation


def outbox_viewed(*, acting_user: User, shown: int) -> AuditEvent:
    """Log that an administrator opened the demo outbox (it names young people and how to
    reach them)."""
    with transaction.atomic():
        return audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.VIEW,
            subject_type="portal.OutboxMessage",
            detail={"page": "portal_outbox", "messages_shown": shown},
        )


def _check_failed(invitation_pk: int) -> None:
    """Count a wrong date of birth, in its own transaction so it is kept although the
    acceptance is refused; too many and the link stops working."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation_pk)
        invitation.failed_checks += 1
        if invitation.failed_checks >= selectors.MAX_FAILED_CHECKS and not invitation.withdrawn_at:
            invitation.withdrawn_at = timezone.now()
            invitation.withdrawn_reason = "The date of birth was typed wrongly too many times"
        invitation.save(update_fields=["failed_checks", "withdrawn_at", "withdrawn_reason"])
        audit_record(
            acting_user=None,
            action=AuditEvent.Action.ACCESS_REFUSED,
            subject=invitation,
            young_person_id=invitation.young_person_id,
            detail={"event": "portal_invitation_wrong_date_of_birth"},
        )


def invitation_accept(
    *,
    token: str,
    date_of_birth: datetime.date,
    email: str,
    password: str,
    request: HttpRequest | None = None,
) -> PortalAccount:
    """Create the young person's login from their invitation link.

    The link must still work (InvitationProblem if not) and the date of birth must be theirs.
    The account gets the young person role and is linked to the young person the invitation
    was for, whoever opens the link; the link then stops working.

    Invited by text, the young person may give no email address and no password: they sign in
    with the mobile the invitation came to (which opening the link proves is theirs) and a
    code texted to it. Invited by email, they need both, as before.
    """
    from allauth.account.adapter import get_adapter

    user_model = get_user_model()
    email = user_model.objects.normalize_email(email.strip()).lower() if email.strip() else ""
    invitation = selectors.invitation_from_token(token)
    young_person = invitation.young_person
    if date_of_birth != young_person.date_of_birth:
        _check_failed(invitation.pk)
        raise ValidationError(
            {"date_of_birth": _("The date of birth does not match the one we have for you")}
        )
    by_text = invitation.method == InvitationMethod.SMS
    phone = invitation.sent_to if by_text else ""
    errors: dict[str, Any] = {}
    if email or not by_text:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = (
                _("Enter an email address in the correct format, like name@example.com")
                if email
                else _("Enter your email address")
            )
        else:
            if user_model.objects.filter(email__iexact=email).exists():
                errors["email"] = _(
                    "This email address is already used for an account. Use a different one, "
                    "or ask your personal adviser"
                )
    if phone and user_model.objects.filter(phone=phone, phone_verified=True).exists():
        errors["sign_in_with" if not password else "email"] = _(
            "Your mobile number is already used for another account. Ask your personal adviser"
        )
    if password or not by_text:
        candidate = user_model(
            email=email, first_name=_first_name(young_person), last_name=young_person.last_name
        )
        try:
            get_adapter(request).clean_password(password, user=candidate)
        except ValidationError as error:
            errors["password1"] = error.messages
    raise_if(errors)
    with transaction.atomic():
        # Lock the invitation and check it again: two people opening one link at once get one
        # account between them.
        invitation = selectors.invitation_from_token(token, lock=True)
        user = user_model.objects.create_user(
            email or None,
            password or None,
            first_name=_first_name(young_person),
            last_name=young_person.last_name,
            phone=phone,
            phone_verified=bool(phone),
        )
        group, _created = Group.objects.get_or_create(name=Role.YOUNG_PERSON.value)
        user.groups.add(group)
        account = PortalAccount.objects.create(
            user=user,
            young_person=young_person,
            invitation=invitation,
            created_by=user,
            modified_by=user,
        )
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at", "modified_at"])
        audit_record(
            acting_user=user,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=account,
            young_person_id=young_person.pk,
            detail={
                "event": "portal_account_created",
                "invitation": invitation.pk,
                "sign_in": "password" if password else "code",
            },
        )
        if invitation.created_by_id:
            from careleavers.casework.services import notify_on_commit

            notify_on_commit(
                recipient_ids=[invitation.created_by_id],
                young_person_id=young_person.pk,
                kind="portal_account",
                message=f"{young_person.display_name} has set up their account.",
                link=_record_url(young_person),
            )
    return account


# Signing in with a texted code ----------------------------------------------------------------


def sign_in_code_send(*, user: Any, phone: str, code: str) -> None:
    """allauth made a sign-in code for a young person: text it to them, from a task once the
    request's work is committed. The code waits in the queue sealed (sealing.py). A code is
    never sent for anyone but a young person whose own number it is (signin.py says why)."""
    from careleavers.portal.tasks import sign_in_code_send_task

    # A young person's own number, or a new one they are adding that no other account has.
    owner = selectors.user_for_sign_in_phone(phone)
    if selectors.account_for_user(user) is None or owner not in (None, user):
        logger.warning("A sign-in code for user %s was not sent: not their number", user.pk)
        return
    with transaction.atomic():
        audit_record(
            acting_user=None,
            action=AuditEvent.Action.ACCESS_CHANGE,
            subject=user,
            detail={"event": "sign_in_code_sent"},
        )
        sealed = sealing.seal(code)
        transaction.on_commit(lambda: sign_in_code_send_task.enqueue(user.pk, phone, sealed))


def sign_in_code_deliver(*, user_id: int, phone: str, sealed_code: str, attempt: int = 1) -> None:
    """The task: text the code through Notify. A failure that may pass is tried again soon;
    the young person can always ask for another code."""
    from careleavers.portal.tasks import retry_later, sign_in_code_send_task

    try:
        code = sealing.unseal(sealed_code)
    except sealing.InvalidToken:
        logger.error("A sign-in code for user %s could not be unsealed", user_id)
        return
    personalisation = {
        "code": code,
        "minutes": settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT // 60,
        "service_name": settings.BRANDING["service_name"],
        "council_name": settings.BRANDING["council_name"],
    }
    try:
        notify.send_sms(
            phone, notify.template_id("sign_in_code_sms"), personalisation, f"sign-in-{user_id}"
        )
    except notify.NotifyError as error:
        logger.warning(
            "Sign-in code for user %s not sent (attempt %s): %s", user_id, attempt, error
        )
        if error.transient:
            retry_later(sign_in_code_send_task, attempt, user_id, phone, sealed_code)


def sign_in_phone_changed(*, user: Any, old_phone: str) -> None:
    """The mobile a young person signs in with changed from a number checked by a code: text
    the old number once the change is committed. Whoever has that phone learns of it, and can
    call if it was not them (someone with their password could otherwise move their sign-in
    to a phone of their own without a word)."""
    from careleavers.portal.tasks import sign_in_phone_changed_send_task

    pk = user.pk
    transaction.on_commit(lambda: sign_in_phone_changed_send_task.enqueue(pk, old_phone))


def sign_in_phone_changed_deliver(*, user_id: int, old_phone: str, attempt: int = 1) -> None:
    """The task: the text to the old number. A failure that may pass is tried again later."""
    from careleavers.portal.tasks import retry_later, sign_in_phone_changed_send_task

    personalisation = {
        "date": format_date(timezone.localdate()),
        "service_name": settings.BRANDING["service_name"],
        "council_name": settings.BRANDING["council_name"],
        "duty_phone": settings.BRANDING["duty_phone"],
    }
    try:
        notify.send_sms(
            old_phone,
            notify.template_id("sign_in_phone_changed_sms"),
            personalisation,
            f"sign-in-phone-changed-{user_id}",
        )
    except notify.NotifyError as error:
        logger.warning(
            "Phone change notice for user %s not sent (attempt %s): %s", user_id, attempt, error
        )
        if error.transient:
            retry_later(sign_in_phone_changed_send_task, attempt, user_id, old_phone)


# Requests from the young person ----------------------------------------------------------------


def _text(value: str, *, field: str = "text", required: str = "") -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError({field: required})
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            {field: _("Write %(limit)s characters or fewer") % {"limit": TEXT_LIMIT}}
        )
    return text


def _create_request(
    acting_user: User,
    young_person: YoungPerson,
    kind: str,
    text: str,
    about_key: str,
    about_label: str,
) -> YoungPersonRequest:
    """A young person's request of `kind`, about one thing (`about_key` finds it again,
    `about_label` names it for staff), with the audit event; in the caller's transaction."""
    if kind in ONE_AT_A_TIME:
        already = selectors.open_request_about(
            young_person=young_person, kind=kind, about_key=about_key
        )
        if already is not None:
            asked = govuk_date(already.created_at)
            raise ValidationError(
                {
                    "text": _("You already asked for this on %(day)s. We will get back to you.")
                    % {"day": asked}
                }
            )
    portal_request = create_audited(
        YoungPersonRequest,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        detail={"kind": kind, "about": about_key},
        young_person=young_person,
        kind=kind,
        text=text,
        about_key=about_key,
        about_label=about_label,
    )
    return portal_request


def review_ask(
    *,
    acting_user: User,
    young_person: YoungPerson,
    text: str = "",
) -> YoungPersonRequest:
    """ "I want a review": a request for the personal adviser and, when there is a plan in
    force, a review request in the plans app, which brings the review forward (Care Leavers
    Regs 2010 reg 7: a review when the young person asks)."""
    from careleavers.plans.models import ReviewReason
    from careleavers.plans.selectors import plan_in_force
    from careleavers.plans.services import review_request

    text = _text(text)
    with transaction.atomic():
        portal_request = _create_request(
            acting_user, young_person, RequestKind.REVIEW, text, "plan", "My pathway plan"
        )
        if plan_in_force(young_person=young_person) is not None:
            review_request(
                acting_user=acting_user,
                young_person=young_person,
                reason=ReviewReason.YOUNG_PERSON_ASKED,
                requested_on=timezone.localdate(),
                note=text or "Asked for on their own pages.",
            )
    return portal_request


def offer_item_ask(
    *,
    acting_user: User,
    young_person: YoungPerson,
    key: str,
    text: str = "",
) -> YoungPersonRequest:
    """ "Ask for this" on an item of their personal statement: a task for their adviser."""
    from careleavers.offer.selectors import statement_page_for

    text = _text(text)
    page = statement_page_for(young_person, timezone.localdate())
    allowed = {item.key for item in page.statement.entitled_now}
    allowed |= {opening.item.key for opening in page.statement.opens_next}
    item = page.items.get(key)
    if item is None or key not in allowed:
        raise ValidationError({"text": _("This is not in your local offer")})
    with transaction.atomic():
        return _create_request(
            acting_user, young_person, RequestKind.OFFER_ITEM, text, key, item.title
        )


def document_help_ask(
    *,
    acting_user: User,
    young_person: YoungPerson,
    kind: str,
    text: str = "",
) -> YoungPersonRequest:
    """ "I need help with this" on their important documents."""
    from careleavers.offer.models import DocumentKind

    labels = dict(DocumentKind.choices)
    text = _text(text)
    if kind not in labels:
        raise ValidationError({"text": _("This is not one of your important documents")})
    with transaction.atomic():
        return _create_request(
            acting_user, young_person, RequestKind.DOCUMENT_HELP, text, kind, str(labels[kind])
        )


# Kept in English on the request (staff read it); the form shows them translated.
MEETINGS = {"visit": gettext_noop("My next visit"), "review": gettext_noop("My next plan review")}


def agenda_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    meeting: str,
    text: str,
) -> YoungPersonRequest:
    """Something the young person wants to talk about at their next visit or review."""
    if meeting not in MEETINGS:
        raise ValidationError({"meeting": _("Select when you want to talk about it")})
    text = _text(text, required=_("Write what you want to talk about"))
    with transaction.atomic():
        return _create_request(
            acting_user, young_person, RequestKind.AGENDA, text, meeting, MEETINGS[meeting]
        )


def about_me_change_ask(
    *,
    acting_user: User,
    young_person: YoungPerson,
    text: str,
) -> YoungPersonRequest:
    text = _text(text, required=_("Write what you want to change"))
    with transaction.atomic():
        return _create_request(
            acting_user, young_person, RequestKind.ABOUT_ME_CHANGE, text, "about_me", "My about me"
        )


def about_me_write_own(
    *,
    acting_user: User,
    young_person: YoungPerson,
    summary: str,
    please_do_not_ask: str = "",
    version: int | None = None,
) -> Any:
    """The young person writes their "about me" in their own words (the review found they could
    only agree with their adviser's or ask for a change). Their words replace the record's,
    agreed as they are theirs, and their adviser is told in the work tray, once while the last
    telling is still open. `version` is the about me's version when they opened the page (None
    when there was none); a version changed since is refused (StaleEdit)."""
    from careleavers.people.selectors import about_me_for
    from careleavers.people.services import about_me_write

    if about_me_for(young_person=young_person) is None:
        # Nothing written yet, so nothing to be stale against (a version sent anyway is not
        # one this page gave).
        version = None
    summary = _text(
        summary, field="summary", required=_("Write what you want every worker to know")
    )
    please_do_not_ask = _text(please_do_not_ask, field="please_do_not_ask")
    with transaction.atomic():
        about_me = about_me_write(
            acting_user=acting_user,
            young_person=young_person,
            summary=summary,
            please_do_not_ask=please_do_not_ask,
            version=version,
            by_the_young_person=True,
        )
        told = selectors.open_request_about(
            young_person=young_person, kind=RequestKind.ABOUT_ME_WRITTEN, about_key="about_me"
        )
        if told is None:
            _create_request(
                acting_user,
                young_person,
                RequestKind.ABOUT_ME_WRITTEN,
                "",
                "about_me",
                "My about me",
            )
    return about_me


def about_me_agree(
    *,
    acting_user: User,
    young_person: YoungPerson,
    version: int,
) -> Any:
    """The young person agrees their own "about me" (people app), as it read when they opened
    it: a stale version is refused by the people service (StaleEdit)."""
    from careleavers.people.selectors import about_me_for
    from careleavers.people.services import about_me_agree as people_about_me_agree

    about_me = about_me_for(young_person=young_person)
    if about_me is None:
        raise ValidationError({"version": _("Your adviser has not written your about me yet")})
    return people_about_me_agree(
        acting_user=acting_user,
        about_me=about_me,
        agreed_on=timezone.localdate(),
        version=version,
    )


def support_again_ask(
    *,
    acting_user: User,
    young_person: YoungPerson,
    text: str = "",
) -> YoungPersonRequest:
    """From 21 to 25 a former relevant young person without a personal adviser can ask for one
    again (CA 1989 s.23CZB(2)): the request goes to their workers, and the record notes that
    they asked, which ends any earlier "no longer wants a personal adviser"."""
    from careleavers.people.models import SupportChoiceKind
    from careleavers.people.services import support_choice_record

    today = timezone.localdate()
    if not selectors.can_ask_for_support_again(young_person, today):
        raise ValidationError(
            {
                "text": _(
                    "You can ask for a personal adviser from 21 until you are 25, if you have "
                    "not got one now"
                )
            }
        )
    text = _text(text)
    with transaction.atomic():
        support_choice_record(
            acting_user=acting_user,
            young_person=young_person,
            kind=SupportChoiceKind.ASKED_FOR_ADVISER,
            told_on=today,
            notes=text,
            from_young_persons_pages=True,
            today=today,
        )
        return _create_request(
            acting_user, young_person, RequestKind.SUPPORT_AGAIN, text, "support", "Support again"
        )


def not_safe_raise(
    *,
    acting_user: User,
    young_person: YoungPerson,
    text: str = "",
    where: str = "",
    call_on: str = "",
    link_base: str = "",
) -> YoungPersonRequest:
    """ "I do not feel safe": a safeguarding alert on the record and a duty alert (casework),
    which sends a text and an email at once to whoever is on duty now (the duty worker on the
    rota in office hours, the out-of-hours service otherwise), emails their personal adviser in
    office hours, and puts one urgent item in their workers' work trays until someone replies.

    `call_on` is the number they said to call them on and `where` what they chose to say about
    where they are: both go to the person on duty. `link_base` is the address of the service
    (scheme and host) that the link in the messages starts with. The messages are sent once
    this is committed, by a background task (`duty_alert_send`)."""
    from careleavers.casework.duty_services import duty_alert_raise
    from careleavers.casework.models import AlertKind
    from careleavers.casework.phones import clean_uk_phone
    from careleavers.casework.services import alert_raise
    from careleavers.portal.tasks import duty_alert_send_task

    words = _text(text)
    where = _text(where, field="where")
    number = ""
    if call_on.strip():
        number = clean_uk_phone(call_on) or ""
        if not number:
            raise ValidationError(
                {"call_on": _("Enter a UK phone number, like 07700 900 982, or leave it empty")}
            )
    description = (
        f"{young_person.display_name} said on their own pages that they do not feel safe. "
        + (f"In their words: {words}" if words else "They did not say more.")
    )
    with transaction.atomic():
        alert = alert_raise(
            acting_user=acting_user,
            young_person=young_person,
            kind=AlertKind.SAFEGUARDING,
            description=description,
            # The duty alert is the one urgent item in the work tray for this event.
            tell_workers=False,
        )
        portal_request = _create_request(
            acting_user, young_person, RequestKind.NOT_SAFE, words, "safety", "Not feeling safe"
        )
        duty_alert = duty_alert_raise(
            acting_user=acting_user,
            young_person=young_person,
            alert=alert,
            raised_at=timezone.now(),
            their_words=words,
            call_on=number,
            where=where,
            reply_link=reverse("portal:request_handle", kwargs={"pk": portal_request.pk}),
            adviser=selectors.personal_adviser_for(young_person=young_person),
        )
        portal_request.duty_alert = duty_alert
        portal_request.save(update_fields=["duty_alert"])
        duty_alert_id, user_id = duty_alert.pk, acting_user.pk
        transaction.on_commit(
            lambda: duty_alert_send_task.enqueue(user_id, duty_alert_id, link_base)
        )
    return portal_request


def _duty_alert_personalisation(duty_alert: Any, *, link_base: str) -> dict[str, str]:
    from careleavers.casework.duty_presenters import moment_words

    young_person = duty_alert.young_person
    adviser = selectors.personal_adviser_for(young_person=young_person)
    if duty_alert.call_on:
        call_on = duty_alert.call_on
    elif young_person.phone:
        call_on = f"they did not give a number; the number on their record is {young_person.phone}"
    else:
        call_on = "they did not give a number, and there is none on their record"
    if duty_alert.duty_worker_id:
        sent_to = f"{duty_alert.sent_to_name}, the duty worker"
        reason = "you are the duty worker on the rota now"
    else:
        sent_to = duty_alert.sent_to_name
        reason = (
            "nobody was on the duty rota at the time"
            if duty_alert.nobody_on_rota
            else "the office is closed now"
        )
    path = reverse("casework:duty_alert", kwargs={"pk": duty_alert.pk})
    return {
        "service_name": str(settings.BRANDING["service_name"]),
        "council_name": str(settings.BRANDING["council_name"]),
        "young_person": young_person.display_name,
        "child_id": young_person.child_id,
        "raised_at": moment_words(duty_alert.raised_at),
        "call_on": call_on,
        "where": duty_alert.where or "they did not say",
        "their_words": duty_alert.their_words or "they did not write anything",
        "adviser": adviser.get_full_name() if adviser else "nobody is allocated",
        "sent_to": sent_to,
        "sent_to_reason": reason,
        "link": (link_base.rstrip("/") + path) if link_base else path,
    }


def duty_alert_send(
    *, acting_user_id: int | None, duty_alert_id: int, link_base: str, attempt: int = 1
) -> None:
    """The task: send a duty alert's texts and emails through Notify and record whether each
    one left. A message that fails is recorded as not sent at once (the young person is then
    told to call, and staff see it), and while the alert is open one that failed for a reason
    that may pass is tried again later (tasks.RETRY_AFTER), recorded as sent if it then goes."""
    from careleavers.casework import duty_selectors
    from careleavers.casework.duty_services import duty_alert_message_record
    from careleavers.casework.models import DutyAlert, DutyAlertRecipient
    from careleavers.portal.tasks import duty_alert_send_task, retry_later

    duty_alert = DutyAlert.objects.select_related("young_person").get(pk=duty_alert_id)
    if attempt > 1 and duty_alert.closed_at is not None:
        return  # someone has answered the young person
    acting_user = (
        get_user_model().objects.filter(pk=acting_user_id).first() if acting_user_id else None
    )
    personalisation = _duty_alert_personalisation(duty_alert, link_base=link_base)
    unsent = (
        duty_selectors.waiting_messages(duty_alert_id=duty_alert_id)
        if attempt == 1
        else duty_selectors.messages_to_retry(duty_alert_id=duty_alert_id)
    )
    try_again = False
    for message in unsent:
        reference = f"duty-alert-{duty_alert_id}-{message.pk}"
        try:
            if message.channel == "sms":
                notify_id = notify.send_sms(
                    message.to, notify.template_id("duty_alert_sms"), personalisation, reference
                )
            else:
                key = (
                    "duty_alert_adviser_email"
                    if message.recipient == DutyAlertRecipient.ADVISER
                    else "duty_alert_email"
                )
                notify_id = notify.send_email(
                    message.to, notify.template_id(key), personalisation, reference
                )
        except Exception as error:  # noqa: BLE001 - any failure is recorded and shown, never lost
            # The young person has already pressed the button: a failure must not become an
            # error page for them. It is recorded, shown on the staff page and the duty log,
            # and the young person is told to call.
            logger.exception("Duty alert %s message %s was not sent", duty_alert_id, message.pk)
            failure = str(error) if isinstance(error, notify.NotifyError) else ""
            duty_alert_message_record(
                acting_user=acting_user,
                message=message,
                failure=failure or "It could not be sent",
            )
            try_again = try_again or bool(getattr(error, "transient", False))
        else:
            duty_alert_message_record(
                acting_user=acting_user, message=message, notify_id=notify_id
            )
    if try_again:
        retry_later(duty_alert_send_task, attempt, acting_user_id, duty_alert_id, link_base)


def feedback_give(
    *,
    acting_user: User,
    young_person: YoungPerson,
    send_as: str,
    about: str,
    rating: str = "",
    what_is_good: str = "",
    what_could_be_better: str = "",
) -> Any:
    """Feedback on their adviser or the service: with their name, kept on their record for
    their adviser and team manager (who are told) and for case audits; or without it, for the
    manager of their team only, kept with no link to them (quality.services)."""
    from careleavers.quality.services import anonymous_feedback_give, feedback_record

    if send_as not in ("named", "anonymous"):
        raise ValidationError({"send_as": _("Select if you want to give your name")})
    good = _text(what_is_good, field="what_is_good")
    better = _text(what_could_be_better, field="what_could_be_better")
    if send_as == "anonymous":
        return anonymous_feedback_give(
            acting_user=acting_user,
            young_person=young_person,
            about=about,
            rating=rating,
            what_is_good=good,
            what_could_be_better=better,
        )
    return feedback_record(
        acting_user=acting_user,
        young_person=young_person,
        method="portal",
        about=about,
        rating=rating,
        what_is_good=good,
        what_could_be_better=better,
    )


def wellbeing_give(
    *, acting_user: User, young_person: YoungPerson, anything_else: str = "", **answers: str
) -> Any:
    """Their wellbeing check, kept on their record for their adviser, team manager and case
    audits (quality.services.wellbeing_check_give)."""
    from careleavers.quality.services import wellbeing_check_give

    return wellbeing_check_give(
        acting_user=acting_user,
        young_person=young_person,
        anything_else=_text(anything_else, field="anything_else"),
        **answers,
    )


# Staff handling a request --------------------------------------------------------------------


def request_mark_done(
    *,
    acting_user: User,
    portal_request: YoungPersonRequest,
    reply: str,
    request: HttpRequest | None = None,
) -> YoungPersonRequest:
    """Mark a young person's request done, with what was done: they read it on their pages."""
    reply = _text(reply, field="reply", required="Write what you did, for the young person")
    with transaction.atomic():
        locked = _lock_open_request(portal_request)
        locked.status = RequestStatus.DONE
        locked.handled_by = acting_user
        locked.handled_at = timezone.now()
        locked.reply = reply
        locked.modified_by = acting_user
        locked.save()
        RequestMessage.objects.create(
            portal_request=locked, author=acting_user, from_young_person=False, text=reply
        )
        if locked.duty_alert is not None:
            from careleavers.casework.duty_services import duty_alert_close

            duty_alert_close(acting_user=acting_user, duty_alert=locked.duty_alert)
        return _staff_answer_logged(
            locked, locked, acting_user, AuditEvent.Action.CHANGE, "done", request
        )


def request_staff_reply(
    *,
    acting_user: User,
    portal_request: YoungPersonRequest,
    reply: str,
    request: HttpRequest | None = None,
) -> RequestMessage:
    """Answer a young person's request without marking it done (to ask a question, or to say
    what happens next): they are told there is an answer, and the request stays open in the
    adviser's tray. An "I do not feel safe" request keeps its duty alert open until it is
    marked done."""
    reply = _text(reply, field="reply", required="Write your reply to the young person")
    with transaction.atomic():
        locked = _lock_open_request(portal_request)
        message = RequestMessage.objects.create(
            portal_request=locked, author=acting_user, from_young_person=False, text=reply
        )
        return _staff_answer_logged(
            locked, message, acting_user, AuditEvent.Action.CREATE, "staff_reply", request
        )


def _lock_open_request(portal_request: YoungPersonRequest) -> YoungPersonRequest:
    """The request, locked for staff to answer; refused once it is marked done."""
    locked = YoungPersonRequest.objects.select_for_update().get(pk=portal_request.pk)
    if locked.status != RequestStatus.OPEN:
        raise ValidationError({"reply": "This request has already been marked done"})
    return locked


def _staff_answer_logged(
    locked: YoungPersonRequest,
    answer: Any,
    acting_user: User,
    action: str,
    event: str,
    request: HttpRequest | None,
) -> Any:
    """The audit event for a staff answer (`answer`: the request marked done, or the reply),
    and the message telling the young person there is an answer, once it is saved."""
    audit_record(
        acting_user=acting_user,
        action=action,
        subject=answer,
        young_person_id=locked.young_person_id,
        detail={"event": event, "kind": locked.kind},
    )
    _tell_young_person_on_commit(locked, acting_user=acting_user, request=request)
    return answer


def request_reply(
    *,
    acting_user: User,
    young_person: YoungPerson,
    portal_request: YoungPersonRequest,
    text: str,
) -> RequestMessage:
    """The young person's reply on one of their own requests. A reply on a request marked done
    opens it again, so it comes back into their adviser's work tray to be answered."""
    text = _text(text, field="text", required=_("Write your reply"))
    with transaction.atomic():
        locked = YoungPersonRequest.objects.select_for_update().get(
            pk=portal_request.pk, young_person=young_person
        )
        if locked.kind == RequestKind.NOT_SAFE:
            # Its duty alert is closed once answered; a reply must reach someone now instead.
            raise ValidationError(
                {"text": 'If you do not feel safe now, use "I do not feel safe" again or call 999'}
            )
        reopened = locked.status == RequestStatus.DONE
        if reopened:
            locked.status = RequestStatus.OPEN
            locked.modified_by = acting_user
            locked.save(update_fields=["status", "modified_by", "modified_at"])
        message = RequestMessage.objects.create(
            portal_request=locked, author=acting_user, from_young_person=True, text=text
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=message,
            young_person_id=young_person.pk,
            detail={"event": "reply", "request": locked.pk, "reopened": reopened},
        )
    return message


def _tell_young_person_on_commit(
    portal_request: YoungPersonRequest, *, acting_user: User, request: HttpRequest | None
) -> None:
    """Queue the message telling the young person their request has an answer, once the
    answer is saved (tasks.request_answered_send_task): it names who answered, and links to
    the request on this site's address when a web request is at hand."""
    from careleavers.portal.tasks import request_answered_send_task

    pk = portal_request.pk
    worker_name = acting_user.get_full_name() if acting_user else "Your adviser"
    link_base = request.build_absolute_uri("/") if request is not None else ""
    transaction.on_commit(lambda: request_answered_send_task.enqueue(pk, worker_name, link_base))


def request_answered_deliver(
    *, request_id: int, worker_name: str, link_base: str, attempt: int = 1
) -> None:
    """The task: a text to the young person's mobile (or, with none on their record, an email
    to the address they sign in with) saying their request has an answer. A failure that may
    pass is tried again later (tasks.RETRY_AFTER); one that cannot be sent is logged, and the
    answer is on their pages either way."""
    from careleavers.portal.tasks import request_answered_send_task, retry_later

    portal_request = YoungPersonRequest.objects.select_related("young_person").get(pk=request_id)
    young_person = portal_request.young_person
    path = reverse("portal:request_detail", kwargs={"pk": portal_request.pk})
    personalisation = personalisation_for(
        young_person,
        worker_name=worker_name,
        link=(link_base.rstrip("/") + path) if link_base else path,
    )
    try:
        text_or_email(
            young_person,
            "request_answered",
            personalisation,
            f"request-answered-{portal_request.pk}",
        )
    except notify.NotifyError as error:
        if error.transient and retry_later(
            request_answered_send_task, attempt, request_id, worker_name, link_base
        ):
            return
        logger.exception(
            "The answer to request %s could not be sent to the young person", request_id
        )
