"""Access to the returns pages: analysts and the head of service prepare and download the
returns; administrators, who see no records, only import a council's 903 files."""

from careleavers.core.access import UrlCase, expect

PREPARERS = ["performance_analyst", "head_of_service"]

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
    UrlCase("returns:ssda903_import", expect(allowed=["administrator"])),
    UrlCase("returns:annex_a_download", expect(allowed=PREPARERS)),
]
