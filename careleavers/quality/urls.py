from django.urls import path

from careleavers.quality import views

app_name = "quality"

RECORD = "young-people/<int:pk>/"
AUDIT = "audits/<int:audit_pk>/"

urlpatterns = [
    # The audit programme.
    path("", views.programme, name="programme"),
    path("programme/completion.svg", views.completion_chart, name="completion_chart"),
    path("targets/", views.targets, name="targets"),
    # Case audits.
    path("audits/", views.audit_list, name="audit_list"),
    path(RECORD + "audits/new/", views.audit_start, name="audit_start"),
    path(AUDIT, views.audit_detail, name="audit_detail"),
    path(AUDIT + "areas/<slug:area>/", views.audit_area, name="audit_area"),
    path(AUDIT + "feedback/", views.audit_feedback, name="audit_feedback"),
    path(AUDIT + "feedback/new/", views.audit_feedback_take, name="audit_feedback_take"),
    path(AUDIT + "feedback/not-possible/", views.audit_no_feedback, name="audit_no_feedback"),
    path(AUDIT + "themes/", views.audit_themes, name="audit_themes"),
    path(AUDIT + "actions/", views.audit_actions, name="audit_actions"),
    path(
        AUDIT + "actions/<int:action_pk>/remove/",
        views.audit_action_remove,
        name="audit_action_remove",
    ),
    path(AUDIT + "overall/", views.audit_overall, name="audit_overall"),
    path(AUDIT + "complete/", views.audit_complete, name="audit_complete"),
    path(AUDIT + "moderate/", views.audit_moderate, name="audit_moderate"),
    # Actions from audits.
    path("actions/", views.action_list, name="action_list"),
    path("actions/<int:action_pk>/", views.action_detail, name="action_detail"),
    # A young person's feedback and management oversight.
    path(RECORD + "feedback/", views.feedback_list, name="feedback_list"),
    path(RECORD + "feedback/new/", views.feedback_add, name="feedback_add"),
    path(RECORD + "oversight/", views.oversight_list, name="oversight_list"),
    path(RECORD + "oversight/new/", views.oversight_add, name="oversight_add"),
    path(
        RECORD + "oversight/<int:entry_pk>/review/",
        views.oversight_review,
        name="oversight_review",
    ),
    path("oversight/", views.oversight_report, name="oversight_report"),
    # What young people said without their name, for the manager of their team.
    path("feedback-without-name/", views.anonymous_feedback_list, name="anonymous_feedback_list"),
    path(
        "feedback-without-name/<int:pk>/",
        views.anonymous_feedback_detail,
        name="anonymous_feedback_detail",
    ),
    # You said, we did.
    path("you-said-we-did/", views.you_said_list, name="you_said_list"),
    path("you-said-we-did/new/", views.you_said_add, name="you_said_add"),
    path("you-said-we-did/<int:pk>/", views.you_said_change, name="you_said_change"),
    path("you-said-we-did/<int:pk>/publish/", views.you_said_publish, name="you_said_publish"),
    path("you-said-we-did/<int:pk>/withdraw/", views.you_said_withdraw, name="you_said_withdraw"),
]
