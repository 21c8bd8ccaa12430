"""`manage.py insight_snapshots`: write the monthly indicator snapshots.

With no options it does what the scheduled job does: last month, if any indicator is missing
for it. `--month 2026-10` writes that month as at its last day; `--months 24` writes each of
the last 24 complete months; `--replace` rewrites months already written (history then shifts,
so use it only to repair a month that was written wrongly).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from careleavers.core.dates import month_end
from careleavers.insight import snapshots
from careleavers.insight.periods import month_ends_before

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class Command(BaseCommand):
    help = "Write the monthly indicator snapshots (as at each month's last day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", help="One month, as YYYY-MM.")
        parser.add_argument("--months", type=int, help="The last N complete months.")
        parser.add_argument(
            "--replace", action="store_true", help="Rewrite figures already written."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["month"] and options["months"]:
            raise CommandError("Give --month or --months, not both.")
        if options["month"]:
            match = MONTH.match(options["month"])
            if not match or not 1 <= int(match.group(2)) <= 12:
                raise CommandError("--month must be a month as YYYY-MM, like 2026-10.")
            end = month_end(datetime.date(int(match.group(1)), int(match.group(2)), 1))
            if end >= today:
                raise CommandError("--month must be a month that has ended.")
            ends = [end]
        elif options["months"]:
            if options["months"] < 1:
                raise CommandError("--months must be at least 1.")
            ends = month_ends_before(today, options["months"])
        else:
            self.stdout.write(snapshots.run_monthly_job(today))
            return
        for end in ends:
            result = snapshots.write_month(on=end, replace=options["replace"])
            line = f"{result.month:%B %Y}: {result.written} figures written"
            if result.skipped:
                line += f", {len(result.skipped)} indicators already written"
            if result.failed:
                line += f"; failed: {', '.join(result.failed)}"
            self.stdout.write(line + ".")
