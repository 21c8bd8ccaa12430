from django.apps import AppConfig
from django.core import checks


class ReturnsConfig(AppConfig):
    name = "careleavers.returns"
    label = "returns"
    verbose_name = "Statutory returns"

    def ready(self) -> None:
        from careleavers.returns.validator import check_validator_installed

        # Only with --deploy: `migrate` runs the checks before set-up has installed it.
        checks.register(check_validator_installed, deploy=True)
