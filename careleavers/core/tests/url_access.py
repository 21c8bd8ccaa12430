"""Access to the shell's own pages."""

from careleavers.core.access import (
    ALL_ROLES,
    ANONYMOUS,
    LOGIN,
    OK,
    REDIRECT,
    STAFF,
    UrlCase,
    expect,
)

EVERYONE_SIGNED_IN = [role for role in ALL_ROLES if role != ANONYMOUS]

CASES = [
    UrlCase("healthz", expect(allowed=ALL_ROLES, anonymous=OK)),
    UrlCase("core:accessibility", expect(allowed=ALL_ROLES, anonymous=OK)),
    # A young person's home is their own pages (/my/).
    UrlCase(
        "core:nav_section",
        expect(allowed=STAFF),
        kwargs=lambda world: {"key": "services"},
    ),
    UrlCase(
        "core:home",
        expect(allowed=EVERYONE_SIGNED_IN, anonymous=LOGIN, young_person=REDIRECT),
    ),
    UrlCase("core:audit_log", expect(allowed=["administrator"])),
    UrlCase("admin:index", expect(allowed=["administrator"], others=REDIRECT, anonymous=REDIRECT)),
]
