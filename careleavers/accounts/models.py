"""Users (staff and young people), their roles and their teams."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Any

from django.contrib import auth
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from careleavers.accounts.roles import MANAGER_ROLES, STAFF_ROLES, Role


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str | None, password: str | None = None, **extra: Any) -> User:
        # Staff always have an email address; a young person invited by text may have only a
        # mobile number, which they sign in with (careleavers/portal/signin.py).
        if not email and not extra.get("phone"):
            raise ValueError("A user needs an email address or a mobile number.")
        user = self.model(email=self.normalize_email(email).lower() if email else None, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class Team(models.Model):
    """A leaving care team, with the manager who oversees its workers' caseloads."""

    name = models.CharField(max_length=120, unique=True)
    manager = models.ForeignKey(
        "User", on_delete=models.PROTECT, null=True, blank=True, related_name="managed_teams"
    )
    duty_phone = models.CharField(
        max_length=40, blank=True, help_text="Leave empty to use the service's duty number."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in: staff by role, and young people to their own pages."""

    # Empty (NULL, so never clashing) only for a young person who signs in with their mobile.
    email = models.EmailField(unique=True, null=True, blank=True)
    first_name = models.CharField(max_length=150)
    last_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # For a young person, `phone` is also the mobile they can sign in with by a texted code;
    # this says a code sent to it was used (or their invitation came to it by text).
    phone_verified = models.BooleanField(default=False)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    # Inspectors get time-limited read-only accounts; the account stops working after this day.
    access_expires_on = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    # Django's flag for the admin site, which only administrators use.
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.phone

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name

    @cached_property
    def role_names(self) -> frozenset[str]:
        names = frozenset(self.groups.values_list("name", flat=True))
        if self.is_superuser:
            # `manage.py createsuperuser` makes an administrator: the Django admin and the
            # service's own administration, with MFA as for all staff, and no case records.
            names |= {Role.ADMINISTRATOR.value}
        return names

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        # Django's PermissionsMixin says yes to every active superuser before asking anyone,
        # which would open every young person's record to one. Here the backends always
        # decide: `rules` for the service's permissions (which know no superuser), and the
        # model backend for the Django admin's (which gives a superuser every model's).
        if not self.is_active:
            return False
        for backend in auth.get_backends():
            if not hasattr(backend, "has_perm"):
                continue
            try:
                if backend.has_perm(self, perm, obj):
                    return True
            except PermissionDenied:
                return False
        return False

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_names.intersection(roles))

    @property
    def is_staff_member(self) -> bool:
        return bool(self.role_names & STAFF_ROLES)

    @property
    def is_manager(self) -> bool:
        return bool(self.role_names & MANAGER_ROLES)

    @property
    def role_labels(self) -> list[str]:
        return [Role(name).label for name in sorted(self.role_names) if name in Role.values]

    def access_expired(self, today: datetime.date | None = None) -> bool:
        if self.access_expires_on is None:
            return False
        return (today or timezone.localdate()) > self.access_expires_on
