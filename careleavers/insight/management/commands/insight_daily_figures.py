"""`manage.py insight_daily_figures`: count today's dashboard figures for the service and every
team, as the nightly job does (insight/daily.py). `--date` counts as at another day."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from careleavers.insight.daily import run_daily_job


class Command(BaseCommand):
    help = "Count the dashboards' figures for the service and every team (the nightly job)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(run_daily_job(options["date"] or timezone.localdate()))
