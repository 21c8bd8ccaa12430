from django.urls import path

from careleavers.dataprotection import views

app_name = "dataprotection"

SAR = "subject-access/<int:sar_pk>/"

urlpatterns = [
    path("", views.index, name="index"),
    # Subject access requests (UK GDPR Art. 15).
    path("subject-access/", views.sar_list, name="sar_list"),
    path("subject-access/new/", views.sar_create, name="sar_create"),
    path(SAR, views.sar_detail, name="sar_detail"),
    path(f"{SAR}file/", views.sar_generate, name="sar_generate"),
    path(f"{SAR}file/download/", views.sar_download, name="sar_download"),
    path(f"{SAR}extend/", views.sar_extend, name="sar_extend"),
    path(f"{SAR}close/", views.sar_close, name="sar_close"),
    # Retention review (records kept to the 75th birthday).
    path("retention/", views.retention_report, name="retention_report"),
    path("retention/<int:pk>/", views.retention_decide, name="retention_decide"),
    # The council's policy, for administrators.
    path("policy/", views.policy, name="policy"),
]
