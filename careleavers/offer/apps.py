from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "careleavers.offer"
    label = "offer"
    verbose_name = "Local offer"
