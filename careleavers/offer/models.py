"""The local offer: its published versions and items, the money ledger, council tax exemption,
important documents and group activities.

Money is held in pence, as integers, everywhere: a float never touches a young person's money.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_noop

from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import TimeStampedModel
from careleavers.core.submissions import submission_key_field
from careleavers.offer.entitlements import Area

AREA_CHOICES = [(area.value, area.label) for area in Area]


class OfferPolicy(CouncilSettings):
    """The council's money policy: allowance amounts and who may approve how much.

    One row, edited by administrators (GOV.UK page and the admin). A change applies to funds
    opened after it; funds already open keep the amount they were opened with.
    """

    setting_up_home_allowance_pence = models.PositiveIntegerField(
        "setting up home allowance (pence)", default=300_000
    )
    he_bursary_pence = models.PositiveIntegerField(
        "higher education bursary (pence)", default=200_000
    )
    he_bursary_instalments = models.PositiveSmallIntegerField(
        "higher education bursary instalments", default=3
    )
    bursary_16_19_pence = models.PositiveIntegerField(
        "16 to 19 bursary a year (pence)", default=120_000
    )
    team_manager_limit_pence = models.PositiveIntegerField(
        "largest payment a team manager may approve (pence)", default=100_000
    )
    head_of_service_limit_pence = models.PositiveIntegerField(
        "largest payment a head of service may approve (pence)", default=500_000
    )
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "offer policy"
        verbose_name_plural = "offer policy"

    def __str__(self) -> str:
        return "Local offer money policy"


class OfferVersion(TimeStampedModel):
    """One version of the local offer. Drafts are edited; a published version never changes.

    Publishing a draft supersedes the version before it, which stays as history.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Replaced by a later version"

    number = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200, default="Our local offer for care leavers")
    change_summary = models.TextField("what changed", blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_on = models.DateField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Version {self.number}"


class PaymentType(models.TextChoices):
    SETTING_UP_HOME = "setting_up_home", gettext_noop("Setting up home allowance")
    HE_BURSARY = "he_bursary", gettext_noop("Higher education bursary")
    BURSARY_16_19 = "bursary_16_19", gettext_noop("16 to 19 bursary")
    BIRTHDAY = "birthday", gettext_noop("Birthday grant")
    FESTIVAL = "festival", gettext_noop("Festival grant")
    DRIVING_LESSONS = "driving_lessons", gettext_noop("Driving lessons")
    DEVICE_AND_DATA = "device_and_data", gettext_noop("A device and data")


# Grants that renew each year (the calendar year of approval); the rest are once in a lifetime.
ANNUAL_PAYMENT_TYPES = frozenset(
    {PaymentType.BURSARY_16_19, PaymentType.BIRTHDAY, PaymentType.FESTIVAL}
)


class CatalogueItem(models.Model):
    """One item of a version of the local offer, with its rule kept as data (JSON)."""

    version = models.ForeignKey(OfferVersion, on_delete=models.PROTECT, related_name="items")
    key = models.SlugField(max_length=60, help_text="Stays the same from version to version.")
    title = models.CharField(max_length=200)
    area = models.CharField(max_length=30, choices=AREA_CHOICES)
    summary = models.TextField("what it is, in plain English")
    how_to_get_it = models.TextField(blank=True)
    amount_pence = models.PositiveIntegerField("amount (pence)", null=True, blank=True)
    limit_text = models.CharField("limits", max_length=200, blank=True)
    payment_type = models.CharField(
        max_length=20,
        choices=PaymentType.choices,
        blank=True,
        help_text="The ledger this item is paid from, if it is money.",
    )
    rule = models.JSONField("who it is for", default=dict, blank=True)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["area", "order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="offer_item_key_per_version")
        ]

    def __str__(self) -> str:
        return self.title


class Fund(models.Model):
    """A young person's ledger for one kind of payment: what they are entitled to and what has
    been approved and paid. The approve service locks this row, so two managers approving at
    once cannot both spend the same pound."""

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="offer_funds"
    )
    payment_type = models.CharField(max_length=20, choices=PaymentType.choices)
    entitlement_pence = models.PositiveIntegerField()
    approved_pence = models.PositiveIntegerField(default=0)  # approved or paid, ever
    paid_pence = models.PositiveIntegerField(default=0)
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "payment_type"], name="offer_one_fund_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_payment_type_display()} for {self.young_person_id}"

    @property
    def is_annual(self) -> bool:
        return self.payment_type in ANNUAL_PAYMENT_TYPES

    @property
    def balance_pence(self) -> int:
        """What is left (for a once-only fund); may be negative after an override."""
        return self.entitlement_pence - self.approved_pence


class PaymentRequest(TimeStampedModel):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Awaiting approval"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"
        PAID = "paid", "Paid"

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="payments")
    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="offer_payments"
    )
    description = models.CharField("what it is for", max_length=200)
    amount_pence = models.PositiveIntegerField()
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    # Spending beyond the entitlement: the approving manager's reason.
    override_reason = models.TextField(blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The form that asked for it: sending that form again finds this request (core/submissions).
    submission_key = submission_key_field()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.description} ({self.amount_pence}p)"


class CouncilTaxExemption(TimeStampedModel):
    class Status(models.TextChoices):
        TO_APPLY = "to_apply", "Not applied yet"
        APPLIED = "applied", "Applied"
        GRANTED = "granted", "Granted"
        REFUSED = "refused", "Refused"
        ENDED = "ended", "Ended"

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="council_tax_exemptions"
    )
    billing_authority = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TO_APPLY)
    applied_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    starts_on = models.DateField("exemption starts", null=True, blank=True)
    ends_on = models.DateField("exemption ends", null=True, blank=True)
    notes = models.TextField(blank=True)
    # Optimistic concurrency: a stale save is refused (DESIGN 4.6).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-pk"]


class OfferExplained(TimeStampedModel):
    """A worker went through the local offer with the young person: when, how, and whether they
    said they understood it. Ofsted's letter found young people did not know what they were
    entitled to; this is the record that they were told, and in a way they took in."""

    class How(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "On the phone"
        VIDEO = "video", "On a video call"
        WRITTEN = "written", "In writing (letter, email or their own pages)"

    class Understood(models.TextChoices):
        YES = "yes", "Yes, they said they understood it"
        PARTLY = "partly", "Partly: some of it needs going over again"
        NO = "no", "No, it needs explaining again"

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="offer_explanations"
    )
    explained_on = models.DateField()
    how = models.CharField(max_length=10, choices=How.choices)
    understood = models.CharField(max_length=10, choices=Understood.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-explained_on", "-pk"]
        indexes = [models.Index(fields=["young_person", "explained_on"])]


class DocumentKind(models.TextChoices):
    BIRTH_CERTIFICATE = "birth_certificate", gettext_noop("Birth certificate")
    PASSPORT = "passport", gettext_noop("Passport, biometric residence permit or eVisa")
    NI_NUMBER = "ni_number", gettext_noop("National Insurance number")
    BANK_ACCOUNT = "bank_account", gettext_noop("Bank account")
    GP = "gp", gettext_noop("Registered with a GP, and NHS number")
    HEALTH_HISTORY = "health_history", gettext_noop("Health history")
    PHOTO_ID = "photo_id", gettext_noop("Driving licence or photo ID")
    CV = "cv", gettext_noop("CV")


class ImportantDocument(TimeStampedModel):
    class Status(models.TextChoices):
        HAVE = "have", "Has it"
        APPLIED = "applied", "Applied for"
        MISSING = "missing", "Does not have it"
        NOT_NEEDED = "not_needed", "Not needed"

    class Holder(models.TextChoices):
        YOUNG_PERSON = "young_person", "The young person"
        LEAVING_CARE = "leaving_care", "The leaving care team"
        CARER = "carer", "Their carer or placement"
        OTHER = "other", "Someone else"
        NOBODY = "nobody", "Nobody (no original)"

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="important_documents"
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MISSING)
    dated = models.DateField("date obtained or applied for", null=True, blank=True)
    # Blank: nobody has said. "Nobody" is an answer (there is no original).
    original_held_by = models.CharField(
        max_length=15, choices=Holder.choices, blank=True, default=""
    )
    notes = models.CharField(max_length=255, blank=True)
    # Optimistic concurrency: a stale save is refused (DESIGN 4.6).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "kind"], name="offer_one_document_row_per_kind"
            )
        ]

    @property
    def is_in_hand(self) -> bool:
        return self.status in (self.Status.HAVE, self.Status.NOT_NEEDED)


class GroupActivity(TimeStampedModel):
    """A group young people come to, such as a weekly cook and eat group."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    area = models.CharField(max_length=30, choices=AREA_CHOICES)
    when_and_where = models.CharField(max_length=200, blank=True)
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_running = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "group activities"

    def __str__(self) -> str:
        return self.name


class GroupSession(TimeStampedModel):
    activity = models.ForeignKey(GroupActivity, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField()
    notes = models.TextField(blank=True)
    # Who ran it and for how long, preparation included: running groups takes workers' time
    # from one-to-one work, and managers see it beside each caseload (Ofsted's area 9).
    run_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="group_sessions_run"
    )
    hours = models.DecimalField(
        "hours each worker spent, preparation included",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["-held_on", "-pk"]


class Attendance(TimeStampedModel):
    class Rating(models.IntegerChoices):
        NOT_GOOD = 1, "Not good"
        OKAY = 2, "Okay"
        GOOD = 3, "Good"

    session = models.ForeignKey(GroupSession, on_delete=models.PROTECT, related_name="attendance")
    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="group_attendance"
    )
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    feedback = models.TextField("what they said about it", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "young_person"], name="offer_attend_once_per_session"
            )
        ]


def pounds(pence: int | None) -> str:
    """£1,234.50 (or £1,234 for whole pounds); "" for None."""
    if pence is None:
        return ""
    sign = "-" if pence < 0 else ""
    pounds_part, pennies = divmod(abs(pence), 100)
    if pennies:
        return f"{sign}£{pounds_part:,}.{pennies:02d}"
    return f"{sign}£{pounds_part:,}"
