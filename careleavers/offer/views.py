"""Pages of the local offer: the catalogue and its versions, a young person's personal
statement, money, documents and council tax, group activities, and the managers' reports.

Views are thin: they check permission through `rules` directly (so the admin's superuser flag
never opens a young person's record), parse the form, call one service or selector and render.
Record pages are declared with the people app's `record_page`, which checks the permission,
logs the view or any refusal and draws the record frame.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from rules import has_perm

from careleavers.core.dates import format_date
from careleavers.core.form_page import form_page
from careleavers.core.forms.submit import saved_then_redirect, service_result, submitted
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import rule_required
from careleavers.offer import forms, selectors, services
from careleavers.offer.entitlements import Area
from careleavers.offer.models import (
    CatalogueItem,
    DocumentKind,
    OfferPolicy,
    OfferVersion,
    PaymentRequest,
    pounds,
)
from careleavers.people.form_page import record_form_page
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page

VIEW = "people.view_youngperson"
CHANGE = "people.change_youngperson"


# Helpers -----------------------------------------------------------------------------------------

# The report of missing documents lists this many young people of each age a page.
DOCUMENTS_PAGE_SIZE = 50


def _record_context(
    request: SignedInRequest, young_person: YoungPerson, tab: str
) -> dict[str, Any]:
    return {
        "young_person": young_person,
        "can_change": has_perm(CHANGE, request.user, young_person),
    }


def _page(
    request: SignedInRequest, form: Any, *, caption: str = "Local offer", **page: Any
) -> HttpResponse:
    return form_page(request, form, caption=caption, **page)


# The personal statement --------------------------------------------------------------------------


def _statement_context(young_person: YoungPerson) -> dict[str, Any]:
    today = timezone.localdate()
    page = selectors.statement_page_for(young_person, today)

    def described(key: str) -> dict[str, Any]:
        item = page.items[key]
        return {"item": item, "amount": pounds(item.amount_pence), "area": Area(item.area).label}

    return {
        "statement_version": page.version,
        "today": today,
        "entitled_now": [described(item.key) for item in page.statement.entitled_now],
        "had": [described(item.key) for item in page.statement.had],
        "opens_next": [
            {**described(opening.item.key), "trigger": opening.trigger}
            for opening in page.statement.opens_next
        ],
    }


@record_page("offer_statement")
def statement(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context = _record_context(request, young_person, "statement")
    context.update(_statement_context(young_person))
    context["explanations"] = selectors.offer_explanations(young_person=young_person)
    context["can_record_explained"] = has_perm(
        "offer.record_offer_explained", request.user, young_person
    )
    return render(request, "offer/statement.html", context)


@record_page("offer_explained", permission="offer.record_offer_explained", methods=FORM)
def offer_explained_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    back = reverse("offer:statement", kwargs={"pk": young_person.pk})
    form = forms.OfferExplainedForm(
        request.POST or None, initial={"explained_on": timezone.localdate()}
    )
    return saved_then_redirect(
        request,
        form,
        services.offer_explained_record,
        acting_user=request.user,
        young_person=young_person,
        message="Recorded that you explained their local offer.",
        then=back,
        page=lambda: record_form_page(
            request, young_person, form, title="You explained their local offer", back=back
        ),
    )


@record_page("offer_statement_print")
def statement_print(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """The statement laid out for paper; opening it is logged as a print."""
    services.statement_printed(acting_user=request.user, young_person=young_person)
    context = {"young_person": young_person, **_statement_context(young_person)}
    return render(request, "offer/statement_print.html", context)


# Money -------------------------------------------------------------------------------------------


def _money_url(young_person: YoungPerson) -> str:
    return reverse("offer:money", kwargs={"pk": young_person.pk})


@record_page("offer_money")
def money(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    today = timezone.localdate()
    context = _record_context(request, young_person, "money")
    can_request = has_perm("offer.request_payment", request.user, young_person)
    can_approve = has_perm("offer.approve_payment", request.user, young_person)
    fund_rows = [
        [
            row.label + (" (each year)" if row.is_annual else ""),
            {"text": pounds(row.entitlement_pence), "format": "numeric"},
            {"text": pounds(row.approved_pence), "format": "numeric"},
            {"text": pounds(row.paid_pence), "format": "numeric"},
            {"text": pounds(row.waiting_pence), "format": "numeric"},
            {"text": pounds(row.balance_pence), "format": "numeric"},
        ]
        for row in selectors.funds_for(young_person=young_person, on=today)
    ]
    payment_rows = []
    for payment in selectors.payments_for(young_person=young_person):
        action: Any = ""
        if payment.status == PaymentRequest.Status.REQUESTED and can_approve:
            action = {
                "text": "Decide",
                "href": reverse(
                    "offer:payment_decide",
                    kwargs={"pk": young_person.pk, "payment_pk": payment.pk},
                ),
            }
        elif payment.status == PaymentRequest.Status.APPROVED and can_approve:
            action = {
                "text": "Mark as paid",
                "href": reverse(
                    "offer:payment_paid", kwargs={"pk": young_person.pk, "payment_pk": payment.pk}
                ),
            }
        payment_rows.append(
            [
                timezone.localtime(payment.created_at).date(),
                payment.fund.get_payment_type_display(),
                payment.description
                + (f" (override: {payment.override_reason})" if payment.override_reason else ""),
                {"text": pounds(payment.amount_pence), "format": "numeric"},
                payment.due_on or "",
                payment.get_status_display(),
                action,
            ]
        )
    context.update(
        {
            "fund_head": [
                "Payment",
                {"text": "Entitled to", "format": "numeric"},
                {"text": "Approved", "format": "numeric"},
                {"text": "Paid", "format": "numeric"},
                {"text": "Awaiting approval", "format": "numeric"},
                {"text": "Left", "format": "numeric"},
            ],
            "fund_rows": fund_rows,
            "payment_head": [
                "Asked for",
                "Paid from",
                "What for",
                {"text": "Amount", "format": "numeric"},
                "Needed by",
                "Status",
                {"text": "Action"},
            ],
            "payment_rows": payment_rows,
            "can_request": can_request,
            "council_tax": selectors.council_tax_for(young_person=young_person),
            "can_change_council_tax": has_perm(
                "offer.change_council_tax", request.user, young_person
            ),
        }
    )
    return render(request, "offer/money.html", context)


@record_page("offer_payment_request", permission="offer.request_payment", methods=FORM)
def payment_request(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.PaymentRequestForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.payment_request_create,
        acting_user=request.user,
        young_person=young_person,
        message=lambda payment: (
            f"Payment of {pounds(payment.amount_pence)} asked for. A manager will decide on it."
        ),
        then=_money_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Ask for a payment",
            back=_money_url(young_person),
            button="Ask for approval",
        ),
    )


@record_page("offer_he_bursary", permission="offer.request_payment", methods=FORM)
def he_bursary_schedule(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.HeBursaryForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.he_bursary_schedule_create,
        acting_user=request.user,
        young_person=young_person,
        # The service always makes at least one instalment.
        message=lambda payments: f"Bursary set up in {len(payments)} instalments.",
        then=_money_url(young_person),
        page=lambda: _he_bursary_page(request, young_person, form),
    )


def _he_bursary_page(
    request: SignedInRequest, young_person: YoungPerson, form: Any
) -> HttpResponse:
    policy = OfferPolicy.current()
    return record_form_page(
        request,
        young_person,
        form,
        title="Set up the higher education bursary",
        back=_money_url(young_person),
        button="Set up the instalments",
        intro_template="offer/intros/he_bursary.html",
        bursary=pounds(policy.he_bursary_pence),
        instalments=policy.he_bursary_instalments,
    )


@record_page("offer_payment_decide", permission="offer.approve_payment", methods=FORM)
def payment_decide(
    request: SignedInRequest, young_person: YoungPerson, payment_pk: int
) -> HttpResponse:
    payment = selectors.payment_for_record(young_person=young_person, pk=payment_pk)
    form = forms.PaymentDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["decision"] == "approve":
            done = service_result(
                form,
                services.payment_approve,
                acting_user=request.user,
                payment=payment,
                override_reason=data["override_reason"],
                note=data["note"],
            )
        else:
            done = service_result(
                form,
                services.payment_refuse,
                acting_user=request.user,
                payment=payment,
                note=data["note"],
            )
        if done is not None:
            messages.success(request, f"{done.description}: {done.get_status_display()}.")
            return redirect(_money_url(young_person))
    fund_row = next(
        (
            row
            for row in selectors.funds_for(young_person=young_person, on=timezone.localdate())
            if row.payment_type == payment.fund.payment_type
        ),
        None,
    )
    return record_form_page(
        request,
        young_person,
        form,
        title="Decide on a payment",
        back=_money_url(young_person),
        button="Save decision",
        intro_template="offer/intros/decide.html",
        payment=payment,
        amount=pounds(payment.amount_pence),
        left=pounds(fund_row.balance_pence) if fund_row else "",
    )


@record_page("offer_payment_paid", permission="offer.approve_payment", methods=FORM)
def payment_paid(
    request: SignedInRequest, young_person: YoungPerson, payment_pk: int
) -> HttpResponse:
    payment = selectors.payment_for_record(young_person=young_person, pk=payment_pk)
    form = forms.ConfirmForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.payment_mark_paid,
        acting_user=request.user,
        payment=payment,
        message=f"{payment.description} marked as paid.",
        then=_money_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Mark a payment as paid",
            back=_money_url(young_person),
            button="Mark as paid",
            intro_template="offer/intros/paid.html",
            payment=payment,
            amount=pounds(payment.amount_pence),
        ),
    )


# Council tax ----------------------------------------------------------------------------------


@record_page("offer_council_tax", permission="offer.change_council_tax", methods=FORM)
def council_tax_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.CouncilTaxForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.council_tax_save,
        acting_user=request.user,
        young_person=young_person,
        message="Council tax exemption recorded.",
        then=_money_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Council tax exemption",
            back=_money_url(young_person),
        ),
    )


@record_page("offer_council_tax", permission="offer.change_council_tax", methods=FORM)
def council_tax_edit(
    request: SignedInRequest, young_person: YoungPerson, exemption_pk: int
) -> HttpResponse:
    exemption = selectors.council_tax_for_record(young_person=young_person, pk=exemption_pk)
    initial = {name: getattr(exemption, name) for name in services.COUNCIL_TAX_FIELDS}
    initial["version"] = exemption.version
    form = forms.CouncilTaxEditForm(request.POST or None, initial=initial)
    return saved_then_redirect(
        request,
        form,
        services.council_tax_save,
        acting_user=request.user,
        young_person=young_person,
        exemption=exemption,
        message="Council tax exemption updated.",
        then=_money_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Council tax exemption",
            back=_money_url(young_person),
        ),
    )


# Documents ------------------------------------------------------------------------------------


@record_page("offer_documents")
def documents(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context = _record_context(request, young_person, "documents")
    can_change = has_perm("offer.change_documents", request.user, young_person)
    rows = []
    for row in selectors.documents_checklist_for(young_person=young_person):
        document = row.document
        rows.append(
            [
                row.label,
                document.get_status_display() if document else "Not recorded",
                document.dated if document and document.dated else "",
                document.get_original_held_by_display()
                if document and document.original_held_by
                else "",
                {
                    "text": "Change",
                    "href": reverse(
                        "offer:document_edit", kwargs={"pk": young_person.pk, "kind": row.kind}
                    ),
                }
                if can_change
                else "",
            ]
        )
    context.update(
        {
            "head": ["Document", "Status", "Date", "Original held by", {"text": "Action"}],
            "rows": rows,
        }
    )
    return render(request, "offer/documents.html", context)


@record_page("offer_document_edit", permission="offer.change_documents", methods=FORM)
def document_edit(request: SignedInRequest, young_person: YoungPerson, kind: str) -> HttpResponse:
    labels = dict(DocumentKind.choices)
    if kind not in labels:
        raise Http404("No such document")
    current = next(
        (
            row.document
            for row in selectors.documents_checklist_for(young_person=young_person)
            if row.kind == kind
        ),
        None,
    )
    initial = (
        {
            "status": current.status,
            "dated": current.dated,
            "original_held_by": current.original_held_by,
            "notes": current.notes,
            "version": current.version,
        }
        if current
        else {"version": 0}
    )
    form = forms.DocumentForm(request.POST or None, initial=initial)
    back = reverse("offer:documents", kwargs={"pk": young_person.pk})
    return saved_then_redirect(
        request,
        form,
        services.document_save,
        acting_user=request.user,
        young_person=young_person,
        kind=kind,
        message=f"{labels[kind]} updated.",
        then=back,
        page=lambda: record_form_page(
            request, young_person, form, title=str(labels[kind]), back=back
        ),
    )


# The catalogue -------------------------------------------------------------------------------


@rule_required("offer.view_catalogue")
def catalogue(request: SignedInRequest) -> HttpResponse:
    version = selectors.published_version()
    return render(
        request,
        "offer/catalogue.html",
        {
            "version": version,
            "areas": [
                (area, [{"item": item, "amount": pounds(item.amount_pence)} for item in items])
                for area, items in selectors.items_by_area(selectors.items_of(version))
            ],
            "can_edit": has_perm("offer.change_catalogue", request.user),
            "draft": selectors.draft_version(),
        },
    )


@rule_required("offer.view_catalogue")
def version_list(request: SignedInRequest) -> HttpResponse:
    rows = [
        [
            {
                "text": f"Version {version.number}",
                "href": reverse("offer:version_detail", kwargs={"version_pk": version.pk}),
            },
            version.get_status_display(),
            version.published_on or "",
            version.item_count,  # type: ignore[attr-defined]
            version.change_summary,
        ]
        for version in selectors.versions()
    ]
    return render(
        request,
        "offer/version_list.html",
        {
            "head": [
                "Version",
                "Status",
                "Published",
                {"text": "Items", "format": "numeric"},
                "What changed",
            ],
            "rows": rows,
            "can_edit": has_perm("offer.change_catalogue", request.user),
        },
    )


@rule_required("offer.view_catalogue")
def version_detail(request: SignedInRequest, version_pk: int) -> HttpResponse:
    version = selectors.version_for_page(pk=version_pk)
    can_edit = (
        has_perm("offer.change_catalogue", request.user)
        and version.status == OfferVersion.Status.DRAFT
    )
    rows = [
        [
            {
                "text": item.title,
                "href": reverse(
                    "offer:item_edit", kwargs={"version_pk": version.pk, "item_pk": item.pk}
                ),
            }
            if can_edit
            else item.title,
            Area(item.area).label,
            {"text": pounds(item.amount_pence), "format": "numeric"},
            item.limit_text,
            ", ".join(f"{k}: {v}" for k, v in (item.rule or {}).items()) or "Everyone",
        ]
        for item in selectors.items_of(version)
    ]
    return render(
        request,
        "offer/version_detail.html",
        {
            "version": version,
            "head": [
                "Item",
                "Area",
                {"text": "Amount", "format": "numeric"},
                "Limits",
                "Who it is for",
            ],
            "rows": rows,
            "can_edit": can_edit,
        },
    )


@rule_required("offer.change_catalogue")
def draft_create(request: SignedInRequest) -> HttpResponse:
    form = forms.DraftForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.offer_draft_create,
        acting_user=request.user,
        message=lambda draft: f"Version {draft.number} started as a draft.",
        then=lambda draft: reverse("offer:version_detail", kwargs={"version_pk": draft.pk}),
        page=lambda: _page(
            request,
            form,
            title="Start a new version of the offer",
            back=reverse("offer:version_list"),
            button="Start the draft",
        ),
    )


def _draft(version_pk: int) -> OfferVersion:
    return get_object_or_404(OfferVersion, pk=version_pk, status=OfferVersion.Status.DRAFT)


def _item_initial(item: CatalogueItem) -> dict[str, Any]:
    import json

    return {
        "key": item.key,
        "title": item.title,
        "area": item.area,
        "summary": item.summary,
        "how_to_get_it": item.how_to_get_it,
        "amount_pence": forms.pence_as_pounds(item.amount_pence),
        "limit_text": item.limit_text,
        "payment_type": item.payment_type,
        "rule": json.dumps(item.rule) if item.rule else "",
        "order": item.order,
    }


@rule_required("offer.change_catalogue")
def item_add(request: SignedInRequest, version_pk: int) -> HttpResponse:
    version = _draft(version_pk)
    form = forms.CatalogueItemForm(request.POST or None)
    back = reverse("offer:version_detail", kwargs={"version_pk": version.pk})
    return saved_then_redirect(
        request,
        form,
        services.catalogue_item_save,
        acting_user=request.user,
        version=version,
        message="Item added.",
        then=back,
        page=lambda: _page(
            request,
            form,
            title="Add an item",
            back=back,
            caption=f"Version {version.number} (draft)",
        ),
    )


@rule_required("offer.change_catalogue")
def item_edit(request: SignedInRequest, version_pk: int, item_pk: int) -> HttpResponse:
    version = _draft(version_pk)
    item = get_object_or_404(CatalogueItem, pk=item_pk, version=version)
    form = forms.CatalogueItemForm(request.POST or None, initial=_item_initial(item))
    back = reverse("offer:version_detail", kwargs={"version_pk": version.pk})
    return saved_then_redirect(
        request,
        form,
        services.catalogue_item_save,
        acting_user=request.user,
        version=version,
        item=item,
        # The service changes `item` itself: its title is the one just saved.
        message=lambda saved: f"{saved.title} saved.",
        then=back,
        page=lambda: _page(
            request,
            form,
            title=f"Change {item.title}",
            back=back,
            caption=f"Version {version.number} (draft)",
        ),
    )


@rule_required("offer.change_catalogue")
def version_publish(request: SignedInRequest, version_pk: int) -> HttpResponse:
    version = _draft(version_pk)
    form = forms.PublishForm(request.POST or None, initial={"published_on": timezone.localdate()})
    return saved_then_redirect(
        request,
        form,
        services.offer_version_publish,
        acting_user=request.user,
        version=version,
        message=f"Version {version.number} published.",
        then=reverse("offer:catalogue"),
        page=lambda: _page(
            request,
            form,
            title=f"Publish version {version.number}",
            back=reverse("offer:version_detail", kwargs={"version_pk": version.pk}),
            button="Publish",
        ),
    )


@rule_required("offer.change_policy")
def policy(request: SignedInRequest) -> HttpResponse:
    current = OfferPolicy.current()
    initial = {
        name: (
            forms.pence_as_pounds(getattr(current, name))
            if name.endswith("_pence")
            else getattr(current, name)
        )
        for name in services.POLICY_FIELDS
    }
    form = forms.PolicyForm(request.POST or None, initial=initial)
    return saved_then_redirect(
        request,
        form,
        services.policy_update,
        acting_user=request.user,
        message="Money policy saved. It applies to funds opened from now.",
        then=reverse("offer:catalogue"),
        page=lambda: _page(request, form, title="Money policy", back=reverse("offer:catalogue")),
    )


# Reports ---------------------------------------------------------------------------------------


@rule_required("offer.view_spend_report")
def spend_report(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    form = forms.MonthForm(request.GET or None)
    year, month = today.year, today.month
    if form.is_valid() and form.cleaned_data.get("month"):
        year, month = (int(part) for part in form.cleaned_data["month"].split("-"))
        if not 1 <= month <= 12:
            year, month = today.year, today.month
    rows = selectors.spend_report(user=request.user, year=year, month=month)
    by_type: dict[str, int] = {}
    for row in rows:
        by_type[row.label] = by_type.get(row.label, 0) + row.total_pence
    previous = datetime.date(year, month, 1) - datetime.timedelta(days=1)
    return render(
        request,
        "offer/spend_report.html",
        {
            "month_name": datetime.date(year, month, 1).strftime("%B %Y"),
            "head": [
                "Team",
                "Payment",
                {"text": "Payments", "format": "numeric"},
                {"text": "Approved", "format": "numeric"},
            ],
            "rows": [
                [
                    row.team,
                    row.label,
                    row.count,
                    {"text": pounds(row.total_pence), "format": "numeric"},
                ]
                for row in rows
            ],
            "type_head": ["Payment", {"text": "Approved", "format": "numeric"}],
            "type_rows": [
                [label, {"text": pounds(total), "format": "numeric"}]
                for label, total in sorted(by_type.items())
            ],
            "total": pounds(sum(by_type.values())),
            "previous_href": reverse("offer:spend_report") + f"?month={previous:%Y-%m}",
            "previous_name": previous.strftime("%B %Y"),
        },
    )


@rule_required("offer.view_documents_report")
def documents_report(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    sections = []
    for age in (17, 18):
        lacking = selectors.documents_lacking(user=request.user, on=today, age=age)
        page = Paginator(lacking, DOCUMENTS_PAGE_SIZE).get_page(request.GET.get(f"age_{age}_page"))
        rows = [
            [
                {
                    "text": row.young_person.display_name,
                    "href": reverse("offer:documents", kwargs={"pk": row.young_person.pk}),
                },
                row.young_person.team.name if row.young_person.team else "No team",
                ", ".join(row.missing),
            ]
            for row in selectors.lacking_rows(page.object_list, age=age)
        ]
        sections.append(
            {
                "caption": f"Aged {age}",
                "rows": rows,
                "page": page,
                "page_param": f"age_{age}_page",
                "page_label": f"Aged {age}: pages",
            }
        )
    return render(
        request,
        "offer/documents_report.html",
        {
            "head": ["Young person", "Team", "What they lack"],
            "sections": sections,
            "today": format_date(today),
        },
    )


# Groups ----------------------------------------------------------------------------------------


@rule_required("offer.view_groups")
def group_list(request: SignedInRequest) -> HttpResponse:
    rows = [
        [
            {
                "text": activity.name,
                "href": reverse("offer:group_detail", kwargs={"group_pk": activity.pk}),
            },
            Area(activity.area).label,
            activity.when_and_where,
            {"text": activity.session_count, "format": "numeric"},  # type: ignore[attr-defined]
            "Running" if activity.is_running else "Ended",
        ]
        for activity in selectors.group_activities()
    ]
    return render(
        request,
        "offer/group_list.html",
        {
            "head": [
                "Group",
                "Area",
                "When and where",
                {"text": "Sessions", "format": "numeric"},
                "Status",
            ],
            "rows": rows,
            "can_change": has_perm("offer.change_groups", request.user),
        },
    )


@rule_required("offer.change_groups")
def group_add(request: SignedInRequest) -> HttpResponse:
    form = forms.GroupActivityForm(request.POST or None)
    activity = submitted(request, form, services.group_activity_create, acting_user=request.user)
    if activity is not None:
        return redirect("offer:group_detail", group_pk=activity.pk)
    return _page(
        request, form, title="Add a group", back=reverse("offer:group_list"), caption="Groups"
    )


@rule_required("offer.view_groups")
def group_detail(request: SignedInRequest, group_pk: int) -> HttpResponse:
    activity = selectors.group_activity_for_page(pk=group_pk)
    rows = [
        [
            {
                "text": session.held_on,
                "href": reverse(
                    "offer:session_detail",
                    kwargs={"group_pk": activity.pk, "session_pk": session.pk},
                ),
            },
            {"text": session.attended, "format": "numeric"},  # type: ignore[attr-defined]
            session.notes,
        ]
        for session in selectors.sessions_of(activity)
    ]
    return render(
        request,
        "offer/group_detail.html",
        {
            "activity": activity,
            "area": Area(activity.area).label,
            "head": ["Session", {"text": "Came", "format": "numeric"}, "Notes"],
            "rows": rows,
            "can_change": has_perm("offer.change_groups", request.user),
        },
    )


@rule_required("offer.change_groups")
def session_add(request: SignedInRequest, group_pk: int) -> HttpResponse:
    activity = selectors.group_activity_for_page(pk=group_pk)
    form = forms.GroupSessionForm(request.POST or None, team=activity.team, user=request.user)
    session = submitted(
        request, form, services.group_session_create, acting_user=request.user, activity=activity
    )
    if session is not None:
        return redirect("offer:session_detail", group_pk=activity.pk, session_pk=session.pk)
    return _page(
        request,
        form,
        title="Add a session",
        back=reverse("offer:group_detail", kwargs={"group_pk": activity.pk}),
        caption=activity.name,
    )


@rule_required("offer.view_groups")
def session_detail(request: SignedInRequest, group_pk: int, session_pk: int) -> HttpResponse:
    activity = selectors.group_activity_for_page(pk=group_pk)
    session = selectors.session_for_page(activity=activity, pk=session_pk)
    can_change = has_perm("offer.change_groups", request.user)
    form = forms.AttendanceForm(request.POST or None) if can_change else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            young_person = selectors.visible_young_person_by_child_id(
                user=request.user, child_id=form.cleaned_data["child_id"]
            )
            if young_person is None:
                form.add_error("child_id", "No young person you can see has this council child ID")
            elif service_result(
                form,
                services.attendance_record,
                acting_user=request.user,
                session=session,
                young_person=young_person,
                rating=form.cleaned_data["rating"],
                feedback=form.cleaned_data["feedback"],
            ):
                messages.success(request, f"{young_person.display_name} recorded as coming.")
                return redirect(
                    "offer:session_detail", group_pk=activity.pk, session_pk=session.pk
                )
    rows = [
        [
            attendance.young_person.display_name,
            attendance.get_rating_display() if attendance.rating else "",
            attendance.feedback,
        ]
        for attendance in selectors.attendance_visible_to(user=request.user, session=session)
    ]
    return render(
        request,
        "offer/session_detail.html",
        {
            "activity": activity,
            "session": session,
            "form": form,
            "head": ["Young person", "How they found it", "What they said"],
            "rows": rows,
        },
    )
