from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "careleavers.offer"
    label = "offer"
    verbose_name = "Local offer"

    def ready(self) -> None:
        from careleavers.offer import registrations, rules  # noqa: F401

        registrations.register()
