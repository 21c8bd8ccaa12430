from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "careleavers.portal"
    label = "portal"
    verbose_name = "Young person's pages"

    def ready(self) -> None:
        from careleavers.portal import registrations, rules, signals  # noqa: F401

        registrations.register()
