"""Access to supervision and workforce pages, for every role (see core/tests/test_url_access.py).

The world's personal adviser has a young person allocated and one supervision record, held by the
world team's manager, discussing that young person, with one open action. The personal adviser
holds a funded post in the world team and is off sick (an open absence).

A supervision record opens only for the worker supervised, the supervisor and the worker's team
manager (here the same person) and the head of service: never for the other worker (the social
worker), the duty worker, auditors, analysts, administrators, inspectors or young people.
Aggregate reports go to team managers, the head of service and performance analysts; named staff
records (posts, absence, training) to team managers, the head of service and administrators.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.core.access import REDIRECT, UrlCase, expect
from careleavers.core.tests.roles import ADMIN, ANALYST, HOS, PA, SW, TM

RECORD_READERS = [PA, TM, HOS]
FIGURES = [TM, HOS, ANALYST]
STAFF_RECORDS = [TM, HOS, ADMIN]
HR_ADMIN = [HOS, ADMIN]
WORKFORCE = [TM, HOS, ANALYST, ADMIN]


def extend_world(world: Any) -> None:
    from careleavers.casework.tests.factories import allocated_to
    from careleavers.workforce.tests.factories import (
        EmploymentFactory,
        PostFactory,
        SicknessAbsenceFactory,
        SupervisionActionFactory,
        SupervisionRecordFactory,
    )

    worker = world.users[PA]
    young_person = allocated_to(worker, world.team)
    record = SupervisionRecordFactory(
        worker=worker, supervisor=world.users[TM], young_people=[young_person]
    )
    post = PostFactory(team=world.team)
    world.workforce = SimpleNamespace(
        young_person=young_person,
        record=record,
        action=SupervisionActionFactory(record=record),
        post=post,
        employment=EmploymentFactory(post=post, staff=worker),
        absence=SicknessAbsenceFactory(staff=worker, last_day=None),
    )


def _record(world: Any) -> dict[str, Any]:
    return {"pk": world.workforce.record.pk}


def _worker(world: Any) -> dict[str, Any]:
    return {"pk": world.users[PA].pk}


def _post(world: Any) -> dict[str, Any]:
    return {"pk": world.workforce.post.pk}


CASES = [
    UrlCase("workforce:index", expect(allowed=WORKFORCE)),
    UrlCase("workforce:my_supervision", expect(allowed=[PA, SW])),
    # Supervision records: the strictest pages in the service.
    UrlCase("workforce:supervision_list", expect(allowed=[TM, HOS])),
    UrlCase("workforce:supervision_choose", expect(allowed=[TM, HOS])),
    UrlCase(
        "workforce:supervision_add",
        expect(team_record=True, allowed=[TM, HOS]),
        kwargs=lambda world: {"worker_pk": world.users[PA].pk},
    ),
    UrlCase(
        "workforce:supervision_detail",
        expect(team_record=True, allowed=RECORD_READERS),
        kwargs=_record,
    ),
    UrlCase(
        "workforce:supervision_respond", expect(team_record=True, allowed=[PA]), kwargs=_record
    ),
    UrlCase(
        "workforce:supervision_action_add",
        expect(team_record=True, allowed=[TM, HOS]),
        kwargs=_record,
    ),
    UrlCase(
        "workforce:supervision_action_done",
        expect(team_record=True, allowed=RECORD_READERS, outcome=REDIRECT),
        kwargs=lambda world: {
            "pk": world.workforce.record.pk,
            "action_pk": world.workforce.action.pk,
        },
        method="post",
    ),
    UrlCase("workforce:supervision_grade", expect(allowed=[HOS]), kwargs=_record),
    UrlCase("workforce:supervision_sample", expect(allowed=[HOS])),
    # Aggregate supervision and caseload figures.
    UrlCase("workforce:supervision_quality", expect(allowed=FIGURES)),
    UrlCase("workforce:quality_chart", expect(allowed=FIGURES)),
    UrlCase("workforce:supervision_frequency", expect(allowed=FIGURES)),
    UrlCase("workforce:caseloads", expect(allowed=FIGURES)),
    UrlCase("workforce:caseload_chart", expect(allowed=FIGURES)),
    # Posts, employment, staff records, absence and training.
    UrlCase("workforce:posts", expect(allowed=STAFF_RECORDS)),
    UrlCase("workforce:post_add", expect(allowed=HR_ADMIN)),
    UrlCase(
        "workforce:post_detail", expect(team_record=True, allowed=STAFF_RECORDS), kwargs=_post
    ),
    UrlCase("workforce:post_edit", expect(allowed=HR_ADMIN), kwargs=_post),
    UrlCase("workforce:employment_add", expect(allowed=HR_ADMIN), kwargs=_post),
    UrlCase(
        "workforce:employment_end",
        expect(allowed=HR_ADMIN),
        kwargs=lambda world: {"pk": world.workforce.employment.pk},
    ),
    UrlCase("workforce:staff", expect(allowed=STAFF_RECORDS)),
    UrlCase(
        "workforce:staff_detail", expect(team_record=True, allowed=STAFF_RECORDS), kwargs=_worker
    ),
    UrlCase(
        "workforce:absence_add", expect(team_record=True, allowed=STAFF_RECORDS), kwargs=_worker
    ),
    UrlCase(
        "workforce:absence_end",
        expect(team_record=True, allowed=STAFF_RECORDS),
        kwargs=lambda world: {"pk": world.workforce.absence.pk},
    ),
    UrlCase(
        "workforce:training_add", expect(team_record=True, allowed=STAFF_RECORDS), kwargs=_worker
    ),
    UrlCase("workforce:training", expect(allowed=STAFF_RECORDS)),
    # Trends over 24 months.
    UrlCase("workforce:trends", expect(allowed=WORKFORCE)),
    UrlCase(
        "workforce:trends_chart",
        expect(allowed=WORKFORCE),
        kwargs=lambda world: {"chart": "rates"},
    ),
]
