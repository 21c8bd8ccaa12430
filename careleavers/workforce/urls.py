from django.urls import path

from careleavers.workforce import views

app_name = "workforce"

RECORD = "supervision/<int:pk>/"
POST = "posts/<int:pk>/"
STAFF = "staff/<int:pk>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("me/", views.my_supervision, name="my_supervision"),
    # Supervision records.
    path("supervision/", views.supervision_list, name="supervision_list"),
    path("supervision/new/", views.supervision_choose, name="supervision_choose"),
    path("supervision/new/<int:worker_pk>/", views.supervision_add, name="supervision_add"),
    path(RECORD, views.supervision_detail, name="supervision_detail"),
    path(f"{RECORD}comment/", views.supervision_respond, name="supervision_respond"),
    path(f"{RECORD}actions/new/", views.supervision_action_add, name="supervision_action_add"),
    path(
        f"{RECORD}actions/<int:action_pk>/done/",
        views.supervision_action_done,
        name="supervision_action_done",
    ),
    path(f"{RECORD}grade/", views.supervision_grade, name="supervision_grade"),
    path("supervision/sample/", views.supervision_sample, name="supervision_sample"),
    # Supervision reports.
    path("supervision/quality/", views.supervision_quality, name="supervision_quality"),
    path("supervision/quality/chart.svg", views.quality_chart, name="quality_chart"),
    path("supervision/frequency/", views.supervision_frequency, name="supervision_frequency"),
    # Caseloads.
    path("caseloads/", views.caseloads, name="caseloads"),
    path("caseloads/chart.svg", views.caseload_chart, name="caseload_chart"),
    # Posts, employment, staff, absence and training.
    path("posts/", views.posts, name="posts"),
    path("posts/new/", views.post_add, name="post_add"),
    path(POST, views.post_detail, name="post_detail"),
    path(f"{POST}edit/", views.post_edit, name="post_edit"),
    path(f"{POST}holders/new/", views.employment_add, name="employment_add"),
    path("employment/<int:pk>/end/", views.employment_end, name="employment_end"),
    path("staff/", views.staff, name="staff"),
    path(STAFF, views.staff_detail, name="staff_detail"),
    path(f"{STAFF}absence/new/", views.absence_add, name="absence_add"),
    path("absence/<int:pk>/end/", views.absence_end, name="absence_end"),
    path(f"{STAFF}training/new/", views.training_add, name="training_add"),
    path("training/", views.training, name="training"),
    # Trends.
    path("trends/", views.trends, name="trends"),
    path("trends/<slug:chart>.svg", views.trends_chart, name="trends_chart"),
]
