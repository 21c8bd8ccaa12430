"""Access to the returns pages: analysts and the head of service prepare and download the
returns; administrators, who see no records, only import a council's 903 files."""

from typing import Any

from careleavers.core.access import REDIRECT, UrlCase, expect

PREPARERS = ["performance_analyst", "head_of_service"]


def extend_world(world: Any) -> None:
    from careleavers.people.models import ReportedCategory
    from careleavers.people.tests.factories import YoungPersonFactory
    from careleavers.returns.models import ValidationRun, ValidationStatus

    world.reported_young_person = YoungPersonFactory(team=world.team)
    ReportedCategory.objects.create(
        young_person=world.reported_young_person,
        category="former_relevant",
        collection_year=2026,
        source="2025-26, OC3",
        needs_check=True,
    )
    from careleavers.core.models import FileJob
    from careleavers.returns.selectors import ANNEX_A_FILE

    # Still waiting for the worker: its download sends each preparer to its progress page.
    world.export_file = FileJob.objects.create(
        kind=ANNEX_A_FILE, title="List 9", requested_by=world.users["performance_analyst"]
    )
    world.validation_run = ValidationRun.objects.create(
        collection_year=2026,
        status=ValidationStatus.FAILED,
        failure="The validator could not be installed.",
    )


CASES = [
    UrlCase("returns:index", expect(allowed=[*PREPARERS, "administrator"])),
    # Asking for an export is a POST that queues it and goes to its progress page; a GET is
    # answered 405 to those who may export and 403 to everyone else.
    UrlCase(
        "returns:ssda903_download",
        expect(allowed=PREPARERS, outcome=REDIRECT),
        kwargs=lambda world: {"year": 2026},
        method="post",
    ),
    UrlCase(
        "returns:ssda903_check",
        expect(allowed=PREPARERS),
        kwargs=lambda world: {"year": 2026},
    ),
    UrlCase(
        "returns:ssda903_check_progress",
        expect(allowed=PREPARERS),
        kwargs=lambda world: {"pk": world.validation_run.pk},
    ),
    UrlCase("returns:ssda903_import", expect(allowed=["administrator"])),
    UrlCase(
        "returns:annex_a_download", expect(allowed=PREPARERS, outcome=REDIRECT), method="post"
    ),
    UrlCase(
        "returns:export_progress",
        expect(allowed=PREPARERS),
        kwargs=lambda world: {"pk": world.export_file.pk},
    ),
    UrlCase(
        "returns:export_file",
        expect(allowed=PREPARERS, outcome=REDIRECT),
        kwargs=lambda world: {"pk": world.export_file.pk},
    ),
    # A page of a young person's record: those who may change it (people's WRITERS).
    UrlCase(
        "returns:care_history_check",
        expect(
            team_record=True,
            allowed=[
                "personal_adviser",
                "social_worker",
                "team_manager",
                "head_of_service",
                "duty_worker",
            ],
        ),
        kwargs=lambda world: {"pk": world.reported_young_person.pk},
    ),
]
