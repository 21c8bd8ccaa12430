"""The portal's demo data: accounts, invitations and requests in bulk, and the named demo
young person who can sign in and read a shared plan."""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.demo import portal as demo
from careleavers.demo.staff import DEMO_PA_EMAIL, DEMO_PASSWORD
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.portal.models import Invitation, PortalAccount, YoungPersonRequest
from careleavers.quality.models import YoungPersonFeedback

pytestmark = pytest.mark.django_db


def _council() -> tuple[list[Any], Any]:
    team = TeamFactory()
    team.manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    team.save()
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team, email=DEMO_PA_EMAIL)
    people = [YoungPersonFactory(team=team, category="former_relevant") for _ in range(40)]
    for person in people:
        AllocationFactory(young_person=person, worker=adviser)
    return people, adviser


def test_the_demo_gives_accounts_requests_and_a_demo_sign_in() -> None:
    people, adviser = _council()
    counts = demo.seed(
        rng=random.Random(7), today=timezone.localdate(), young_people=people, workers=[adviser]
    )
    assert counts["portal accounts"] == PortalAccount.objects.count() > 1
    assert counts["portal invitations"] == Invitation.objects.count()
    assert counts["portal requests"] == YoungPersonRequest.objects.count() >= 2
    assert counts["portal feedback"] == YoungPersonFeedback.objects.count() >= 1
    account = PortalAccount.objects.select_related("user").get(
        user__email=demo.DEMO_YOUNG_PERSON_EMAIL
    )
    assert account.user.role_names == {Role.YOUNG_PERSON}
    assert account.young_person.pathway_plans.filter(state=PlanState.SHARED).exists()
    client = Client()
    response = client.post(
        "/accounts/login/?next=/my/",
        {"login": demo.DEMO_YOUNG_PERSON_EMAIL, "password": DEMO_PASSWORD},
    )
    assert response["Location"] == "/my/"
    plan_page = client.get("/my/plan/").content.decode()
    assert "I want to finish my catering course at college." in plan_page
    # Other demo accounts cannot be signed in to.
    other = PortalAccount.objects.exclude(pk=account.pk).select_related("user").first()
    assert other is not None
    assert not other.user.has_usable_password()


def test_the_demo_sign_in_is_made_once() -> None:
    people, adviser = _council()
    today = timezone.localdate()
    demo.seed(rng=random.Random(1), today=today, young_people=people[:20], workers=[adviser])
    demo.seed(rng=random.Random(2), today=today, young_people=people[20:], workers=[adviser])
    assert PortalAccount.objects.filter(user__email=demo.DEMO_YOUNG_PERSON_EMAIL).count() == 1


def test_the_demo_has_someone_on_duty_and_an_out_of_hours_service_to_reach() -> None:
    from careleavers.casework.duty_selectors import on_duty_at
    from careleavers.casework.models import DutyRotaEntry
    from careleavers.demo.staff import DEMO_EMAIL_DOMAIN

    people, adviser = _council()
    duty = UserFactory(roles=[Role.DUTY_WORKER], email=f"duty@{DEMO_EMAIL_DOMAIN}")
    monday = datetime.date(2026, 12, 14)
    counts = demo.seed(rng=random.Random(7), today=monday, young_people=people, workers=[adviser])
    # Ten office days in the next two weeks, less Christmas Day.
    assert counts["duty rota days"] == DutyRotaEntry.objects.count() == 9
    ten = timezone.make_aware(datetime.datetime(2026, 12, 14, 10, 0))
    assert on_duty_at(moment=ten).worker == duty
    night = on_duty_at(moment=ten.replace(hour=22))
    assert (night.mobile, night.email) == ("07700900999", "out-of-hours@demo.council.example")


def test_a_manager_saving_the_demos_duty_settings_unchanged_changes_nothing() -> None:
    # The demo keeps its numbers as the settings page keeps them, so the audit log of the first
    # save shows only what the manager changed.
    from careleavers.casework import duty_services
    from careleavers.casework.models import DutyPolicy
    from careleavers.core.models import AuditEvent

    people, adviser = _council()
    demo.seed(
        rng=random.Random(7),
        today=datetime.date(2026, 12, 14),
        young_people=people,
        workers=[adviser],
    )
    policy = DutyPolicy.current()
    duty_services.duty_policy_change(
        acting_user=UserFactory(roles=[Role.TEAM_MANAGER]),
        office_opens=policy.office_opens,
        office_closes=policy.office_closes,
        office_days=policy.office_days,
        closed_on_bank_holidays=policy.closed_on_bank_holidays,
        out_of_hours_name=policy.out_of_hours_name,
        out_of_hours_mobile=policy.out_of_hours_mobile,
        out_of_hours_email=policy.out_of_hours_email,
    )
    assert not AuditEvent.objects.filter(subject_type="casework.DutyPolicy").exists()
