"""The people services: what they change, what they refuse, and what they audit."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.core.dates import birthday
from careleavers.core.jobs import jobs
from careleavers.core.models import AuditEvent
from careleavers.people import services
from careleavers.people.category import Category
from careleavers.people.models import AboutMe, YoungPerson
from careleavers.people.tests.factories import (
    AboutMeFactory,
    CareEpisodeFactory,
    HomePeriodFactory,
    YoungPersonFactory,
)

TODAY = datetime.date(2026, 3, 2)

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(make_user, team):
    return make_user(Role.PERSONAL_ADVISER, team=team)


def _born(age: int, days: int = 0) -> datetime.date:
    return birthday(TODAY, -age) - datetime.timedelta(days=days)


# Creating and updating ----------------------------------------------------------------------


def test_create_starts_a_record_derives_its_category_and_audits_it(worker, team):
    young_person = services.young_person_create(
        acting_user=worker,
        child_id="C123",
        first_name="Amira",
        last_name="Khan",
        date_of_birth=_born(17),
        sex="F",
        team=team,
        today=TODAY,
        preferred_name="Mira",
    )

    assert young_person.preferred_name == "Mira"
    assert young_person.category == Category.NONE.value
    assert young_person.category_decided_on == TODAY
    assert young_person.category_next_check == birthday(young_person.date_of_birth, 18)
    assert AuditEvent.objects.filter(
        action="create", subject_id=str(young_person.pk), young_person_id=young_person.pk
    ).exists()


def test_create_refuses_a_council_child_id_already_used(worker):
    YoungPersonFactory(child_id="TAKEN1")
    with pytest.raises(ValidationError) as error:
        services.young_person_create(
            acting_user=worker,
            child_id="TAKEN1",
            sex="M",
            first_name="A",
            last_name="B",
            date_of_birth=_born(18),
        )
    assert "child_id" in error.value.message_dict


def test_update_saves_changes_bumps_the_version_and_audits_field_names_only(worker):
    young_person = YoungPersonFactory()

    updated = services.young_person_update(
        acting_user=worker,
        young_person=young_person,
        version=1,
        changes={"phone": "07700 900123", "faith": "Muslim"},
    )

    assert updated.version == 2
    assert updated.phone == "07700 900123"
    event = AuditEvent.objects.get(action="change", young_person_id=young_person.pk)
    assert event.detail == {"fields": ["faith", "phone"]}
    assert "07700" not in str(event.detail)


def test_update_refuses_a_stale_version_and_names_what_changed(make_user, worker):
    colleague = make_user(Role.SOCIAL_WORKER, first_name="Sam", last_name="Jones")
    young_person = YoungPersonFactory(phone="")
    services.young_person_update(
        acting_user=colleague,
        young_person=young_person,
        version=1,
        changes={"phone": "07700 900456"},
    )

    with pytest.raises(services.StaleEdit) as refused:
        services.young_person_update(
            acting_user=worker,
            young_person=young_person,
            version=1,
            changes={"faith": "Christian"},
        )

    error = refused.value
    assert error.current_version == 2
    assert [change.field for change in error.changes] == ["phone"]
    assert "Sam Jones changed this young person's details" in error.message
    assert "Phone is now ‘07700 900456’ (was ‘blank’)" in error.message
    young_person.refresh_from_db()
    assert young_person.faith == ""


def test_update_with_no_real_change_keeps_the_version(worker):
    young_person = YoungPersonFactory(faith="Sikh")
    updated = services.young_person_update(
        acting_user=worker, young_person=young_person, version=1, changes={"faith": "Sikh"}
    )
    assert updated.version == 1
    assert not AuditEvent.objects.filter(action="change").exists()


def test_update_refuses_fields_that_are_not_details(worker):
    young_person = YoungPersonFactory()
    with pytest.raises(ValueError, match="category"):
        services.young_person_update(
            acting_user=worker,
            young_person=young_person,
            version=1,
            changes={"category": Category.RELEVANT.value},
        )


def test_changing_a_category_fact_derives_the_category_again(worker):
    # Looked after for a month after 16 only: qualifying until 21, and until 25 while in
    # education or training.
    young_person = YoungPersonFactory(date_of_birth=_born(22))
    CareEpisodeFactory(
        young_person=young_person,
        start=birthday(young_person.date_of_birth, 16),
        end=birthday(young_person.date_of_birth, 16) + datetime.timedelta(days=30),
    )
    services.category_refresh(young_person=young_person, today=TODAY)
    assert young_person.category == Category.NONE.value

    services.young_person_update(
        acting_user=worker,
        young_person=young_person,
        version=1,
        changes={"in_education_or_training": True},
        today=TODAY,
    )
    young_person.refresh_from_db()
    assert young_person.category == Category.QUALIFYING.value


def test_previous_name_add_records_it_and_audits(worker):
    young_person = YoungPersonFactory()
    name = services.previous_name_add(
        acting_user=worker, young_person=young_person, first_name="Jo", last_name="Smith"
    )
    assert name.young_person == young_person
    assert AuditEvent.objects.filter(
        action="create", subject_type="people.PreviousName", young_person_id=young_person.pk
    ).exists()


# Care history and the category --------------------------------------------------------------


def _episode_fields(start: datetime.date, end: datetime.date | None) -> dict:
    return {
        "start": start,
        "end": end,
        "reason_new_episode": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U1",
        "placement_provider": "PR1",
        "reason_ended": "E17" if end else "",
    }


def test_adding_an_episode_derives_the_category_with_reason_since_and_next_check(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17, days=10))
    start = birthday(young_person.date_of_birth, 15)

    services.care_episode_add(
        acting_user=worker, young_person=young_person, today=TODAY, **_episode_fields(start, None)
    )

    young_person.refresh_from_db()
    assert young_person.category == Category.ELIGIBLE.value
    assert young_person.category_since == birthday(young_person.date_of_birth, 16)
    assert "13 weeks" in young_person.category_reason
    assert young_person.category_decided_on == TODAY
    assert young_person.category_next_check == birthday(young_person.date_of_birth, 18)
    category_event = AuditEvent.objects.get(
        subject_type=services.CATEGORY_SUBJECT, young_person_id=young_person.pk
    )
    assert category_event.detail["to"] == Category.ELIGIBLE.value


def test_an_episode_may_not_overlap_another(worker):
    young_person = YoungPersonFactory()
    episode = CareEpisodeFactory(young_person=young_person)
    with pytest.raises(ValidationError) as error:
        services.care_episode_add(
            acting_user=worker,
            young_person=young_person,
            **_episode_fields(episode.start + datetime.timedelta(days=10), None),
        )
    assert "overlaps" in error.value.message_dict["start"][0]


def test_an_episode_may_start_the_day_the_last_one_ceased(worker):
    young_person = YoungPersonFactory()
    episode = CareEpisodeFactory(
        young_person=young_person,
        end=birthday(young_person.date_of_birth, 17),
        reason_ended="X1",
    )
    services.care_episode_add(
        acting_user=worker, young_person=young_person, **_episode_fields(episode.end, None)
    )
    assert young_person.care_episodes.count() == 2


def test_episode_update_rederives_the_category(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(19))
    episode = CareEpisodeFactory(young_person=young_person)
    services.category_refresh(young_person=young_person, today=TODAY)
    assert young_person.category == Category.FORMER_RELEVANT.value

    # Corrected: care actually ended at 15, before the 16th birthday.
    services.care_episode_update(
        acting_user=worker,
        episode=episode,
        last_modified=episode.modified_at,
        changes={"end": birthday(young_person.date_of_birth, 15) + datetime.timedelta(days=20)},
        today=TODAY,
    )

    young_person.refresh_from_db()
    assert young_person.category == Category.NONE.value


def test_episode_update_refuses_a_stale_edit(make_user, worker):
    colleague = make_user(Role.SOCIAL_WORKER)
    episode = CareEpisodeFactory()
    opened_at = episode.modified_at
    services.care_episode_update(
        acting_user=colleague,
        episode=episode,
        last_modified=opened_at,
        changes={"placement_type": "U3"},
    )
    with pytest.raises(services.StaleEdit) as refused:
        services.care_episode_update(
            acting_user=worker,
            episode=episode,
            last_modified=opened_at,
            changes={"category_of_need": "N2"},
        )
    assert "changed this care episode" in refused.value.message
    episode.refresh_from_db()
    assert episode.category_of_need == "N1"


def test_six_months_at_home_makes_a_relevant_child_qualifying(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17, days=200))
    b16 = birthday(young_person.date_of_birth, 16)
    CareEpisodeFactory(
        young_person=young_person,
        start=birthday(young_person.date_of_birth, 15),
        end=b16 + datetime.timedelta(days=30),
        reason_ended="E4A",
    )
    services.category_refresh(young_person=young_person, today=TODAY)
    assert young_person.category == Category.RELEVANT.value

    services.home_period_add(
        acting_user=worker,
        young_person=young_person,
        start=b16 + datetime.timedelta(days=30),
        today=TODAY,
    )

    young_person.refresh_from_db()
    assert young_person.category == Category.QUALIFYING.value


def _short_breaks_then_care(young_person: YoungPerson) -> None:
    """Six short breaks of 10 days after 14 (within reg 48's limits), then 60 days of care up to
    today at 17: eligible only if the short breaks count as care."""
    dob = young_person.date_of_birth
    for month in range(6):
        start = birthday(dob, 14) + datetime.timedelta(days=30 * month)
        CareEpisodeFactory(
            young_person=young_person,
            start=start,
            end=start + datetime.timedelta(days=10),
            legal_status="V3",
            reason_ended="X1",
        )
    CareEpisodeFactory(
        young_person=young_person,
        start=TODAY - datetime.timedelta(days=60),
        end=None,
        legal_status="V2",
        reason_ended="",
    )


def test_short_breaks_alongside_other_care_need_a_workers_decision(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17))
    _short_breaks_then_care(young_person)

    services.category_refresh(young_person=young_person, today=TODAY)

    assert "regulation 48" in young_person.category_needs_decision
    assert young_person.category == Category.ELIGIBLE.value


def _decide(worker, young_person, question, reading, reason):
    """The worker's decision on `question`, on TODAY."""
    return services.category_question_decide(
        acting_user=worker,
        young_person=young_person,
        question=question,
        reading=reading,
        reason=reason,
        today=TODAY,
    )


def test_a_workers_decision_is_recorded_with_both_readings_and_used(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17))
    _short_breaks_then_care(young_person)
    services.category_refresh(young_person=young_person, today=TODAY)

    decision = _decide(
        worker,
        young_person,
        "short_breaks_with_other_care",
        "short_breaks",
        "The same carer each time; the plan was short breaks for her disability.",
    )

    young_person.refresh_from_db()
    assert decision.decided_by == worker
    assert "regulation 48" in decision.question_text
    assert decision.reading_text.startswith("They were short breaks under regulation 48")
    assert young_person.category == Category.NONE.value
    assert young_person.category_needs_decision == ""
    assert AuditEvent.objects.filter(
        subject_type="people.CategoryQuestionDecision", young_person_id=young_person.pk
    ).exists()


def test_a_decision_needs_a_reason_and_a_reading_of_this_question(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17))
    _short_breaks_then_care(young_person)

    with pytest.raises(ValidationError, match="why you chose"):
        _decide(worker, young_person, "short_breaks_with_other_care", "care", "  ")
    with pytest.raises(ValidationError, match="Choose which reading"):
        _decide(worker, young_person, "short_breaks_with_other_care", "1_march", "Because")
    with pytest.raises(ValidationError, match="no longer changes their category"):
        _decide(worker, young_person, "leap_day_birthday", "1_march", "Because")
    assert not young_person.category_question_decisions.exists()


def test_the_latest_decision_on_a_question_is_used(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17))
    _short_breaks_then_care(young_person)
    for reading in ("short_breaks", "care"):
        _decide(
            worker, young_person, "short_breaks_with_other_care", reading, f"Read as {reading}"
        )

    young_person.refresh_from_db()
    assert young_person.category == Category.ELIGIBLE.value
    assert young_person.category_question_decisions.count() == 2


def test_privately_fostered_after_16_makes_a_qualifying_care_leaver(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17))
    start = birthday(young_person.date_of_birth, 16) + datetime.timedelta(days=30)

    services.accommodated_period_add(
        acting_user=worker,
        young_person=young_person,
        kind="privately_fostered",
        start=start,
        end=start + datetime.timedelta(days=100),
        provider="A family friend",
        today=TODAY,
    )

    young_person.refresh_from_db()
    assert young_person.category == Category.QUALIFYING.value
    assert "Privately fostered" in young_person.category_reason


def test_an_accommodated_period_ending_before_it_starts_is_refused(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(17))

    with pytest.raises(ValidationError, match="same as or after the start"):
        services.accommodated_period_add(
            acting_user=worker,
            young_person=young_person,
            start=TODAY,
            end=TODAY - datetime.timedelta(days=1),
            kind="privately_fostered",
        )


# Support from 21 to 25: CA 1989 s.23CZB and s.23CA -----------------------------------------


def _former_relevant(age: int) -> YoungPerson:
    young_person = YoungPersonFactory(date_of_birth=_born(age))
    dob = young_person.date_of_birth
    CareEpisodeFactory(
        young_person=young_person,
        start=birthday(dob, 15),
        end=birthday(dob, 17),
        reason_ended="E11",
    )
    services.category_refresh(young_person=young_person, today=TODAY)
    assert young_person.category == Category.FORMER_RELEVANT.value
    return young_person


def _told(worker, young_person, kind, told_on):
    """What they told the worker on `told_on` about support from 21 to 25, recorded TODAY."""
    return services.support_choice_record(
        acting_user=worker, young_person=young_person, kind=kind, told_on=told_on, today=TODAY
    )


def test_a_former_relevant_young_person_of_22_can_decline_and_ask_again(worker):
    young_person = _former_relevant(22)
    declined_on = TODAY - datetime.timedelta(days=60)

    _told(worker, young_person, "declined", declined_on)
    young_person.refresh_from_db()
    assert young_person.personal_adviser_declined_on == declined_on

    _told(worker, young_person, "asked", TODAY)
    young_person.refresh_from_db()
    assert young_person.personal_adviser_declined_on is None
    assert [c.kind for c in young_person.support_choices.all()] == ["asked", "declined"]


def test_only_former_relevant_young_people_can_ask_for_an_adviser_at_21(worker):
    young_person = YoungPersonFactory(date_of_birth=_born(22))
    dob = young_person.date_of_birth
    # Ten weeks in care at 17: a qualifying care leaver, not former relevant.
    CareEpisodeFactory(
        young_person=young_person,
        start=birthday(dob, 17),
        end=birthday(dob, 17) + datetime.timedelta(weeks=10),
        reason_ended="E11",
    )
    services.category_refresh(young_person=young_person, today=TODAY)

    with pytest.raises(ValidationError, match="Only a former relevant young person"):
        _told(worker, young_person, "asked", TODAY)
    assert not young_person.support_choices.exists()


def test_asking_for_an_adviser_at_20_is_refused(worker):
    young_person = _former_relevant(20)

    with pytest.raises(ValidationError, match="from their 21st birthday"):
        _told(worker, young_person, "declined", TODAY)


def test_telling_us_about_education_sets_the_day_we_were_told(worker):
    young_person = _former_relevant(23)

    _told(worker, young_person, "education", TODAY)

    young_person.refresh_from_db()
    assert young_person.education_return_informed_on == TODAY


def test_a_support_choice_in_the_future_is_refused(worker):
    young_person = _former_relevant(22)

    with pytest.raises(ValidationError, match="today or in the past"):
        _told(worker, young_person, "asked", TODAY + datetime.timedelta(days=1))


def test_category_refresh_keeps_the_decided_date_when_nothing_changes():
    young_person = YoungPersonFactory(date_of_birth=_born(19))
    CareEpisodeFactory(young_person=young_person)
    services.category_refresh(young_person=young_person, today=TODAY)
    services.category_refresh(young_person=young_person, today=TODAY + datetime.timedelta(days=5))
    young_person.refresh_from_db()
    assert young_person.category_decided_on == TODAY
    assert AuditEvent.objects.filter(subject_type=services.CATEGORY_SUBJECT).count() == 1


def test_category_refresh_does_not_make_an_open_edit_stale():
    young_person = YoungPersonFactory(date_of_birth=_born(19))
    CareEpisodeFactory(young_person=young_person)
    services.category_refresh(young_person=young_person, today=TODAY)
    young_person.refresh_from_db()
    assert young_person.version == 1


def test_the_daily_job_rederives_categories_due_on_a_birthday():
    # Eligible at 17; at 18 becomes former relevant.
    young_person = YoungPersonFactory(date_of_birth=_born(17, days=10))
    CareEpisodeFactory(young_person=young_person, end=None, reason_ended="")
    services.category_refresh(young_person=young_person, today=TODAY)
    young_person.refresh_from_db()
    eighteenth = young_person.category_next_check
    assert young_person.category == Category.ELIGIBLE.value
    not_due = YoungPersonFactory(date_of_birth=_born(20))
    services.category_refresh(young_person=not_due, today=eighteenth)

    job = next(job for job in jobs() if job.name == "people.categories")
    summary = job.run(eighteenth)

    young_person.refresh_from_db()
    assert young_person.category == Category.FORMER_RELEVANT.value
    assert young_person.category_since == eighteenth
    assert summary == "1 checked, 1 changed"
    # Safe to run again the same day: nothing is due any more.
    assert job.run(eighteenth) == "0 checked, 0 changed"


def test_the_daily_job_derives_records_never_derived():
    young_person = YoungPersonFactory(date_of_birth=_born(19))
    CareEpisodeFactory(young_person=young_person)
    services.categories_refresh_due(TODAY)
    young_person.refresh_from_db()
    assert young_person.category == Category.FORMER_RELEVANT.value


# About me -----------------------------------------------------------------------------------


def test_about_me_write_creates_it_unagreed(worker):
    young_person = YoungPersonFactory()
    about_me = services.about_me_write(
        acting_user=worker,
        young_person=young_person,
        summary="I want to be a nurse.",
        today=TODAY,
    )
    assert about_me.written_by == worker
    assert about_me.written_on == TODAY
    assert not about_me.is_agreed
    assert AuditEvent.objects.filter(subject_type="people.AboutMe", action="create").exists()


def test_about_me_agree_records_the_date(worker):
    about_me = AboutMeFactory(written_on=TODAY)
    agreed = services.about_me_agree(
        acting_user=worker, about_me=about_me, agreed_on=TODAY, version=1
    )
    assert agreed.agreed_by_young_person_on == TODAY
    assert agreed.version == 2


def test_about_me_agree_refuses_a_date_before_it_was_written(worker):
    about_me = AboutMeFactory(written_on=TODAY)
    with pytest.raises(ValidationError):
        services.about_me_agree(
            acting_user=worker,
            about_me=about_me,
            agreed_on=TODAY - datetime.timedelta(days=1),
            version=1,
        )


def test_rewriting_about_me_clears_the_agreement(worker):
    about_me = AboutMeFactory(agreed_by_young_person_on=datetime.date(2025, 1, 1))
    rewritten = services.about_me_write(
        acting_user=worker,
        young_person=about_me.young_person,
        summary="Something new",
        version=1,
    )
    assert rewritten.agreed_by_young_person_on is None
    assert rewritten.version == 2


def test_rewriting_a_stale_about_me_is_refused(worker):
    about_me = AboutMeFactory()
    services.about_me_write(
        acting_user=worker, young_person=about_me.young_person, summary="First", version=1
    )
    with pytest.raises(services.StaleEdit):
        services.about_me_write(
            acting_user=worker, young_person=about_me.young_person, summary="Second", version=1
        )
    assert AboutMe.objects.get().summary == "First"


# Restricted records -------------------------------------------------------------------------


def test_restricting_needs_a_reason(make_user):
    manager = make_user(Role.TEAM_MANAGER)
    with pytest.raises(ValidationError):
        services.record_restrict(
            acting_user=manager, young_person=YoungPersonFactory(), reason=" ", named_staff=[]
        )


def test_restricting_names_the_staff_the_current_workers_and_the_manager(make_user):
    manager = make_user(Role.TEAM_MANAGER)
    named = make_user(Role.DUTY_WORKER)
    allocated = make_user(Role.PERSONAL_ADVISER)
    former = make_user(Role.PERSONAL_ADVISER)
    young_person = YoungPersonFactory()
    Allocation.objects.create(
        young_person=young_person, worker=allocated, role="pa", reason="FIRST"
    )
    Allocation.objects.create(
        young_person=young_person,
        worker=former,
        end=datetime.date(2025, 1, 1),
        role="sw",
        reason="FIRST",
    )

    services.record_restrict(
        acting_user=manager,
        young_person=young_person,
        reason="Staff member is a relative",
        named_staff=[named],
    )

    young_person.refresh_from_db()
    assert young_person.is_restricted
    assert set(young_person.restricted_to.all()) == {manager, named, allocated}
    event = AuditEvent.objects.get(action="access_change", young_person_id=young_person.pk)
    assert event.detail["event"] == "restricted"


def test_only_staff_can_be_named(make_user):
    manager = make_user(Role.TEAM_MANAGER)
    with pytest.raises(ValidationError):
        services.record_restrict(
            acting_user=manager,
            young_person=YoungPersonFactory(),
            reason="Why",
            named_staff=[make_user(Role.YOUNG_PERSON)],
        )


def test_a_new_worker_can_be_named_on_a_restricted_record(make_user):
    manager = make_user(Role.TEAM_MANAGER)
    newcomer = make_user(Role.PERSONAL_ADVISER)
    young_person = YoungPersonFactory(is_restricted=True, restricted_to=[manager])
    services.record_restriction_name_staff(
        acting_user=manager, young_person=young_person, staff=[newcomer]
    )
    assert newcomer in young_person.restricted_to.all()


def test_naming_staff_on_an_unrestricted_record_does_nothing(make_user):
    manager = make_user(Role.TEAM_MANAGER)
    young_person = YoungPersonFactory()
    services.record_restriction_name_staff(
        acting_user=manager, young_person=young_person, staff=[manager]
    )
    assert not young_person.restricted_to.exists()
    assert not AuditEvent.objects.filter(action="access_change").exists()


def test_unrestricting_clears_the_names_and_audits(make_user):
    manager = make_user(Role.TEAM_MANAGER)
    young_person = YoungPersonFactory(
        is_restricted=True, restriction_reason="Why", restricted_to=[manager]
    )
    services.record_unrestrict(acting_user=manager, young_person=young_person, reason="Resolved")
    young_person = YoungPerson.objects.get(pk=young_person.pk)
    assert not young_person.is_restricted
    assert not young_person.restricted_to.exists()
    assert AuditEvent.objects.get(action="access_change").detail["event"] == "unrestricted"


def test_home_period_ending_before_it_starts_is_refused(worker):
    young_person = YoungPersonFactory()
    with pytest.raises(ValidationError):
        services.home_period_add(
            acting_user=worker,
            young_person=young_person,
            start=TODAY,
            end=TODAY - datetime.timedelta(days=1),
        )
    HomePeriodFactory(young_person=young_person)
