"""Access to the accommodation pages, by role (see core/tests/test_url_access.py).

The world gains a young person in the test team with a current stay, a risk of homelessness,
Staying Put, Staying Close support, a housing application with an offer waiting for a decision,
and a taster flat booking, so every page has something to show.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from careleavers.accommodation.tests.factories import (
    HomelessnessRiskFactory,
    HousingApplicationFactory,
    HousingOfferFactory,
    StayFactory,
    StayingCloseFactory,
    StayingPutFactory,
    TasterFlatBookingFactory,
)
from careleavers.accounts.roles import Role
from careleavers.core.access import UrlCase, expect
from careleavers.core.tests.record_access import record_change, record_read
from careleavers.core.tests.roles import ANALYST, AUDITOR, HOS, INSPECTOR, PA, SW, TM
from careleavers.people.tests.factories import YoungPersonFactory

WAITING_LIST = [PA, SW, TM, HOS, ANALYST, AUDITOR, INSPECTOR]
CONCERNS = [TM, HOS, INSPECTOR]
TASTER_FLATS = [*WAITING_LIST, Role.DUTY_WORKER]


def extend_world(world: SimpleNamespace) -> None:
    young_person = YoungPersonFactory(team=world.team, date_of_birth=_born_19_years_ago())
    world.accommodation = SimpleNamespace(
        young_person=young_person,
        stay=StayFactory(young_person=young_person),
        risk=HomelessnessRiskFactory(young_person=young_person),
        staying_put=StayingPutFactory(young_person=young_person),
        staying_close=StayingCloseFactory(
            young_person=young_person, assessed_by=world.users[Role.PERSONAL_ADVISER]
        ),
        booking=TasterFlatBookingFactory(young_person=young_person),
    )
    offer = HousingOfferFactory(application=HousingApplicationFactory(young_person=young_person))
    world.accommodation.offer = offer
    world.accommodation.application = offer.application


def _born_19_years_ago() -> Any:
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    return today.replace(year=today.year - 19, day=1) - datetime.timedelta(days=40)


def _record(world: SimpleNamespace) -> dict[str, int]:
    return {"pk": world.accommodation.young_person.pk}


def _with(**names: str) -> Any:
    def kwargs(world: SimpleNamespace) -> dict[str, int]:
        found = _record(world)
        for kwarg, attribute in names.items():
            found[kwarg] = getattr(world.accommodation, attribute).pk
        return found

    return kwargs


def _read(name: str, kwargs: Any = _record) -> UrlCase:
    return record_read(f"accommodation:{name}", kwargs)


def _write(name: str, kwargs: Any = _record) -> UrlCase:
    return record_change(f"accommodation:{name}", kwargs)


CASES = [
    _read("history"),
    _read("stay_detail", _with(stay_pk="stay")),
    _read("application_detail", _with(application_pk="application")),
    _write("stay_add"),
    _write("stay_end", _with(stay_pk="stay")),
    _write("suitability_add", _with(stay_pk="stay")),
    _write("risk_add"),
    _write("risk_end", _with(risk_pk="risk")),
    _write("staying_put_add"),
    _write("staying_put_end", _with(staying_put_pk="staying_put")),
    _write("staying_close_add"),
    _write("staying_close_review", _with(staying_close_pk="staying_close")),
    _write("application_add"),
    _write("bid_add", _with(application_pk="application")),
    _write("offer_add", _with(application_pk="application")),
    _write("offer_decide", _with(application_pk="application", offer_pk="offer")),
    _write("application_housed", _with(application_pk="application")),
    _write("application_close", _with(application_pk="application")),
    _write("booking_add"),
    _write("booking_outcome", _with(booking_pk="booking")),
    _write("booking_cancel", _with(booking_pk="booking")),
    UrlCase("accommodation:housing", expect(allowed=TASTER_FLATS)),
    UrlCase("accommodation:waiting_list", expect(allowed=WAITING_LIST)),
    UrlCase("accommodation:waiting_list_chart", expect(allowed=WAITING_LIST)),
    UrlCase("accommodation:concerns", expect(allowed=CONCERNS)),
    UrlCase("accommodation:taster_flats", expect(allowed=TASTER_FLATS)),
    UrlCase("accommodation:occupancy_chart", expect(allowed=TASTER_FLATS)),
]
