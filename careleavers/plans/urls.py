from django.urls import path

from careleavers.plans import views

app_name = "plans"

urlpatterns = [
    # A young person's plans, assessments, reviews and history.
    path("young-people/<int:pk>/plans/", views.young_person_plans, name="young_person_plans"),
    path("young-people/<int:pk>/plans/start/", views.plan_start, name="plan_start"),
    path(
        "young-people/<int:pk>/plans/assessments/start/",
        views.assessment_start,
        name="assessment_start",
    ),
    path("young-people/<int:pk>/plans/history/", views.plan_history, name="plan_history"),
    path("young-people/<int:pk>/plans/compare/", views.plan_compare, name="plan_compare"),
    path(
        "young-people/<int:pk>/plans/reviews/request/",
        views.review_request,
        name="review_request",
    ),
    path("young-people/<int:pk>/plans/reviews/record/", views.review_record, name="review_record"),
    # One needs assessment.
    path(
        "plans/assessments/<int:assessment_pk>/",
        views.assessment_detail,
        name="assessment_detail",
    ),
    path(
        "plans/assessments/<int:assessment_pk>/complete/",
        views.assessment_complete,
        name="assessment_complete",
    ),
    # One plan.
    path("plans/<int:plan_pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:plan_pk>/sections/<slug:key>/", views.section_edit, name="section_edit"),
    path(
        "plans/<int:plan_pk>/sections/<slug:key>/actions/add/",
        views.action_add,
        name="action_add",
    ),
    path("plans/<int:plan_pk>/actions/<int:action_pk>/", views.action_edit, name="action_edit"),
    path("plans/<int:plan_pk>/goals/add/", views.goal_add, name="goal_add"),
    path("plans/<int:plan_pk>/goals/<int:goal_pk>/", views.goal_edit, name="goal_edit"),
    path("plans/<int:plan_pk>/submit/", views.plan_submit, name="plan_submit"),
    path("plans/<int:plan_pk>/decision/", views.plan_decide, name="plan_decide"),
    path("plans/<int:plan_pk>/share/", views.plan_share, name="plan_share"),
    path("plans/<int:plan_pk>/pathway-plan.pdf", views.plan_pdf, name="plan_pdf"),
    # Managers.
    path("plans/awaiting-authorisation/", views.manager_view, name="manager_view"),
]
