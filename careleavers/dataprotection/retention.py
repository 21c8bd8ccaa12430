"""How long a young person's records are kept, as pure functions over dates.

The rule (docs/law/records-and-retention.md; DESIGN.md rule 5): a looked-after child's
case record is kept until the 75th anniversary of their date of birth, or for 15 years after
their death if they died before they were 18. The regulation number (CPPCR 2010 reg 50) and
its English wording were not confirmed, so the two numbers also live in the council's
`DataProtectionPolicy` and these functions take them as arguments.

Nothing here deletes anything: the dates say when a record is due for a *review*, at which the
head of service records a decision to keep it longer or to hand it to records management.
"""

from __future__ import annotations

import datetime

from careleavers.core.dates import add_months, birthday

# CPPCR 2010 reg 50 (paraphrase, docs/law/records-and-retention.md): kept until the 75th
# anniversary of the date of birth.
RETENTION_AGE = 75
# CPPCR 2010 reg 50 (paraphrase, docs/law/records-and-retention.md): or 15 years after death, for a
# child who died before 18.
AFTER_DEATH_YEARS = 15
DEATH_RULE_BEFORE_AGE = 18
# How far ahead the review report looks, by default.
REVIEW_WINDOW_MONTHS = 12


def anniversary(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later. 29 February moves to 1 March in a common year: the usual
    reading in England (core.dates.birthday does the same), and the later of the two
    possible days, so a record is never reviewed a day early."""
    return birthday(day, years)


def retention_ends_on(
    *,
    date_of_birth: datetime.date,
    died_on: datetime.date | None = None,
    retention_age: int = RETENTION_AGE,
    after_death_years: int = AFTER_DEATH_YEARS,
) -> datetime.date:
    """The first day the records may be reviewed for destruction."""
    # CPPCR 2010 reg 50 (docs/law/records-and-retention.md): 75th birthday, or 15 years after a
    # death before 18.
    if died_on is not None and died_on < anniversary(date_of_birth, DEATH_RULE_BEFORE_AGE):
        return anniversary(died_on, after_death_years)
    return anniversary(date_of_birth, retention_age)


def review_horizon(
    *, today: datetime.date, window_months: int = REVIEW_WINDOW_MONTHS
) -> datetime.date:
    """The last day the review report looks ahead to."""
    return add_months(today, window_months)


def is_due_for_review(
    *,
    retention_ends: datetime.date,
    today: datetime.date,
    window_months: int = REVIEW_WINDOW_MONTHS,
) -> bool:
    """Whether the retention date has passed or falls within the review window."""
    return retention_ends <= review_horizon(today=today, window_months=window_months)


def latest_birth_date_due(
    *, horizon: datetime.date, retention_age: int = RETENTION_AGE
) -> datetime.date:
    """The latest date of birth whose retention date falls on or before ``horizon``.

    A database can then find everyone due with ``date_of_birth <= this``: the retention date
    never decreases as the date of birth gets later, so the people due are exactly those born
    on or before one day.
    """
    try:
        candidate = horizon.replace(year=horizon.year - retention_age)
    except ValueError:  # the horizon is 29 February and that year has none
        candidate = datetime.date(horizon.year - retention_age, 2, 28)
    one_day = datetime.timedelta(days=1)
    while anniversary(candidate + one_day, retention_age) <= horizon:
        candidate += one_day
    while anniversary(candidate, retention_age) > horizon:
        candidate -= one_day
    return candidate
