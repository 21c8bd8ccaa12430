from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "careleavers.casework"
    label = "casework"
    verbose_name = "Casework"
