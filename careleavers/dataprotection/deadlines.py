"""When a subject access request must be answered, as a pure function, and the bank holidays
it needs.

UK GDPR Art. 12(3): the controller answers "without undue delay and in any event within one
month of receipt", and may extend that "by two further months where necessary, taking into
account the complexity and number of the requests", telling the person within the first month
and saying why. The ICO's guidance counts the month to the corresponding calendar date (or the
last day of the next month when there is none), and moves a deadline that falls on a weekend
or a bank holiday to the next working day.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from functools import lru_cache

from careleavers.core.dates import add_months

# UK GDPR Art. 12(3): one month from receipt.
RESPONSE_MONTHS = 1
# UK GDPR Art. 12(3): "may be extended by two further months where necessary".
MAX_EXTENSION_MONTHS = 2


def sar_due_on(
    *,
    received_on: datetime.date,
    extension_months: int = 0,
    holidays: Collection[datetime.date] = frozenset(),
) -> datetime.date:
    """The day the answer is due: one calendar month after receipt (plus any extension),
    moved on to the next working day when it falls on a weekend or bank holiday."""
    # UK GDPR Art. 12(3); ICO guidance on calculating the time limit.
    if not 0 <= extension_months <= MAX_EXTENSION_MONTHS:
        raise ValueError(f"An extension is 0 to {MAX_EXTENSION_MONTHS} months.")
    due = add_months(received_on, RESPONSE_MONTHS + extension_months)
    while due.weekday() >= 5 or due in holidays:
        due += datetime.timedelta(days=1)
    return due


@lru_cache(maxsize=1)
def bank_holidays() -> frozenset[datetime.date]:
    """England and Wales bank holidays, from the copy shipped with govuk-bank-holidays (no
    network: the service must not depend on GOV.UK being reachable to log a request)."""
    from govuk_bank_holidays.bank_holidays import BankHolidays

    holidays = BankHolidays(use_cached_holidays=True)
    return frozenset(
        holiday["date"]
        for holiday in holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    )
