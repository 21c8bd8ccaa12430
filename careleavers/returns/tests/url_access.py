"""Access to the returns pages: analysts, the head of service and administrators; only
administrators import."""

from typing import Any

from careleavers.core.access import UrlCase, expect

RETURNS_ROLES = ["performance_analyst", "head_of_service", "administrator"]


def extend_world(world: Any) -> None:
    from careleavers.returns.models import ValidationRun, ValidationStatus

    world.validation_run = ValidationRun.objects.create(
        collection_year=2026,
        status=ValidationStatus.FAILED,
        failure="The validator could not be installed.",
    )


CASES = [
    UrlCase("returns:index", expect(allowed=RETURNS_ROLES)),
    UrlCase(
        "returns:ssda903_download",
        expect(allowed=RETURNS_ROLES),
        kwargs=lambda world: {"year": 2026},
    ),
    UrlCase(
        "returns:ssda903_check",
        expect(allowed=RETURNS_ROLES),
        kwargs=lambda world: {"year": 2026},
    ),
    UrlCase(
        "returns:ssda903_check_progress",
        expect(allowed=RETURNS_ROLES),
        kwargs=lambda world: {"pk": world.validation_run.pk},
    ),
    UrlCase("returns:ssda903_import", expect(allowed=["administrator"])),
    UrlCase("returns:annex_a_download", expect(allowed=RETURNS_ROLES)),
]
