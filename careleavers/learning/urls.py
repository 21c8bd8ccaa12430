from django.urls import path

from careleavers.learning import views

app_name = "learning"

RECORD = "young-people/<int:pk>/eet/"
PANEL = "eet/panel/"

urlpatterns = [
    # One young person's education, employment and training.
    path(RECORD, views.record, name="record"),
    path(f"{RECORD}activities/new/", views.activity_add, name="activity_add"),
    path(f"{RECORD}activities/<int:activity_pk>/end/", views.activity_end, name="activity_end"),
    path(
        f"{RECORD}activities/<int:activity_pk>/recorded-in-error/",
        views.activity_archive,
        name="activity_archive",
    ),
    path(f"{RECORD}neet-reasons/new/", views.neet_reason_add, name="neet_reason_add"),
    path(
        f"{RECORD}neet-reasons/<int:reason_pk>/resolved/",
        views.neet_reason_resolve,
        name="neet_reason_resolve",
    ),
    path(f"{RECORD}peps/<int:pep_pk>/", views.pep_detail, name="pep_detail"),
    path(f"{RECORD}peps/<int:pep_pk>/complete/", views.pep_complete, name="pep_complete"),
    path(f"{RECORD}peps/<int:pep_pk>/review/", views.pep_review, name="pep_review"),
    path(f"{RECORD}peps/<int:pep_pk>/targets/new/", views.pep_target_add, name="pep_target_add"),
    # The service's EET work: the panel, themes, rates and PEPs.
    path("eet/", views.index, name="index"),
    path(PANEL, views.panel_list, name="panel_list"),
    path(f"{PANEL}new/", views.panel_create, name="panel_create"),
    path(f"{PANEL}<int:meeting_pk>/", views.panel_detail, name="panel_detail"),
    path(f"{PANEL}<int:meeting_pk>/agenda/", views.panel_agenda_build, name="panel_agenda_build"),
    path(
        f"{PANEL}<int:meeting_pk>/attendance/new/",
        views.panel_attendee_add,
        name="panel_attendee_add",
    ),
    path(f"{PANEL}<int:meeting_pk>/cases/<int:case_pk>/", views.panel_case, name="panel_case"),
    path(
        f"{PANEL}<int:meeting_pk>/cases/<int:case_pk>/actions/new/",
        views.panel_action_add,
        name="panel_action_add",
    ),
    path(
        f"{PANEL}actions/<int:action_pk>/done/",
        views.panel_action_complete,
        name="panel_action_complete",
    ),
    path("eet/themes/", views.themes, name="themes"),
    path("eet/rates/", views.eet_rates, name="eet_rates"),
    path("eet/peps/", views.pep_report, name="pep_report"),
    path("eet/charts/<slug:chart>.svg", views.chart, name="chart"),
]
