"""`manage.py export_annex_a --out FILE`: Ofsted Annex A List 9 (care leavers), .xlsx or .csv."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careleavers.core.replica import reads_from_replica
from careleavers.returns.services import annex_a_export


class Command(BaseCommand):
    help = "Write Ofsted Annex A List 9 (care leavers) as .xlsx or .csv, by the file's ending."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        file_format = out.suffix.lower().lstrip(".")
        if file_format not in ("xlsx", "csv"):
            raise CommandError("The file must end in .xlsx or .csv.")
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle, reads_from_replica():
            count = annex_a_export(acting_user=None, out=handle, file_format=file_format)
        self.stdout.write(self.style.SUCCESS(f"Annex A List 9: {count} care leavers in {out}."))
