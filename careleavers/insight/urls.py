from django.urls import path

from careleavers.insight import views

app_name = "insight"

FIGURE = "figures/<slug:key>/"

urlpatterns = [
    path("", views.index, name="index"),
    # Dashboards.
    path("service/", views.service, name="service"),
    path("teams/", views.teams, name="teams"),
    path("teams/<int:pk>/", views.team, name="team"),
    path("my-caseload/", views.my_caseload, name="my_caseload"),
    path("workers/<int:pk>/", views.worker, name="worker"),
    path("dashboard.xlsx", views.dashboard_xlsx, name="dashboard_xlsx"),
    # One figure in a scope (?scope=service, team-3 or worker-7).
    path(FIGURE, views.figure, name="figure"),
    path(f"{FIGURE}trend.svg", views.chart, name="chart"),
    path(f"{FIGURE}rows/", views.members, name="members"),
    path(f"{FIGURE}rows.xlsx", views.members_xlsx, name="members_xlsx"),
    path("lists/files/<int:pk>/", views.members_progress, name="members_progress"),
    path("lists/files/<int:pk>/download/", views.members_file, name="members_file"),
    # Definitions, targets and benchmarks.
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/<slug:key>/", views.indicator_detail, name="indicator_detail"),
    path("targets/", views.targets, name="targets"),
    path("targets/<slug:key>/", views.target_set, name="target_set"),
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("benchmarks/upload/", views.benchmark_upload, name="benchmark_upload"),
    # The self-assessment pack.
    path("self-assessment/", views.pack_page, name="pack"),
    path("self-assessment.pdf", views.pack_pdf, name="pack_pdf"),
    path("self-assessment/files/<int:pk>/", views.pack_progress, name="pack_progress"),
    path("self-assessment/files/<int:pk>/download/", views.pack_file, name="pack_file"),
]
