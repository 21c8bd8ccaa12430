from django.urls import path

from careleavers.casework import appointment_views, duty_views, views, work_tray_views

app_name = "casework"

urlpatterns = [
    path("work-tray/", work_tray_views.work_tray, name="work_tray"),
    path("work-tray/batch/", work_tray_views.work_tray_batch, name="work_tray_batch"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
    path("caseloads/", views.caseloads, name="caseloads"),
    path("caseloads/teams/<int:pk>/", views.team_caseload, name="team_caseload"),
    path("caseloads/workers/<int:pk>/", views.worker_caseload, name="worker_caseload"),
    path(
        "caseloads/workers/<int:pk>/move/", views.worker_caseload_move, name="worker_caseload_move"
    ),
    path("young-people/<int:pk>/allocation/", views.allocation_history, name="allocation_history"),
    path(
        "young-people/<int:pk>/allocation/change/",
        views.allocation_change,
        name="allocation_change",
    ),
    path("handovers/<int:pk>/cancel/", views.handover_cancel, name="handover_cancel"),
    path("young-people/<int:pk>/contacts/", views.contact_list, name="contact_list"),
    path("young-people/<int:pk>/contacts/add/", views.contact_add, name="contact_add"),
    path(
        "young-people/<int:pk>/keeping-in-touch/add/",
        views.keeping_in_touch_add,
        name="keeping_in_touch_add",
    ),
    path(
        "keeping-in-touch/<int:pk>/end/", views.keeping_in_touch_end, name="keeping_in_touch_end"
    ),
    path(
        "young-people/<int:pk>/appointments/",
        appointment_views.appointment_list,
        name="appointment_list",
    ),
    path(
        "young-people/<int:pk>/appointments/book/",
        appointment_views.appointment_book,
        name="appointment_book",
    ),
    path(
        "appointments/<int:pk>/change/",
        appointment_views.appointment_move,
        name="appointment_move",
    ),
    path(
        "appointments/<int:pk>/cancel/",
        appointment_views.appointment_cancel,
        name="appointment_cancel",
    ),
    path("contacts/<int:pk>/", views.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/correct/", views.contact_correct, name="contact_correct"),
    path("contacts/<int:pk>/amend/", views.contact_amend, name="contact_amend"),
    path("young-people/<int:pk>/case-notes/", views.case_note_list, name="case_note_list"),
    path("young-people/<int:pk>/case-notes/add/", views.case_note_add, name="case_note_add"),
    path("young-people/<int:pk>/alerts/", views.alert_list, name="alert_list"),
    path("young-people/<int:pk>/alerts/add/", views.alert_add, name="alert_add"),
    path("alerts/<int:pk>/end/", views.alert_end, name="alert_end"),
    path("duty/", views.duty_log, name="duty_log"),
    path("duty/add/", views.duty_add, name="duty_add"),
    path("duty/<int:pk>/", views.duty_detail, name="duty_detail"),
    path("duty/rota/", duty_views.duty_rota, name="duty_rota"),
    path("duty/rota/add/", duty_views.duty_rota_add, name="duty_rota_add"),
    path("duty/rota/<int:pk>/change/", duty_views.duty_rota_change, name="duty_rota_change"),
    path("duty/rota/<int:pk>/remove/", duty_views.duty_rota_remove, name="duty_rota_remove"),
    path("duty/office-hours/", duty_views.duty_settings, name="duty_settings"),
    path("duty/not-safe/<int:pk>/", duty_views.duty_alert, name="duty_alert"),
]
