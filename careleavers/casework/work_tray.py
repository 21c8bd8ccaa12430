"""The work tray: what each worker has due and overdue, most urgent first.

Capabilities add kinds of work in their `registrations.py` (core/registry.py): a provider
function of a `WorkTrayScope` that returns `WorkItem`s, registered as a `WorkTrayKind`. For a
worked example read `plans_returned` in plans/contributions.py (the pathway plans a manager
returned to a worker) and its registration in plans/registrations.py.

A provider gets a `WorkTrayScope` (the viewing user, today, and whose work to show) and must
cost a fixed number of queries however many items it returns: filter querysets through
`scope.allocated_young_people()` or `scope.visible_young_people()` (both go through the
visibility selector) and never query inside the loop over rows.

A kind that is a decision waiting for the viewer (a plan or a payment to authorise) says so with
`decision=True`, and comes straight after urgent items. A kind whose items a worker deals with
many at a time offers a `batch` action (work_tray_batch.py). Narrowing, counting and folding
the tray are in work_tray_triage.py, the pages in work_tray_views.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework import duty_presenters
from careleavers.casework.models import (
    Allocation,
    DutyAlert,
    DutyAlertMessage,
    Notification,
    StoredWorkDay,
    StoredWorkItem,
    StoredWorkPending,
    WorkerRole,
)
from careleavers.casework.rules import managed_team_ids
from careleavers.casework.work_tray_batch import BatchAction
from careleavers.core.registry import Registry
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

MINE = "mine"
TEAM = "team"
# Contacts show in the tray from this many days before they fall due.
CONTACT_HORIZON_DAYS = 14


# What the tray shows of an item's young person: their name (`display_name`) and child ID,
# with the pk for the link. A kind that reads young people reads only these, and whatever its
# own title needs, so a tray of thousands of items loads no more than it shows.
WORK_ITEM_PERSON_FIELDS = ("pk", "first_name", "last_name", "preferred_name", "child_id")


@dataclass(frozen=True)
class WorkItem:
    kind: str  # the registered kind's key, e.g. "contact_due"
    young_person: YoungPerson | None
    title: str
    due: datetime.date | None
    overdue: bool
    url: str
    urgent: bool = False
    detail: str = ""  # one line under the title, in plain words
    worker_name: str = ""  # whose work it is, shown in the team view
    notification_id: int | None = None  # set when the viewer can mark the item read
    days_overdue: int = 0
    # What the kind's batch action acts on (for example the oversight entry's id), when the
    # kind has one: see work_tray_batch.py.
    batch_id: int | None = None

    @classmethod
    def due_on(
        cls,
        due: datetime.date,
        *,
        today: datetime.date,
        kind: str,
        young_person: YoungPerson | None,
        title: str,
        url: str,
        detail: str = "",
        worker_name: str = "",
        batch_id: int | None = None,
    ) -> WorkItem:
        """An item due on `due`: overdue from the day after, by so many days (the tray's order)."""
        days_overdue = max(0, (today - due).days)
        return cls(
            kind=kind,
            young_person=young_person,
            title=title,
            due=due,
            overdue=days_overdue > 0,
            days_overdue=days_overdue,
            url=url,
            detail=detail,
            worker_name=worker_name,
            batch_id=batch_id,
        )

    @property
    def sort_key(self) -> tuple[Any, ...]:
        # Urgent first, then the longest overdue, then the soonest due; undated items last.
        # Ties go by young person, so a tray's order never depends on which query found them.
        return (
            not self.urgent,
            -self.days_overdue,
            self.due or datetime.date.max,
            self.title,
            self.young_person.pk if self.young_person is not None else 0,
            self.url,
        )


@dataclass(frozen=True)
class WorkTrayScope:
    """Whose work to show: the user's own ("mine") or their team's ("team")."""

    user: Any
    today: datetime.date
    scope: str = MINE
    team_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_team(self) -> bool:
        return self.scope == TEAM

    def worker_ids(self) -> QuerySet[Any]:
        """The workers whose items show, as a subquery (no query of its own)."""
        if not self.is_team:
            return User.objects.filter(pk=self.user.pk).values("pk")
        return User.objects.filter(team_id__in=self.team_ids).values("pk")

    @cached_property
    def worker_id_list(self) -> list[int]:
        """The workers whose items show, as ids (a query of its own only in the team view),
        for a kind whose database can then look each up in an index."""
        if not self.is_team:
            return [self.user.pk]
        return list(self.worker_ids().values_list("pk", flat=True))

    @cached_property
    def _visible(self) -> QuerySet[YoungPerson]:
        return young_people_visible_to(user=self.user)

    def visible_young_people(self) -> QuerySet[YoungPerson]:
        """Built once per work tray (for a team manager, building it reads their teams) and
        handed to each kind as a fresh copy."""
        return self._visible.all()

    def current_allocations(self, young_person: str = "pk") -> QuerySet[Allocation]:
        """Current allocations to the workers in scope, for the young person in
        OuterRef(`young_person`)."""
        return Allocation.objects.filter(
            young_person=OuterRef(young_person),
            end__isnull=True,
            worker_id__in=self.worker_ids(),
        )

    @cached_property
    def allocated_ids(self) -> list[int]:
        """The ids of the young people the user can see who are allocated to a worker in
        scope, found once per work tray: each of the twenty or so kinds then filters on a short
        list instead of building and running the visibility query again (which was most of the
        tray's time at 100,000 young people)."""
        return list(
            self.visible_young_people()
            .filter(Exists(self.current_allocations()))
            .order_by()
            .values_list("pk", flat=True)
        )

    @cached_property
    def _worker_name(self) -> Subquery:
        return self.worker_name("pk")

    def worker_name(self, young_person: str) -> Subquery:
        """The name of the young person's worker in scope (in OuterRef(`young_person`)): the
        personal adviser first, then the social worker."""
        names = (
            self.current_allocations(young_person)
            .order_by("role")
            .annotate(
                name=Concat(
                    "worker__first_name",
                    Value(" "),
                    "worker__last_name",
                    output_field=CharField(),
                )
            )
            .values("name")[:1]
        )
        return Subquery(names)

    def allocated_young_people(self) -> QuerySet[YoungPerson]:
        """Young people the user can see who are allocated to a worker in scope, with
        `worker_name` (the personal adviser first, then the social worker). The ids go as one
        array (core/lookups.py) and the name's subquery is built once per work tray. No ids
        gives an empty queryset, which Django answers without building any SQL (a manager
        or head of service has no one allocated, and most kinds then cost nothing)."""
        ids = self.allocated_ids
        if not ids:
            return YoungPerson.objects.none()
        return YoungPerson.objects.filter(pk__any=ids).annotate(worker_name=self._worker_name)


Provider = Callable[[WorkTrayScope], list[WorkItem]]


@dataclass(frozen=True)
class WorkTrayKind:
    kind: str
    label: str
    provider: Provider
    # Some kinds only make sense for a team (for example young people without a worker).
    team_only: bool = False
    # A decision waiting for the viewer (a plan or a payment to authorise): these come straight
    # after urgent items, so they are never buried behind dozens of routine reviews.
    decision: bool = False
    # Something a worker does to many items of this kind at once, with one note (for example
    # reviewing management oversight): see work_tray_batch.py.
    batch: BatchAction | None = None
    # False for kinds whose items are never overdue (messages, decisions waiting, requests):
    # counting overdue work (a manager's home page) then skips them instead of building them.
    # A test runs every kind on the demo council and holds each kind to this promise.
    may_be_overdue: bool = True
    # True for kinds whose items depend on nothing but the young person's records and the day
    # (not on who is looking, nor on anything outside the record): they are worked out ahead and
    # read from StoredWorkItem (stored_work.py). Such a provider must ask only
    # `scope.allocated_young_people()` and `scope.today`; a test compares the stored items with
    # the provider's on the demo council for every worker.
    stored: bool = False


work_tray_kinds: Registry[WorkTrayKind] = Registry(
    "work tray kinds", key=lambda kind: kind.kind, order=lambda kind: kind.label
)


def scopes_for(user: Any) -> list[str]:
    """Managers can switch between their own items and their team's."""
    if user.has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE) and _team_ids(user):
        return [MINE, TEAM]
    return [MINE]


def _team_ids(user: Any) -> frozenset[int]:
    ids = managed_team_ids(user)
    if user.has_role(Role.HEAD_OF_SERVICE) and user.team_id:
        ids.add(user.team_id)
    return frozenset(ids)


def work_tray_for(
    *,
    user: Any,
    today: datetime.date | None = None,
    scope: str = MINE,
    only_overdue: bool = False,
) -> list[WorkItem]:
    """Everything due for the user (or their team), most urgent first; with `only_overdue`,
    only what is overdue (kinds that are never overdue are not asked)."""
    today = today or timezone.localdate()
    if scope not in scopes_for(user):
        scope = MINE
    context = WorkTrayScope(
        user=user,
        today=today,
        scope=scope,
        team_ids=_team_ids(user) if scope == TEAM else frozenset(),
    )
    items: list[WorkItem] = []
    decisions = set()
    # A scope with nobody allocated asks no kind anything, stored or not (allocated_young_people
    # is then empty), so there is no need to ask whether the stored items are current.
    use_stored = bool(context.allocated_ids) and stored_items_are_current(today)
    stored_kinds = []
    for kind in work_tray_kinds:
        if kind.team_only and not context.is_team:
            continue
        if only_overdue and not kind.may_be_overdue:
            continue
        if kind.decision:
            decisions.add(kind.kind)
        if kind.stored and use_stored:
            stored_kinds.append(kind)
            continue
        found = kind.provider(context)
        items.extend(item for item in found if item.overdue or not only_overdue)
    if stored_kinds:
        items.extend(stored_items(context, kinds=stored_kinds, only_overdue=only_overdue))
    # Urgent first, then the decisions waiting for the viewer, then the rest by how overdue.
    return sorted(
        items, key=lambda item: (not item.urgent, item.kind not in decisions, item.sort_key)
    )


def stored_items_are_current(today: datetime.date) -> bool:
    """Whether every young person's stored items were worked out for `today` (the daily job
    has run today, and no council-wide change has set them aside since)."""
    return StoredWorkDay.objects.filter(day=today, set_aside=False).exists()


@dataclass(frozen=True)
class _PendingYoungPeople(WorkTrayScope):
    """A tray's scope narrowed to the young people in it whose stored items are still being
    worked out again after a change: a stored kind's provider asks only
    `allocated_young_people()` (these, with the worker in scope named as in the whole tray) and
    `today`."""

    pending_ids: tuple[int, ...] = ()

    @cached_property
    def allocated_ids(self) -> list[int]:
        return list(self.pending_ids)


def narrowed_to_pending(scope: WorkTrayScope, pending: tuple[int, ...]) -> WorkTrayScope:
    """The tray's scope narrowed to these young people, keeping whose work it shows."""
    return _PendingYoungPeople(
        user=scope.user,
        today=scope.today,
        scope=scope.scope,
        team_ids=scope.team_ids,
        pending_ids=pending,
    )


def stored_items(
    scope: WorkTrayScope, *, kinds: list[WorkTrayKind], only_overdue: bool
) -> list[WorkItem]:
    """The items of these stored kinds for the young people allocated to the workers in scope,
    with the worker in scope named as the kind's provider would. Two queries when nobody is
    pending; see `stored_or_asked`."""
    if not scope.allocated_ids:
        return []
    return stored_or_asked(
        scope,
        among=scope.allocated_ids,
        kinds=kinds,
        only_overdue=only_overdue,
        narrowed=narrowed_to_pending,
    )


def stored_or_asked(
    scope: WorkTrayScope,
    *,
    among: list[int] | QuerySet[YoungPerson],
    kinds: list[WorkTrayKind],
    only_overdue: bool,
    narrowed: Callable[[WorkTrayScope, tuple[int, ...]], WorkTrayScope],
) -> list[WorkItem]:
    """The items of these stored kinds for the young people `among` (their ids, or a query of
    them). Read from the stored items, except for young people marked pending after a change
    whose items the background task has not worked out again yet (stored_work.py): their
    stored items may be out of date, so the kinds are asked directly for them alone, in the
    scope `narrowed` makes of them. Each kind's own fixed number of queries besides when anyone
    is pending, however many are."""
    pending, rest = split_pending(among)
    items = read_stored_items(
        scope, among=rest, kinds=[kind.kind for kind in kinds], only_overdue=only_overdue
    )
    if pending:
        asked = narrowed(scope, pending)
        for kind in kinds:
            items.extend(item for item in kind.provider(asked) if item.overdue or not only_overdue)
    return items


def split_pending(
    among: list[int] | QuerySet[YoungPerson],
) -> tuple[tuple[int, ...], list[int] | QuerySet[YoungPerson]]:
    """The young people `among` marked pending after a change (their stored items may be out
    of date), and the rest, in the form `among` came in (1 query)."""
    if isinstance(among, list):
        marked = StoredWorkPending.objects.filter(young_person_id__any=among)
    else:
        marked = StoredWorkPending.objects.filter(young_person__in=among.values("pk"))
    pending = tuple(sorted(set(marked.values_list("young_person_id", flat=True))))
    if isinstance(among, list):
        skip = set(pending)
        return pending, [pk for pk in among if pk not in skip]
    return pending, among.exclude(pk__in=pending)


def stored_rows(
    *, among: list[int] | QuerySet[YoungPerson], kinds: list[str], only_overdue: bool
) -> QuerySet[StoredWorkItem]:
    """The stored items of these kinds for the young people `among` (their ids, or a query of
    them that the database answers inside the same query), unread."""
    if isinstance(among, list):
        rows = StoredWorkItem.objects.filter(young_person_id__any=among)
    else:
        rows = StoredWorkItem.objects.filter(young_person__in=among.values("pk"))
    rows = rows.filter(kind__in=kinds)
    return rows.filter(overdue=True) if only_overdue else rows


def read_stored_items(
    scope: WorkTrayScope,
    *,
    among: list[int] | QuerySet[YoungPerson],
    kinds: list[str],
    only_overdue: bool,
    most_overdue: int | None = None,
) -> list[WorkItem]:
    """The stored items of these kinds for the young people `among`; given `most_overdue`, only
    that many, the most overdue first (the database orders and cuts them)."""
    if isinstance(among, list) and not among:
        return []
    rows = stored_rows(among=among, kinds=kinds, only_overdue=only_overdue).select_related(
        "young_person"
    )
    if most_overdue is not None:
        rows = rows.order_by("-days_overdue", "young_person_id")[:most_overdue]
    rows = rows.annotate(worker_name=scope.worker_name("young_person_id"))
    return [
        WorkItem(
            kind=row.kind,
            young_person=row.young_person,
            title=row.title,
            due=row.due,
            overdue=row.overdue,
            url=row.url,
            urgent=row.urgent,
            detail=row.detail,
            worker_name=row.worker_name or "",
            days_overdue=row.days_overdue,
            batch_id=row.batch_id,
        )
        for row in rows
    ]


# The kinds casework provides -----------------------------------------------------------------


def _record_url(young_person: YoungPerson) -> str:
    from careleavers.casework.services import young_person_url

    return young_person_url(young_person)


def contacts_due(scope: WorkTrayScope) -> list[WorkItem]:
    horizon = scope.today + datetime.timedelta(days=CONTACT_HORIZON_DAYS)
    young_people = (
        scope.allocated_young_people()
        .filter(next_contact_due__lte=horizon)
        .only(*WORK_ITEM_PERSON_FIELDS, "next_contact_due", "next_contact_rule")
    )
    items = []
    for young_person in young_people:
        due = young_person.next_contact_due
        assert due is not None  # filtered above
        days_overdue = max(0, (scope.today - due).days)
        if days_overdue:
            title = f"Visit overdue by {days_overdue} day{'s' if days_overdue != 1 else ''}"
        elif due == scope.today:
            title = "Visit due today"
        else:
            days = (due - scope.today).days
            title = f"Visit due in {days} day{'s' if days != 1 else ''}"
        items.append(
            WorkItem.due_on(
                due,
                today=scope.today,
                kind="contact_due",
                young_person=young_person,
                title=title,
                url=reverse("casework:contact_add", kwargs={"pk": young_person.pk}),
                detail=young_person.next_contact_rule,
                worker_name=getattr(young_person, "worker_name", None) or "",
            )
        )
    return items


def unread_notifications(scope: WorkTrayScope) -> list[WorkItem]:
    visible = scope.visible_young_people()
    notifications = (
        Notification.objects.filter(recipient_id__in=scope.worker_ids(), read_at__isnull=True)
        # A notification about a record the viewer cannot open (a restricted record, seen in
        # the team view) is left out rather than shown with the young person's name.
        .filter(Q(young_person__isnull=True) | Q(young_person__in=visible))
        .select_related("young_person", "recipient")
    )
    return [
        WorkItem(
            kind="notification",
            young_person=notification.young_person,
            title=notification.message,
            due=timezone.localtime(notification.created_at).date(),
            overdue=False,
            url=notification.link,
            urgent=notification.urgent,
            worker_name=str(notification.recipient),
            notification_id=(
                notification.pk if notification.recipient_id == scope.user.pk else None
            ),
        )
        for notification in notifications
    ]


def category_decisions(scope: WorkTrayScope) -> list[WorkItem]:
    young_people = (
        scope.allocated_young_people()
        .exclude(category_needs_decision="")
        .only(*WORK_ITEM_PERSON_FIELDS, "category_needs_decision", "category_next_check")
    )
    items = []
    for young_person in young_people:
        items.append(
            WorkItem.due_on(
                young_person.category_next_check or scope.today,
                today=scope.today,
                kind="category_decision",
                young_person=young_person,
                title="Decide a question about their leaving care category",
                url=reverse("people:care_history", kwargs={"pk": young_person.pk}),
                detail=young_person.category_needs_decision,
                worker_name=getattr(young_person, "worker_name", None) or "",
            )
        )
    return items


def without_personal_adviser(scope: WorkTrayScope) -> list[WorkItem]:
    """For managers: young people in their teams with no personal adviser.

    Not those aged 21 to 25 who said they no longer want one (CA 1989 s.23CZB(3)(b)).
    """
    has_pa = Allocation.objects.filter(
        young_person=OuterRef("pk"), role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
    )
    young_people = (
        scope.visible_young_people()
        .filter(team_id__in=scope.team_ids, personal_adviser_declined_on__isnull=True)
        .exclude(Exists(has_pa))
        .only(*WORK_ITEM_PERSON_FIELDS, "date_of_birth")
    )
    url_name = "casework:allocation_change"
    return [
        WorkItem(
            kind="no_personal_adviser",
            young_person=young_person,
            title="Allocate a personal adviser",
            due=None,
            overdue=False,
            url=reverse(url_name, kwargs={"pk": young_person.pk}) + "?role=pa",
            detail="Nobody is their personal adviser at the moment.",
        )
        for young_person in young_people
    ]


def duty_alerts_open(scope: WorkTrayScope) -> list[WorkItem]:
    """Young people who said they do not feel safe, until someone replies to them: one urgent
    item each, with the number to call, for their allocated workers (or their team manager when
    they have no personal adviser), for the duty worker it was sent to, and in the team view."""
    visible = scope.visible_young_people().order_by().values("pk")
    if scope.is_team:
        in_teams = scope.visible_young_people().filter(team_id__in=scope.team_ids)
        condition = Q(young_person__in=in_teams.order_by().values("pk")) | Q(
            young_person_id__in=scope.allocated_ids
        )
    else:
        condition = Q(young_person_id__in=scope.allocated_ids) | Q(duty_worker=scope.user)
        teams = managed_team_ids(scope.user)
        if teams:
            has_adviser = Allocation.objects.filter(
                young_person=OuterRef("young_person"),
                role=WorkerRole.PERSONAL_ADVISER,
                end__isnull=True,
            )
            condition |= Q(young_person__team_id__in=teams) & ~Q(Exists(has_adviser))
    duty_alerts = (
        DutyAlert.objects.filter(closed_at__isnull=True, young_person__in=visible)
        .filter(condition)
        .select_related("young_person")
        .annotate(
            failed_count=Count(
                "messages", filter=Q(messages__status=DutyAlertMessage.Status.FAILED)
            )
        )
    )
    return [
        WorkItem(
            kind="duty_alert",
            young_person=duty_alert.young_person,
            title=duty_presenters.tray_title(duty_alert),
            due=timezone.localtime(duty_alert.raised_at).date(),
            overdue=False,
            url=reverse("casework:duty_alert", kwargs={"pk": duty_alert.pk}),
            urgent=True,
            detail=duty_presenters.tray_detail(duty_alert),
        )
        for duty_alert in duty_alerts
    ]


work_tray_kinds.register(
    WorkTrayKind(kind="contact_due", label="Visits due", provider=contacts_due, stored=True)
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="duty_alert",
        label="Young people who do not feel safe",
        provider=duty_alerts_open,
        may_be_overdue=False,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="notification",
        label="Messages",
        provider=unread_notifications,
        may_be_overdue=False,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="category_decision",
        label="Category decisions",
        provider=category_decisions,
        stored=True,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="no_personal_adviser",
        label="No personal adviser",
        provider=without_personal_adviser,
        team_only=True,
        may_be_overdue=False,
    )
)
