from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "careleavers.quality"
    label = "quality"
    verbose_name = "Quality assurance"
