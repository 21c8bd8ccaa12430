"""The few tables the young person's pages need: the link between a young person and the
account they sign in with, the invitations that create those accounts, what young people ask
for from their pages, and the outbox the fake GOV.UK Notify keeps.

Everything else the pages show (plans, the local offer, money, documents, "about me") belongs to
other apps and is read through their selectors and written through their services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from careleavers.core.models import TimeStampedModel


class PortalAccount(TimeStampedModel):
    """The account a young person signs in with, linked to their record.

    One account per young person and one young person per account: every page of the portal
    finds the young person from the signed-in user through this row, never from the URL.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="portal_account"
    )
    young_person = models.OneToOneField(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="portal_account"
    )
    invitation = models.ForeignKey(
        "Invitation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The language they chose for their pages (a code from YOUNG_PERSON_LANGUAGES), kept with the
    # account so it follows them to another phone; empty until they choose.
    language = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return f"Account of young person {self.young_person_id}"


class InvitationMethod(models.TextChoices):
    EMAIL = "email", "Email"
    SMS = "sms", "Text message"


class Invitation(TimeStampedModel):
    """An invitation to create an account, sent by a worker by email or text.

    The link carries a signed token: the invitation's id and a random secret. Only a hash of
    the secret is kept, so the table cannot be used to make a working link. A link works once,
    until `expires_at`, and only while it is the young person's latest invitation.
    """

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="portal_invitations"
    )
    method = models.CharField(max_length=5, choices=InvitationMethod.choices)
    sent_to = models.CharField("sent to", max_length=254)
    secret_hash = models.CharField(max_length=64, unique=True)
    # The hash of the short code in a text invitation's link (/i/<code>/); only the hash, as
    # for the secret. Empty for invitations made before short links.
    short_code_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=200, blank=True)
    # Wrong dates of birth typed on the link; too many and the link stops working.
    failed_checks = models.PositiveSmallIntegerField(default=0)
    send_failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "created_at"])]

    def __str__(self) -> str:
        return f"Invitation {self.pk} for young person {self.young_person_id}"

    @property
    def reference(self) -> str:
        """The reference given to GOV.UK Notify, so sent messages can be traced back."""
        return f"portal-invitation-{self.pk}"

    def state_on(self, now: object = None) -> str:
        """One word for where the invitation is: used, withdrawn, expired or waiting."""
        now = now or timezone.now()
        if self.used_at is not None:
            return "used"
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.expires_at <= now:  # type: ignore[operator]
            return "expired"
        return "waiting"


class RequestKind(models.TextChoices):
    REVIEW = "review", "A review of my pathway plan"
    OFFER_ITEM = "offer_item", "Something from the local offer"
    DOCUMENT_HELP = "document_help", "Help with an important document"
    AGENDA = "agenda", "Something to talk about"
    ABOUT_ME_CHANGE = "about_me_change", "A change to my about me"
    # Not a request: their adviser is told they wrote their about me themselves, to read it.
    ABOUT_ME_WRITTEN = "about_me_written", "My about me, in my own words"
    SUPPORT_AGAIN = "support_again", "Support again (21 to 25)"
    NOT_SAFE = "not_safe", "I do not feel safe"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Waiting"
    DONE = "done", "Done"


class YoungPersonRequest(TimeStampedModel):
    """Something a young person asked for on their pages. It shows in their personal adviser's
    work tray (or their team manager's, when they have no adviser) until it is marked done."""

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="portal_requests"
    )
    kind = models.CharField(max_length=20, choices=RequestKind.choices)
    text = models.TextField("in their words", blank=True)
    # What it is about: an offer item's key, a document kind, "visit" or "review".
    about_key = models.CharField(max_length=60, blank=True)
    about_label = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=4, choices=RequestStatus.choices, default=RequestStatus.OPEN, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    # The latest answer, written to the young person. Every answer is also a RequestMessage,
    # which keeps the earlier ones when a reply re-opens the request.
    reply = models.TextField("what was done", blank=True)
    # "I do not feel safe": who was sent it and how to reach them (casework's duty alert).
    duty_alert = models.OneToOneField(
        "casework.DutyAlert",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_request",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from young person {self.young_person_id}"

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN


class RequestMessage(models.Model):
    """One turn in the conversation on a request after it was asked: the adviser's answer, or
    the young person's reply to it. The thread the young person and staff read is the request's
    own words (`YoungPersonRequest.text`) followed by these, oldest first."""

    portal_request = models.ForeignKey(
        YoungPersonRequest, on_delete=models.PROTECT, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Kept rather than worked out from the author's roles, which can change later.
    from_young_person = models.BooleanField()
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["portal_request", "created_at"])]

    def __str__(self) -> str:
        return f"Message {self.pk} on request {self.portal_request_id}"


class OutboxMessage(models.Model):
    """A message the fake GOV.UK Notify "sent": kept so the demo can show it and tests can read
    the link in it. Nothing here is ever sent anywhere."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"

    kind = models.CharField(max_length=5, choices=Kind.choices)
    to = models.CharField(max_length=254)
    template_id = models.CharField(max_length=64)
    personalisation = models.JSONField(default=dict, blank=True)
    reference = models.CharField(max_length=100, blank=True, db_index=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to}"
