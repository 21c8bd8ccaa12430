"""Forms for case audits, actions, moderation, targets, oversight and feedback.

Forms only parse input; the services hold the rules (what an audit needs before it can be
completed, who may moderate) and their messages appear next to the fields.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet

from careleavers.core.dates import format_date
from careleavers.core.forms.questions import radios
from careleavers.core.forms.record_choices import RecordChoices
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
)
from careleavers.core.practice_framework import CORPORATE_PARENTING_PRINCIPLES, GRADES
from careleavers.quality.models import (
    STAFF_FEEDBACK_METHODS,
    ActionFor,
    AnswerRating,
    AuditAnswer,
    AuditStatus,
    FeedbackAbout,
    FeedbackRating,
    NoFeedbackReason,
)

GRADE_HINTS = {
    "outstanding": "Practice is exceptional and makes a real difference to the young person.",
    "good": "The young person gets the help they need, when they need it.",
    "requires_improvement": "Not yet good: some needs are not met or not met in time.",
    "inadequate": "Failures leave the young person at risk of harm or without help they need.",
}


def _text(label: str, *, required: bool = False, rows: int = 4, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def _grade_field(label: str, *, required: bool, message: str, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=GRADES,
        required=required,
        widget=GovukRadioSelect(hints=GRADE_HINTS),
        error_messages={"required": message},
        **kwargs,
    )


def principles_text(codes: Sequence[str]) -> str:
    labels = dict(CORPORATE_PARENTING_PRINCIPLES)
    return "; ".join(f"({code}) {labels.get(code, code).lower()}" for code in codes)


class AreaForm(forms.Form):
    """The questions of one judgement area, each answered met, partly met or not met with the
    evidence, and the area's grade. Questions may be left unanswered and finished later."""

    def __init__(self, *args: Any, answers: Sequence[AuditAnswer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answers = list(answers)
        for number, answer in enumerate(self.answers, start=1):
            hint_parts = [answer.hint] if answer.hint else []
            if answer.principles:
                hint_parts.append(
                    "Corporate parenting principles: " + principles_text(answer.principles)
                )
            self.fields[f"rating_{answer.pk}"] = forms.ChoiceField(
                label=f"{number}. {answer.question_text}",
                choices=AnswerRating.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--small"}),
                help_text=" ".join(part.rstrip(".") + "." for part in hint_parts),
                initial=answer.rating or None,
            )
            self.fields[f"evidence_{answer.pk}"] = _text(
                f"Evidence for question {number}",
                rows=3,
                initial=answer.evidence,
                help_text="What in the record shows this. Needed unless it does not apply.",
            )
        self.fields["grade"] = _grade_field(
            "Grade for this area",
            required=False,
            message="Select a grade",
            help_text="You can grade the area once you have answered its questions.",
        )
        self.fields["comment"] = _text("Why this grade (optional)", rows=3)

    def answer_values(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            answer.pk: (data[f"rating_{answer.pk}"] or "", data[f"evidence_{answer.pk}"] or "")
            for answer in self.answers
        }

    def questions(self) -> list[tuple[Any, Any]]:
        """(rating field, evidence field) pairs, for the template to lay out question by
        question."""
        return [
            (self[f"rating_{answer.pk}"], self[f"evidence_{answer.pk}"]) for answer in self.answers
        ]


def _recent_words_field(label: str, required_message: str) -> forms.ModelChoiceField[Any]:
    """A radio for each of the young person's recent words; the rows come with the form."""
    return forms.ModelChoiceField(
        label=label,
        queryset=None,
        widget=GovukRadioSelect,
        empty_label=None,
        error_messages={"required": required_message},
    )


class _RecentWordsChoiceForm(forms.Form):
    """Choose one of the young person's recent words for the audit (feedback, a wellbeing
    check): a radio for each, labelled by `label` with what they said as its hint (`hint`).

    The rows are read once: the radios, their labels and hints all come from that one list.
    (Given only the queryset, the field would read it again to draw the radios.) Choosing
    still checks the answer against the queryset, so nothing outside it can be chosen."""

    field_name: ClassVar[str]

    def __init__(
        self,
        *args: Any,
        rows: QuerySet[Any],
        label: Callable[[Any], str],
        hint: Callable[[Any], str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields[self.field_name]
        field.queryset = rows  # type: ignore[attr-defined]
        field.label_from_instance = label  # type: ignore[attr-defined]
        shown = list(field.queryset)  # type: ignore[attr-defined]
        choice = field.iterator(field).choice  # type: ignore[attr-defined]
        field.choices = [choice(row) for row in shown]  # type: ignore[attr-defined]
        hints = {str(row.pk): hint(row) for row in shown}
        field.widget.choice_hints = hints  # type: ignore[attr-defined]


class FeedbackChoiceForm(_RecentWordsChoiceForm):
    field_name = "feedback"
    feedback = _recent_words_field(
        "Which feedback should the audit use?", "Select the feedback to use"
    )

    def __init__(self, *args: Any, feedback: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(
            *args, rows=feedback, label=_feedback_label, hint=_feedback_hint, **kwargs
        )


def _feedback_label(feedback: Any) -> str:
    return (
        f"{format_date(feedback.given_on)}, "
        f"{feedback.get_method_display().lower()}, about "
        f"{feedback.get_about_display().lower()}"
    )


def _feedback_hint(feedback: Any) -> str:
    parts = []
    if feedback.rating:
        parts.append(f"{feedback.get_rating_display()}.")
    if feedback.what_is_good:
        parts.append(f"Good: {feedback.what_is_good}")
    if feedback.what_could_be_better:
        parts.append(f"Could be better: {feedback.what_could_be_better}")
    return " ".join(parts)[:400]


class WellbeingChoiceForm(_RecentWordsChoiceForm):
    field_name = "wellbeing_check"
    # The audit's feedback page has two forms; this hidden field says which one was sent.
    which = forms.CharField(widget=forms.HiddenInput, initial="wellbeing")
    wellbeing_check = _recent_words_field(
        "Which wellbeing check should the audit use?", "Select the wellbeing check to use"
    )

    def __init__(self, *args: Any, checks: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(
            *args, rows=checks, label=_wellbeing_label, hint=_wellbeing_hint, **kwargs
        )


def _wellbeing_label(check: Any) -> str:
    return f"{format_date(check.given_on)}, online"


def _wellbeing_hint(check: Any) -> str:
    from careleavers.quality.wellbeing import QUESTIONS

    parts = [
        f"{question.staff_label}: {check.answer_label(question.key)}." for question in QUESTIONS
    ]
    return " ".join(parts)[:400]


class FeedbackForm(forms.Form):
    """Feedback a worker or auditor takes from the young person by phone or in person."""

    method = forms.ChoiceField(
        label="How did they give it?",
        choices=[(method.value, method.label) for method in STAFF_FEEDBACK_METHODS],
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": "Select how they gave their feedback"},
    )
    given_on = GovukDateField(
        label="Date they gave it",
        not_in_future=True,
        subject="The date they gave it",
        help_text="For example, 27 3 2026",
    )
    about = radios(
        "What is it about?", FeedbackAbout.choices, missing="Select what their feedback is about"
    )
    rating = forms.ChoiceField(
        label="How did they say things are? (optional)",
        choices=FeedbackRating.choices,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--small"}),
        help_text="Only if they chose one of these words themselves.",
    )
    what_is_good = _text(
        "What they said is good (optional)",
        help_text="In their own words where you can.",
    )
    what_could_be_better = _text("What they said could be better (optional)")


class NoFeedbackForm(forms.Form):
    reason = radios(
        "Why could you not get their feedback?",
        NoFeedbackReason.choices,
        missing="Select why their feedback could not be had",
    )
    explanation = _text(
        "What did you try, and what happened?",
        required=True,
        help_text="For example the dates you phoned and wrote, and who you asked for help.",
        error_messages={"required": "Explain what was tried and why it did not work"},
    )


class ThemesForm(forms.Form):
    themes = RecordChoices(
        label="What are the learning themes from this audit?",
        queryset=None,
        widget=GovukCheckboxSelectMultiple,
        help_text="Select all that apply. They are counted across audits so that the service "
        "can see what to work on.",
        error_messages={"required": "Choose at least one learning theme"},
    )

    def __init__(self, *args: Any, themes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    assigned_as = radios(
        "Who is the action for?",
        ActionFor.choices,
        missing="Select who the action is for",
        widget=GovukRadioSelect,
    )
    description = _text(
        "What needs to be done?",
        required=True,
        help_text="Direction the worker or manager can act on, and how it will help the "
        "young person.",
        error_messages={"required": "Enter what needs to be done"},
    )
    due_on = GovukDateField(
        label="Due by",
        not_in_past=True,
        subject="The date it is due by",
        help_text="For example, 27 3 2027",
    )

    def __init__(self, *args: Any, worker: Any, manager: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names: dict[str, str] = {
            ActionFor.WORKER: f"The worker: {worker.get_full_name()}" if worker else "",
            ActionFor.MANAGER: f"The manager: {manager.get_full_name()}" if manager else "",
        }
        self.fields["assigned_as"].choices = [  # type: ignore[attr-defined]
            (value, names[value]) for value, _ in ActionFor.choices if names[value]
        ]


class OverallForm(forms.Form):
    overall_grade = _grade_field(
        "What is your overall grade for the case?",
        required=True,
        message="Select an overall grade",
    )
    summary = _text(
        "Overall evaluation",
        required=True,
        rows=8,
        help_text="What is working well for the young person, what is not, and the difference "
        "the help is making. The worker and manager will read this.",
        error_messages={"required": "Write the overall evaluation"},
    )


class ModerationForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label="Do you agree with the overall grade?",
        choices=(("yes", "Yes"), ("no", "No, I would grade it differently")),
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you agree with the grade"},
    )
    grade = _grade_field(
        "If not, what grade would you give?",
        required=False,
        message="Select the grade you would give",
    )
    reason = _text(
        "Reason for your decision",
        required=True,
        help_text="What in the record led you to agree or to change the grade.",
        error_messages={"required": "Enter the reason for your decision"},
    )


class ActionDoneForm(forms.Form):
    done_on = GovukDateField(
        label="Date it was done", not_in_future=True, subject="The date it was done"
    )
    note = _text(
        "What was done?",
        required=True,
        error_messages={"required": "Enter what was done"},
    )


class OversightForm(forms.Form):
    recorded_on = GovukDateField(
        label="Date of the oversight", not_in_future=True, subject="The date of the oversight"
    )
    direction = _text(
        "What direction are you giving?",
        required=True,
        rows=6,
        help_text="What should happen next on the case, and who should do it.",
        error_messages={"required": "Enter the direction you are giving"},
    )
    rationale = _text(
        "Why?",
        required=True,
        help_text="The reasons for your decision, so that anyone reading the record later "
        "understands it.",
        error_messages={"required": "Enter the reasons for the direction"},
    )
    review_by = GovukDateField(
        label="Review by (optional)",
        required=False,
        subject="The review date",
        help_text="When you will check that the direction was followed. It will show in your "
        "work tray.",
    )


class OversightReviewForm(forms.Form):
    note = _text(
        "What did the review find?",
        required=True,
        help_text="Was the direction followed, and what happens now?",
        error_messages={"required": "Enter what the review found"},
    )


class TargetsForm(forms.Form):
    """One box per team: how many audits it should complete in the month."""

    def __init__(self, *args: Any, teams: Sequence[Any], current: dict[int, int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.teams = list(teams)
        for team in self.teams:
            self.fields[f"team_{team.pk}"] = forms.IntegerField(
                label=team.name,
                min_value=0,
                max_value=500,
                required=False,
                initial=current.get(team.pk),
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                error_messages={
                    "invalid": f"Target for {team.name} must be a whole number",
                    "min_value": f"Target for {team.name} must be 0 or more",
                    "max_value": f"Target for {team.name} must be 500 or fewer",
                },
            )

    def targets(self) -> list[tuple[Any, int]]:
        return [
            (team, self.cleaned_data[f"team_{team.pk}"])
            for team in self.teams
            if self.cleaned_data.get(f"team_{team.pk}") is not None
        ]


def month_choices(
    today: datetime.date, *, back: int = 11, ahead: int = 2
) -> list[tuple[str, str]]:
    from careleavers.core.dates import add_months, month_start

    first = month_start(today)
    months = [add_months(first, offset) for offset in range(ahead, -back - 1, -1)]
    return [(f"{month:%Y-%m}", f"{month:%B %Y}") for month in months]


class MonthForm(forms.Form):
    month = forms.ChoiceField(label="Month", choices=())

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = month_choices(today)  # type: ignore[attr-defined]

    def chosen_month(self, default: datetime.date) -> datetime.date:
        if self.is_bound and self.is_valid():
            return datetime.date.fromisoformat(self.cleaned_data["month"] + "-01")
        return default


def _team_choices(teams: Sequence[Any]) -> list[tuple[str, str]]:
    return [("", "All teams")] + [(str(team.pk), team.name) for team in teams]


PERIODS = (
    ("12", "Last 12 months"),
    ("3", "Last 3 months"),
    ("1", "This month"),
)
# How a period reads in a sentence: "audits completed in the last 12 months".
PERIOD_PHRASES = {"12": "in the last 12 months", "3": "in the last 3 months", "1": "this month"}


class ProgrammeFilterForm(forms.Form):
    team = forms.ChoiceField(label="Team", required=False, choices=())
    period = forms.ChoiceField(label="Grades and themes over", required=False, choices=PERIODS)

    def __init__(self, *args: Any, teams: Sequence[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = _team_choices(teams)  # type: ignore[attr-defined]

    def values(self) -> tuple[int | None, int]:
        if not self.is_bound or not self.is_valid():
            return None, 12
        team = self.cleaned_data["team"]
        return (int(team) if team else None), int(self.cleaned_data["period"] or 12)


AUDIT_STATUSES = (
    ("", "Any"),
    (AuditStatus.IN_PROGRESS.value, "In progress"),
    (AuditStatus.COMPLETED.value, "Completed"),
    ("to_moderate", "Completed, waiting for moderation"),
    ("moderated", "Moderated"),
)


class AuditFilterForm(forms.Form):
    status = forms.ChoiceField(label="Status", required=False, choices=AUDIT_STATUSES)
    team = forms.ChoiceField(label="Team", required=False, choices=())
    grade = forms.ChoiceField(label="Final grade", required=False, choices=(("", "Any"), *GRADES))
    theme = forms.ChoiceField(label="Learning theme", required=False, choices=())
    start = GovukDateField(label="Completed from", required=False)
    end = GovukDateField(label="Completed to", required=False)

    def __init__(self, *args: Any, teams: Sequence[Any], themes: Sequence[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = _team_choices(teams)  # type: ignore[attr-defined]
        self.fields["theme"].choices = [("", "Any")] + [  # type: ignore[attr-defined]
            (theme.key, theme.label) for theme in themes
        ]


class TeamFilterForm(forms.Form):
    team = forms.ChoiceField(label="Team", required=False, choices=())

    def __init__(self, *args: Any, teams: Sequence[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = _team_choices(teams)  # type: ignore[attr-defined]

    def team_id(self) -> int | None:
        if self.is_bound and self.is_valid() and self.cleaned_data["team"]:
            return int(self.cleaned_data["team"])
        return None


ACTION_STATES = (
    ("open", "Open"),
    ("overdue", "Overdue"),
    ("done", "Done"),
    ("all", "All"),
)


class ActionFilterForm(forms.Form):
    state = forms.ChoiceField(label="Show", required=False, choices=ACTION_STATES)


# Anonymous feedback, and "you said, we did" ----------------------------------------------------


class AnonymousReadForm(forms.Form):
    note = _text(
        "What have you done about it? (optional)",
        help_text="For your own record and the service's. The young person cannot see this.",
    )


class YouSaidForm(forms.Form):
    you_said = _text(
        "What did young people say?",
        required=True,
        rows=3,
        help_text="In their words where you can, without names or anything that could say "
        "who. Every young person reads this on their pages.",
        error_messages={"required": "Enter what young people said"},
    )
    we_did = _text(
        "What did the service do?",
        required=True,
        rows=3,
        help_text="Plain words, to young people: “We changed…”, “We now…”.",
        error_messages={"required": "Enter what the service did"},
    )
    done_on = GovukDateField(
        label="When did you do it?",
        not_in_future=True,
        subject="The date",
        help_text="For example, 27 3 2026",
    )
