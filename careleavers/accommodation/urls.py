from django.urls import path

from careleavers.accommodation import views

app_name = "accommodation"

RECORD = "young-people/<int:pk>/accommodation/"
APPLICATION = RECORD + "housing-applications/<int:application_pk>/"

urlpatterns = [
    # A young person's accommodation.
    path(RECORD, views.history, name="history"),
    path(RECORD + "stays/add/", views.stay_add, name="stay_add"),
    path(RECORD + "stays/<int:stay_pk>/", views.stay_detail, name="stay_detail"),
    path(RECORD + "stays/<int:stay_pk>/end/", views.stay_end, name="stay_end"),
    path(
        RECORD + "stays/<int:stay_pk>/suitability/", views.suitability_add, name="suitability_add"
    ),
    path(RECORD + "homelessness-risk/add/", views.risk_add, name="risk_add"),
    path(RECORD + "homelessness-risk/<int:risk_pk>/end/", views.risk_end, name="risk_end"),
    path(RECORD + "staying-put/add/", views.staying_put_add, name="staying_put_add"),
    path(
        RECORD + "staying-put/<int:staying_put_pk>/end/",
        views.staying_put_end,
        name="staying_put_end",
    ),
    path(RECORD + "staying-close/add/", views.staying_close_add, name="staying_close_add"),
    path(
        RECORD + "staying-close/<int:staying_close_pk>/review/",
        views.staying_close_review,
        name="staying_close_review",
    ),
    path(RECORD + "housing-applications/add/", views.application_add, name="application_add"),
    path(APPLICATION, views.application_detail, name="application_detail"),
    path(APPLICATION + "bids/add/", views.bid_add, name="bid_add"),
    path(APPLICATION + "offers/add/", views.offer_add, name="offer_add"),
    path(APPLICATION + "offers/<int:offer_pk>/decision/", views.offer_decide, name="offer_decide"),
    path(APPLICATION + "housed/", views.application_housed, name="application_housed"),
    path(APPLICATION + "close/", views.application_close, name="application_close"),
    path(RECORD + "taster-flats/book/", views.booking_add, name="booking_add"),
    path(
        RECORD + "taster-flats/<int:booking_pk>/outcome/",
        views.booking_outcome,
        name="booking_outcome",
    ),
    path(
        RECORD + "taster-flats/<int:booking_pk>/cancel/",
        views.booking_cancel,
        name="booking_cancel",
    ),
    # Across young people.
    path("housing/", views.housing, name="housing"),
    path("housing/waiting-list/", views.waiting_list, name="waiting_list"),
    path("housing/waiting-list/chart.svg", views.waiting_list_chart, name="waiting_list_chart"),
    path("housing/accommodation-concerns/", views.concerns, name="concerns"),
    path("housing/taster-flats/", views.taster_flats, name="taster_flats"),
    path("housing/taster-flats/occupancy.svg", views.occupancy_chart, name="occupancy_chart"),
]
