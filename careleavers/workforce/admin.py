"""Reference data administrators edit in the admin site: the supervision policy and the courses
of the learning programme. Supervision records are not here: administrators never read them.

Administrators are staff for the admin site but are not given Django model permissions, so these
pages ask for the administrator role itself.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from careleavers.accounts.roles import Role
from careleavers.workforce.models import Course, SupervisionPolicy


def _is_administrator(request: HttpRequest) -> bool:
    user: Any = request.user
    return bool(user.is_active and user.is_staff and user.has_role(Role.ADMINISTRATOR))


class AdministratorsEdit(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_administrator(request) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_administrator(request) or super().has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_administrator(request) or super().has_change_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_administrator(request) or super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Reference data is retired (a course made inactive), never deleted: records use it.
        return False


@admin.register(SupervisionPolicy)
class SupervisionPolicyAdmin(AdministratorsEdit):
    list_display = (
        "__str__",
        "personal_adviser_interval_days",
        "social_worker_interval_days",
        "new_starter_interval_days",
        "new_starter_months",
        "sample_percent",
        "modified_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One row: the service's policy.
        return not SupervisionPolicy.objects.exists() and super().has_add_permission(request)


@admin.register(Course)
class CourseAdmin(AdministratorsEdit):
    list_display = ("name", "mandatory", "renewal_months", "complete_within_days", "is_active")
    list_filter = ("mandatory", "is_active")
