"""The council's accommodation reference data, edited by administrators.

Case records (stays, applications, bookings) are changed only through the services, which
audit every change, so they are not in the admin.
"""

from __future__ import annotations

from django.contrib import admin

from careleavers.accommodation.models import (
    AccommodationPolicy,
    PriorityBand,
    ProtocolTarget,
    Provider,
    TasterFlat,
)
from careleavers.core.council_settings import CouncilSettingsAdmin


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "takes_housing_applications", "is_active", "order")
    list_filter = ("kind", "takes_housing_applications", "is_active")
    list_editable = ("order",)
    search_fields = ("name",)


class ProtocolTargetInline(admin.TabularInline):
    model = ProtocolTarget
    extra = 0
    verbose_name = "target for one provider"
    verbose_name_plural = "targets for particular providers (otherwise the band's target applies)"


@admin.register(PriorityBand)
class PriorityBandAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "target_weeks", "is_active", "order")
    list_editable = ("order",)
    inlines = [ProtocolTargetInline]


@admin.register(TasterFlat)
class TasterFlatAdmin(admin.ModelAdmin):
    list_display = ("name", "provider", "is_active")
    list_filter = ("is_active",)


@admin.register(AccommodationPolicy)
class AccommodationPolicyAdmin(CouncilSettingsAdmin):
    list_display = ("__str__", "staying_close_in_force", "taster_flat_max_nights")
