"""core.audit.save_audited and archive_audited: a change or an archive by the acting user,
and one event for it, and the record's version moved on where it keeps one."""

from __future__ import annotations

import datetime

import pytest

from careleavers.accommodation.models import HomelessnessRisk, RiskReason
from careleavers.accounts.models import User
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.audit import (
    archive_audited,
    create_audited,
    save_audited,
    save_consequence,
)
from careleavers.core.concurrency import StaleEdit, keeps_version, refuse_if_stale
from careleavers.core.models import AuditEvent
from careleavers.learning.models import ActivityEpisode
from careleavers.offer.models import CatalogueItem
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.models import YouSaidWeDid
from careleavers.quality.tests.factories import AuditActionFactory

pytestmark = pytest.mark.django_db


def _activity_recorded(young_person: YoungPerson, *, by: User) -> ActivityEpisode:
    return create_audited(
        ActivityEpisode,
        acting_user=by,
        young_person_id=young_person.pk,
        young_person=young_person,
        activ="F1",  # full time in higher education
        start=datetime.date(2026, 9, 1),
    )


def test_the_change_is_saved_by_the_acting_user_and_logged_against_the_records_young_person() -> (
    None
):
    writer, corrector = UserFactory(), UserFactory()
    young_person = YoungPersonFactory()
    risk = HomelessnessRisk.objects.create(
        young_person=young_person,
        identified_on=datetime.date(2026, 12, 1),
        reason=RiskReason.NOTICE,
        created_by=writer,
        modified_by=writer,
    )

    risk.identified_on = datetime.date(2026, 11, 30)
    save_audited(risk, acting_user=corrector, detail={"identified_on": "2026-11-30"})

    risk.refresh_from_db()
    assert (risk.identified_on, risk.created_by, risk.modified_by) == (
        datetime.date(2026, 11, 30),
        writer,
        corrector,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.subject_type, event.subject_id) == (
        AuditEvent.Action.CHANGE,
        "accommodation.HomelessnessRisk",
        str(risk.pk),
    )
    assert (event.actor, event.young_person_id) == (corrector, young_person.pk)
    assert event.detail == {"identified_on": "2026-11-30"}


def test_a_record_about_nobody_in_particular_says_so() -> None:
    manager = UserFactory()
    item = YouSaidWeDid.objects.create(
        you_said="More evening drop-ins",
        we_did="Thursday drop-in",
        done_on=datetime.date(2026, 11, 30),
        created_by=manager,
        modified_by=manager,
    )

    item.we_did = "Thursday drop-in until 8pm"
    save_audited(item, acting_user=manager, young_person_id=None)

    event = AuditEvent.objects.get()
    assert (event.young_person_id, event.detail) == (None, {})
    item.refresh_from_db()
    assert item.we_did == "Thursday drop-in until 8pm"


def test_forgetting_to_say_a_record_is_about_nobody_fails_before_anything_is_written() -> None:
    manager = UserFactory()
    item = YouSaidWeDid.objects.create(
        you_said="x", we_did="y", done_on=datetime.date(2026, 11, 30), created_by=manager
    )
    with pytest.raises(AttributeError, match="young_person_id"):
        save_audited(item, acting_user=UserFactory())
    assert not AuditEvent.objects.exists()
    item.refresh_from_db()
    assert item.modified_by is None


def test_naming_the_changed_fields_writes_only_them_and_who_changed_it() -> None:
    writer, corrector = UserFactory(), UserFactory()
    risk = HomelessnessRisk.objects.create(
        young_person=YoungPersonFactory(),
        identified_on=datetime.date(2026, 12, 1),
        reason=RiskReason.NOTICE,
        created_by=writer,
        modified_by=writer,
    )
    before = risk.modified_at

    risk.ended_on = datetime.date(2026, 12, 3)
    risk.identified_on = datetime.date(2026, 11, 1)  # changed in memory, not named
    save_audited(risk, acting_user=corrector, changed=["ended_on"])

    risk.refresh_from_db()
    assert risk.ended_on == datetime.date(2026, 12, 3)
    assert risk.identified_on == datetime.date(2026, 12, 1)
    assert risk.modified_by == corrector
    assert risk.modified_at > before


def test_a_change_to_a_record_that_keeps_a_version_moves_it_on_so_an_older_edit_is_stale() -> None:
    starter, changer = UserFactory(), UserFactory()
    young_person = YoungPersonFactory()
    episode = _activity_recorded(young_person, by=starter)
    opened_at = episode.version

    episode.provider = "Bradford College"
    # Only the provider is named: the version is written with it all the same.
    save_audited(episode, acting_user=changer, changed=["provider"])

    episode.refresh_from_db()
    assert (episode.provider, episode.version) == ("Bradford College", opened_at + 1)
    with pytest.raises(StaleEdit, match="after you opened it"):
        refuse_if_stale(episode, version=opened_at, what="this activity")


def test_a_record_not_saved_before_is_logged_as_created_by_the_acting_user() -> None:
    adviser = UserFactory()
    young_person = YoungPersonFactory()
    episode = ActivityEpisode(
        young_person=young_person, activ="F1", start=datetime.date(2026, 9, 1)
    )

    save_audited(episode, acting_user=adviser, detail={"activ": "F1"})

    episode.refresh_from_db()
    assert (episode.created_by, episode.modified_by, episode.version) == (adviser, adviser, 1)
    event = AuditEvent.objects.get()
    assert (event.action, event.young_person_id, event.detail) == (
        AuditEvent.Action.CREATE,
        young_person.pk,
        {"activ": "F1"},
    )


def test_a_consequence_is_counted_and_attributed_but_left_to_the_event_of_its_cause() -> None:
    starter, mover = UserFactory(), UserFactory()
    young_person = YoungPersonFactory()
    episode = _activity_recorded(young_person, by=starter)
    events_before = AuditEvent.objects.count()

    episode.end = datetime.date(2026, 12, 1)
    save_consequence(episode, acting_user=mover, changed=["end"])

    episode.refresh_from_db()
    assert (episode.end, episode.version, episode.modified_by) == (
        datetime.date(2026, 12, 1),
        2,
        mover,
    )
    assert episode.history.latest("history_date").history_user == mover
    assert AuditEvent.objects.count() == events_before


def test_only_a_count_named_version_is_a_version() -> None:
    assert keeps_version(ActivityEpisode())
    assert not keeps_version(HomelessnessRisk())
    # A local offer item's `version` is the offer version it belongs to, not a count.
    assert not keeps_version(CatalogueItem())


def test_a_record_that_keeps_a_history_names_the_acting_user_there_outside_a_request() -> None:
    # Jobs and imports run outside a request, where django-simple-history would find nobody.
    starter, changer = UserFactory(), UserFactory()
    young_person = YoungPersonFactory()
    episode = _activity_recorded(young_person, by=starter)
    episode.provider = "Bradford College"
    save_audited(episode, acting_user=changer, changed=["provider"])

    assert [row.history_user for row in episode.history.order_by("history_date")] == [
        starter,
        changer,
    ]


def test_archiving_keeps_the_record_with_its_reason_and_logs_one_archive_event() -> None:
    starter, remover = UserFactory(), UserFactory()
    young_person = YoungPersonFactory()
    episode = _activity_recorded(young_person, by=starter)
    episode.provider = "changed in memory, not archived with it"

    archive_audited(episode, acting_user=remover, reason="Recorded for the wrong young person")

    episode.refresh_from_db()
    assert episode.is_archived
    assert (episode.archived_by, episode.archive_reason, episode.modified_by) == (
        remover,
        "Recorded for the wrong young person",
        remover,
    )
    assert episode.provider == ""
    # Counted as a change, so an edit begun before it is refused as stale.
    assert episode.version == 2
    event = AuditEvent.objects.get(action=AuditEvent.Action.ARCHIVE)
    assert (event.actor, event.young_person_id, event.subject_id) == (
        remover,
        young_person.pk,
        str(episode.pk),
    )
    assert ActivityEpisode.objects.live().count() == 0
    assert episode.history.latest("history_date").history_user == remover


def test_a_record_without_a_version_is_archived_all_the_same() -> None:
    action = AuditActionFactory()
    assert not hasattr(action, "version")
    auditor = UserFactory()

    archive_audited(
        action, acting_user=auditor, reason="Duplicate", young_person_id=None, detail={"x": 1}
    )

    action.refresh_from_db()
    assert (action.is_archived, action.archive_reason, action.archived_by) == (
        True,
        "Duplicate",
        auditor,
    )
    event = AuditEvent.objects.get(action=AuditEvent.Action.ARCHIVE)
    assert (event.young_person_id, event.detail) == (None, {"x": 1})
