from django.urls import path

from careleavers.accounts import views

app_name = "accounts"

urlpatterns = [
    path("<int:pk>/sign-in-email/", views.sign_in_email_change, name="sign_in_email_change"),
]
