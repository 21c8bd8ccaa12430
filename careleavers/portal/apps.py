from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "careleavers.portal"
    label = "portal"
    verbose_name = "Young person's pages"

    def ready(self) -> None:
        from django.core import checks

        from careleavers.portal import language, notify, rules, signals  # noqa: F401

        checks.register(notify.check_template_settings)
        checks.register(language.check_languages)
