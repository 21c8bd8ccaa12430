from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "careleavers.returns"
    label = "returns"
    verbose_name = "Statutory returns"

    def ready(self) -> None:
        from careleavers.returns import indicators, navigation, registrations, rules  # noqa: F401

        navigation.register()
        registrations.register()
        indicators.register_all()
