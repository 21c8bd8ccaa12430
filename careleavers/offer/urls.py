from django.urls import path

from careleavers.offer import views

app_name = "offer"

RECORD = "young-people/<int:pk>/offer/"
VERSION = "offer/versions/<int:version_pk>/"
GROUP = "offer/groups/<int:group_pk>/"

urlpatterns = [
    # One young person: their personal statement, money, council tax and documents.
    path(RECORD, views.statement, name="statement"),
    path(f"{RECORD}print/", views.statement_print, name="statement_print"),
    path(f"{RECORD}explained/", views.offer_explained_add, name="offer_explained_add"),
    path(f"{RECORD}money/", views.money, name="money"),
    path(f"{RECORD}money/new/", views.payment_request, name="payment_request"),
    path(f"{RECORD}money/he-bursary/", views.he_bursary_schedule, name="he_bursary_schedule"),
    path(f"{RECORD}money/<int:payment_pk>/decide/", views.payment_decide, name="payment_decide"),
    path(f"{RECORD}money/<int:payment_pk>/paid/", views.payment_paid, name="payment_paid"),
    path(f"{RECORD}council-tax/new/", views.council_tax_add, name="council_tax_add"),
    path(
        f"{RECORD}council-tax/<int:exemption_pk>/", views.council_tax_edit, name="council_tax_edit"
    ),
    path(f"{RECORD}documents/", views.documents, name="documents"),
    path(f"{RECORD}documents/<slug:kind>/", views.document_edit, name="document_edit"),
    # The catalogue and its versions.
    path("offer/", views.catalogue, name="catalogue"),
    path("offer/versions/", views.version_list, name="version_list"),
    path("offer/versions/new/", views.draft_create, name="draft_create"),
    path(VERSION, views.version_detail, name="version_detail"),
    path(f"{VERSION}items/new/", views.item_add, name="item_add"),
    path(f"{VERSION}items/<int:item_pk>/", views.item_edit, name="item_edit"),
    path(f"{VERSION}publish/", views.version_publish, name="version_publish"),
    path("offer/policy/", views.policy, name="policy"),
    # Reports.
    path("offer/spend/", views.spend_report, name="spend_report"),
    path("offer/documents/", views.documents_report, name="documents_report"),
    # Group activities.
    path("offer/groups/", views.group_list, name="group_list"),
    path("offer/groups/new/", views.group_add, name="group_add"),
    path(GROUP, views.group_detail, name="group_detail"),
    path(f"{GROUP}sessions/new/", views.session_add, name="session_add"),
    path(f"{GROUP}sessions/<int:session_pk>/", views.session_detail, name="session_detail"),
]
