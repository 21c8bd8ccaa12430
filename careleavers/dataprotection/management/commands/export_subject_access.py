"""`manage.py export_subject_access --young-person ID --out FILE.zip [--request N]`.

For the information governance team on the server: everything the service holds about one
young person, as the same zip the head of service makes on the web (a PDF summary with the
redaction checklist, and one CSV per kind of record). The export is logged in the audit log;
with --request its SHA-256 is recorded on that subject access request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careleavers.dataprotection.models import SubjectAccessRequest
from careleavers.dataprotection.services import subject_access_export_to
from careleavers.people.models import YoungPerson


def find_young_person(value: str) -> YoungPerson:
    """By council child ID or database id. "child:ID" and "pk:N" say which when both match.
    Archived records are included: a request can come after a record is archived."""
    value = value.strip()
    people = YoungPerson.objects.all()
    if value.startswith("pk:"):
        number = value[3:]
        found = people.filter(pk=int(number)).first() if number.isdigit() else None
    elif value.startswith("child:"):
        found = people.filter(child_id__iexact=value[6:]).first()
    else:
        by_child_id = people.filter(child_id__iexact=value).first()
        by_pk = people.filter(pk=int(value)).first() if value.isdigit() else None
        if by_child_id and by_pk and by_child_id.pk != by_pk.pk:
            raise CommandError(
                f"{value} is one young person's child ID and another's database id. "
                f"Say which: --young-person child:{value} or --young-person pk:{value}."
            )
        found = by_child_id or by_pk
    if found is None:
        raise CommandError(f"No young person has the child ID or id {value}.")
    return found


class Command(BaseCommand):
    help = "Write everything the service holds about one young person to a zip (subject access)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--young-person", required=True, help="Council child ID or database id."
        )
        parser.add_argument("--out", type=Path, required=True, help="The zip file to write.")
        parser.add_argument(
            "--request", type=int, help="The subject access request (SAR-N) this answers."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if out.suffix.lower() != ".zip":
            raise CommandError("The file must end in .zip.")
        young_person = find_young_person(options["young_person"])
        sar = None
        if options["request"] is not None:
            sar = SubjectAccessRequest.objects.filter(pk=options["request"]).first()
            if sar is None or sar.young_person_id != young_person.pk:
                raise CommandError(
                    f"There is no subject access request SAR-{options['request']} "
                    "for this young person."
                )
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.partial")
        try:
            with partial.open("w+b") as handle:
                result, sha256, size = subject_access_export_to(
                    acting_user=None, young_person=young_person, out=handle, sar=sar
                )
            partial.chmod(0o600)
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"{out}: {result.total_rows} records about {young_person.child_id}, "
                f"{result.flagged_rows} to check before release. SHA-256 {sha256} ({size} bytes)."
            )
        )
