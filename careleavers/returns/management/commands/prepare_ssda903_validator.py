"""`manage.py prepare_ssda903_validator`: install the sector's 903 validator in its own
environment (.venv-903) now, so that checking a return never has to download anything.

scripts/start and scripts/test run it; it does nothing when the environment is ready.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from careleavers.returns.validator import (
    VALIDATOR_REQUIREMENT,
    ValidatorUnavailable,
    ensure_installed,
    is_installed,
    venv_dir,
)


class Command(BaseCommand):
    help = "Install csc-validator-be-903 in its own virtual environment, if it is not there."

    def handle(self, *args: Any, **options: Any) -> None:
        if is_installed():
            self.stdout.write(f"{VALIDATOR_REQUIREMENT} is ready in {venv_dir()}.")
            return
        try:
            ensure_installed(log=self.stdout.write)
        except ValidatorUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{VALIDATOR_REQUIREMENT} installed in {venv_dir()}.")
        )
