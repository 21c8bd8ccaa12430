"""`manage.py retention_review [--months N] [--date YYYY-MM-DD]`: records due for review.

Lists every live young person whose records reach their retention date (the 75th birthday)
within N months (the policy's window by default), or already have, with the counts. It lists
council child IDs, not names. Nothing is changed or deleted; decisions are recorded by the
head of service on the retention review page. The listing is logged in the audit log.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from careleavers.dataprotection import selectors
from careleavers.dataprotection.services import retention_review_exported


class Command(BaseCommand):
    help = "List records whose retention date has passed or falls within the review window."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--months", type=int, default=None)
        parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["date"] or timezone.localdate()
        report = selectors.retention_review(
            user=None, today=today, window_months=options["months"]
        )
        counts = {
            "due": report.due,
            "passed": report.passed,
            "upcoming": report.upcoming,
            "kept": report.kept,
            "needing_decision": report.needing_decision,
            "archived": report.archived,
            "passed_to_records_management": report.passed_to_records_management,
        }
        self.stdout.write(
            f"Retention review on {today.isoformat()}, looking {report.window_months} months "
            f"ahead (to {report.horizon.isoformat()}):"
        )
        for name, value in counts.items():
            self.stdout.write(f"  {name.replace('_', ' ')}: {value}")
        self.stdout.write("child_id\tdate_of_birth\tretention_date\tstatus")
        for row in report.rows(report.young_people.iterator(chunk_size=2000)):
            status = (
                f"keep until review on {row.review_again_on.isoformat()}"
                if row.decision == "keep" and row.review_again_on
                else ("decision needed" if row.passed else "due soon")
            )
            person = row.young_person
            self.stdout.write(
                f"{person.child_id}\t{person.date_of_birth.isoformat()}\t"
                f"{row.retention_ends_on.isoformat()}\t{status}"
            )
        retention_review_exported(acting_user=None, counts=counts)
