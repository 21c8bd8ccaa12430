"""Access to the returns pages: analysts and the head of service prepare and download the
returns; administrators, who see no records, only import a council's 903 files."""

from typing import Any

from careleavers.core.access import UrlCase, expect

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
    world.validation_run = ValidationRun.objects.create(
        collection_year=2026,
        status=ValidationStatus.FAILED,
        failure="The validator could not be installed.",
    )


CASES = [
    UrlCase("returns:index", expect(allowed=[*PREPARERS, "administrator"])),
    UrlCase(
        "returns:ssda903_download",
        expect(allowed=PREPARERS),
        kwargs=lambda world: {"year": 2026},
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
    UrlCase("returns:annex_a_download", expect(allowed=PREPARERS)),
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
