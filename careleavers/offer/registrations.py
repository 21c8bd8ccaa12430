"""The offer app's entries in the shared registries: navigation, home page links, the work
tray ("payment awaiting approval" for managers) and the overview's "Money and entitlements"
panel."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.core.navigation import SERVICES
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register
from careleavers.core.urls_for_many import url_for_each
from careleavers.offer.models import pounds
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.people.record_frame import RecordTab, record_tabs


def money_panel_context(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    from careleavers.offer import selectors
    from careleavers.offer.explained import explained_words

    balance = selectors.allowance_balance_for(young_person=young_person)
    missing = selectors.documents_missing_count(young_person=young_person)
    today = timezone.localdate()
    explained = selectors.latest_offer_explained(young_person=young_person, on=today)
    return {
        "money_rows": [
            # The words say what to do when the indicator would not count them.
            {"key": "Local offer explained", "value": explained_words(explained, today=today)},
            {
                "key": "Setting up home allowance left",
                "value": pounds(balance) if balance is not None else "Not started",
            },
            {
                "key": "Important documents missing",
                "value": f"{missing} of 8" if missing else "None",
            },
        ],
        "statement_url": reverse("offer:statement", kwargs={"pk": young_person.pk}),
        "money_url": reverse("offer:money", kwargs={"pk": young_person.pk}),
        "documents_url": reverse("offer:documents", kwargs={"pk": young_person.pk}),
    }


def payments_awaiting(scope: Any) -> list[Any]:
    from careleavers.casework.work_tray import WorkItem
    from careleavers.offer import selectors

    user = scope.user
    if not user.has_role("team_manager", "head_of_service"):
        return []
    team_ids = scope.team_ids if scope.is_team else None
    decide = url_for_each("offer:payment_decide", "pk", "payment_pk")
    items = []
    for payment in selectors.payments_awaiting_approval(user=user, team_ids=team_ids):
        asked = payment.created_at.date()
        items.append(
            WorkItem(
                kind="payment_approval",
                young_person=payment.young_person,
                title=f"Payment awaiting approval: {pounds(payment.amount_pence)}",
                due=asked,
                overdue=False,
                url=decide(payment.young_person_id, payment.pk),
                detail=f"{payment.fund.get_payment_type_display()}: {payment.description}",
            )
        )
    return items


record_tabs.register(
    RecordTab(key="offer", label="Local offer", url_name="offer:statement", order=110)
)
record_tabs.register(RecordTab(key="money", label="Money", url_name="offer:money", order=120))
record_tabs.register(
    RecordTab(key="documents", label="Documents", url_name="offer:documents", order=130)
)
overview_panels.register(
    OverviewPanel(
        key="offer_money",
        template="offer/panels/money.html",
        context=money_panel_context,
        order=70,
        column="side",
    )
)

work_tray_kinds.register(
    WorkTrayKind(
        kind="payment_approval",
        label="Payments to approve",
        provider=payments_awaiting,
        decision=True,
        may_be_overdue=False,
    )
)
pages_register(
    ServicePage(
        "Local offer",
        "offer:catalogue",
        "offer.view_catalogue",
        60,
        section=SERVICES,
        description=(
            "What care leavers are entitled to, area by area, and every published version."
        ),
    ),
    ServicePage(
        "Groups",
        "offer:group_list",
        "offer.view_groups",
        65,
        section=SERVICES,
        description=(
            "Group activities such as the cook and eat group: sessions, who came, what they said."
        ),
    ),
    ServicePage(
        "Spending on the local offer",
        "offer:spend_report",
        "offer.view_spend_report",
        66,
        section=HOME_PAGE_ONLY,
        description="Money approved each month, by type of payment and team.",
    ),
    ServicePage(
        "Important documents missing",
        "offer:documents_report",
        "offer.view_documents_report",
        67,
        section=HOME_PAGE_ONLY,
        description="Who lacks which important documents at 17 and at 18.",
    ),
)
