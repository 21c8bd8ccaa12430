from django.urls import path

from careleavers.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("sections/<slug:key>/", views.nav_section, name="nav_section"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("audit/", views.audit_log, name="audit_log"),
]
