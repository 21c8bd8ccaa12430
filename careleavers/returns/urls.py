from django.urls import path

from careleavers.returns import views

app_name = "returns"

urlpatterns = [
    path("", views.index, name="index"),
    path("ssda903/<int:year>/download/", views.ssda903_download, name="ssda903_download"),
    path("ssda903/<int:year>/check/", views.ssda903_check, name="ssda903_check"),
    path("ssda903/checks/<int:pk>/", views.ssda903_check_progress, name="ssda903_check_progress"),
    path("ssda903/import/", views.ssda903_import, name="ssda903_import"),
    path("annex-a/download/", views.annex_a_download, name="annex_a_download"),
    path("files/<int:pk>/", views.export_progress, name="export_progress"),
    path("files/<int:pk>/download/", views.export_file, name="export_file"),
    path(
        "young-people/<int:pk>/care-history-check/",
        views.care_history_check,
        name="care_history_check",
    ),
]
