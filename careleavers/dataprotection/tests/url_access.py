"""Access to the data protection pages, for every role (see core/tests/test_url_access.py).

Subject access and the retention review are the head of service's (standing in for an
information governance role the service does not have yet); the policy is the
administrators'. The world's young person is in the world team, with an open subject access
request that has no file yet (so "download" sends the head of service back to the request).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.core.access import REDIRECT, UrlCase, expect
from careleavers.core.tests.roles import ADMIN, HOS


def extend_world(world: Any) -> None:
    from careleavers.dataprotection.tests.factories import SubjectAccessRequestFactory
    from careleavers.people.tests.factories import YoungPersonFactory

    young_person = YoungPersonFactory(team=world.team)
    world.dataprotection = SimpleNamespace(
        young_person=young_person,
        sar=SubjectAccessRequestFactory(young_person=young_person, handled_by=world.users[HOS]),
    )


def _sar(world: Any) -> dict[str, Any]:
    return {"sar_pk": world.dataprotection.sar.pk}


def _record(world: Any) -> dict[str, Any]:
    return {"pk": world.dataprotection.young_person.pk}


CASES = [
    UrlCase("dataprotection:index", expect(allowed=[HOS], outcome=REDIRECT)),
    UrlCase("dataprotection:sar_list", expect(allowed=[HOS])),
    UrlCase("dataprotection:sar_create", expect(allowed=[HOS])),
    UrlCase("dataprotection:sar_detail", expect(allowed=[HOS]), kwargs=_sar),
    # Making the file is a POST (a GET is answered 405 before anything is read).
    UrlCase(
        "dataprotection:sar_generate",
        expect(allowed=[HOS], outcome=REDIRECT),
        kwargs=_sar,
        method="post",
    ),
    UrlCase("dataprotection:sar_download", expect(allowed=[HOS], outcome=REDIRECT), kwargs=_sar),
    UrlCase("dataprotection:sar_extend", expect(allowed=[HOS]), kwargs=_sar),
    UrlCase("dataprotection:sar_close", expect(allowed=[HOS]), kwargs=_sar),
    UrlCase("dataprotection:retention_report", expect(allowed=[HOS])),
    UrlCase("dataprotection:retention_decide", expect(allowed=[HOS]), kwargs=_record),
    UrlCase("dataprotection:policy", expect(allowed=[ADMIN])),
]
