"""Reads about young people. Every list of young people goes through `young_people_visible_to`."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.request_context import kept_for_the_read
from careleavers.people import category as engine
from careleavers.people.allocations import allocated_young_person_ids
from careleavers.people.models import (
    AboutMe,
    AccommodatedPeriod,
    CareEpisode,
    CategoryQuestionDecision,
    HomePeriod,
    PreviousName,
    SupportChoice,
    YoungPerson,
)

# Roles that work across the whole service rather than one team's caseload.
SERVICE_WIDE_ROLES = (
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
    Role.AUDITOR,
    Role.PERFORMANCE_ANALYST,
    Role.INSPECTOR,
)
TEAM_ROLES = (Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


def _visibility_filter(user: Any) -> Q | None:
    """The condition a young person must meet for this user to see them; None for nobody.

    Service-wide roles see everyone; workers and team managers see their team's young people
    and anyone allocated to them (so cover across teams works). A restricted record is seen
    only by the staff named on it, whatever their role. Administrators see no records, as they
    manage accounts and reference data, not cases.

    Each way of seeing someone is its own list of ids, joined by UNION: PostgreSQL answers each
    from an index, where one condition with ORs across tables made it read every young person
    (about 100 ms a list at 100,000 young people; benchmarks/README).
    """
    if not user.is_authenticated or not user.is_staff_member:
        return None
    named = (
        YoungPerson.restricted_to.through.objects.filter(user_id=user.pk)
        .order_by()
        .values("youngperson_id")
    )
    if user.has_role(*SERVICE_WIDE_ROLES):
        return Q(is_restricted=False) | Q(pk__in=named)
    if not user.has_role(*TEAM_ROLES):
        return None
    allocated = allocated_young_person_ids(user)
    team_ids = {user.team_id} if user.team_id else set()
    if user.has_role(Role.TEAM_MANAGER):
        team_ids |= set(user.managed_teams.values_list("pk", flat=True))
    in_team = (
        YoungPerson.objects.filter(team_id__in=team_ids, is_restricted=False)
        .order_by()
        .values("pk")
    )
    return Q(pk__in=in_team.union(allocated, named))


def young_people_visible_to(*, user: Any) -> QuerySet[YoungPerson]:
    condition = _visibility_filter(user)
    if condition is None:
        return YoungPerson.objects.none()
    return YoungPerson.objects.live().filter(condition)


def can_see_young_person(*, user: Any, young_person: YoungPerson) -> bool:
    """Asked once per page that only reads, however many of its parts ask (a young person's
    overview asked nine times, one query each)."""
    return kept_for_the_read(
        ("can_see_young_person", user.pk, young_person.pk),
        lambda: young_people_visible_to(user=user).filter(pk=young_person.pk).exists(),
    )


def young_people_search(
    *,
    user: Any,
    name: str = "",
    date_of_birth: datetime.date | None = None,
    child_id: str = "",
    nhs_number: str = "",
) -> QuerySet[YoungPerson]:
    """Young people this user can see who match every criterion given.

    Each word of `name` must start some part of a current, preferred or previous name ("jo
    smi" finds Joanne Smith and Jo Smithson), or appear within it for words of 3 letters or
    more. The result has the team joined, so a page of it costs one query.
    """
    found = young_people_visible_to(user=user).select_related("team")
    for word in name.split():
        found = found.filter(_name_matches(word))
    if date_of_birth is not None:
        found = found.filter(date_of_birth=date_of_birth)
    if child_id.strip():
        found = found.filter(child_id__iexact=child_id.strip())
    if nhs_number:
        found = found.filter(nhs_number=nhs_number)
    return found.order_by("last_name", "first_name", "pk")


def _name_matches(word: str) -> Q:
    """Young people with a current, preferred or previous name matching the word.

    Written as one list of ids from each table, joined by UNION, rather than an OR across the
    tables: each half can then use its trigram indexes (people migration 0002), where an OR
    with a subquery made PostgreSQL read every young person.
    """
    lookup = "icontains" if len(word) >= 3 else "istartswith"
    own = Q()
    for field in ("first_name", "last_name", "preferred_name"):
        own |= Q(**{f"{field}__{lookup}": word})
    matching = YoungPerson.objects.filter(own).order_by().values("pk")
    previous = (
        PreviousName.objects.filter(
            Q(**{f"first_name__{lookup}": word}) | Q(**{f"last_name__{lookup}": word})
        )
        .order_by()
        .values("young_person_id")
    )
    return Q(pk__in=matching.union(previous))


def young_person_for_record(*, pk: int) -> YoungPerson:
    """A live young person's record by id, with their team; Http404 if there is none.

    This does not check permission: record views check `people.view_youngperson` next, so
    that a refusal can be logged against the record.
    """
    return get_object_or_404(YoungPerson.objects.live().select_related("team"), pk=pk)


def previous_names_for(*, young_person: YoungPerson) -> QuerySet[PreviousName]:
    return PreviousName.objects.filter(young_person=young_person).order_by("-used_until", "-pk")


def care_episodes_for(*, young_person: YoungPerson) -> QuerySet[CareEpisode]:
    """Episodes of care, most recent first."""
    return CareEpisode.objects.filter(young_person=young_person).order_by("-start")


def home_periods_for(*, young_person: YoungPerson) -> QuerySet[HomePeriod]:
    return HomePeriod.objects.filter(young_person=young_person).order_by("-start")


def accommodated_periods_for(*, young_person: YoungPerson) -> QuerySet[AccommodatedPeriod]:
    return AccommodatedPeriod.objects.filter(young_person=young_person).order_by("-start")


def support_choices_for(*, young_person: YoungPerson) -> QuerySet[SupportChoice]:
    return SupportChoice.objects.filter(young_person=young_person).select_related("created_by")


def category_question_decisions_for(
    *, young_person: YoungPerson
) -> QuerySet[CategoryQuestionDecision]:
    """Every decision a worker recorded on a category question, newest first."""
    return CategoryQuestionDecision.objects.filter(young_person=young_person).select_related(
        "decided_by"
    )


def category_questions_for(
    *, young_person: YoungPerson, today: datetime.date | None = None
) -> tuple[engine.Question, ...]:
    """The questions of law the category engine asks about this young person today, open or
    already decided (people/category.py)."""
    from careleavers.people.services import category_facts_for

    today = today or timezone.localdate()
    return engine.derive_category(category_facts_for(young_person), today).questions


def about_me_for(*, young_person: YoungPerson) -> AboutMe | None:
    return AboutMe.objects.select_related("written_by").filter(young_person=young_person).first()


def restriction_named_staff(*, young_person: YoungPerson) -> list[Any]:
    return list(young_person.restricted_to.order_by("last_name", "first_name"))


def staff_who_can_be_named() -> QuerySet[Any]:
    """Staff who may be named on a restricted record: everyone who works cases or oversees them.

    Administrators see no records, and young people are not staff.
    """
    from careleavers.accounts.models import User

    roles = [str(role) for role in (*SERVICE_WIDE_ROLES, *TEAM_ROLES)]
    matching = User.objects.filter(is_active=True, groups__name__in=roles).values("pk")
    return User.objects.filter(pk__in=matching).order_by("last_name", "first_name")
