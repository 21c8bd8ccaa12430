"""The young person: identity, care history, derived care-leaver category and "about me"."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from careleavers.accounts.roles import Role
from careleavers.core import dfe_codes
from careleavers.core.dates import age_on
from careleavers.core.models import ArchivableModel, TimeStampedModel
from careleavers.people.category import AccommodatedKind, Category

CATEGORY_CHOICES = [(category.value, category.label) for category in Category]
ACCOMMODATED_KIND_CHOICES = [(kind.value, kind.label) for kind in AccommodatedKind]


class ImmigrationStatus(models.TextChoices):
    BRITISH = "british", "British citizen"
    SETTLED = "settled", "Settled status or indefinite leave to remain"
    PRE_SETTLED = "pre_settled", "Pre-settled status"
    REFUGEE = "refugee", "Refugee status"
    HUMANITARIAN = "humanitarian", "Humanitarian protection"
    LIMITED_LEAVE = "limited_leave", "Limited or discretionary leave to remain"
    UASC_LEAVE = "uasc_leave", "UASC leave"
    CLAIM_PENDING = "claim_pending", "Asylum claim or application waiting for a decision"
    APPEAL = "appeal", "Appealing a refusal"
    APPEAL_RIGHTS_EXHAUSTED = "are", "Appeal rights exhausted"
    OTHER = "other", "Other"
    NOT_KNOWN = "not_known", "Not known"


class YoungPerson(ArchivableModel):
    """A young person the leaving care service works with (or will, from 16)."""

    child_id = models.CharField(
        "council child ID",
        max_length=10,
        unique=True,
        help_text="The ID used in the SSDA903 return (up to 10 characters).",
    )
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField("legal sex", max_length=1, choices=dfe_codes.SEX)
    gender = models.CharField("gender identity", max_length=100, blank=True)
    ethnicity = models.CharField(max_length=4, choices=dfe_codes.ETHNIC, default="NOBT")
    upn = models.CharField("unique pupil number", max_length=13, blank=True)
    upn_unknown_reason = models.CharField(
        "why there is no UPN", max_length=3, choices=dfe_codes.UPN_UNKNOWN, blank=True
    )
    nhs_number = models.CharField("NHS number", max_length=10, blank=True, db_index=True)
    ni_number = models.CharField("National Insurance number", max_length=9, blank=True)

    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)

    first_language = models.CharField(max_length=100, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    faith = models.CharField(max_length=100, blank=True)
    culture = models.TextField("culture and heritage", blank=True)
    # Whether they have a disability (Ofsted's Annex A asks yes, no or not known); what it is
    # and the support they need are in `disability`.
    has_disability = models.CharField(
        "do they have a disability",
        max_length=3,
        choices=[("yes", "Yes"), ("no", "No"), ("", "Not known")],
        blank=True,
    )
    disability = models.TextField(blank=True)
    learning_needs = models.TextField(blank=True)
    has_ehc_plan = models.BooleanField("has an education, health and care plan", default=False)

    immigration_status = models.CharField(
        max_length=20, choices=ImmigrationStatus.choices, default=ImmigrationStatus.BRITISH
    )
    is_separated_migrant = models.BooleanField(
        "separated migrant (unaccompanied asylum-seeking child)", default=False
    )
    arrived_in_uk_on = models.DateField(null=True, blank=True)
    age_assessed_on = models.DateField("age assessment date", null=True, blank=True)
    age_assessment_outcome = models.CharField(max_length=200, blank=True)
    legal_representative = models.CharField(max_length=200, blank=True)
    next_home_office_date = models.DateField(null=True, blank=True)
    no_recourse_to_public_funds = models.BooleanField(default=False)

    # Facts the care-leaver category needs beyond the care episodes
    # (docs/law/care-leaver-categories.md).
    detained_or_in_hospital_on_16th_birthday = models.BooleanField(default=False)
    # Care Leavers (England) Regs 2010 reg 3(2)(c): the care must have been immediately before
    # they were detained or admitted, so the day matters.
    detained_or_admitted_on = models.DateField(
        "day they were detained or went into hospital", null=True, blank=True
    )
    subject_to_care_order_on_16th_birthday = models.BooleanField(default=False)
    special_guardianship_after_care = models.BooleanField(default=False)
    in_education_or_training = models.BooleanField(default=False)

    # The derived category, kept so lists and returns can filter on it. Only the category
    # service writes these, from the pure engine in people/category.py.
    category = models.CharField(
        max_length=20, choices=CATEGORY_CHOICES, default=Category.NONE.value, db_index=True
    )
    category_since = models.DateField(null=True, blank=True)
    category_reason = models.TextField(blank=True)
    category_needs_decision = models.TextField(blank=True)
    category_decided_on = models.DateField(null=True, blank=True)
    category_next_check = models.DateField(null=True, blank=True, db_index=True)

    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="young_people",
    )
    # From 21 a young person can choose less frequent contact (a local standard:
    # docs/law/pathway-plans-reviews-visits.md).
    chose_less_contact = models.BooleanField(default=False)
    # Kept up to date by the support choice service from SupportChoice rows: the day a former
    # relevant young person aged 21 to 25 said they no longer want a personal adviser (CA 1989
    # s.23CZB(3)(b); empty once they ask again), and the day the council was told they are
    # pursuing or want to pursue education or training (s.23CA(1)(c), Care Leavers (England)
    # Regs 2010 reg 5(2)(b)).
    personal_adviser_declined_on = models.DateField(null=True, blank=True)
    education_return_informed_on = models.DateField(null=True, blank=True)

    is_restricted = models.BooleanField("restricted record", default=False)
    restriction_reason = models.TextField(blank=True)
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="restricted_records",
        help_text="Only these staff may open a restricted record.",
    )

    # The date of death, when the council knows it: it answers the 903's IN_TOUCH (DIED) and
    # decides how long the record is kept when a child dies before 18 (dataprotection).
    died_on = models.DateField("date of death", null=True, blank=True)

    # When the next contact is due and why, kept up to date by the casework service so that
    # caseloads and work trays need no per-row computation.
    last_contact_on = models.DateField(null=True, blank=True)
    last_visit_on = models.DateField(null=True, blank=True)
    next_contact_due = models.DateField(null=True, blank=True, db_index=True)
    next_contact_rule = models.CharField(max_length=255, blank=True)

    # Optimistic concurrency: a stale save is refused (DESIGN 4.6).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["team", "category"]),
            # Who a service-wide role can see (people/selectors.py) in the index alone: pages
            # across the service ask it inside their queries, and without it PostgreSQL read
            # the whole table each time (transitions waits 420 to 300 ms at 100,000).
            models.Index(fields=["archived_at", "is_restricted", "id"], name="people_visible_idx"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}"

    def age_on(self, day: datetime.date | None = None) -> int:
        day = day or timezone.localdate()
        return age_on(self.date_of_birth, day)

    @property
    def age(self) -> int:
        return self.age_on()


class PreviousName(TimeStampedModel):
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="previous_names"
    )
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    used_until = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class CareEpisode(TimeStampedModel):
    """One SSDA903 episode of care: a period with one legal status and placement."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="care_episodes"
    )
    start = models.DateField("date episode started")
    end = models.DateField("date episode ceased", null=True, blank=True)
    reason_new_episode = models.CharField(max_length=1, choices=dfe_codes.RNE)
    legal_status = models.CharField(max_length=2, choices=dfe_codes.LS)
    category_of_need = models.CharField(max_length=2, choices=dfe_codes.CIN)
    placement_type = models.CharField(
        max_length=3, choices=dfe_codes.PLACE + dfe_codes.PLACE_RETIRED
    )
    placement_provider = models.CharField(max_length=4, blank=True)
    reason_ended = models.CharField(
        "reason episode ceased", max_length=3, choices=dfe_codes.REC, blank=True
    )
    reason_place_change = models.CharField(
        max_length=6, choices=dfe_codes.REASON_PLACE_CHANGE, blank=True
    )
    home_postcode = models.CharField(max_length=8, blank=True)
    placement_postcode = models.CharField(max_length=8, blank=True)
    urn = models.CharField("Ofsted URN", max_length=7, blank=True)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "start"], name="one_episode_per_start"
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="episode_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start} to {self.end or 'now'} ({self.legal_status})"


class HomePeriod(TimeStampedModel):
    """A period living with a parent or someone with parental responsibility after care."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="home_periods"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["start"]


class AccommodatedPeriod(TimeStampedModel):
    """Accommodated or fostered other than by the council, which can make someone a qualifying
    care leaver (Children Act 1989 s.24(2)(b) to (e))."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="accommodated_periods"
    )
    kind = models.CharField(max_length=30, choices=ACCOMMODATED_KIND_CHOICES)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    provider = models.CharField("who accommodated them", max_length=200, blank=True)
    notes = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="accommodated_period_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.start}"


class CategoryQuestionDecision(TimeStampedModel):
    """A worker's decision on a point of law the category engine cannot settle.

    The engine names the question and both readings (people/category.py); this records who
    chose which reading, when and why, with the words they were shown. The latest decision on a
    question is the one used; earlier ones stay as history.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="category_question_decisions"
    )
    question = models.CharField(max_length=80)
    question_text = models.TextField()
    reading = models.CharField(max_length=40)
    reading_text = models.TextField()
    reason = models.TextField("why")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["young_person", "question"])]

    def __str__(self) -> str:
        return f"{self.question}: {self.reading}"


class SupportChoiceKind(models.TextChoices):
    ASKED_FOR_ADVISER = "asked", "Asked for a personal adviser's support"
    DECLINED_ADVISER = "declined", "Said they no longer want a personal adviser"
    EDUCATION_OR_TRAINING = (
        "education",
        "Told us they are in, or want to go back to, education or training",
    )


class SupportChoice(TimeStampedModel):
    """What a former relevant young person aged 21 to 25 told the council about support.

    Children Act 1989 s.23CZB: they may ask for a personal adviser up to 25 (s.23CZB(2)) and say
    they no longer want one (s.23CZB(3)(b)); s.23CA(1)(c): they may tell the council they are
    pursuing, or want to pursue, education or training, which starts the 3-month needs
    assessment deadline of Care Leavers (England) Regs 2010 reg 5(2)(b).
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="support_choices"
    )
    kind = models.CharField(max_length=20, choices=SupportChoiceKind.choices)
    told_on = models.DateField("date they told us")
    notes = models.TextField(blank=True)
    from_young_persons_pages = models.BooleanField(default=False)

    class Meta:
        ordering = ["-told_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.told_on}"


class AboutMe(TimeStampedModel):
    """What the young person wants workers to know, so they do not have to retell their story."""

    young_person = models.OneToOneField(
        YoungPerson, on_delete=models.PROTECT, related_name="about_me"
    )
    summary = models.TextField("what I want workers to know")
    please_do_not_ask = models.TextField("what I do not want to have to retell", blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_on = models.DateField(default=timezone.localdate)
    agreed_by_young_person_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    @property
    def is_agreed(self) -> bool:
        return self.agreed_by_young_person_on is not None

    @property
    def in_their_own_words(self) -> bool:
        """Written by the young person themselves, on their own pages."""
        return self.written_by.has_role(Role.YOUNG_PERSON)


class ReportedCategoryCheck(models.TextChoices):
    KEEP = "keep", "The report stands: the care history held here is incomplete"
    SET_ASIDE = "set_aside", "The report was wrong: set it aside"


class ReportedCategory(TimeStampedModel):
    """A care-leaver category another record gave this young person: the evidence of a past
    statutory return (an SSDA903 OC3 row says the council reported them as a care leaver).

    A council moving onto the service brings only the care episodes its returns held, which can
    start after the 14th birthday care that made someone a care leaver. The category service
    never lowers a category below what such evidence says until a worker has checked the care
    history (people/reported.py); the check is a work-tray item while `needs_check` is set.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="reported_categories"
    )
    category = models.CharField(max_length=20, choices=CATEGORY_CHOICES)
    # The year the collection ended on 31 March (2026 for 1 April 2025 to 31 March 2026).
    collection_year = models.PositiveSmallIntegerField()
    source = models.CharField(
        max_length=200, help_text="Where the report came from: the file or folder imported."
    )
    # Set by the category service: the care history held does not confirm the reported
    # category, so it was kept, and no worker has checked it yet.
    needs_check = models.BooleanField(default=False, db_index=True)
    # A worker's check of the care history: the report stands (the history here is incomplete)
    # or it is set aside (the report was wrong) and no longer holds the category up.
    checked_on = models.DateField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    check_outcome = models.CharField(
        max_length=10, choices=ReportedCategoryCheck.choices, blank=True
    )
    check_note = models.TextField(blank=True)

    class Meta:
        ordering = ["young_person", "collection_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "collection_year"], name="one_reported_category_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} in the {self.collection_year} return"

    @property
    def holds_category(self) -> bool:
        return self.check_outcome != ReportedCategoryCheck.SET_ASIDE
