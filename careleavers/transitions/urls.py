from django.urls import path

from careleavers.transitions import views

app_name = "transitions"

RECORD = "young-people/<int:pk>/transitions/"
REFERRAL = RECORD + "referrals/<int:referral_pk>/"

urlpatterns = [
    # A young person's referrals, transition plan and health.
    path(RECORD, views.young_person, name="young_person"),
    path(RECORD + "health/", views.health_edit, name="health_edit"),
    path(RECORD + "referrals/new/", views.referral_create, name="referral_create"),
    path(REFERRAL, views.referral_detail, name="referral_detail"),
    path(REFERRAL + "progress/", views.referral_progress, name="referral_progress"),
    path(REFERRAL + "decision/", views.referral_decision, name="referral_decision"),
    path(REFERRAL + "support/", views.referral_support, name="referral_support"),
    path(REFERRAL + "withdraw/", views.referral_withdraw, name="referral_withdraw"),
    path(REFERRAL + "chases/new/", views.chase_add, name="chase_add"),
    path(RECORD + "plan/", views.plan_edit, name="plan_edit"),
    path(RECORD + "plan/milestones/new/", views.milestone_add, name="milestone_add"),
    path(
        RECORD + "plan/milestones/<int:milestone_pk>/",
        views.milestone_edit,
        name="milestone_edit",
    ),
    # The managers' view.
    path("transitions/waits/", views.waits, name="waits"),
    path("transitions/waits/waiting.svg", views.waiting_chart, name="waiting_chart"),
    path("transitions/waits/monthly.svg", views.monthly_chart, name="monthly_chart"),
    path("transitions/thresholds-not-met/", views.not_met, name="not_met"),
    path("transitions/planning/", views.planning, name="planning"),
]
