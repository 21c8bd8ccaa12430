from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "careleavers.plans"
    label = "plans"
    verbose_name = "Pathway plans"

    def ready(self) -> None:
        from careleavers.plans import record_sources

        record_sources.register()
