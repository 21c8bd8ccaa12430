"""Recording stays and moves, ending stays, and the suitability checks (services/stays.py)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accommodation.hooks import MoveListener, move_listeners
from careleavers.accommodation.models import AccommodationStay
from careleavers.accommodation.services import stays as stay_services
from careleavers.accommodation.suitability import CHECK_KEYS, MET, NOT_APPLICABLE, NOT_MET
from careleavers.accommodation.tests.factories import StayFactory
from careleavers.accounts.roles import Role
from careleavers.casework.models import Contact, Notification
from careleavers.casework.tests.factories import ContactFactory
from careleavers.core.concurrency import StaleEdit
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

ALL_MET = dict.fromkeys(CHECK_KEYS, MET)


def _visit(young_person, worker, on: datetime.date) -> Contact:
    """A home visit at 10:00 on the day, in which the young person was seen."""
    at_ten = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    return ContactFactory(young_person=young_person, worker=worker, occurred_at=at_ten)


def _record(pa, young_person, **fields):
    values = {
        "accom_type": "D",
        "start": days_ago(2),
        "address": "1 New Street",
        "council_provided": True,
        **fields,
    }
    return stay_services.stay_record(acting_user=pa, young_person=young_person, **values)


# Stays and moves ---------------------------------------------------------------------------------


def test_a_move_ends_the_current_stay_on_the_day_they_moved(pa, young_person):
    old = StayFactory(young_person=young_person, start=days_ago(100))
    result = _record(pa, young_person, start=days_ago(2))
    old.refresh_from_db()
    assert old.end == days_ago(2)
    assert old.end_reason == "Moved"
    assert result.is_move
    assert result.stay.end is None


def test_a_move_into_council_accommodation_makes_the_7_day_visit_due(pa, young_person):
    _visit(young_person, pa, days_ago(20))
    _record(pa, young_person, start=days_ago(2), council_provided=True)
    young_person.refresh_from_db()
    assert young_person.next_contact_due == days_ago(2) + datetime.timedelta(days=7)
    assert "within 7 days of moving into accommodation the council provides" in (
        young_person.next_contact_rule
    )


def test_a_move_the_council_does_not_provide_sets_no_7_day_visit(pa, young_person):
    _visit(young_person, pa, days_ago(20))
    _record(pa, young_person, start=days_ago(2), council_provided=False, accom_type="U")
    young_person.refresh_from_db()
    assert "7 days" not in young_person.next_contact_rule
    assert young_person.next_contact_due > days_ago(2) + datetime.timedelta(days=7)


def test_a_move_tells_the_registered_listeners_in_its_transaction(pa, young_person):
    heard = []

    def listener(*, acting_user, young_person, move):
        heard.append((acting_user, young_person.pk, move))
        return "A pathway plan review is now due."

    with move_listeners.added(MoveListener("test.listener", listener)):
        result = _record(pa, young_person, start=days_ago(3))
    assert result.said == ["A pathway plan review is now due."]
    ((user, young_person_id, move),) = heard
    assert user == pa
    assert young_person_id == young_person.pk
    assert (move.stay_id, move.moved_on, move.accom_type) == (result.stay.pk, days_ago(3), "D")


def test_a_failing_listener_undoes_the_move(pa, young_person):
    def listener(**kwargs):
        raise RuntimeError("plans are down")

    with move_listeners.added(MoveListener("test.failing", listener)), pytest.raises(RuntimeError):
        _record(pa, young_person)
    assert not AccommodationStay.objects.filter(young_person=young_person).exists()


@pytest.mark.parametrize("accom_type", ["W", "V", "S"])
def test_bed_and_breakfast_emergency_and_homelessness_alert_the_manager_at_once(
    pa, manager, young_person, accom_type, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = _record(pa, young_person, accom_type=accom_type, council_provided=False)
    assert result.manager_alerted
    notification = Notification.objects.get(recipient=manager)
    assert notification.urgent
    assert notification.kind == "accommodation_alert"
    assert young_person.display_name in notification.message
    assert notification.link.endswith(f"/young-people/{young_person.pk}/accommodation/")


def test_other_moves_do_not_alert_the_manager(
    pa, manager, young_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = _record(pa, young_person, accom_type="U")
    assert not result.manager_alerted
    assert not Notification.objects.filter(recipient=manager).exists()


def test_with_no_team_manager_the_heads_of_service_are_told(
    pa, make_user, django_capture_on_commit_callbacks
):
    head = make_user(Role.HEAD_OF_SERVICE)
    young_person = YoungPersonFactory(team=None)
    with django_capture_on_commit_callbacks(execute=True):
        _record(pa, young_person, accom_type="W")
    assert Notification.objects.filter(recipient=head, urgent=True).exists()


@pytest.mark.parametrize("accom_type", ["S", "X"])
def test_no_fixed_abode_and_custody_are_unsuitable_from_the_start(pa, young_person, accom_type):
    stay = _record(pa, young_person, accom_type=accom_type, address="").stay
    assert stay.suitable is False
    assert "never suitable" in stay.suitability_reason
    assert stay.accom_code == f"{accom_type}2"


def test_a_past_stay_fills_history_without_setting_anything_off(
    pa, manager, young_person, django_capture_on_commit_callbacks
):
    current = StayFactory(young_person=young_person, start=days_ago(30))
    with django_capture_on_commit_callbacks(execute=True):
        result = _record(
            pa,
            young_person,
            accom_type="W",
            start=days_ago(200),
            end=days_ago(150),
            end_reason="Moved to a hostel",
        )
    assert not result.is_move
    assert not result.manager_alerted
    current.refresh_from_db()
    assert current.end is None
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"start": days_ago(-1)}, "start", "today or in the past"),
        ({"accom_type": "Q"}, "accom_type", "Select the type"),
        ({"address": ""}, "address", "Enter the address"),
        ({"end": days_ago(5), "start": days_ago(2)}, "end", "same as or after"),
    ],
)
def test_bad_stays_are_refused_next_to_the_field(pa, young_person, fields, field, message):
    with pytest.raises(ValidationError) as error:
        _record(pa, young_person, **fields)
    assert message in " ".join(error.value.message_dict[field])
    assert not AccommodationStay.objects.exists()


def test_a_move_must_start_after_the_latest_stay(pa, young_person):
    StayFactory(young_person=young_person, start=days_ago(10))
    with pytest.raises(ValidationError) as error:
        _record(pa, young_person, start=days_ago(10))
    assert "must be after" in error.value.message_dict["start"][0]


def test_a_past_stay_cannot_overlap_another(pa, young_person):
    StayFactory(young_person=young_person, start=days_ago(100), end=days_ago(50))
    with pytest.raises(ValidationError) as error:
        _record(pa, young_person, start=days_ago(120), end=days_ago(90))
    assert "overlap" in error.value.message_dict["start"][0]
    # Ending on the day the next stay starts is fine.
    _record(pa, young_person, start=days_ago(120), end=days_ago(100))


def test_former_foster_carers_only_from_18(pa):
    young_person = YoungPersonFactory(date_of_birth=days_ago(365 * 17 + 100))
    with pytest.raises(ValidationError) as error:
        _record(pa, young_person, accom_type="Z", start=days_ago(5))
    assert "starts at 18" in error.value.message_dict["accom_type"][0]


def test_ending_a_stay_checks_the_version(pa, young_person):
    stay = StayFactory(young_person=young_person)
    with pytest.raises(StaleEdit):
        stay_services.stay_end(
            acting_user=pa,
            stay=stay,
            end=TODAY,
            end_reason="Evicted",
            expected_version=stay.version + 1,
        )
    ended = stay_services.stay_end(
        acting_user=pa, stay=stay, end=TODAY, end_reason="Evicted", expected_version=stay.version
    )
    assert ended.end == TODAY
    assert ended.version == stay.version + 1


def test_every_stay_change_is_audited_in_its_transaction(pa, young_person):
    stay = _record(pa, young_person).stay
    event = AuditEvent.objects.get(
        subject_type="accommodation.AccommodationStay", subject_id=str(stay.pk)
    )
    assert event.action == "create"
    assert event.young_person_id == young_person.pk
    assert event.actor == pa


# Suitability -------------------------------------------------------------------------------------


def test_an_assessment_sets_the_stays_suitability(pa, young_person):
    stay = StayFactory(young_person=young_person)
    assessment = stay_services.suitability_assess(
        acting_user=pa, stay=stay, assessed_on=TODAY, answers=ALL_MET
    )
    stay.refresh_from_db()
    assert assessment.suitable
    assert stay.suitable
    assert stay.suitability_assessed_on == TODAY
    assert stay.accom_code == "D1"


def test_a_failed_check_needs_a_note_and_makes_it_unsuitable(
    pa, manager, young_person, django_capture_on_commit_callbacks
):
    stay = StayFactory(young_person=young_person)
    answers = {**ALL_MET, "safety": NOT_MET}
    with pytest.raises(ValidationError) as error:
        stay_services.suitability_assess(
            acting_user=pa, stay=stay, assessed_on=TODAY, answers=answers
        )
    assert "safety_note" in error.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        stay_services.suitability_assess(
            acting_user=pa,
            stay=stay,
            assessed_on=TODAY,
            answers=answers,
            notes={"safety": "Broken front door lock"},
        )
    stay.refresh_from_db()
    assert stay.suitable is False
    assert "Broken front door lock" in stay.suitability_reason
    assert Notification.objects.filter(recipient=manager, kind="accommodation_unsuitable").exists()


def test_does_not_apply_is_refused_where_a_check_always_applies(pa, young_person):
    stay = StayFactory(young_person=young_person)
    with pytest.raises(ValidationError) as error:
        stay_services.suitability_assess(
            acting_user=pa,
            stay=stay,
            assessed_on=TODAY,
            answers={**ALL_MET, "safety": NOT_APPLICABLE},
        )
    assert "always applies" in error.value.message_dict["safety"][0]


def test_an_older_assessment_does_not_overwrite_a_newer_one(pa, young_person):
    stay = StayFactory(young_person=young_person, start=days_ago(60))
    stay_services.suitability_assess(
        acting_user=pa, stay=stay, assessed_on=days_ago(1), answers=ALL_MET
    )
    stay_services.suitability_assess(
        acting_user=pa,
        stay=stay,
        assessed_on=days_ago(30),
        answers={**ALL_MET, "repair": NOT_MET},
        notes={"repair": "Damp"},
    )
    stay.refresh_from_db()
    assert stay.suitable is True
    assert stay.assessments.count() == 2


def test_an_assessment_cannot_predate_the_move(pa, young_person):
    stay = StayFactory(young_person=young_person, start=days_ago(10))
    with pytest.raises(ValidationError) as error:
        stay_services.suitability_assess(
            acting_user=pa, stay=stay, assessed_on=days_ago(11), answers=ALL_MET
        )
    assert "assessed_on" in error.value.message_dict


# A move and the pathway plan ---------------------------------------------------------------------


def test_a_move_brings_the_pathway_plan_review_forward_and_the_visit_before_it(
    pa, manager, young_person
):
    from careleavers.plans.models import PlanReview, PlanState
    from careleavers.plans.selectors import review_due_for
    from careleavers.plans.tests.factories import make_plan

    make_plan(young_person, state=PlanState.AUTHORISED, writer=pa, manager=manager)
    _visit(young_person, pa, days_ago(20))
    result = _record(pa, young_person, start=days_ago(1), council_provided=False, accom_type="U")
    due = days_ago(1) + datetime.timedelta(days=28)
    assert review_due_for(young_person=young_person).due == due
    assert PlanReview.objects.get(young_person=young_person).reason == "accommodation_changed"
    assert result.said == [f"The pathway plan review is now due by {due.day} {due:%B %Y}."]
