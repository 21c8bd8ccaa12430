"""Access to every EET page, for every role (careleavers/core/tests/test_url_access.py)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.access import REDIRECT, UrlCase, expect
from careleavers.learning.models import (
    ActivityEpisode,
    NeetReason,
    NeetReasonRecord,
    PanelAction,
    PanelCase,
    PanelMeeting,
    PersonalEducationPlan,
)
from careleavers.people.tests.factories import YoungPersonFactory

# Everyone who can open a record in the access test's team: all staff but administrators.
RECORD_READERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
    Role.AUDITOR,
    Role.PERFORMANCE_ANALYST,
    Role.INSPECTOR,
]
RECORD_WRITERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
]
PEP_REVIEWERS = [Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.AUDITOR]
PANEL_READERS = [
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.AUDITOR,
    Role.INSPECTOR,
]
PANEL_MANAGERS = [Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE]
REPORT_READERS = [*PANEL_READERS, Role.PERFORMANCE_ANALYST]


def extend_world(world: SimpleNamespace) -> None:
    today = timezone.localdate()
    young_person = YoungPersonFactory(team=world.team, category="former_relevant")
    activity = ActivityEpisode.objects.create(
        young_person=young_person, activ="G5", start=today - datetime.timedelta(days=60)
    )
    reason = NeetReasonRecord.objects.create(
        young_person=young_person,
        reason=NeetReason.objects.get(code="confidence"),
        identified_on=today - datetime.timedelta(days=60),
    )
    pep = PersonalEducationPlan.objects.create(
        young_person=young_person,
        academic_year=today.year - 1,
        term="summer",
        due_on=today - datetime.timedelta(days=30),
        completed_on=today - datetime.timedelta(days=31),
    )
    meeting = PanelMeeting.objects.create(held_on=today + datetime.timedelta(days=7))
    case = PanelCase.objects.create(
        meeting=meeting, young_person=young_person, listed_because="neet"
    )
    action = PanelAction.objects.create(
        case=case,
        kind="course",
        description="Visit the college open day together",
        owner=world.users[Role.PERSONAL_ADVISER],
        due_on=today + datetime.timedelta(days=14),
    )
    world.learning = SimpleNamespace(
        young_person=young_person,
        activity=activity,
        reason=reason,
        pep=pep,
        meeting=meeting,
        case=case,
        action=action,
    )


def _record(world: Any) -> dict[str, int]:
    return {"pk": world.learning.young_person.pk}


def _activity(world: Any) -> dict[str, int]:
    return {**_record(world), "activity_pk": world.learning.activity.pk}


def _pep(world: Any) -> dict[str, int]:
    return {**_record(world), "pep_pk": world.learning.pep.pk}


def _meeting(world: Any) -> dict[str, int]:
    return {"meeting_pk": world.learning.meeting.pk}


def _case(world: Any) -> dict[str, int]:
    return {**_meeting(world), "case_pk": world.learning.case.pk}


CASES = [
    UrlCase("learning:record", expect(team_record=True, allowed=RECORD_READERS), kwargs=_record),
    UrlCase(
        "learning:activity_add", expect(team_record=True, allowed=RECORD_WRITERS), kwargs=_record
    ),
    UrlCase(
        "learning:activity_end", expect(team_record=True, allowed=RECORD_WRITERS), kwargs=_activity
    ),
    UrlCase(
        "learning:activity_archive",
        expect(team_record=True, allowed=RECORD_WRITERS),
        kwargs=_activity,
    ),
    UrlCase(
        "learning:neet_reason_add",
        expect(team_record=True, allowed=RECORD_WRITERS),
        kwargs=_record,
    ),
    UrlCase(
        "learning:neet_reason_resolve",
        expect(team_record=True, allowed=RECORD_WRITERS),
        kwargs=lambda world: {**_record(world), "reason_pk": world.learning.reason.pk},
    ),
    UrlCase("learning:pep_detail", expect(team_record=True, allowed=RECORD_READERS), kwargs=_pep),
    UrlCase(
        "learning:pep_complete", expect(team_record=True, allowed=RECORD_WRITERS), kwargs=_pep
    ),
    UrlCase("learning:pep_review", expect(team_record=True, allowed=PEP_REVIEWERS), kwargs=_pep),
    UrlCase(
        "learning:pep_target_add", expect(team_record=True, allowed=RECORD_WRITERS), kwargs=_pep
    ),
    UrlCase("learning:index", expect(allowed=REPORT_READERS)),
    UrlCase("learning:panel_list", expect(allowed=PANEL_READERS)),
    UrlCase("learning:panel_create", expect(allowed=PANEL_MANAGERS)),
    UrlCase("learning:panel_detail", expect(allowed=PANEL_READERS), kwargs=_meeting),
    # Building the agenda changes it, so it answers only a POST, and sends the manager back.
    UrlCase(
        "learning:panel_agenda_build",
        expect(allowed=PANEL_MANAGERS, outcome=REDIRECT),
        kwargs=_meeting,
        method="post",
    ),
    UrlCase("learning:panel_attendee_add", expect(allowed=PANEL_MANAGERS), kwargs=_meeting),
    UrlCase("learning:panel_case", expect(team_record=True, allowed=PANEL_READERS), kwargs=_case),
    UrlCase(
        "learning:panel_action_add", expect(team_record=True, allowed=PANEL_MANAGERS), kwargs=_case
    ),
    UrlCase(
        "learning:panel_action_complete",
        expect(team_record=True, allowed=RECORD_WRITERS),
        kwargs=lambda world: {"action_pk": world.learning.action.pk},
    ),
    UrlCase("learning:themes", expect(allowed=REPORT_READERS)),
    UrlCase("learning:eet_rates", expect(allowed=REPORT_READERS)),
    UrlCase("learning:pep_report", expect(allowed=REPORT_READERS)),
    UrlCase(
        "learning:chart",
        expect(allowed=REPORT_READERS),
        kwargs=lambda world: {"chart": "reasons-by-month"},
    ),
]
