"""The service's URLs plus two reference pages measured in the same run:

- the floor: the cheapest page Django can serve through the same middleware (sessions, sign-in,
  CSP, lockout), so every page's time is also a ratio to it;
- an empty page in the service's layout (header, navigation, footer, no data), which shows what
  the GOV.UK page template alone costs before a page reads anything.
"""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as service_urlpatterns


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


EMPTY_PAGE = engines["django"].from_string(
    '{% extends "layouts/base.html" %}{% block title %}Empty page{% endblock %}'
    '{% block content %}<h1 class="govuk-heading-l">Empty page</h1>{% endblock %}'
)


def empty_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(EMPTY_PAGE.render({}, request))


urlpatterns = [
    path("benchmark/floor", floor, name="benchmark_floor"),
    path("benchmark/empty", empty_page, name="benchmark_empty"),
    *service_urlpatterns,
]
