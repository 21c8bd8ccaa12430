"""Access to every EET page, for every role (careleavers/core/tests/test_url_access.py)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.access import REDIRECT, UrlCase, expect
from careleavers.core.tests.record_access import record_change, record_read
from careleavers.core.tests.roles import ANALYST, AUDITOR, HOS, INSPECTOR, PA, SW, TM
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

PEP_REVIEWERS = [TM, HOS, AUDITOR]
PANEL_READERS = [PA, SW, TM, HOS, AUDITOR, INSPECTOR]
PANEL_MANAGERS = [TM, HOS]
REPORT_READERS = [*PANEL_READERS, ANALYST]


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
    record_read("learning:record", _record),
    record_change("learning:activity_add", _record),
    record_change("learning:activity_end", _activity),
    record_change("learning:activity_archive", _activity),
    record_change("learning:neet_reason_add", _record),
    record_change(
        "learning:neet_reason_resolve",
        lambda world: {**_record(world), "reason_pk": world.learning.reason.pk},
    ),
    record_read("learning:pep_detail", _pep),
    record_change("learning:pep_complete", _pep),
    UrlCase("learning:pep_review", expect(team_record=True, allowed=PEP_REVIEWERS), kwargs=_pep),
    record_change("learning:pep_target_add", _pep),
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
    record_change(
        "learning:panel_action_complete", lambda world: {"action_pk": world.learning.action.pk}
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
