"""The admin site is for reference data: the services young people are referred to."""

from django.contrib import admin

from careleavers.transitions.models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "target_wait_days", "is_active", "display_order")
    list_editable = ("target_wait_days", "is_active", "display_order")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Referrals keep their service; stop new referrals by unticking "is active" instead.
        return False
