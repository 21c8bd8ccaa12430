"""Access to the returns pages: analysts, the head of service and administrators; only
administrators import."""

from careleavers.core.access import UrlCase, expect

RETURNS_ROLES = ["performance_analyst", "head_of_service", "administrator"]

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
    UrlCase("returns:ssda903_import", expect(allowed=["administrator"])),
    UrlCase("returns:annex_a_download", expect(allowed=RETURNS_ROLES)),
]
