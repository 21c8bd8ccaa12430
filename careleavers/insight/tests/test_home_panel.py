"""The head of service's home page lists the figures off target, from the overnight count."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.insight.models import DailyFigure, ScopeKind, Target

pytestmark = pytest.mark.django_db


def _counted(key: str, numerator: int, denominator: int) -> None:
    DailyFigure.objects.create(
        as_at=timezone.localdate(),
        indicator_key=key,
        scope_kind=ScopeKind.SERVICE,
        scope_id=0,
        numerator=numerator,
        denominator=denominator,
        computed_at=timezone.now(),
    )


def test_the_heads_home_lists_what_misses_its_target_and_not_what_meets_it(
    client_for: Any, make_user: Any
) -> None:
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    for key in ("recent_contact", "documents_at_18"):
        Target.objects.create(indicator_key=key, value=Decimal(90), effective_from=long_ago)
    _counted("recent_contact", 60, 100)  # 60%: misses 90%
    _counted("documents_at_18", 95, 100)  # 95%: meets it

    html = client_for(user=make_user(Role.HEAD_OF_SERVICE)).get("/").content.decode()

    panel = html.split("Figures off target", 1)[1].split("</ul>", 1)[0]
    assert "Care leavers with a recent contact" in panel
    assert "Misses target of 90%" in panel
    assert "Important documents held at 18" not in panel


def test_an_adviser_sees_no_figures_panel(client_for: Any, make_user: Any) -> None:
    html = client_for(user=make_user(Role.PERSONAL_ADVISER)).get("/").content.decode()
    assert "Figures off target" not in html
