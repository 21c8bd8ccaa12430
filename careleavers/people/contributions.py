"""What the people app adds to the overview, the chronology and the record's tabs
(registered in registrations.py).

Chronology sources: care episodes, "about me" changes and category changes. Overview panels:
accommodation and activity, which show an empty state until the accommodation and learning
apps register panels under the same keys and so replace them (never invented values).
Each source costs one query whatever the number of entries.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from careleavers.core.dfe_codes import LS, PLACE, PLACE_RETIRED, REC
from careleavers.core.models import AuditEvent
from careleavers.people.category import Category
from careleavers.people.chronology import ChronologyEntry, ChronologySource, written_by
from careleavers.people.models import AboutMe, CareEpisode
from careleavers.people.overview import OverviewPanel
from careleavers.people.record_frame import RecordTab
from careleavers.people.services import CATEGORY_SUBJECT

_LEGAL_STATUS = dict(LS)
_PLACEMENT = dict(PLACE + PLACE_RETIRED)
_REASON_ENDED = dict(REC)
_CATEGORY_LABELS = {category.value: category.label for category in Category}

# Keys other apps use to replace the empty panels below.
ACCOMMODATION_PANEL = "accommodation"
ACTIVITY_PANEL = "activity"


def _episode_entry(
    episode: CareEpisode, url: str, when: Any, title: str, summary: str
) -> ChronologyEntry:
    """The start or the end of a care episode, in the chronology."""
    return ChronologyEntry(
        when=when,
        kind="care_episode",
        kind_label="Care episode",
        title=title,
        summary=summary,
        by=written_by(episode.created_by),
        url=url,
    )


def care_episode_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    entries = []
    episodes = CareEpisode.objects.filter(young_person=young_person).select_related("created_by")
    for episode in episodes:
        url = reverse(
            "people:episode_edit", kwargs={"pk": young_person.pk, "episode_pk": episode.pk}
        )
        legal = _LEGAL_STATUS.get(episode.legal_status, episode.legal_status)
        placement = _PLACEMENT.get(episode.placement_type, episode.placement_type)
        entries.append(
            _episode_entry(
                episode,
                url,
                episode.start,
                f"Episode started: {legal}",
                f"Placement: {placement} ({episode.placement_type}).",
            )
        )
        if episode.end is not None:
            reason = _REASON_ENDED.get(episode.reason_ended, "reason not recorded")
            entries.append(
                _episode_entry(episode, url, episode.end, "Episode ceased", f"Reason: {reason}.")
            )
    return entries


def about_me_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    """Each version written, and each agreement, from the about me's history."""
    history = AboutMe.history.filter(young_person_id=young_person.pk).select_related(
        "history_user", "written_by"
    )
    url = reverse("people:about_me", kwargs={"pk": young_person.pk})
    entries = []
    previous = None
    for row in history.order_by("history_date", "history_id"):
        words = (row.summary, row.please_do_not_ask)
        if previous is None or words != (previous.summary, previous.please_do_not_ask):
            entries.append(
                ChronologyEntry(
                    when=row.history_date,
                    kind="about_me",
                    kind_label="About me",
                    title="Written" if previous is None else "Rewritten",
                    summary=row.summary,
                    by=written_by(row.written_by),
                    url=url,
                )
            )
        agreed = row.agreed_by_young_person_on
        if agreed is not None and (
            previous is None or previous.agreed_by_young_person_on != agreed
        ):
            entries.append(
                ChronologyEntry(
                    when=agreed,
                    kind="about_me",
                    kind_label="About me",
                    title=f"{young_person.display_name} agreed it",
                    by=written_by(row.history_user),
                    url=url,
                )
            )
        previous = row
    return entries


def category_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    events = AuditEvent.objects.filter(
        young_person_id=young_person.pk, subject_type=CATEGORY_SUBJECT
    ).order_by("at")
    url = reverse("people:care_history", kwargs={"pk": young_person.pk})
    entries = []
    for event in events:
        detail = event.detail or {}
        label = _CATEGORY_LABELS.get(detail.get("to", ""), detail.get("to", ""))
        entries.append(
            ChronologyEntry(
                when=event.at,
                kind="category",
                kind_label="Category",
                title=f"Category is now {label.lower()}",
                summary=detail.get("reason", ""),
                by=event.actor_label or "Worked out by the service",
                url=url,
            )
        )
    return entries


def _not_recorded(title: str, question: str) -> Any:
    def context(*, young_person: Any, user: Any) -> dict[str, Any]:
        return {"title": title, "empty_rows": [{"key": question, "value": ""}]}

    return context


# Placeholders until the accommodation and learning apps register panels under these keys.
EMPTY_PANELS = (
    OverviewPanel(
        key=ACCOMMODATION_PANEL,
        template="people/panels/not_recorded.html",
        context=_not_recorded("Where they live", "Current accommodation"),
        order=12,
    ),
    OverviewPanel(
        key=ACTIVITY_PANEL,
        template="people/panels/not_recorded.html",
        context=_not_recorded("Education, training or work", "Current activity"),
        order=14,
    ),
)


# The record's own tabs. Other apps' tabs slot in between by their order (record_frame.py).
RECORD_TABS = (
    RecordTab(key="overview", label="Overview", url_name="people:overview", order=10),
    RecordTab(key="about_me", label="About me", url_name="people:about_me", order=15),
    RecordTab(key="chronology", label="Chronology", url_name="people:chronology", order=20),
    RecordTab(key="details", label="Details", url_name="people:details", order=150),
    RecordTab(key="care_history", label="Care history", url_name="people:care_history", order=160),
)


CHRONOLOGY_SOURCES = (
    ChronologySource("care_episode", "Care episodes", care_episode_entries),
    ChronologySource("about_me", "About me", about_me_entries),
    ChronologySource("category", "Category changes", category_entries),
)
