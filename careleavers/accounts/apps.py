from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "careleavers.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from careleavers.accounts import (
            navigation,  # noqa: F401
            signals,  # noqa: F401  (connects the sign-in audit)
        )
