from django.urls import path

from careleavers.portal import views

app_name = "portal"

# Included at /my/. The young person's own pages take no young person id: the young person is
# the one signed in. Staff pages about a young person's account sit under young-people/<pk>/.
urlpatterns = [
    path("", views.home, name="home"),
    path("plan/", views.plan, name="plan"),
    path("plan/easy-read/", views.plan_easy_read, name="plan_easy_read"),
    path("plan/<int:plan_pk>/download/", views.plan_pdf, name="plan_pdf"),
    path("plan/review/", views.plan_review, name="plan_review"),
    path("entitlements/", views.entitlements, name="entitlements"),
    path("entitlements/easy-read/", views.entitlements_easy_read, name="entitlements_easy_read"),
    path("entitlements/<slug:key>/ask/", views.entitlement_ask, name="entitlement_ask"),
    path("money/", views.money, name="money"),
    path("documents/", views.documents, name="documents"),
    path("documents/<slug:kind>/help/", views.document_help, name="document_help"),
    path("appointments/", views.appointments, name="appointments"),
    path("my-say/", views.my_say, name="my_say"),
    path("my-say/talk-about/", views.agenda, name="agenda"),
    path("my-say/feedback/", views.feedback, name="feedback"),
    path("my-say/how-are-things/", views.wellbeing, name="wellbeing"),
    path("my-say/how-are-things/thank-you/", views.wellbeing_done, name="wellbeing_done"),
    path("help-now/", views.not_safe, name="not_safe"),
    path("about-me/", views.about_me, name="about_me"),
    path("about-me/agree/", views.about_me_agree, name="about_me_agree"),
    path("about-me/write/", views.about_me_write, name="about_me_write"),
    path("about-me/change/", views.about_me_change, name="about_me_change"),
    path("support/", views.support_again, name="support_again"),
    path("requests/", views.requests, name="requests"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("account/", views.account, name="account"),
    path("language/", views.language, name="language"),
    # The invitation link, opened before the young person has an account.
    path("invitation/<str:token>/", views.accept, name="accept"),
    # Staff.
    path("young-people/<int:pk>/invite/", views.invite, name="invite"),
    path("young-people/<int:pk>/requests/", views.record_requests, name="record_requests"),
    path("staff/requests/<int:pk>/", views.request_handle, name="request_handle"),
    path("staff/outbox/", views.outbox, name="outbox"),
]
