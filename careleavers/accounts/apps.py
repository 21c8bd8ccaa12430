from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "careleavers.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from careleavers.accounts import signals  # noqa: F401  (connects the sign-in audit)

        _hide_single_sign_on_from_the_admin()


def _hide_single_sign_on_from_the_admin() -> None:
    """Single sign-on is configured from the environment and links are made only by signing in
    (careleavers/accounts/sso.py), so the admin must not offer allauth's pages for adding a
    provider or re-pointing a link at another account. The admin has registered them by now
    (it comes first in INSTALLED_APPS and discovers every app's admin module when ready)."""
    from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
    from django.contrib import admin

    for model in (SocialApp, SocialAccount, SocialToken):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
