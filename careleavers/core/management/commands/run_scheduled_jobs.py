"""`manage.py run_scheduled_jobs`: run every registered daily job (cron or a systemd timer)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from careleavers.core.jobs import jobs


class Command(BaseCommand):
    help = "Run the daily jobs: birthdays, categories and due dates. Safe to run more than once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["date"] or timezone.localdate()
        for job in jobs():
            summary = job.run(today)
            self.stdout.write(f"{job.name}: {summary}")
