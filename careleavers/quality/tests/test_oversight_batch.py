"""Reviewing management oversight in one go from the work tray: each review is the single
review (its own checks and audit event per young person), and it is all or nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.work_tray import work_tray_kinds
from careleavers.casework.work_tray_batch import BatchRefused, batch_apply
from careleavers.casework.work_tray_triage import GROUP_OVER
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.models import OversightEntry
from careleavers.quality.tests.factories import OversightEntryFactory

pytestmark = pytest.mark.django_db

REVIEW = work_tray_kinds.get("oversight_review").batch
TRAY = reverse("casework:work_tray")
BATCH = reverse("casework:work_tray_batch")


@pytest.fixture
def manager() -> Any:
    return team_manager_of(TeamFactory(name="North team"))


def due_for_review(manager: Any, count: int = 1, **person: Any) -> list[OversightEntry]:
    return [
        OversightEntryFactory(
            young_person=YoungPersonFactory(team=manager.team, **person),
            manager=manager,
            recorded_on=TODAY - datetime.timedelta(days=60),
            review_by=TODAY - datetime.timedelta(days=3),
        )
        for _ in range(count)
    ]


def review_events(entry: OversightEntry) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            subject_type=entry._meta.label,
            subject_id=str(entry.pk),
            action=AuditEvent.Action.CHANGE,
        )
    )


# The service ---------------------------------------------------------------------------------


def test_each_chosen_oversight_is_reviewed_with_its_own_audit_event(manager: Any) -> None:
    entries = due_for_review(manager, 3)

    done = batch_apply(
        acting_user=manager,
        action=REVIEW,
        ids=[entry.pk for entry in entries],
        note="Directions followed; plans updated.",
    )

    assert done == 3
    for entry in entries:
        entry.refresh_from_db()
        assert entry.reviewed_on == TODAY
        assert entry.reviewed_by == manager
        assert entry.review_note == "Directions followed; plans updated."
        (event,) = review_events(entry)
        assert event.young_person_id == entry.young_person_id


def test_if_one_cannot_be_reviewed_none_is_and_it_is_named(manager: Any) -> None:
    fine = due_for_review(manager)[0]
    already = due_for_review(manager, first_name="Priya", last_name="Shah")[0]
    already.reviewed_on = TODAY
    already.save()

    with pytest.raises(BatchRefused) as refused:
        batch_apply(acting_user=manager, action=REVIEW, ids=[fine.pk, already.pk], note="Done.")

    assert [str(failure) for failure in refused.value.failures] == [
        f"{already.young_person.display_name}: This oversight has already been reviewed"
    ]
    fine.refresh_from_db()
    assert fine.reviewed_on is None
    assert review_events(fine) == []


def test_oversight_in_another_team_is_refused_without_naming_the_young_person(
    manager: Any,
) -> None:
    mine = due_for_review(manager)[0]
    elsewhere = due_for_review(UserFactory(roles=[Role.TEAM_MANAGER], team=TeamFactory()))[0]

    with pytest.raises(BatchRefused) as refused:
        batch_apply(acting_user=manager, action=REVIEW, ids=[mine.pk, elsewhere.pk], note="Ok")

    (failure,) = refused.value.failures
    assert failure.name == ""
    assert str(failure) == "A record you cannot open: you may not do this for them"
    mine.refresh_from_db()
    assert mine.reviewed_on is None


def test_a_batch_needs_a_note_and_something_chosen(manager: Any) -> None:
    entry = due_for_review(manager)[0]

    with pytest.raises(ValidationError) as no_note:
        batch_apply(acting_user=manager, action=REVIEW, ids=[entry.pk], note="  ")
    with pytest.raises(ValidationError):
        batch_apply(acting_user=manager, action=REVIEW, ids=[], note="Done.")

    assert no_note.value.message_dict == {"note": ["Enter what the reviews found"]}
    entry.refresh_from_db()
    assert entry.reviewed_on is None


# The tray and its pages ----------------------------------------------------------------------


def test_many_oversight_reviews_are_one_row_that_opens_them(client: Any, manager: Any) -> None:
    due_for_review(manager, GROUP_OVER + 1)
    client.force_login(manager)

    page = client.get(TRAY).content.decode()

    assert f"Management oversight to review ({GROUP_OVER + 1})" in page
    assert "Review your management oversight" not in page
    assert 'href="?show=mine&amp;kind=oversight_review"' in page
    opened = client.get(TRAY, {"show": "mine", "kind": "oversight_review"}).content.decode()
    assert opened.count(">Review your management oversight</a>") == GROUP_OVER + 1
    assert opened.count('name="item"') == GROUP_OVER + 1


def test_the_tray_narrowed_to_oversight_costs_the_same_for_1_or_15_entries(
    client: Any, manager: Any, django_assert_num_queries: Any
) -> None:
    due_for_review(manager)
    client.force_login(manager)
    query = {"show": "mine", "kind": "oversight_review", "due": "overdue"}
    client.get(TRAY, query)
    with CaptureQueriesContext(connection) as one:
        client.get(TRAY, query)

    due_for_review(manager, 14)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(TRAY, query).content.decode()

    assert page.count('name="item"') == 15


def test_a_manager_ticks_some_gives_one_note_and_confirms(client: Any, manager: Any) -> None:
    first, second, left = due_for_review(manager, 3)
    client.force_login(manager)
    back = f"{TRAY}?show=mine&kind=oversight_review"

    confirm = client.post(
        BATCH,
        {"kind": "oversight_review", "item": [first.pk, second.pk], "next": back},
    ).content.decode()
    assert "Review management oversight: 2 selected" in confirm
    assert escape(first.young_person.display_name) in confirm
    assert escape(left.young_person.display_name) not in confirm
    assert "Enter what the reviews found" not in confirm  # not asked yet

    response = client.post(
        BATCH,
        {
            "kind": "oversight_review",
            "item": [first.pk, second.pk],
            "next": back,
            "confirm": "1",
            "note": "Both directions followed.",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == back
    reviewed = OversightEntry.objects.filter(reviewed_on=TODAY)
    assert set(reviewed.values_list("pk", flat=True)) == {first.pk, second.pk}
    tray = client.get(back).content.decode()
    assert "Management oversight to review: 2 items marked as reviewed" in tray


def test_all_on_the_page_works_without_javascript(client: Any, manager: Any) -> None:
    entries = due_for_review(manager, 2)
    client.force_login(manager)
    ids = [entry.pk for entry in entries]

    client.post(
        BATCH,
        {
            "kind": "oversight_review",
            "all_on_page": "1",
            "on_page": ids,
            "confirm": "1",
            "note": "All followed.",
        },
    )

    assert OversightEntry.objects.filter(reviewed_on=TODAY).count() == 2


def test_without_a_note_the_confirmation_asks_for_one_and_nothing_changes(
    client: Any, manager: Any
) -> None:
    (entry,) = due_for_review(manager)
    client.force_login(manager)

    page = client.post(
        BATCH, {"kind": "oversight_review", "item": [entry.pk], "confirm": "1", "note": ""}
    ).content.decode()

    assert "There is a problem" in page
    assert "Enter what the reviews found" in page
    entry.refresh_from_db()
    assert entry.reviewed_on is None


def test_a_refusal_names_each_young_person_who_could_not_be_done(
    client: Any, manager: Any
) -> None:
    fine, already = due_for_review(manager, 2)
    OversightEntry.objects.filter(pk=already.pk).update(reviewed_on=TODAY)
    client.force_login(manager)

    page = client.post(
        BATCH,
        {"kind": "oversight_review", "item": [fine.pk, already.pk], "confirm": "1", "note": "Ok"},
    ).content.decode()

    assert "Nothing was marked as reviewed, because 1 of them could not be" in page
    assert escape(already.young_person.display_name) in page
    fine.refresh_from_db()
    assert fine.reviewed_on is None


def test_choosing_nothing_goes_back_to_the_tray_with_a_message(client: Any, manager: Any) -> None:
    client.force_login(manager)

    response = client.post(BATCH, {"kind": "oversight_review"}, follow=True)

    assert response.redirect_chain[-1][0] == TRAY
    assert "Select at least one item to mark as reviewed" in response.content.decode()
