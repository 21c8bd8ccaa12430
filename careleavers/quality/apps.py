from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "careleavers.quality"
    label = "quality"
    verbose_name = "Quality assurance"

    def ready(self) -> None:
        from careleavers.quality import registrations, rules  # noqa: F401

        registrations.register()
