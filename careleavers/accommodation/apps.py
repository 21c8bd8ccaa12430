from django.apps import AppConfig


class AccommodationConfig(AppConfig):
    name = "careleavers.accommodation"
    label = "accommodation"
    verbose_name = "Accommodation and housing"
