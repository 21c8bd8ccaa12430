"""Accommodation services: what each changes, what it refuses, and what a move sets off."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accommodation import services
from careleavers.accommodation.hooks import MoveListener, move_listeners
from careleavers.accommodation.models import (
    AccommodationStay,
    HousingApplication,
    OfferDecision,
    StayingCloseOutcome,
    StayingPut,
)
from careleavers.accommodation.suitability import CHECK_KEYS, MET, NOT_APPLICABLE, NOT_MET
from careleavers.accommodation.tests.factories import (
    HousingApplicationFactory,
    HousingOfferFactory,
    PriorityBandFactory,
    ProviderFactory,
    StayFactory,
    StayingCloseFactory,
    TasterFlatBookingFactory,
    TasterFlatFactory,
)
from careleavers.accounts.roles import Role
from careleavers.casework.models import Contact, Notification
from careleavers.core.concurrency import StaleEdit
from careleavers.core.dates import birthday
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ALL_MET = dict.fromkeys(CHECK_KEYS, MET)


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def pa(make_user):
    return make_user(Role.PERSONAL_ADVISER)


@pytest.fixture
def manager(make_user, team):
    user = make_user(Role.TEAM_MANAGER, team=team)
    team.manager = user
    team.save()
    return user


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(team=team)


def _visit(young_person, worker, on: datetime.date) -> Contact:
    return Contact.objects.create(
        young_person=young_person,
        worker=worker,
        occurred_at=timezone.make_aware(datetime.datetime.combine(on, datetime.time(10))),
        method="home_visit",
        made_contact=True,
        seen=True,
    )


def _record(pa, young_person, **fields):
    values = {
        "accom_type": "D",
        "start": days_ago(2),
        "address": "1 New Street",
        "council_provided": True,
        **fields,
    }
    return services.stay_record(acting_user=pa, young_person=young_person, **values)


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
        services.stay_end(
            acting_user=pa,
            stay=stay,
            end=TODAY,
            end_reason="Evicted",
            expected_version=stay.version + 1,
        )
    ended = services.stay_end(
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
    assessment = services.suitability_assess(
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
        services.suitability_assess(acting_user=pa, stay=stay, assessed_on=TODAY, answers=answers)
    assert "safety_note" in error.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        services.suitability_assess(
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
        services.suitability_assess(
            acting_user=pa,
            stay=stay,
            assessed_on=TODAY,
            answers={**ALL_MET, "safety": NOT_APPLICABLE},
        )
    assert "always applies" in error.value.message_dict["safety"][0]


def test_an_older_assessment_does_not_overwrite_a_newer_one(pa, young_person):
    stay = StayFactory(young_person=young_person, start=days_ago(60))
    services.suitability_assess(
        acting_user=pa, stay=stay, assessed_on=days_ago(1), answers=ALL_MET
    )
    services.suitability_assess(
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
        services.suitability_assess(
            acting_user=pa, stay=stay, assessed_on=days_ago(11), answers=ALL_MET
        )
    assert "assessed_on" in error.value.message_dict


# Risk of homelessness ----------------------------------------------------------------------------


def test_a_risk_of_homelessness_tells_the_manager_and_can_be_ended(
    pa, manager, young_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        risk = services.homelessness_risk_record(
            acting_user=pa, young_person=young_person, identified_on=TODAY, reason="notice"
        )
    assert Notification.objects.filter(recipient=manager, kind="homelessness_risk").exists()
    with pytest.raises(ValidationError):
        services.homelessness_risk_record(
            acting_user=pa, young_person=young_person, identified_on=TODAY, reason="arrears"
        )
    ended = services.homelessness_risk_end(
        acting_user=pa, risk=risk, ended_on=TODAY, outcome="Tenancy saved with a payment plan"
    )
    assert ended.ended_on == TODAY


# Staying Put and Staying Close -------------------------------------------------------------------


def _fostered_until_18(young_person, placement: str = "U4") -> None:
    born = young_person.date_of_birth
    CareEpisodeFactory(
        young_person=young_person,
        start=birthday(born, 15),
        end=birthday(born, 18),
        placement_type=placement,
        reason_ended="E17",
    )


def test_staying_put_runs_to_the_day_before_the_21st_birthday_by_default(pa, young_person):
    born = young_person.date_of_birth
    _fostered_until_18(young_person)
    arrangement = services.staying_put_start(
        acting_user=pa,
        young_person=young_person,
        carers="Pat Carter",
        start=birthday(born, 18),
        weekly_allowance=Decimal("250"),
    )
    assert arrangement.planned_end == birthday(born, 21) - datetime.timedelta(days=1)


def test_staying_put_is_refused_after_a_childrens_home(pa, young_person):
    # CA 1989 s.23CZA(2)(b): the carers must have been their local authority foster parent
    # immediately before care ended.
    _fostered_until_18(young_person, placement="K2")

    with pytest.raises(ValidationError, match="not a foster placement"):
        services.staying_put_start(
            acting_user=pa,
            young_person=young_person,
            carers="Pat Carter",
            start=birthday(young_person.date_of_birth, 18),
            weekly_allowance=Decimal("250"),
        )
    assert not StayingPut.objects.filter(young_person=young_person).exists()


def test_staying_put_is_refused_for_someone_who_left_care_at_17(pa, young_person):
    born = young_person.date_of_birth
    CareEpisodeFactory(young_person=young_person, start=birthday(born, 15), end=birthday(born, 17))

    with pytest.raises(ValidationError, match="looked after when they turned 18"):
        services.staying_put_start(
            acting_user=pa,
            young_person=young_person,
            carers="Pat Carter",
            start=birthday(born, 18),
            weekly_allowance=Decimal("250"),
        )


@pytest.mark.parametrize(
    ("start_age", "end_age", "field"),
    [(17, None, "start"), (18, 22, "planned_end")],
)
def test_staying_put_is_from_18_to_21(pa, young_person, start_age, end_age, field):
    born = young_person.date_of_birth
    with pytest.raises(ValidationError) as error:
        services.staying_put_start(
            acting_user=pa,
            young_person=young_person,
            carers="Pat Carter",
            start=birthday(born, start_age),
            planned_end=birthday(born, end_age) if end_age else None,
            weekly_allowance=Decimal("250"),
        )
    assert field in error.value.message_dict


def test_staying_close_needs_the_support_described_when_it_is_needed(pa, young_person):
    with pytest.raises(ValidationError) as error:
        services.staying_close_assess(
            acting_user=pa,
            young_person=young_person,
            assessed_on=TODAY,
            needs="Lonely",
            outcome=StayingCloseOutcome.SUPPORT_NEEDED,
        )
    assert {"support_areas", "support", "next_review_on"} <= set(error.value.message_dict)
    assessment = services.staying_close_assess(
        acting_user=pa,
        young_person=young_person,
        assessed_on=TODAY,
        needs="Lonely",
        outcome=StayingCloseOutcome.NOT_NEEDED,
    )
    assert assessment.ended_on == TODAY


def test_staying_close_is_for_under_25s(pa):
    young_person = YoungPersonFactory(date_of_birth=days_ago(365 * 25 + 30))
    with pytest.raises(ValidationError) as error:
        services.staying_close_assess(
            acting_user=pa,
            young_person=young_person,
            assessed_on=TODAY,
            needs="Housing",
            outcome=StayingCloseOutcome.NOT_NEEDED,
        )
    assert "under 25" in error.value.message_dict["assessed_on"][0]


def test_a_staying_close_review_that_stops_support_ends_it(pa, young_person):
    staying_close = StayingCloseFactory(young_person=young_person, assessed_by=pa)
    services.staying_close_review(
        acting_user=pa,
        staying_close=staying_close,
        reviewed_on=TODAY,
        notes="Settled now",
        continue_support=False,
    )
    staying_close.refresh_from_db()
    assert staying_close.ended_on == TODAY
    assert staying_close.next_review_on is None


# Housing applications ----------------------------------------------------------------------------


def test_housing_an_applicant_takes_them_off_the_waiting_list(pa, young_person):
    application = services.housing_application_add(
        acting_user=pa,
        young_person=young_person,
        provider=ProviderFactory(),
        band=PriorityBandFactory(),
        applied_on=days_ago(40),
    )
    assert application.is_waiting
    services.housing_application_housed(
        acting_user=pa, application=application, housed_on=TODAY, housed_address="4 Home Road"
    )
    application.refresh_from_db()
    assert not application.is_waiting
    assert application.days_waited() == 40
    with pytest.raises(ValidationError):
        services.housing_bid_add(
            acting_user=pa,
            application=application,
            placed_on=TODAY,
            property_description="1 bed flat",
        )


def test_one_open_application_per_provider(pa, young_person):
    provider = ProviderFactory()
    HousingApplicationFactory(young_person=young_person, provider=provider)
    with pytest.raises(ValidationError) as error:
        services.housing_application_add(
            acting_user=pa,
            young_person=young_person,
            provider=provider,
            band=PriorityBandFactory(),
            applied_on=TODAY,
        )
    assert "already have an open application" in error.value.message_dict["provider"][0]


def test_a_provider_that_takes_no_applications_is_refused(pa, young_person):
    provider = ProviderFactory(takes_housing_applications=False)
    with pytest.raises(ValidationError) as error:
        services.housing_application_add(
            acting_user=pa,
            young_person=young_person,
            provider=provider,
            band=PriorityBandFactory(),
            applied_on=TODAY,
        )
    assert "provider" in error.value.message_dict


def test_a_refused_offer_always_has_its_reason(pa):
    offer = HousingOfferFactory()
    with pytest.raises(ValidationError) as error:
        services.housing_offer_decide(
            acting_user=pa, offer=offer, decision=OfferDecision.REFUSED, decided_on=TODAY
        )
    assert "refusal_reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.housing_offer_decide(
            acting_user=pa,
            offer=offer,
            decision=OfferDecision.REFUSED,
            decided_on=TODAY,
            refusal_reason="other",
        )
    assert "refusal_details" in error.value.message_dict
    decided = services.housing_offer_decide(
        acting_user=pa,
        offer=offer,
        decision=OfferDecision.REFUSED,
        decided_on=TODAY,
        refusal_reason="location_unsafe",
        refusal_details="Near people who exploited her",
    )
    assert decided.get_refusal_reason_display() == "The area is not safe for them"
    with pytest.raises(ValidationError, match="already recorded"):
        services.housing_offer_decide(
            acting_user=pa, offer=offer, decision=OfferDecision.ACCEPTED, decided_on=TODAY
        )
    offer.refresh_from_db()
    assert (offer.decision, offer.refusal_reason) == (OfferDecision.REFUSED, "location_unsafe")


def test_closing_an_application_needs_a_reason(pa):
    application = HousingApplicationFactory()
    with pytest.raises(ValidationError):
        services.housing_application_close(
            acting_user=pa, application=application, closed_on=TODAY, closed_reason=" "
        )
    services.housing_application_close(
        acting_user=pa, application=application, closed_on=TODAY, closed_reason="Withdrawn"
    )
    assert HousingApplication.objects.get().status == "Closed"


# Taster flats ------------------------------------------------------------------------------------


def test_a_flat_holds_one_young_person_a_night(pa, young_person):
    flat = TasterFlatFactory()
    TasterFlatBookingFactory(flat=flat, starts_on=days_ago(-10), ends_on=days_ago(-15))
    with pytest.raises(ValidationError) as error:
        services.taster_booking_add(
            acting_user=pa,
            young_person=young_person,
            flat=flat,
            starts_on=days_ago(-12),
            ends_on=days_ago(-14),
        )
    assert "already booked" in error.value.message_dict["starts_on"][0]
    # Arriving on the day the last person leaves is fine.
    booking = services.taster_booking_add(
        acting_user=pa,
        young_person=young_person,
        flat=flat,
        starts_on=days_ago(-15),
        ends_on=days_ago(-18),
    )
    assert booking.nights == 3


def test_a_cancelled_booking_frees_the_flat(pa, young_person):
    flat = TasterFlatFactory()
    other = TasterFlatBookingFactory(flat=flat, starts_on=days_ago(-10), ends_on=days_ago(-15))
    services.taster_booking_cancel(acting_user=pa, booking=other, reason="Unwell")
    booking = services.taster_booking_add(
        acting_user=pa,
        young_person=young_person,
        flat=flat,
        starts_on=days_ago(-10),
        ends_on=days_ago(-12),
    )
    booking.refresh_from_db()
    other.refresh_from_db()
    assert (booking.flat, booking.young_person, booking.cancelled_on) == (
        flat,
        young_person,
        None,
    )
    assert (booking.starts_on, booking.nights) == (days_ago(-10), 2)
    assert other.cancelled_on is not None


def test_a_stay_longer_than_the_policy_allows_is_refused(pa, young_person):
    with pytest.raises(ValidationError) as error:
        services.taster_booking_add(
            acting_user=pa,
            young_person=young_person,
            flat=TasterFlatFactory(),
            starts_on=TODAY,
            ends_on=TODAY + datetime.timedelta(days=29),
        )
    assert "at most 28 nights" in error.value.message_dict["ends_on"][0]


def test_the_outcome_records_skills_once_the_stay_has_started(pa, young_person):
    future = TasterFlatBookingFactory(
        young_person=young_person, starts_on=days_ago(-3), ends_on=days_ago(-5)
    )
    with pytest.raises(ValidationError) as error:
        services.taster_booking_outcome(
            acting_user=pa, booking=future, skills_practised=["cooking"], outcome="ready"
        )
    assert "not started yet" in error.value.message_dict["outcome"][0]
    past = TasterFlatBookingFactory(
        young_person=young_person, starts_on=days_ago(20), ends_on=days_ago(15)
    )
    done = services.taster_booking_outcome(
        acting_user=pa,
        booking=past,
        skills_practised=["cooking", "budgeting"],
        outcome="more_support",
    )
    assert done.skill_labels == ["Cooking", "Budgeting"]


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
