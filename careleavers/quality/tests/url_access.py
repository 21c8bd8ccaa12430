"""Access to the quality assurance pages, for every role (see core/tests/test_url_access.py).

Who may do what (quality/rules.py):
- Case audits, the audit programme and the oversight report are read by auditors, team
  managers (their teams' young people), heads of service, inspectors and performance analysts.
  Only auditors start, answer, complete and moderate audits; only the auditor who started an
  audit changes it, and a different auditor moderates it.
- An action from an audit is seen by the person it is for (a worker sees their own actions but
  not the rest of the audit) and by the audit's readers; only its assignee marks it done.
- Monthly audit targets are set by team managers (their teams) and heads of service.
- Management oversight is written by team managers (their teams) and heads of service, and read
  by anyone who can see the record.
- The young person's feedback and wellbeing checks are read only by the people their "Your say"
  page names: workers allocated to them, their team's manager, heads of service, auditors and
  inspectors (so not the world's social worker, who is not allocated, the duty worker or the
  analyst). Those of them who work the case, and auditors, record feedback.
- Feedback without a name is read by team managers (what was sent to their teams) and heads of
  service; "you said, we did" is written, published and withdrawn by them.

The world's young people are in the world team: one allocated to the world's personal adviser
with an audit in progress by the world's auditor (with an action), a completed audit by another
auditor (with an action for the world's personal adviser) and an oversight entry by the world's
team manager; and one with no audit, for starting one.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.accounts.roles import Role
from careleavers.core.access import REDIRECT, UrlCase, expect
from careleavers.core.tests.record_access import record_read
from careleavers.core.tests.roles import (
    ANALYST,
    AUDITOR,
    HOS,
    INSPECTOR,
    MANAGERS,
    PA,
    SW,
    TM,
)

AUDIT_READERS = [AUDITOR, TM, HOS, INSPECTOR, ANALYST]
VOICE_READERS = [PA, TM, HOS, AUDITOR, INSPECTOR]
FEEDBACK_WRITERS = [PA, TM, HOS, AUDITOR]
ACTION_READERS = [PA, SW, TM, HOS, AUDITOR, INSPECTOR, ANALYST]


def extend_world(world: Any) -> None:
    from django.utils import timezone

    from careleavers.accounts.tests.factories import UserFactory
    from careleavers.casework.tests.factories import AllocationFactory
    from careleavers.people.tests.factories import YoungPersonFactory
    from careleavers.quality import services
    from careleavers.quality.models import YouSaidStatus
    from careleavers.quality.tests.factories import (
        AnonymousFeedbackFactory,
        AuditActionFactory,
        AuditTargetFactory,
        CaseAuditFactory,
        OversightEntryFactory,
        YouSaidWeDidFactory,
    )

    person = YoungPersonFactory(team=world.team)
    AllocationFactory(young_person=person, worker=world.users[PA])
    in_progress = services.audit_start(acting_user=world.users[AUDITOR], young_person=person)
    completed = CaseAuditFactory(
        young_person=person,
        completed_on=timezone.localdate(),
        auditor=UserFactory(roles=[Role.AUDITOR]),
        worker=world.users[PA],
        manager=world.users[TM],
    )
    AuditTargetFactory(team=world.team)
    world.quality = SimpleNamespace(
        young_person=person,
        fresh=YoungPersonFactory(team=world.team),
        in_progress=in_progress,
        completed=completed,
        draft_action=AuditActionFactory(audit=in_progress, assignee=world.users[PA]),
        action=AuditActionFactory(audit=completed, assignee=world.users[PA]),
        entry=OversightEntryFactory(young_person=person, manager=world.users[TM]),
        anonymous=AnonymousFeedbackFactory(team=world.team),
        draft=YouSaidWeDidFactory(),
        published=YouSaidWeDidFactory(status=YouSaidStatus.PUBLISHED),
    )


def _record(world: Any) -> dict[str, Any]:
    return {"pk": world.quality.young_person.pk}


def _audit(world: Any) -> dict[str, Any]:
    return {"audit_pk": world.quality.in_progress.pk}


CHANGE_AUDIT = expect(allowed=[AUDITOR])

CASES = [
    UrlCase("quality:programme", expect(allowed=AUDIT_READERS)),
    UrlCase("quality:completion_chart", expect(allowed=AUDIT_READERS)),
    UrlCase("quality:targets", expect(allowed=MANAGERS)),
    UrlCase("quality:audit_list", expect(allowed=AUDIT_READERS)),
    UrlCase(
        "quality:audit_start",
        expect(allowed=[AUDITOR]),
        kwargs=lambda world: {"pk": world.quality.fresh.pk},
    ),
    UrlCase(
        "quality:audit_detail", expect(team_record=True, allowed=AUDIT_READERS), kwargs=_audit
    ),
    UrlCase(
        "quality:audit_area",
        CHANGE_AUDIT,
        kwargs=lambda world: {"audit_pk": world.quality.in_progress.pk, "area": "health"},
    ),
    UrlCase("quality:audit_feedback", CHANGE_AUDIT, kwargs=_audit),
    UrlCase("quality:audit_feedback_take", CHANGE_AUDIT, kwargs=_audit),
    UrlCase("quality:audit_no_feedback", CHANGE_AUDIT, kwargs=_audit),
    UrlCase("quality:audit_themes", CHANGE_AUDIT, kwargs=_audit),
    UrlCase("quality:audit_actions", CHANGE_AUDIT, kwargs=_audit),
    UrlCase(
        "quality:audit_action_remove",
        CHANGE_AUDIT,
        kwargs=lambda world: {
            "audit_pk": world.quality.in_progress.pk,
            "action_pk": world.quality.draft_action.pk,
        },
    ),
    UrlCase("quality:audit_overall", CHANGE_AUDIT, kwargs=_audit),
    UrlCase("quality:audit_complete", CHANGE_AUDIT, kwargs=_audit),
    UrlCase(
        "quality:audit_moderate",
        expect(allowed=[AUDITOR]),
        kwargs=lambda world: {"audit_pk": world.quality.completed.pk},
    ),
    UrlCase("quality:action_list", expect(allowed=ACTION_READERS)),
    UrlCase(
        "quality:action_detail",
        expect(team_record=True, allowed=[PA, *AUDIT_READERS]),
        kwargs=lambda world: {"action_pk": world.quality.action.pk},
    ),
    UrlCase(
        "quality:feedback_list", expect(team_record=True, allowed=VOICE_READERS), kwargs=_record
    ),
    UrlCase(
        "quality:feedback_add", expect(team_record=True, allowed=FEEDBACK_WRITERS), kwargs=_record
    ),
    record_read("quality:oversight_list", _record),
    UrlCase("quality:oversight_add", expect(team_record=True, allowed=MANAGERS), kwargs=_record),
    UrlCase(
        "quality:oversight_review",
        expect(team_record=True, allowed=MANAGERS),
        kwargs=lambda world: {
            "pk": world.quality.young_person.pk,
            "entry_pk": world.quality.entry.pk,
        },
    ),
    UrlCase("quality:oversight_report", expect(allowed=AUDIT_READERS)),
    UrlCase("quality:anonymous_feedback_list", expect(allowed=MANAGERS)),
    UrlCase(
        "quality:anonymous_feedback_detail",
        # Another team's manager may not read what was sent to the world's team.
        expect(team_record=True, allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.quality.anonymous.pk},
    ),
    UrlCase("quality:you_said_list", expect(allowed=MANAGERS)),
    UrlCase("quality:you_said_add", expect(allowed=MANAGERS)),
    UrlCase(
        "quality:you_said_change",
        expect(allowed=MANAGERS),
        kwargs=lambda world: {"pk": world.quality.draft.pk},
    ),
    UrlCase(
        "quality:you_said_publish",
        expect(allowed=MANAGERS, outcome=REDIRECT),
        kwargs=lambda world: {"pk": world.quality.draft.pk},
        method="post",
    ),
    UrlCase(
        "quality:you_said_withdraw",
        expect(allowed=MANAGERS, outcome=REDIRECT),
        kwargs=lambda world: {"pk": world.quality.published.pk},
        method="post",
    ),
]
