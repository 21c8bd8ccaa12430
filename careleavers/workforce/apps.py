from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "careleavers.workforce"
    label = "workforce"
    verbose_name = "Workforce and supervision"

    def ready(self) -> None:
        from careleavers.workforce import indicators, registrations, rules  # noqa: F401

        registrations.register()
        indicators.register_all()
