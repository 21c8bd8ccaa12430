"""The request type of a page behind sign-in.

Django's `LoginRequiredMiddleware` turns away anyone not signed in before a view runs, unless
the view is marked `login_not_required`. So on every other page `request.user` is a real
account, never `AnonymousUser`: views annotate `request: SignedInRequest` and can pass
`request.user` to a service as its `acting_user` without a cast.
"""

from __future__ import annotations

from django.http import HttpRequest

from careleavers.accounts.models import User


class SignedInRequest(HttpRequest):
    user: User
