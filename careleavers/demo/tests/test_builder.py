"""The demo council: deterministic, consistent with the engines, and safe to load twice."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.casework.models import Allocation, Contact, WorkerRole
from careleavers.casework.services import contact_due_refresh_all
from careleavers.core.models import AuditEvent
from careleavers.demo.builder import DemoSize, build_demo
from careleavers.demo.staff import DEMO_LOGINS
from careleavers.people import category as engine
from careleavers.people.models import CareEpisode, HomePeriod, YoungPerson
from careleavers.people.services import CATEGORY_SUBJECT, category_refresh
from careleavers.people.validators import (
    normalise_nhs_number,
    normalise_ni_number,
    normalise_uk_phone,
    normalise_uk_postcode,
    normalise_upn,
)

TODAY = datetime.date(2026, 5, 1)
SMALL = DemoSize(young_people=40)


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Everything that identifies the demo's data, in an order that does not depend on ids."""
    people = sorted(
        YoungPerson.objects.values_list(
            "child_id",
            "first_name",
            "last_name",
            "preferred_name",
            "date_of_birth",
            "sex",
            "ethnicity",
            "upn",
            "upn_unknown_reason",
            "nhs_number",
            "ni_number",
            "is_separated_migrant",
            "immigration_status",
            "team__name",
            "category",
            "category_since",
            "category_next_check",
            "last_contact_on",
            "last_visit_on",
            "next_contact_due",
            "next_contact_rule",
            "is_restricted",
        )
    )
    episodes = sorted(
        CareEpisode.objects.values_list(
            "young_person__child_id",
            "start",
            "end",
            "reason_new_episode",
            "legal_status",
            "placement_type",
            "reason_ended",
        ),
        key=str,
    )
    allocations = sorted(
        Allocation.objects.values_list(
            "young_person__child_id",
            "role",
            "worker__email",
            "start",
            "end",
            "reason",
            "is_change",
        ),
        key=str,
    )
    contacts = sorted(
        Contact.objects.values_list(
            "young_person__child_id",
            "worker__email",
            "occurred_at",
            "method",
            "made_contact",
            "seen",
            "young_persons_views",
        ),
        key=str,
    )
    staff = sorted(User.objects.values_list("email", "first_name", "last_name", "team__name"))
    return {
        "people": people,
        "episodes": episodes,
        "allocations": allocations,
        "contacts": contacts,
        "staff": staff,
    }


def _seed_and_snapshot(*, seed: int, today: datetime.date = TODAY) -> dict[str, Any]:
    # Each build runs in a savepoint that is rolled back, so each starts from an empty database.
    with transaction.atomic():
        build_demo(seed=seed, size=SMALL, today=today)
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


@pytest.mark.django_db
def test_the_same_seed_and_date_give_the_same_council() -> None:
    first = _seed_and_snapshot(seed=7)
    second = _seed_and_snapshot(seed=7)

    assert len(first["people"]) == 40
    assert first == second


@pytest.mark.django_db
def test_a_different_seed_gives_different_young_people() -> None:
    first = _seed_and_snapshot(seed=7)
    other = _seed_and_snapshot(seed=8)

    assert {row[1:3] for row in first["people"]} != {row[1:3] for row in other["people"]}


@pytest.mark.django_db
@pytest.mark.parametrize("today", [TODAY, datetime.date(2028, 2, 29)])
def test_every_stored_category_is_the_engines_answer_for_the_stored_episodes(
    today: datetime.date,
) -> None:
    build_demo(seed=3, size=SMALL, today=today)

    for young_person in YoungPerson.objects.prefetch_related("care_episodes", "home_periods"):
        facts = engine.CategoryFacts(
            date_of_birth=young_person.date_of_birth,
            episodes=tuple(
                engine.CareEpisode(start=e.start, end=e.end, legal_status=e.legal_status)
                for e in young_person.care_episodes.all()
            ),
            home_periods=tuple(
                engine.HomePeriod(start=p.start, end=p.end)
                for p in young_person.home_periods.all()
            ),
            detained_or_in_hospital_on_16th_birthday=(
                young_person.detained_or_in_hospital_on_16th_birthday
            ),
            subject_to_care_order_on_16th_birthday=(
                young_person.subject_to_care_order_on_16th_birthday
            ),
            special_guardianship_after_care=young_person.special_guardianship_after_care,
            in_education_or_training=young_person.in_education_or_training,
        )
        decision = engine.derive_category(facts, today)
        assert young_person.category == decision.category.value, young_person.child_id
        assert young_person.category_since == decision.since
        assert young_person.category_reason == decision.reason
        assert young_person.category_next_check == engine.next_category_change(facts, today)
        assert 16 <= young_person.age_on(today) <= 24


@pytest.mark.django_db
def test_the_category_service_agrees_with_every_stored_category() -> None:
    build_demo(seed=3, size=SMALL, today=TODAY)
    decisions = AuditEvent.objects.filter(subject_type=CATEGORY_SUBJECT).count()

    for young_person in YoungPerson.objects.all():
        stored = (young_person.category, young_person.category_since)
        category_refresh(young_person=young_person, today=TODAY)
        assert (young_person.category, young_person.category_since) == stored

    # The demo recorded each first decision as the service does, so none is new.
    assert decisions == YoungPerson.objects.count()
    assert AuditEvent.objects.filter(subject_type=CATEGORY_SUBJECT).count() == decisions
    # By the service itself, on the day each became their category: never later than today (a
    # chronology once said "today at 06:00, by Demo data" for someone former relevant since 2021).
    for event in AuditEvent.objects.filter(subject_type=CATEGORY_SUBJECT):
        decided_on = timezone.localtime(event.at).date()
        assert event.actor_label == ""
        assert event.actor is None
        assert decided_on <= TODAY
        if event.detail["since"]:
            assert decided_on == datetime.date.fromisoformat(event.detail["since"])


@pytest.mark.django_db
def test_the_council_has_care_leavers_in_every_main_category() -> None:
    build_demo(seed=2022, size=DemoSize(young_people=150), today=TODAY)

    categories = set(YoungPerson.objects.values_list("category", flat=True))

    assert {"eligible", "relevant", "former_relevant", "qualifying"} <= categories
    assert YoungPerson.objects.filter(is_separated_migrant=True).exists()
    assert HomePeriod.objects.exists()


@pytest.mark.django_db
def test_care_episodes_follow_the_ssda903_conventions() -> None:
    build_demo(seed=5, size=SMALL, today=TODAY)

    for young_person in YoungPerson.objects.prefetch_related("care_episodes"):
        episodes = list(young_person.care_episodes.order_by("start"))
        assert episodes, young_person.child_id
        for previous, episode in zip([None, *episodes], episodes, strict=False):
            if previous is not None and previous.end == episode.start:
                # A new episode the same day: the previous one ceased with X1.
                assert previous.reason_ended == "X1"
                assert episode.reason_new_episode in {"L", "P", "T", "B", "U"}
            else:
                assert episode.reason_new_episode == "S"
            if episode.end is None:
                assert episode.reason_ended == ""
            else:
                assert episode.reason_ended
            if episode.reason_ended == "E17":
                assert episode.placement_type.startswith("U")


@pytest.mark.django_db
def test_identifiers_pass_the_record_validators() -> None:
    build_demo(seed=11, size=SMALL, today=TODAY)

    people = list(YoungPerson.objects.all())
    for young_person in people:
        assert len(young_person.child_id) <= 10
        assert bool(young_person.upn) != bool(young_person.upn_unknown_reason)
        if young_person.upn:
            assert normalise_upn(young_person.upn) == young_person.upn
        if young_person.nhs_number:
            assert normalise_nhs_number(young_person.nhs_number) == young_person.nhs_number
        if young_person.ni_number:
            assert normalise_ni_number(young_person.ni_number) == young_person.ni_number
        if young_person.postcode:
            assert normalise_uk_postcode(young_person.postcode) == young_person.postcode
        if young_person.phone:
            assert normalise_uk_phone(young_person.phone) == young_person.phone
    numbers = [young_person.nhs_number for young_person in people if young_person.nhs_number]
    assert len(numbers) == len(set(numbers))


@pytest.mark.django_db
def test_everyone_has_a_personal_adviser_in_their_team_and_children_a_social_worker() -> None:
    build_demo(seed=13, size=SMALL, today=TODAY)

    for young_person in YoungPerson.objects.all():
        current = {
            allocation.role: allocation
            for allocation in Allocation.objects.filter(
                young_person=young_person, end__isnull=True
            ).select_related("worker")
        }
        adviser = current[WorkerRole.PERSONAL_ADVISER]
        assert adviser.worker.team_id == young_person.team_id
        assert adviser.worker.is_active
        if young_person.category in ("eligible", "relevant"):
            assert current[WorkerRole.SOCIAL_WORKER].worker.team_id == young_person.team_id


@pytest.mark.django_db
def test_some_young_people_have_had_several_workers_in_the_last_year() -> None:
    build_demo(seed=2022, size=DemoSize(young_people=100), today=TODAY)

    year_ago = TODAY - datetime.timedelta(days=365)
    changes: dict[int, int] = {}
    for young_person_id in Allocation.objects.filter(
        is_change=True, start__gt=year_ago
    ).values_list("young_person_id", flat=True):
        changes[young_person_id] = changes.get(young_person_id, 0) + 1

    assert any(2 <= count <= 4 for count in changes.values())


@pytest.mark.django_db
def test_last_visit_is_the_latest_contact_in_which_they_were_seen() -> None:
    build_demo(seed=2022, size=SMALL, today=TODAY)

    for young_person in YoungPerson.objects.all():
        visits = Contact.objects.filter(young_person=young_person, made_contact=True, seen=True)
        latest = max((contact.occurred_at for contact in visits), default=None)
        assert young_person.last_visit_on == (
            timezone.localtime(latest).date() if latest else None
        )


@pytest.mark.django_db
def test_next_contact_due_is_what_the_casework_service_would_store() -> None:
    build_demo(seed=2022, size=SMALL, today=TODAY)

    # The service recomputes from the contacts with the contact standard engine and the
    # council's policy; nothing should need changing.
    assert contact_due_refresh_all(today=TODAY) == 0


@pytest.mark.django_db
def test_some_visits_are_overdue_and_some_due_soon() -> None:
    build_demo(seed=2022, size=SMALL, today=TODAY)

    due = list(YoungPerson.objects.values_list("next_contact_due", flat=True))
    overdue = [day for day in due if day < TODAY]
    soon = [day for day in due if TODAY <= day <= TODAY + datetime.timedelta(days=14)]
    assert 0 < len(overdue) < len(due) / 4
    assert soon


@pytest.mark.django_db
def test_restricted_records_name_their_personal_adviser_and_team_manager() -> None:
    build_demo(seed=2022, size=SMALL, today=TODAY)

    restricted = list(YoungPerson.objects.filter(is_restricted=True).select_related("team"))
    assert restricted
    for young_person in restricted:
        named = set(young_person.restricted_to.values_list("pk", flat=True))
        adviser = Allocation.objects.get(
            young_person=young_person, role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
        )
        assert adviser.worker_id in named
        assert young_person.team.manager_id in named
        assert young_person.restriction_reason


@pytest.mark.django_db
def test_seed_demo_loads_the_demo_logins_and_refuses_a_database_with_users() -> None:
    out = StringIO()
    call_command("seed_demo", "--young-people", "5", "--seed", "1", stdout=out)

    assert "Demo data loaded" in out.getvalue()
    assert set(User.objects.values_list("email", flat=True)) >= {
        login.email for login in DEMO_LOGINS
    }
    with pytest.raises(CommandError):
        call_command("seed_demo", "--young-people", "5", stdout=StringIO())


@pytest.mark.django_db
def test_seed_demo_if_empty_keeps_existing_data() -> None:
    call_command("seed_demo", "--young-people", "5", "--seed", "1", stdout=StringIO())
    before = sorted(YoungPerson.objects.values_list("child_id", "first_name", "last_name"))
    users = User.objects.count()

    out = StringIO()
    call_command("seed_demo", "--young-people", "50", "--seed", "2", "--if-empty", stdout=out)

    assert "already loaded" in out.getvalue()
    assert sorted(YoungPerson.objects.values_list("child_id", "first_name", "last_name")) == before
    assert User.objects.count() == users


def test_larger_councils_get_workers_in_proportion() -> None:
    assert DemoSize.for_young_people(700) == DemoSize()
    large = DemoSize.for_young_people(100_000)
    assert 4000 <= large.personal_advisers <= 4400
    assert 1400 <= large.social_workers <= 1450
