from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "careleavers.returns"
    label = "returns"
    verbose_name = "Statutory returns"
