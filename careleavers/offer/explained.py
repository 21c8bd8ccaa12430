"""Whether the local offer has been explained to a young person, in one sentence for the record's
overview and for a case audit.

The letter found young people did not know what they were entitled to. The indicator "Local
offer explained and understood" (insight/measures/offer.py) counts an explanation in the 12
months up to the day that they said they understood; these words follow the same rule, so the
overview, the audit and the figure never disagree about one young person.
"""

from __future__ import annotations

import datetime

from careleavers.core.dates import add_months, format_date
from careleavers.offer.models import OfferExplained

# As the indicator: an explanation counts for 12 months.
STILL_COUNTS_MONTHS = 12


def explained_words(latest: OfferExplained | None, *, today: datetime.date) -> str:
    """The latest time the offer was explained and whether they understood it, with what to do
    when it needs explaining (again)."""
    if latest is None:
        return (
            "No record that the local offer has been explained to them. Explain it and record it."
        )
    who = latest.created_by.get_full_name() if latest.created_by else "a worker"
    said = {
        OfferExplained.Understood.YES: "They said they understood it.",
        OfferExplained.Understood.PARTLY: "They understood some of it: go over it again.",
        OfferExplained.Understood.NO: "They did not understand it: explain it again.",
    }.get(OfferExplained.Understood(latest.understood), "")
    told = (
        f"Last explained on {format_date(latest.explained_on)}, "
        f"{latest.get_how_display().lower()}, by {who}."
    )
    if latest.explained_on <= add_months(today, -STILL_COUNTS_MONTHS):
        return f"{told} That was more than a year ago: explain it again."
    return f"{told} {said}"
