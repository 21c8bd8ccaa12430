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

        # After the people app (earlier in INSTALLED_APPS), so the accommodation panel
        # replaces its empty state.
        record_sources.register()
