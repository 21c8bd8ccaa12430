from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "careleavers.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from careleavers.casework import work_tray  # noqa: F401  (registers its own kinds)
