"""The wellbeing check's questions, in the words a young person reads them.

Written for this service in the spirit of surveys that ask care leavers how life is going
rather than how their worker scored: a few short questions about home, safety, people, money
and the future, each answered "most of the time", "sometimes" or "hardly ever", and always with
the choice not to say. Each key is a field of quality.models.WellbeingCheck.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop


@dataclass(frozen=True)
class WellbeingQuestion:
    key: str  # the WellbeingCheck field
    # The question and its hint, to the young person: in English here, in their language on
    # their page (portal/forms.WellbeingForm translates them).
    text: str
    hint: str = ""
    # How staff read it in one short phrase: "Feels settled where they live".
    staff_label: str = ""


QUESTIONS: tuple[WellbeingQuestion, ...] = (
    WellbeingQuestion(
        key="settled",
        text=gettext_noop("Do you feel settled where you live?"),
        hint=gettext_noop("Like it is your place, and you are not worried about having to move."),
        staff_label="Feels settled where they live",
    ),
    WellbeingQuestion(
        key="safe",
        text=gettext_noop("Do you feel safe where you live?"),
        staff_label="Feels safe where they live",
    ),
    WellbeingQuestion(
        key="someone_to_turn_to",
        text=gettext_noop("Is there someone you trust you can go to when things go wrong?"),
        hint=gettext_noop("A friend, family, a worker or anyone else."),
        staff_label="Has someone they trust to turn to",
    ),
    WellbeingQuestion(
        key="managing_money",
        text=gettext_noop("Do you have enough money for food, bills and the things you need?"),
        staff_label="Has enough money for what they need",
    ),
    WellbeingQuestion(
        key="good_about_future",
        text=gettext_noop("Do you feel good about what is coming next for you?"),
        hint=gettext_noop("Things like work, college, where you will live, or your plans."),
        staff_label="Feels good about what comes next",
    ),
)

QUESTION_KEYS: tuple[str, ...] = tuple(question.key for question in QUESTIONS)

# Answers to the safety question that mean we show the "I do not feel safe" route straight
# away, rather than only keeping the answer for later. "Sometimes" counts: it means that at
# other times they do not feel safe.
SAFETY_QUESTION = "safe"
NOT_SAFE_ANSWERS = frozenset({"sometimes", "hardly_ever"})


def says_not_safe(answers: dict[str, str]) -> bool:
    """Whether the young person's answers say they do not always feel safe where they live."""
    return answers.get(SAFETY_QUESTION, "") in NOT_SAFE_ANSWERS
