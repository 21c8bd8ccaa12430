"""Access to the local offer's pages, for every role (see core/tests/test_url_access.py).

The world's young person is in the world team, with a payment awaiting approval, an approved
one, and a council tax exemption; there is a draft version of the offer with one item, and a
group with one session.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.core.access import STAFF, UrlCase, expect
from careleavers.core.tests.record_access import RECORD_WRITERS, record_change, record_read
from careleavers.core.tests.roles import (
    ADMIN,
    ANALYST,
    HOS,
    MANAGERS,
    TM,
)


def extend_world(world: Any) -> None:
    from careleavers.offer.models import PaymentRequest
    from careleavers.offer.tests.factories import (
        CatalogueItemFactory,
        CouncilTaxExemptionFactory,
        FundFactory,
        GroupSessionFactory,
        OfferVersionFactory,
        PaymentRequestFactory,
    )
    from careleavers.people.tests.factories import YoungPersonFactory

    young_person = YoungPersonFactory(team=world.team)
    fund = FundFactory(young_person=young_person)
    draft = OfferVersionFactory()
    world.offer = SimpleNamespace(
        young_person=young_person,
        requested=PaymentRequestFactory(fund=fund),
        approved=PaymentRequestFactory(fund=fund, status=PaymentRequest.Status.APPROVED),
        exemption=CouncilTaxExemptionFactory(young_person=young_person),
        draft=draft,
        item=CatalogueItemFactory(version=draft),
        session=GroupSessionFactory(),
    )


def _record(world: Any) -> dict[str, Any]:
    return {"pk": world.offer.young_person.pk}


def _payment(name: str):  # type: ignore[no-untyped-def]
    return lambda world: {
        "pk": world.offer.young_person.pk,
        "payment_pk": getattr(world.offer, name).pk,
    }


def _version(world: Any) -> dict[str, Any]:
    return {"version_pk": world.offer.draft.pk}


def _group(world: Any) -> dict[str, Any]:
    return {"group_pk": world.offer.session.activity_id}


CASES = [
    record_read("offer:statement", _record),
    record_read("offer:statement_print", _record),
    record_change("offer:offer_explained_add", _record),
    record_read("offer:money", _record),
    record_change("offer:payment_request", _record),
    record_change("offer:he_bursary_schedule", _record),
    UrlCase(
        "offer:payment_decide",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=_payment("requested"),
    ),
    UrlCase(
        "offer:payment_paid",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=_payment("approved"),
    ),
    record_change("offer:council_tax_add", _record),
    record_change(
        "offer:council_tax_edit",
        lambda world: {
            "pk": world.offer.young_person.pk,
            "exemption_pk": world.offer.exemption.pk,
        },
    ),
    record_read("offer:documents", _record),
    record_change(
        "offer:document_edit",
        lambda world: {"pk": world.offer.young_person.pk, "kind": "passport"},
    ),
    UrlCase("offer:catalogue", expect(allowed=STAFF)),
    UrlCase("offer:version_list", expect(allowed=STAFF)),
    UrlCase("offer:version_detail", expect(allowed=STAFF), kwargs=_version),
    UrlCase("offer:draft_create", expect(allowed=[ADMIN])),
    UrlCase("offer:item_add", expect(allowed=[ADMIN]), kwargs=_version),
    UrlCase(
        "offer:item_edit",
        expect(allowed=[ADMIN]),
        kwargs=lambda world: {"version_pk": world.offer.draft.pk, "item_pk": world.offer.item.pk},
    ),
    UrlCase("offer:version_publish", expect(allowed=[ADMIN]), kwargs=_version),
    UrlCase("offer:policy", expect(allowed=[ADMIN])),
    UrlCase("offer:spend_report", expect(allowed=[TM, HOS, ANALYST])),
    UrlCase("offer:documents_report", expect(allowed=MANAGERS)),
    UrlCase("offer:group_list", expect(allowed=RECORD_WRITERS)),
    UrlCase("offer:group_add", expect(allowed=RECORD_WRITERS)),
    UrlCase("offer:group_detail", expect(allowed=RECORD_WRITERS), kwargs=_group),
    UrlCase("offer:session_add", expect(allowed=RECORD_WRITERS), kwargs=_group),
    UrlCase(
        "offer:session_detail",
        expect(allowed=RECORD_WRITERS),
        kwargs=lambda world: {
            "group_pk": world.offer.session.activity_id,
            "session_pk": world.offer.session.pk,
        },
    ),
]
