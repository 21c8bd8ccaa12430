from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "careleavers.insight"
    label = "insight"
    verbose_name = "Insight"
