from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "careleavers.insight"
    label = "insight"
    verbose_name = "Insight"

    def ready(self) -> None:
        from careleavers.insight import registrations, rules  # noqa: F401
        from careleavers.insight.measures import register_all

        register_all()
        registrations.register()
