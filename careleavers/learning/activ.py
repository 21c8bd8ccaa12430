"""A young person's main activity from their activity history, and what counts as education or
training.

Pure functions over plain values: no database, no Django. What the SSDA903 return says about
activity (ACTIV around a birthday, the 0 rules) is decided in one place only, the returns app's
`ssda903.oc3_values`; the EET pages show it through `core.return_preview`. Both choose the main
activity of a day with `core.dfe_codes.activ_priority`, so they agree.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from careleavers.core import dfe_codes

FULL_TIME_EET = dfe_codes.ACTIV_FULL_TIME_EET
HIGHER_EDUCATION = frozenset({"F1", "P1"})
APPRENTICESHIP = frozenset({"F4", "P4"})
EDUCATION = frozenset({"F1", "P1", "F2", "P2"})
TRAINING_OR_EMPLOYMENT = frozenset({"F5", "P5"})
# The codes a worker can record: "0" is the absence of information, never an activity.
RECORDABLE_ACTIV: dfe_codes.CodeList = tuple(
    (code, label) for code, label in dfe_codes.ACTIV if code != "0"
)


@dataclass(frozen=True)
class ActivityValue:
    """One activity episode as plain values. `end` is the last day of the activity, or None."""

    activ: str
    start: datetime.date
    end: datetime.date | None = None
    is_training: bool = False

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def _main_activity_rank(episode: ActivityValue) -> tuple[int, int, str, int]:
    # The main activity first (dfe_codes.activ_priority), then the most recently started. The
    # code and the end date only break exact ties, so the answer never depends on order.
    end = episode.end.toordinal() if episode.end else datetime.date.max.toordinal()
    return (
        dfe_codes.activ_priority(episode.activ),
        -episode.start.toordinal(),
        episode.activ,
        -end,
    )


def activity_on(episodes: Iterable[ActivityValue], day: datetime.date) -> ActivityValue | None:
    """The main activity on `day`, or None if no episode covers it."""
    covering = [episode for episode in episodes if episode.covers(day)]
    if not covering:
        return None
    return min(covering, key=_main_activity_rank)


def counts_as_education_or_training(activ: str, *, is_training: bool = False) -> bool:
    """Whether an activity is education or training, for the qualifying care leaver test.

    CA 1989 s.24(2) and s.24B: help runs to 25 for those in education or training. Education
    and apprenticeships always count; F5/P5 counts only when it is training rather than a job.
    """
    if activ in EDUCATION or activ in APPRENTICESHIP:
        return True
    return activ in TRAINING_OR_EMPLOYMENT and is_training


def in_education_or_training_on(episodes: Iterable[ActivityValue], day: datetime.date) -> bool:
    """Whether any activity covering `day` is education or training."""
    return any(
        episode.covers(day)
        and counts_as_education_or_training(episode.activ, is_training=episode.is_training)
        for episode in episodes
    )
