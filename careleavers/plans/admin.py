from django.contrib import admin

from careleavers.core.council_settings import CouncilSettingsAdmin
from careleavers.plans.models import ReviewPolicy


@admin.register(ReviewPolicy)
class ReviewPolicyAdmin(CouncilSettingsAdmin):
    """The council's local review rules. There is one row; it cannot be deleted."""

    list_display = (
        "__str__",
        "review_on_accommodation_change",
        "days_after_request",
        "days_after_accommodation_change",
    )
