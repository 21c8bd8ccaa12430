from django.urls import path

from careleavers.people import views

app_name = "people"

urlpatterns = [
    path("", views.search, name="search"),
    path("add/", views.add, name="add"),
    path("<int:pk>/", views.overview, name="overview"),
    path("<int:pk>/chronology/", views.chronology, name="chronology"),
    path("<int:pk>/details/", views.details, name="details"),
    path(
        "<int:pk>/details/previous-names/add/", views.previous_name_add, name="previous_name_add"
    ),
    path("<int:pk>/details/restriction/", views.restriction, name="restriction"),
    path("<int:pk>/details/<slug:section>/", views.edit_details, name="edit_details"),
    path("<int:pk>/care-history/", views.care_history, name="care_history"),
    path("<int:pk>/care-history/episodes/add/", views.episode_add, name="episode_add"),
    path(
        "<int:pk>/care-history/episodes/<int:episode_pk>/",
        views.episode_edit,
        name="episode_edit",
    ),
    path("<int:pk>/care-history/home-periods/add/", views.home_period_add, name="home_period_add"),
    path(
        "<int:pk>/care-history/accommodated/add/",
        views.accommodated_period_add,
        name="accommodated_period_add",
    ),
    path(
        "<int:pk>/care-history/questions/<slug:question>/",
        views.category_question,
        name="category_question",
    ),
    path(
        "<int:pk>/care-history/support-choices/add/",
        views.support_choice_add,
        name="support_choice_add",
    ),
    path("<int:pk>/about-me/", views.about_me, name="about_me"),
    path("<int:pk>/about-me/write/", views.about_me_edit, name="about_me_edit"),
    path("<int:pk>/about-me/agree/", views.about_me_agree, name="about_me_agree"),
]
