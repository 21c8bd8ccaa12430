"""The service's URLs plus the floor: the cheapest page Django can serve through the same
middleware (sessions, sign-in, CSP, lockout), so every page's time is also a ratio to it."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as service_urlpatterns


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("benchmark/floor", floor, name="benchmark_floor"), *service_urlpatterns]
