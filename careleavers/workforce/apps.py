from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "careleavers.workforce"
    label = "workforce"
    verbose_name = "Workforce and supervision"
