from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "careleavers.plans"
    label = "plans"
    verbose_name = "Pathway plans"
