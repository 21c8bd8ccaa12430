from django.apps import AppConfig


class TransitionsConfig(AppConfig):
    name = "careleavers.transitions"
    label = "transitions"
    verbose_name = "Transitions and health"

    def ready(self) -> None:
        from careleavers.transitions import record_sources

        record_sources.register()
