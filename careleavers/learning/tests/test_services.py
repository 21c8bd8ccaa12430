"""EET services: activity history, NEET reasons, the panel and PEPs."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from careleavers.accounts.roles import Role
from careleavers.core.concurrency import StaleEdit
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.learning import services
from careleavers.learning.models import (
    ActivityEpisode,
    NeetReasonRecord,
    PanelCase,
    PersonalEducationPlan,
)
from careleavers.learning.pep import term_on
from careleavers.learning.tests.factories import (
    ActivityEpisodeFactory,
    NeetReasonRecordFactory,
    PanelCaseFactory,
    PanelMeetingFactory,
    PepFactory,
    reason,
)
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(make_user):
    return make_user(Role.PERSONAL_ADVISER)


@pytest.fixture
def young_person():
    return YoungPersonFactory(category="former_relevant")


# Activity history ---------------------------------------------------------------------------


def _started(worker, young_person, activ: str, days: int, **fields):
    """Record, as `worker`, that they started `activ` `days` days ago."""
    return services.activity_record(
        acting_user=worker, young_person=young_person, activ=activ, start=days_ago(days), **fields
    )


def test_recording_an_activity_audits_it_and_keeps_the_education_fact_in_step(
    worker, young_person
) -> None:
    episode = _started(
        worker, young_person, "F2", 10, provider="Bradford College", hours_per_week=Decimal("16")
    )
    assert episode.created_by == worker
    assert AuditEvent.objects.filter(
        action="create",
        subject_type="learning.ActivityEpisode",
        subject_id=str(episode.pk),
        young_person_id=young_person.pk,
    ).exists()
    young_person.refresh_from_db()
    assert young_person.in_education_or_training is True
    # The people service made the change, so it is audited against the record too.
    assert AuditEvent.objects.filter(
        action="change",
        subject_type="people.YoungPerson",
        young_person_id=young_person.pk,
        detail__fields=["in_education_or_training"],
    ).exists()


def test_a_job_is_not_education_but_training_is(worker, young_person) -> None:
    _started(worker, young_person, "F5", 10)
    young_person.refresh_from_db()
    assert young_person.in_education_or_training is False
    _started(worker, young_person, "P5", 5, is_training=True)
    young_person.refresh_from_db()
    assert young_person.in_education_or_training is True


def test_recording_neet_ends_the_open_activity_and_records_the_reasons(
    worker, young_person
) -> None:
    college = ActivityEpisodeFactory(young_person=young_person, activ="F2", start=days_ago(200))
    NeetReasonRecordFactory(
        young_person=young_person, reason=reason("mental-health"), identified_on=days_ago(40)
    )
    neet = _started(
        worker,
        young_person,
        "G5",
        20,
        neet_reasons=[reason("mental-health"), reason("unstable-housing")],
        young_persons_view="I need somewhere settled first.",
    )
    college.refresh_from_db()
    assert college.end == days_ago(21)
    assert college.version == 2
    assert neet.young_persons_view == "I need somewhere settled first."
    open_reasons = NeetReasonRecord.objects.filter(
        young_person=young_person, resolved_on__isnull=True
    )
    # The reason already open is kept, not repeated.
    assert sorted(open_reasons.values_list("reason__code", flat=True)) == [
        "mental-health",
        "unstable-housing",
    ]
    housing = open_reasons.get(reason__code="unstable-housing")
    assert housing.identified_on == days_ago(20)
    assert housing.young_persons_view == "I need somewhere settled first."
    young_person.refresh_from_db()
    assert young_person.in_education_or_training is False


def test_a_new_activity_ends_an_open_neet_period(worker, young_person) -> None:
    neet = ActivityEpisodeFactory(young_person=young_person, activ="G5", start=days_ago(90))
    _started(worker, young_person, "F4", 3, council_job_offer=True)
    neet.refresh_from_db()
    assert neet.end == days_ago(4)


def test_education_and_work_can_run_together(worker, young_person) -> None:
    course = ActivityEpisodeFactory(young_person=young_person, activ="P2", start=days_ago(90))
    _started(worker, young_person, "P5", 30)
    course.refresh_from_db()
    assert course.end is None


def test_an_overlap_with_a_past_neet_period_is_refused_and_nothing_is_saved(
    worker, young_person
) -> None:
    ActivityEpisodeFactory(
        young_person=young_person, activ="G5", start=days_ago(90), end=days_ago(60)
    )
    with pytest.raises(ValidationError) as caught:
        _started(worker, young_person, "F2", 70, end=days_ago(50))
    assert "overlaps" in caught.value.message_dict["start"][0]
    assert ActivityEpisode.objects.filter(young_person=young_person).count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": TODAY + datetime.timedelta(days=1)}, "start"),
        ({"activ": "0"}, "activ"),
        ({"is_training": True}, "is_training"),
        ({"end": days_ago(20)}, "end"),
        ({"hours_per_week": Decimal("0")}, "hours_per_week"),
        ({"neet_reasons": "reasons"}, "neet_reasons"),
    ],
)
def test_bad_activities_are_refused_with_the_field_named(
    worker, young_person, changes, field
) -> None:
    values = {"activ": "F2", "start": days_ago(10), **changes}
    if values.get("neet_reasons") == "reasons":
        values["neet_reasons"] = [reason("confidence")]
    with pytest.raises(ValidationError) as caught:
        services.activity_record(acting_user=worker, young_person=young_person, **values)
    assert field in caught.value.message_dict
    assert not ActivityEpisode.objects.exists()


def test_ending_an_activity_refuses_a_stale_version(worker, young_person) -> None:
    episode = ActivityEpisodeFactory(young_person=young_person, start=days_ago(50))
    services.activity_end(acting_user=worker, activity=episode, version=1, end=days_ago(1))
    with pytest.raises(StaleEdit):
        services.activity_end(acting_user=worker, activity=episode, version=1, end=days_ago(2))
    episode.refresh_from_db()
    assert episode.end == days_ago(1)


def test_archiving_keeps_the_activity_with_the_reason(worker, young_person) -> None:
    episode = _started(worker, young_person, "F1", 5)
    services.activity_archive(acting_user=worker, activity=episode, reason="Wrong young person")
    episode.refresh_from_db()
    assert episode.archive_reason == "Wrong young person"
    young_person.refresh_from_db()
    assert young_person.in_education_or_training is False
    assert AuditEvent.objects.filter(action="archive", subject_id=str(episode.pk)).exists()


# NEET reasons -------------------------------------------------------------------------------


def test_the_same_open_reason_cannot_be_recorded_twice(worker, young_person) -> None:
    services.neet_reason_add(
        acting_user=worker,
        young_person=young_person,
        reason=reason("caring"),
        identified_on=days_ago(3),
        young_persons_view="I look after my mum.",
    )
    with pytest.raises(ValidationError) as caught:
        services.neet_reason_add(
            acting_user=worker,
            young_person=young_person,
            reason=reason("caring"),
            identified_on=days_ago(1),
        )
    assert "reason" in caught.value.message_dict


def test_a_reason_cannot_be_resolved_before_it_was_recorded(worker, young_person) -> None:
    record = NeetReasonRecordFactory(young_person=young_person, identified_on=days_ago(10))
    with pytest.raises(ValidationError):
        services.neet_reason_resolve(acting_user=worker, record=record, resolved_on=days_ago(11))
    services.neet_reason_resolve(acting_user=worker, record=record, resolved_on=days_ago(2))
    record.refresh_from_db()
    assert record.resolved_on == days_ago(2)


# The EET panel ------------------------------------------------------------------------------


@pytest.fixture
def manager(make_user):
    return make_user(Role.TEAM_MANAGER)


def test_the_agenda_lists_neet_young_people_and_those_whose_course_ends_soon(manager) -> None:
    meeting = PanelMeetingFactory(held_on=TODAY + datetime.timedelta(days=10))
    neet = YoungPersonFactory(category="former_relevant")
    ActivityEpisodeFactory(young_person=neet, activ="G4", start=days_ago(120), end=days_ago(61))
    ActivityEpisodeFactory(young_person=neet, activ="G5", start=days_ago(60))
    NeetReasonRecordFactory(young_person=neet, reason=reason("mental-health"))
    NeetReasonRecordFactory(young_person=neet, reason=reason("confidence"))
    ending = YoungPersonFactory(category="relevant")
    ActivityEpisodeFactory(
        young_person=ending, activ="F2", planned_end=TODAY + datetime.timedelta(days=30)
    )
    later = YoungPersonFactory(category="relevant")
    ActivityEpisodeFactory(
        young_person=later, activ="F2", planned_end=TODAY + datetime.timedelta(days=200)
    )
    restricted = YoungPersonFactory(category="former_relevant", is_restricted=True)
    ActivityEpisodeFactory(young_person=restricted, activ="G5")
    no_longer_care_leaver = YoungPersonFactory(category="none")
    ActivityEpisodeFactory(young_person=no_longer_care_leaver, activ="G5")

    added = services.panel_agenda_build(acting_user=manager, meeting=meeting, today=TODAY)

    assert added == 2
    cases = {case.young_person_id: case for case in PanelCase.objects.filter(meeting=meeting)}
    assert set(cases) == {neet.pk, ending.pk}
    assert cases[neet.pk].listed_because == "neet"
    assert cases[neet.pk].neet_since == days_ago(120)  # G4 then G5 is one spell
    assert sorted(r.code for r in cases[neet.pk].reasons.all()) == ["confidence", "mental-health"]
    assert cases[ending.pk].listed_because == "course_ending"
    assert cases[ending.pk].course_ends_on == TODAY + datetime.timedelta(days=30)
    meeting.refresh_from_db()
    assert meeting.agenda_built_on == TODAY
    assert meeting.course_ending_within_days == 42


def test_rebuilding_the_agenda_keeps_discussions_and_the_reasons_listed(manager) -> None:
    meeting = PanelMeetingFactory()
    young_person = YoungPersonFactory(category="former_relevant")
    ActivityEpisodeFactory(young_person=young_person, activ="G5")
    record = NeetReasonRecordFactory(young_person=young_person, reason=reason("custody"))
    services.panel_agenda_build(acting_user=manager, meeting=meeting, today=TODAY)
    case = PanelCase.objects.get(meeting=meeting)
    services.panel_case_discuss(
        acting_user=manager, case=case, version=1, discussion="Release date is next month."
    )
    services.neet_reason_resolve(acting_user=manager, record=record, resolved_on=TODAY)

    assert services.panel_agenda_build(acting_user=manager, meeting=meeting, today=TODAY) == 0
    case.refresh_from_db()
    assert case.discussion == "Release date is next month."
    assert [r.code for r in case.reasons.all()] == ["custody"]


def test_a_stale_discussion_is_refused(manager) -> None:
    case = PanelCaseFactory()
    services.panel_case_discuss(acting_user=manager, case=case, version=1, discussion="First")
    with pytest.raises(StaleEdit):
        services.panel_case_discuss(acting_user=manager, case=case, version=1, discussion="Second")


def test_an_action_needs_an_owner(manager) -> None:
    case = PanelCaseFactory()
    with pytest.raises(ValidationError) as caught:
        services.panel_action_add(
            acting_user=manager, case=case, kind="course", description="Apply", due_on=TODAY
        )
    assert "owner" in caught.value.message_dict
    action = services.panel_action_add(
        acting_user=manager,
        case=case,
        kind="course",
        description="Apply",
        due_on=TODAY,
        owner_name="College tutor",
    )
    assert action.owner_label == "College tutor"
    assert AuditEvent.objects.filter(
        subject_type="learning.PanelAction", young_person_id=case.young_person_id
    ).exists()


def test_panel_agendas_refresh_builds_coming_meetings_only() -> None:
    soon = PanelMeetingFactory(held_on=TODAY + datetime.timedelta(days=5))
    far = PanelMeetingFactory(held_on=TODAY + datetime.timedelta(days=60))
    ActivityEpisodeFactory(young_person=YoungPersonFactory(category="relevant"), activ="G6")
    assert (
        services.panel_agendas_refresh(TODAY) == "refreshed 1 panel agendas, 1 young people added"
    )
    assert soon.cases.count() == 1
    assert far.cases.count() == 0


# PEPs ---------------------------------------------------------------------------------------


def _in_care_at(age: int, *, today: datetime.date) -> YoungPerson:
    born = today.replace(year=today.year - age) - datetime.timedelta(days=30)
    young_person = YoungPersonFactory(date_of_birth=born, category="eligible")
    CareEpisodeFactory(
        young_person=young_person,
        start=born.replace(year=born.year + 14),
        end=None,
        reason_ended="",
    )
    return young_person


def test_the_pep_schedule_creates_one_pep_a_term_for_those_who_need_one() -> None:
    today = datetime.date(2025, 9, 1)
    sixteen = _in_care_at(16, today=today)
    ActivityEpisodeFactory(young_person=sixteen, activ="F2", start=datetime.date(2025, 8, 1))
    working = _in_care_at(17, today=today)
    ActivityEpisodeFactory(young_person=working, activ="F5", start=datetime.date(2025, 8, 1))
    left_care = YoungPersonFactory(date_of_birth=datetime.date(2009, 1, 1))
    ActivityEpisodeFactory(young_person=left_care, activ="F2", start=datetime.date(2025, 8, 1))

    assert (
        services.peps_schedule(today)
        == "Autumn term 2025/26: 1 PEPs scheduled, 0 no longer needed"
    )
    pep = PersonalEducationPlan.objects.get()
    assert (pep.young_person, pep.term, pep.academic_year) == (sixteen, "autumn", 2025)
    assert pep.due_on == datetime.date(2025, 10, 13)
    # Running again the same day changes nothing.
    assert (
        services.peps_schedule(today)
        == "Autumn term 2025/26: 0 PEPs scheduled, 0 no longer needed"
    )


def test_a_pep_not_yet_due_is_not_needed_once_they_leave_education(worker) -> None:
    today = datetime.date(2025, 9, 1)
    young_person = _in_care_at(16, today=today)
    course = ActivityEpisodeFactory(
        young_person=young_person, activ="F2", start=datetime.date(2025, 8, 1)
    )
    services.peps_schedule(today)
    course.end = datetime.date(2025, 9, 10)
    course.save()
    later = datetime.date(2025, 9, 15)
    assert services.peps_schedule(later).endswith("1 no longer needed")
    pep = PersonalEducationPlan.objects.get()
    assert pep.not_required_on == later
    assert pep.status_on(later) == "Not needed"


def test_no_peps_in_the_summer_holiday() -> None:
    assert term_on(datetime.date(2025, 8, 10)) is None
    assert services.peps_schedule(datetime.date(2025, 8, 10)) == "no school term today"


def test_a_pep_is_reviewed_only_once_completed(manager, worker) -> None:
    pep = PepFactory()
    with pytest.raises(ValidationError):
        services.pep_review(
            acting_user=manager, pep=pep, quality_grade="good", reviewer_feedback="Clear targets."
        )
    services.pep_complete(
        acting_user=worker,
        pep=pep,
        completed_on=days_ago(1),
        summary="Plan agreed with the designated teacher.",
    )
    reviewed = services.pep_review(
        acting_user=manager, pep=pep, quality_grade="good", reviewer_feedback="Clear targets."
    )
    assert (reviewed.reviewer, reviewed.quality_grade) == (manager, "good")
    target = services.pep_target_add(
        acting_user=worker, pep=pep, description="Attend 90% of sessions"
    )
    assert target.status == "not_started"
