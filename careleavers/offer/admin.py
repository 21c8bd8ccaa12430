from django.contrib import admin

from careleavers.core.council_settings import CouncilSettingsAdmin
from careleavers.offer.models import OfferPolicy


@admin.register(OfferPolicy)
class OfferPolicyAdmin(CouncilSettingsAdmin):
    list_display = ("__str__", "setting_up_home_allowance_pence", "modified_at")
