"""The roles people hold in the service. Each is a Django group of the same name."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    DUTY_WORKER = "duty_worker", "Duty worker"
    AUDITOR = "auditor", "Quality assurance officer"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    INSPECTOR = "inspector", "Inspector (read only)"
    YOUNG_PERSON = "young_person", "Young person"


STAFF_ROLES = frozenset(role for role in Role if role != Role.YOUNG_PERSON)
# Workers who can be allocated to a young person.
CASEWORKER_ROLES = frozenset({Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER})
MANAGER_ROLES = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})
