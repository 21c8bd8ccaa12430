"""What the SSDA903 return will say about one young person, for the staff pages that record
what it reads (activity, accommodation).

The returns app decides it, with the one module of OC3 rules (returns/ssda903.py), and provides
it here; the pages below returns in the dependency order (learning, accommodation) ask through
this registry, so no page works out an answer of its own that the export would contradict. A
missing provider fails the start-up check of required registries (core.E201).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class ReturnPreview:
    """One collection year's OC3 row for a young person, or why there is none."""

    year_label: str  # "2026 to 2027"
    included: bool
    reason: str  # why they are in the cohort, or why not
    about: str = ""  # the day the values are about: "their 19th birthday, 10 August 2026"
    in_touch: str = ""
    activ: str = ""  # "" where the return cannot say yet
    activ_label: str = ""
    accom: str = ""
    accom_label: str = ""
    provisional: bool = False
    notes: tuple[str, ...] = field(default=())


Provider = Callable[[int, datetime.date], Sequence[ReturnPreview]]

return_preview_providers: Registry[Provider] = Registry(
    "what the SSDA903 return will say (core.return_preview)",
    key=lambda provider: f"{provider.__module__}.{provider.__qualname__}",
    required=True,
    hint="The returns app registers it in its registrations.py; is it installed?",
)


def previews_for(young_person_id: int, *, today: datetime.date) -> Sequence[ReturnPreview]:
    """The return's rows for this collection year and the last, newest first."""
    return return_preview_providers.only()(young_person_id, today)
