from django.contrib import admin

from careleavers.plans.models import ReviewPolicy


@admin.register(ReviewPolicy)
class ReviewPolicyAdmin(admin.ModelAdmin):
    """The council's local review rules. There is one row; it cannot be deleted."""

    list_display = (
        "__str__",
        "review_on_accommodation_change",
        "days_after_request",
        "days_after_accommodation_change",
    )

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return not ReviewPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
