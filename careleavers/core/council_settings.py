"""A council's settings for one part of the service (contact standards, duty hours, money
limits, retention...): one row each, made with its defaults the first time it is asked for, and
changed by managers on the service's own pages or by administrators in the admin."""

from __future__ import annotations

from typing import Any, Self, cast

from django.contrib import admin
from django.db import models
from django.http import HttpRequest


class CouncilSettings(models.Model):
    class Meta:
        abstract = True

    @classmethod
    def first_values(cls) -> dict[str, Any]:
        """Values for the row when it is first made, where a field's own default will not do."""
        return {}

    @classmethod
    def setting_words(cls, name: str, value: Any) -> str | None:
        """How a stored value of the setting `name` reads to a person (the audit log shows
        each change this way), where the stored form would not say; None shows it as stored."""
        return None

    @classmethod
    def current(cls) -> Self:
        """The council's row, made with the defaults if nobody has set one yet."""
        row = cls._default_manager.order_by("pk").first()
        if row is None:
            row = cls._default_manager.create(**cls.first_values())
        return cast(Self, row)


class CouncilSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The admin page of a CouncilSettings model: its one row is changed, never added to or
    deleted (`current()` makes it)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not self.model._default_manager.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
