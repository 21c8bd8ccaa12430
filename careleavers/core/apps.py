from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "careleavers.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.core import checks
        from django.utils.module_loading import autodiscover_modules

        from careleavers.core import (
            file_jobs,
            lookups,
            return_preview,  # noqa: F401 (its system check)
        )
        from careleavers.core.checks import required_registries_filled

        lookups.register()
        file_jobs.register()
        # Each app says what it adds to other apps' registries in one module,
        # `registrations.py` (core/registry.py); its import does the registering.
        autodiscover_modules("registrations")
        checks.register(required_registries_filled)
