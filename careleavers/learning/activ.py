"""The SSDA903 ACTIV code and the Annex A activity column, from a young person's activity history.

Pure functions over plain values: no database, no Django. The returns app passes each young
person's episodes (see `selectors.activity_values_for`) and the day the return asks about: the
17th to 21st birthday in the collection year, or the latest contact in the year for those aged 22
to 25 (docs/data/ssda903.md section 2).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from careleavers.core import dfe_codes
from careleavers.people.category import birthday

# The DfE asks for the activity "on or around" the birthday; the width of "around" is usually
# read as three months either side (docs/data/ssda903.md section 2, where it is marked not
# confirmed).
ACTIV_WINDOW_MONTHS = 3

NOT_KNOWN = "0"
# IN_TOUCH DIED or RHOM means ACTIV must be 0 (validator rule 344, docs/data/ssda903.md section 2).
IN_TOUCH_ALWAYS_ZERO = frozenset({"DIED", "RHOM"})
# Not in touch, refused or no longer needing services: 0 unless the activity is known anyway
# (docs/data/ssda903.md section 3; "not in touch" excludes activity known from a third party,
# docs/data/indicators.md).
IN_TOUCH_ZERO_IF_UNKNOWN = frozenset({"NO", "REFU", "NREQ"})

FULL_TIME_EET = frozenset({"F1", "F2", "F4", "F5"})
HIGHER_EDUCATION = frozenset({"F1", "P1"})
APPRENTICESHIP = frozenset({"F4", "P4"})
EDUCATION = frozenset({"F1", "P1", "F2", "P2"})
TRAINING_OR_EMPLOYMENT = frozenset({"F5", "P5"})
# The codes a worker can record: "0" is the absence of information, never an activity.
RECORDABLE_ACTIV: dfe_codes.CodeList = tuple(
    (code, label) for code, label in dfe_codes.ACTIV if code != NOT_KNOWN
)

# Annex A List 9 "Activity Status" values (docs/data/annex-a.md).
ANNEX_A_ACTIVITY: dict[str, str] = {
    "F1": "F1: Full time in higher education",
    "P1": "P1: Part time in higher education",
    "F2": "F2: Full time in education other than higher",
    "P2": "P2: Part time in education other than higher",
    "F4": "F4: Young person engaged full time in an apprenticeship",
    "P4": "P4: Young person engaged part time in an apprenticeship",
    "F5": "F5: Young person engaged full time in training or employment (not apprenticeship)",
    "P5": "P5: Young person engaged part time in training or employment (not apprenticeship)",
    "G4": "G4: Not in education, employment or training - illness or disability",
    "G5": "G5: Not in education, employment or training - other",
    "G6": "G6: Not in education, employment or training - pregnancy or parenting",
}


@dataclass(frozen=True)
class ActivityValue:
    """One activity episode as plain values. `end` is the last day of the activity, or None."""

    activ: str
    start: datetime.date
    end: datetime.date | None = None
    is_training: bool = False

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def days_from(self, day: datetime.date) -> int:
        """How many days lie between this episode and `day` (0 if it covers the day)."""
        if day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True)
class ActivDerivation:
    """The ACTIV code for a day, the episode it came from, and why, in plain words.

    `code` is None when the young person is in touch but no activity is recorded near the day:
    the return cannot say 0 for them (validator rule 345), so the gap must be filled.
    """

    code: str | None
    episode: ActivityValue | None
    reason: str


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), moved back to the month's last day if needed."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise ValueError(f"No valid day in {year}-{month}")  # pragma: no cover - unreachable


def _main_activity_rank(episode: ActivityValue) -> tuple[int, int, str, int]:
    # The DfE asks for the main activity. When several cover the same day we take full-time
    # education, employment or training before part-time, and any of those before NEET; then
    # the most recently started. This ordering is the service's reading, not a DfE rule.
    # The code and the end date only break exact ties, so the answer never depends on order.
    if episode.activ in FULL_TIME_EET:
        kind = 0
    elif episode.activ in dfe_codes.ACTIV_EET:
        kind = 1
    else:
        kind = 2
    end = episode.end.toordinal() if episode.end else datetime.date.max.toordinal()
    return (kind, -episode.start.toordinal(), episode.activ, -end)


def activity_on(episodes: Iterable[ActivityValue], day: datetime.date) -> ActivityValue | None:
    """The main activity on `day`, or None if no episode covers it."""
    covering = [episode for episode in episodes if episode.covers(day)]
    if not covering:
        return None
    return min(covering, key=_main_activity_rank)


def activity_around(
    episodes: Iterable[ActivityValue], day: datetime.date, *, window_months: int
) -> ActivityValue | None:
    """The main activity on `day`, else the nearest episode within `window_months` of it.

    Of two episodes equally near, the one before the day wins: it is what the young person was
    last known to be doing.
    """
    episodes = list(episodes)
    on_the_day = activity_on(episodes, day)
    if on_the_day is not None or window_months <= 0:
        return on_the_day
    earliest = add_months(day, -window_months)
    latest = add_months(day, window_months)
    near = [
        episode
        for episode in episodes
        if episode.start <= latest and (episode.end is None or episode.end >= earliest)
    ]
    if not near:
        return None
    return min(
        near,
        key=lambda e: (e.days_from(day), e.start > day, _main_activity_rank(e)),
    )


def derive_activ(
    episodes: Iterable[ActivityValue],
    *,
    on: datetime.date,
    in_touch: str | None = None,
    window_months: int = ACTIV_WINDOW_MONTHS,
) -> ActivDerivation:
    """The 903 ACTIV code on or around `on`, given the IN_TOUCH code for the same return.

    DfE SSDA903 OC3 ACTIV with validator rules 344 and 345 (docs/data/ssda903.md sections 2 and 3).
    """
    if in_touch in IN_TOUCH_ALWAYS_ZERO:
        return ActivDerivation(
            NOT_KNOWN, None, "Died or returned home to parents, so the return records 0."
        )
    episode = activity_around(episodes, on, window_months=window_months)
    if episode is not None:
        if episode.covers(on):
            reason = "The activity recorded on the day."
        else:
            reason = f"The nearest activity recorded within {window_months} months of the day."
        return ActivDerivation(episode.activ, episode, reason)
    if in_touch in IN_TOUCH_ZERO_IF_UNKNOWN:
        return ActivDerivation(
            NOT_KNOWN, None, "Not in touch and no activity known, so the return records 0."
        )
    return ActivDerivation(
        None,
        None,
        f"No activity recorded within {window_months} months of the day: record one before "
        "the return.",
    )


def activ_code_for(
    episodes: Iterable[ActivityValue],
    *,
    on: datetime.date,
    in_touch: str | None = None,
    window_months: int = ACTIV_WINDOW_MONTHS,
) -> str | None:
    """The 903 ACTIV code on or around `on`; None when in touch but nothing is recorded."""
    return derive_activ(episodes, on=on, in_touch=in_touch, window_months=window_months).code


def activ_around_birthday(
    episodes: Iterable[ActivityValue],
    *,
    date_of_birth: datetime.date,
    age: int,
    in_touch: str | None = None,
    window_months: int = ACTIV_WINDOW_MONTHS,
) -> str | None:
    """The ACTIV code around the birthday on which the young person reaches `age` (17 to 21).

    A 29 February birthday falls on 1 March in a common year (people.category.birthday).
    """
    return activ_code_for(
        episodes,
        on=birthday(date_of_birth, age),
        in_touch=in_touch,
        window_months=window_months,
    )


def annex_a_activity_status(episodes: Iterable[ActivityValue], *, on: datetime.date) -> str:
    """Annex A List 9 "Activity Status" on the day of the extract; "" if nothing is recorded.

    Annex A asks for the current status, so there is no window (docs/data/annex-a.md).
    """
    episode = activity_on(episodes, on)
    return ANNEX_A_ACTIVITY[episode.activ] if episode is not None else ""


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
