from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    name = "careleavers.dataprotection"
    label = "dataprotection"
    verbose_name = "Data protection"

    def ready(self) -> None:
        from careleavers.dataprotection import registrations, rules  # noqa: F401

        registrations.register()
