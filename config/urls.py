from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from careleavers.accounts import views as accounts_views
from careleavers.core import views as core_views
from careleavers.portal import views as portal_views

# The admin has no sign-in form of its own: it sends people to the service's sign-in (password and
# authenticator code), so an administrator's session always passed the second factor.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

handler403 = "careleavers.core.views.permission_denied"
handler404 = "careleavers.core.views.page_not_found"
handler500 = "careleavers.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # A text invitation's short link (careleavers/portal/selectors.py, SHORT_CODE_ALPHABET).
    path("i/<str:token>", portal_views.accept_short, name="invitation_short"),
    # Before allauth's: the service's own page for the sign-in address replaces allauth's.
    path("accounts/email/", accounts_views.email_change, name="account_email"),
    # allauth's page for the mobile a young person signs in with; staff do not have one.
    path("accounts/phone/change/", accounts_views.phone_change, name="account_change_phone"),
    path("accounts/users/", include("careleavers.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("young-people/", include("careleavers.people.urls")),
    path("", include("careleavers.plans.urls")),
    path("returns/", include("careleavers.returns.urls")),
    path("", include("careleavers.accommodation.urls")),
    path("", include("careleavers.learning.urls")),
    path("", include("careleavers.transitions.urls")),
    path("", include("careleavers.offer.urls")),
    path("quality/", include("careleavers.quality.urls")),
    path("workforce/", include("careleavers.workforce.urls")),
    path("insight/", include("careleavers.insight.urls")),
    path("my/", include("careleavers.portal.urls")),
    path("", include("careleavers.casework.urls")),
    path("data-protection/", include("careleavers.dataprotection.urls")),
    path("", include("careleavers.core.urls")),
]
