from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "careleavers.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from careleavers.core import lookups, return_preview  # noqa: F401 (its system check)

        lookups.register()
