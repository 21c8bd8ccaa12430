"""`manage.py demo_logins`: print the demo sign-ins (only for accounts that exist)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from careleavers.accounts.models import User
from careleavers.demo.portal import DEMO_YOUNG_PERSON_EMAIL
from careleavers.demo.staff import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo sign-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        emails = set(
            User.objects.filter(email__in=[login.email for login in DEMO_LOGINS]).values_list(
                "email", flat=True
            )
        )
        if not emails:
            self.stdout.write("No demo accounts in this database.")
            return
        self.stdout.write(
            f"\nDemo sign-ins at http://127.0.0.1:8000 (password for all: {DEMO_PASSWORD})"
        )
        for login in DEMO_LOGINS:
            if login.email in emails:
                self.stdout.write(f"  {login.role.label:<32} {login.email}")
        if User.objects.filter(email=DEMO_YOUNG_PERSON_EMAIL).exists():
            self.stdout.write(f"  {'Young person':<32} {DEMO_YOUNG_PERSON_EMAIL}")
        self.stdout.write("")
