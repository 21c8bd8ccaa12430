"""Reads for the young person's pages and for the staff who look after their accounts.

Whatever a young person sees is found from their account link: `account_for_user` gives the
young person, and every other read here takes that young person and looks only within their
own records. An id from a URL is always looked up within those records, so another young
person's id gives 404.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from careleavers.people.models import YoungPerson
from careleavers.portal.models import (
    Invitation,
    OutboxMessage,
    PortalAccount,
    RequestKind,
    RequestMessage,
    RequestStatus,
    YoungPersonRequest,
)

INVITATION_SALT = "careleavers.portal.invitation"
DEFAULT_INVITATION_DAYS = 7
# Wrong dates of birth typed on one invitation link before it stops working.
MAX_FAILED_CHECKS = 5


def invitation_days() -> int:
    return int(getattr(settings, "PORTAL_INVITATION_DAYS", DEFAULT_INVITATION_DAYS))


# The signed-in young person -----------------------------------------------------------------


def _accounts() -> QuerySet[PortalAccount]:
    return PortalAccount.objects.select_related("young_person", "young_person__team", "user")


def account_for_user(user: Any) -> PortalAccount | None:
    """The account link of a signed-in young person, with their (live) record; None for staff,
    for a young person without a link, or when the record has been archived."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return _accounts().filter(user=user, young_person__archived_at__isnull=True).first()


# Where a request keeps the signed-in user's account once it is read: (the user's id, the
# account or None).
_KEPT_ACCOUNT = "_portal_account"


def account_on_request(request: HttpRequest) -> PortalAccount | None:
    """The signed-in user's account link with their record, whatever state the record is in;
    None for staff and anyone not signed in. Read once per request and kept on it: the
    language middleware needs it to choose the page's language, then `portal_page` to find
    the young person. Kept with the user's id, so signing in during the request reads it
    again."""
    user = getattr(request, "user", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    kept = getattr(request, _KEPT_ACCOUNT, None)
    if kept is not None and kept[0] == user_id:
        return kept[1]
    account = _accounts().filter(user_id=user_id).first() if user_id is not None else None
    setattr(request, _KEPT_ACCOUNT, (user_id, account))
    return account


def live_account_on_request(request: HttpRequest) -> PortalAccount | None:
    """`account_for_user` for the request's user, from the account kept on the request."""
    account = account_on_request(request)
    if account is None or not account.user.is_active or account.young_person.archived_at:
        return None
    return account


def user_for_sign_in_phone(phone: str) -> Any:
    """The account a texted sign-in code is for: a young person's, with their record live,
    whose number was proved by a code or by their invitation coming to it. Never a staff
    member (they have no portal account), and nobody when two accounts share the number."""
    if not phone:
        return None
    accounts = list(
        PortalAccount.objects.select_related("user").filter(
            user__phone=phone,
            user__phone_verified=True,
            user__is_active=True,
            young_person__archived_at__isnull=True,
        )[:2]
    )
    return accounts[0].user if len(accounts) == 1 else None


def account_for_young_person(*, young_person: YoungPerson) -> PortalAccount | None:
    return PortalAccount.objects.select_related("user").filter(young_person=young_person).first()


@dataclass(frozen=True)
class Contacts:
    """Who the young person can reach, shown on every page."""

    adviser_name: str
    adviser_phone: str
    adviser_email: str
    duty_phone: str
    out_of_hours_phone: str

    @property
    def has_adviser(self) -> bool:
        return bool(self.adviser_name)


def personal_adviser_for(*, young_person: YoungPerson) -> Any | None:
    from careleavers.casework.selectors import current_allocations

    allocation = current_allocations(young_person=young_person).get("pa")
    return allocation.worker if allocation else None


def duty_phone_for(young_person: YoungPerson) -> str:
    team = young_person.team
    if team is not None and team.duty_phone:
        return str(team.duty_phone)
    return str(settings.BRANDING["duty_phone"])


def contacts_for(*, young_person: YoungPerson) -> Contacts:
    adviser = personal_adviser_for(young_person=young_person)
    return Contacts(
        adviser_name=adviser.get_full_name() if adviser else "",
        adviser_phone=adviser.phone if adviser else "",
        adviser_email=adviser.email if adviser else "",
        duty_phone=duty_phone_for(young_person),
        out_of_hours_phone=str(settings.BRANDING["out_of_hours_phone"]),
    )


# Requests -------------------------------------------------------------------------------------


def requests_for(*, young_person: YoungPerson) -> QuerySet[YoungPersonRequest]:
    """Everything the young person asked for, newest first (open ones first)."""
    return (
        YoungPersonRequest.objects.filter(young_person=young_person)
        .select_related("handled_by")
        .order_by("-status", "-created_at", "-pk")
    )


def open_requests_for(*, young_person: YoungPerson) -> QuerySet[YoungPersonRequest]:
    return requests_for(young_person=young_person).filter(status=RequestStatus.OPEN)


def own_request(*, young_person: YoungPerson, pk: int) -> YoungPersonRequest:
    """One of the young person's own requests; Http404 for anyone else's."""
    return get_object_or_404(
        YoungPersonRequest.objects.select_related("handled_by", "duty_alert"),
        pk=pk,
        young_person=young_person,
    )


def open_request_about(
    *, young_person: YoungPerson, kind: str, about_key: str = ""
) -> YoungPersonRequest | None:
    return (
        YoungPersonRequest.objects.filter(
            young_person=young_person, kind=kind, about_key=about_key, status=RequestStatus.OPEN
        )
        .order_by("-created_at")
        .first()
    )


def open_request_keys(*, young_person: YoungPerson, kind: str) -> dict[str, datetime.date]:
    """What the young person has already asked for, by `about_key`, with the day they asked."""
    return {
        row["about_key"]: timezone.localtime(row["created_at"]).date()
        for row in YoungPersonRequest.objects.filter(
            young_person=young_person, kind=kind, status=RequestStatus.OPEN
        ).values("about_key", "created_at")
    }


def request_thread(*, portal_request: YoungPersonRequest) -> list[RequestMessage]:
    """The answers and replies on a request, oldest first, with who wrote each."""
    return list(
        RequestMessage.objects.filter(portal_request=portal_request)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def _with_latest_reply(requests: QuerySet[YoungPersonRequest]) -> QuerySet[YoungPersonRequest]:
    """Adds the young person's latest reply and when they wrote it (None when they have not
    replied), in the same query."""
    latest = RequestMessage.objects.filter(
        portal_request=OuterRef("pk"), from_young_person=True
    ).order_by("-created_at", "-pk")
    return requests.annotate(
        latest_reply_text=Subquery(latest.values("text")[:1]),
        latest_reply_at=Subquery(latest.values("created_at")[:1]),
    )


def request_for_page(*, pk: int) -> YoungPersonRequest:
    """A request by id for a staff page, with its young person; permission is checked next."""
    return get_object_or_404(
        YoungPersonRequest.objects.select_related(
            "young_person", "handled_by", "created_by", "duty_alert"
        ),
        pk=pk,
        young_person__archived_at__isnull=True,
    )


def responsible_worker_ids(*, young_person: YoungPerson) -> list[int]:
    """Who a request is for: the personal adviser, or, without one, the team manager."""
    adviser = personal_adviser_for(young_person=young_person)
    if adviser is not None:
        return [adviser.pk]
    team = young_person.team
    return [team.manager_id] if team is not None and team.manager_id else []


def requests_in_tray(scope: Any) -> QuerySet[YoungPersonRequest]:
    """Open requests for a work tray scope, in a fixed number of queries.

    "Mine": young people the user is personal adviser to; for a team manager, also the young
    people in their teams who have no personal adviser. "Team": every young person the user
    can see in their teams or allocated to their team's workers.
    """
    from careleavers.casework.models import Allocation, WorkerRole
    from careleavers.casework.rules import managed_team_ids

    visible = scope.visible_young_people()
    user = scope.user
    # "I do not feel safe" shows once, as casework's duty alert (with the number to call).
    open_requests = YoungPersonRequest.objects.filter(status=RequestStatus.OPEN).exclude(
        kind=RequestKind.NOT_SAFE, duty_alert__isnull=False
    )
    if scope.is_team:
        # Two short lists, each from an index, rather than one OR across them, which made
        # PostgreSQL read every young person (benchmarks/README).
        in_teams = visible.filter(team_id__in=scope.team_ids).order_by().values("pk")
        return _with_latest_reply(
            open_requests.filter(
                Q(young_person__in=in_teams) | Q(young_person_id__in=scope.allocated_ids)
            )
            # The young people in a second query by id: joined here, PostgreSQL misjudged how
            # few requests match and read every young person (57 ms at 100,000).
            .prefetch_related("young_person")
            .order_by("created_at", "pk")
        )
    is_adviser = Allocation.objects.filter(
        young_person=OuterRef("pk"),
        worker=user,
        role=WorkerRole.PERSONAL_ADVISER,
        end__isnull=True,
    )
    condition = Q(Exists(is_adviser))
    teams = managed_team_ids(user)
    if teams:
        has_adviser = Allocation.objects.filter(
            young_person=OuterRef("pk"), role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
        )
        condition |= Q(team_id__in=teams) & ~Q(Exists(has_adviser))
    people = visible.filter(condition)
    return _with_latest_reply(
        open_requests.filter(young_person__in=people.values("pk"))
        .prefetch_related("young_person")  # by id, as above
        .order_by("created_at", "pk")
    )


def requests_for_record(*, young_person: YoungPerson) -> QuerySet[YoungPersonRequest]:
    return (
        YoungPersonRequest.objects.filter(young_person=young_person)
        .select_related("handled_by")
        .order_by("-status", "-created_at", "-pk")
    )


# Invitations ----------------------------------------------------------------------------------


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def make_token(invitation_pk: int, secret: str) -> str:
    return signing.TimestampSigner(salt=INVITATION_SALT).sign_object([invitation_pk, secret])


# A text invitation's short link, /i/<code>/: 10 characters from 31 that cannot be mistaken for
# each other (no 0, o, 1, l or i), about 49 bits. With the link working for a few days, a
# limit on wrong codes from one address (views.py) and the date of birth asked on the page,
# guessing one is not a way in.
SHORT_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
SHORT_CODE_LENGTH = 10


def make_short_code() -> str:
    import secrets

    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def is_short_code(token: str) -> bool:
    return len(token) == SHORT_CODE_LENGTH and all(c in SHORT_CODE_ALPHABET for c in token)


class InvitationProblem(Exception):
    """Why an invitation link cannot be used: invalid, expired, used, withdrawn, has_account."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(kind)


def invitation_from_token(token: str, *, lock: bool = False) -> Invitation:
    """The invitation a link stands for, if it can still be used; InvitationProblem if not.

    The token is signed, so an id cannot be swapped for another person's; and only the hash of
    its secret is stored, so the table alone cannot make a working link. A text invitation's
    short code (is_short_code) is looked up by its hash the same way.
    """
    found = Invitation.objects.select_related("young_person", "created_by")
    if lock:
        found = found.select_for_update(of=("self",))
    if is_short_code(token):
        return _usable(found.filter(short_code_hash=secret_hash(token)).first())
    try:
        pk, secret = signing.TimestampSigner(salt=INVITATION_SALT).unsign_object(
            token, max_age=datetime.timedelta(days=invitation_days() + 1)
        )
    except signing.SignatureExpired:
        raise InvitationProblem("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvitationProblem("invalid") from None
    return _usable(found.filter(pk=pk, secret_hash=secret_hash(str(secret))).first())


def _usable(invitation: Invitation | None) -> Invitation:
    if invitation is None or invitation.young_person.archived_at is not None:
        raise InvitationProblem("invalid")
    state = invitation.state_on(timezone.now())
    if state != "waiting":
        raise InvitationProblem(state)
    if PortalAccount.objects.filter(young_person_id=invitation.young_person_id).exists():
        raise InvitationProblem("has_account")
    return invitation


def latest_invitation(*, young_person: YoungPerson) -> Invitation | None:
    return (
        Invitation.objects.select_related("created_by")
        .filter(young_person=young_person)
        .order_by("-created_at", "-pk")
        .first()
    )


OUTBOX_PAGE_SIZE = 50


def outbox_latest() -> QuerySet[OutboxMessage]:
    """The newest messages the fake Notify kept, for the demo outbox page."""
    return OutboxMessage.objects.order_by("-created_at", "-pk")[:OUTBOX_PAGE_SIZE]


# Pathway plan ---------------------------------------------------------------------------------


def shared_plan_for(*, young_person: YoungPerson) -> Any | None:
    """The latest plan that has been shared with the young person, or None."""
    from careleavers.plans.models import PlanState
    from careleavers.plans.selectors import plans_for

    return next(
        (plan for plan in plans_for(young_person=young_person) if plan.state == PlanState.SHARED),
        None,
    )


def own_shared_plan(*, young_person: YoungPerson, pk: int) -> Any:
    """One of the young person's own shared plans; Http404 for anyone else's, or for a plan
    that has not been shared with them."""
    from careleavers.plans.models import PlanState
    from careleavers.plans.selectors import plans_for

    for plan in plans_for(young_person=young_person):
        if plan.pk == pk and plan.state == PlanState.SHARED:
            return plan
    raise Http404("No such plan.")


def newer_plan_waiting(*, young_person: YoungPerson, shared: Any) -> bool:
    """A later plan has been authorised but not yet shared with them."""
    from careleavers.plans.selectors import plan_in_force

    in_force = plan_in_force(young_person=young_person)
    return in_force is not None and shared is not None and in_force.number > shared.number


# What is next ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appointments:
    booked: list[Any]  # casework.Appointment, booked and still to come, soonest first
    next_visit_due: datetime.date | None
    last_visit_on: datetime.date | None
    next_review_due: datetime.date | None
    has_plan: bool


def appointments_for(*, young_person: YoungPerson) -> Appointments:
    from careleavers.casework.selectors import upcoming_appointments_for
    from careleavers.plans.selectors import plan_in_force, review_due_for

    review = review_due_for(young_person=young_person)
    return Appointments(
        booked=list(upcoming_appointments_for(young_person=young_person)),
        next_visit_due=young_person.next_contact_due,
        last_visit_on=young_person.last_visit_on,
        next_review_due=review.due if review else None,
        has_plan=plan_in_force(young_person=young_person) is not None,
    )


def support_again_status(young_person: YoungPerson, on: datetime.date) -> str:
    """Whether the young person's pages offer "ask for support again", and if not why not:
    "offered", "under_21", "from_25", "not_former_relevant" or "has_adviser".

    CA 1989 s.23CZB gives former relevant young people from 21 to 25 the right to ask for a
    personal adviser, so it is offered to them when they have none (none allocated, or they said
    they no longer want one).
    """
    from careleavers.casework.models import Allocation, WorkerRole
    from careleavers.people.adviser_support import FROM_AGE, UNTIL_AGE, may_ask_for_adviser
    from careleavers.people.category import Category

    age = young_person.age_on(on)
    if age < FROM_AGE:
        return "under_21"
    if age >= UNTIL_AGE:
        return "from_25"
    if young_person.category != Category.FORMER_RELEVANT.value:
        return "not_former_relevant"
    has_adviser = Allocation.objects.filter(
        young_person=young_person, role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
    ).exists()
    offered = may_ask_for_adviser(
        category=young_person.category,
        age=age,
        has_adviser=has_adviser,
        declined=young_person.personal_adviser_declined_on is not None,
    )
    return "offered" if offered else "has_adviser"


def can_ask_for_support_again(young_person: YoungPerson, on: datetime.date) -> bool:
    """Only former relevant young people aged 21 to 24 without a personal adviser now."""
    return support_again_status(young_person, on) == "offered"
