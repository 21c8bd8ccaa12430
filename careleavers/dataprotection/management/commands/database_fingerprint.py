"""`manage.py database_fingerprint [--compare FILE]`: rows and a checksum for every table.

Run it on a restored copy (DATABASE_URL pointing at it) and on the source, or keep the output
taken beside a backup, and compare: docs/backup-and-restore.md uses it to test a restore.
PostgreSQL only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from careleavers.dataprotection.backup_check import (
    compare_fingerprints,
    format_fingerprints,
    parse_fingerprints,
    table_fingerprints,
)


class Command(BaseCommand):
    help = "Print every table's row count and checksum, or compare them with an earlier output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--compare", type=Path, help="An earlier output to compare with.")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Fingerprints are taken of PostgreSQL databases only.")
        with connection.cursor() as cursor:
            current = table_fingerprints(cursor)
        compare: Path | None = options["compare"]
        if compare is None:
            self.stdout.write(format_fingerprints(current), ending="")
            return
        problems = compare_fingerprints(parse_fingerprints(compare.read_text()), current)
        if problems:
            raise CommandError("The databases differ:\n" + "\n".join(problems))
        tables = sum(1 for name in current if not name.startswith("sequence:"))
        self.stdout.write(self.style.SUCCESS(f"Every table matches ({tables} tables)."))
