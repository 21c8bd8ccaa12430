from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "careleavers.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from careleavers.casework import navigation, record_sources, work_tray  # noqa: F401

        navigation.register()
        record_sources.register()
