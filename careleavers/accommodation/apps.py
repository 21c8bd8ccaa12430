from django.apps import AppConfig


class AccommodationConfig(AppConfig):
    name = "careleavers.accommodation"
    label = "accommodation"
    verbose_name = "Accommodation and housing"

    def ready(self) -> None:
        from careleavers.accommodation import (
            record_sources,
            rules,  # noqa: F401  (adds the accommodation permissions)
        )

        record_sources.register()
