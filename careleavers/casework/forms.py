"""Casework forms. They check and tidy what was typed; services apply the rules and save.

Messages follow the GOV.UK pattern: they say what to do, next to the field, and the form
renderer lists them in the error summary.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.forms.utils import ErrorDict
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.casework import selectors, worker_choice
from careleavers.casework.models import (
    CARE_LEAVER_ALLOCATION_REASONS,
    AlertKind,
    Contact,
    ContactMethod,
    InTouchStatus,
    WorkerRole,
)
from careleavers.casework.services import CONTACT_FIELDS
from careleavers.casework.work_tray_triage import (
    NOT_ALLOCATED,
    OVERDUE,
    THIS_WEEK,
    TrayCounts,
    TrayFilter,
)
from careleavers.core.forms.questions import optional_words, radios, words
from careleavers.core.forms.short_list import ShortListForm, search_box
from careleavers.core.forms.widgets import GovukDateField, GovukRadioSelect, GovukTimeField
from careleavers.core.submissions import SubmittedOnceForm

YES_NO = [("yes", "Yes"), ("no", "No")]
INLINE = {"class": "govuk-radios--inline"}


def yes_no(label: str, *, required: bool = True, help_text: str = "", error: str = "") -> Any:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect(attrs=INLINE),
        error_messages={"required": error or f"Select yes or no: {label[:1].lower()}{label[1:]}"},
    )


def combine(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a time typed in UK local time, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _yes_no_initial(value: bool) -> str:
    return "yes" if value else "no"


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        team = f", {obj.team}" if getattr(obj, "team", None) else ""
        return f"{obj.get_full_name()}{team}"


def contact_worker_field(*, label: str, missing: str) -> WorkerChoiceField:
    """The worker a contact was made by or an appointment is with: anyone who works with young
    people may be chosen (the form short-lists those about this young person). `missing` is
    said when nobody is chosen, and begins what is said when someone who may not be is sent."""
    return WorkerChoiceField(
        label=label,
        help_text="You, their workers, who is on duty today and your team.",
        queryset=selectors.contact_workers().select_related("team"),
        empty_label="Select a worker",
        error_messages={
            "required": missing,
            "invalid_choice": f"{missing} from the list: only staff who work with young people "
            "can be chosen",
        },
    )


def short_list_contact_workers(form: ShortListForm, user: Any, young_person: Any) -> None:
    """Offer `contact_worker_field`'s choices short-listed: the user, the young person's
    workers, who is on duty today and the user's team, with a search for anyone else."""
    form.offer_short_list(
        "worker",
        groups=worker_choice.about_a_young_person(user, young_person),
        matching=worker_choice.name_matches,
        noun="worker",
    )


# Contacts ------------------------------------------------------------------------------------


class ContactForm(ShortListForm):
    occurred_on = GovukDateField(
        label="Date of the contact",
        help_text="For example, 27 3 2026",
        not_in_future=True,
        error_messages={"required": "Enter the date of the contact"},
    )
    occurred_time = GovukTimeField(
        label="Time of the contact",
        help_text="Use the 24-hour clock, for example 09:30 or 14:45",
    )
    worker = contact_worker_field(
        label="Who made the contact", missing="Select who made the contact"
    )
    worker_search = search_box(noun="worker")
    method = radios(
        "How was the contact made?",
        ContactMethod.choices,
        missing="Select how the contact was made",
    )
    made_contact = yes_no(
        "Did you make contact?",
        help_text="Choose ‘No’ for a failed attempt, such as a missed visit or an unanswered "
        "call.",
        error="Select yes if you made contact",
    )
    failed_reason = optional_words(
        "If not, why not?",
        rows=3,
        help_text="Only for a failed attempt. Say what happened and what you will do next.",
    )
    seen = yes_no(
        "Did you see them in person?",
        required=False,
        help_text="A phone call, video call or message does not count as seeing them.",
    )
    seen_alone = yes_no(
        "Did you see them on their own?",
        required=False,
        help_text="Only if you saw them in person.",
    )
    purpose = forms.CharField(
        label="What was the contact for?",
        max_length=255,
        help_text="For example, a statutory visit, pathway plan review or help with a bid for a "
        "flat",
        required=False,
    )
    young_persons_views = optional_words("What they told you, in their own words", rows=5)
    notes = optional_words("Notes", rows=8)
    written_to_young_person = yes_no(
        "Are the notes written to the young person?",
        help_text="Young people can ask to read their records. Writing to them, as ‘you’, "
        "helps them understand it.",
        error="Select yes if the notes are written to the young person",
    )

    def __init__(self, *args: Any, user: Any, young_person: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].widget = GovukRadioSelect(
            choices=ContactMethod.choices,
            hints={
                ContactMethod.HOME_VISIT: "At their home or where they are staying",
                ContactMethod.OFFICE: "At the office or somewhere else you met in person",
            },
        )
        short_list_contact_workers(self, user, young_person)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        made_contact = cleaned.get("made_contact")
        if made_contact is False:
            if not (cleaned.get("failed_reason") or "").strip():
                self.add_error("failed_reason", "Enter why you could not make contact")
            # Answers that contradict "no contact" are refused, not quietly dropped: the worker
            # may have chosen the wrong answer to the first question.
            if cleaned.get("seen"):
                self.add_error(
                    "seen",
                    "You said you did not make contact, so select ‘No’ here or change your "
                    "answer to ‘Did you make contact?’",
                )
            if cleaned.get("seen_alone"):
                self.add_error(
                    "seen_alone",
                    "You said you did not make contact, so select ‘No’ here or change your "
                    "answer to ‘Did you make contact?’",
                )
        elif made_contact:
            if cleaned.get("seen") is None:
                self.add_error("seen", "Select yes if you saw them in person")
            elif cleaned.get("seen") and cleaned.get("seen_alone") is None:
                self.add_error("seen_alone", "Select yes if you saw them on their own")
            elif cleaned.get("seen") is False and cleaned.get("seen_alone"):
                self.add_error(
                    "seen_alone",
                    "You said you did not see them in person, so select ‘No’ here or change "
                    "your answer to ‘Did you see them in person?’",
                )
        return cleaned

    def contact_values(self) -> dict[str, Any]:
        """The cleaned answers, as the contact services take them."""
        data = self.cleaned_data
        made_contact = bool(data["made_contact"])
        return {
            "occurred_at": combine(data["occurred_on"], data["occurred_time"]),
            "worker": data["worker"],
            "method": data["method"],
            "made_contact": made_contact,
            "failed_reason": data.get("failed_reason", ""),
            "seen": bool(data.get("seen")) and made_contact,
            "seen_alone": bool(data.get("seen_alone")) and made_contact,
            "purpose": data.get("purpose", ""),
            "young_persons_views": data.get("young_persons_views", ""),
            "notes": data.get("notes", ""),
            "written_to_young_person": bool(data["written_to_young_person"]),
        }

    @staticmethod
    def initial_for(contact: Contact) -> dict[str, Any]:
        local = timezone.localtime(contact.occurred_at)
        initial: dict[str, Any] = {name: getattr(contact, name) for name in CONTACT_FIELDS}
        initial.update(
            {
                "occurred_on": local.date(),
                "occurred_time": local.time().replace(second=0, microsecond=0),
                "worker": contact.worker_id,
                "made_contact": _yes_no_initial(contact.made_contact),
                "seen": _yes_no_initial(contact.seen) if contact.made_contact else None,
                "seen_alone": _yes_no_initial(contact.seen_alone) if contact.seen else None,
                "written_to_young_person": _yes_no_initial(contact.written_to_young_person),
                "version": contact.version,
            }
        )
        initial.pop("occurred_at")
        return initial


class ContactAddForm(SubmittedOnceForm, ContactForm):
    """Recording a contact: sending the form twice records it once."""


class ContactCorrectForm(ContactForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ContactAmendForm(ContactForm):
    reason = words(
        "Why are you amending this record?",
        rows=3,
        missing="Enter why you are amending this record",
        help_text="The original record stays readable, with your reason beside the change.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


# Allocation ----------------------------------------------------------------------------------


class NewWorkerForm(ShortListForm):
    """Who takes over, why and from when: what every change of worker asks."""

    worker: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=User.objects.none(), empty_label="Select a worker"
    )
    worker_search = search_box(noun="worker")
    reason = forms.ChoiceField(
        label="Reason",
        choices=[("", "Select a reason"), *CARE_LEAVER_ALLOCATION_REASONS],
        error_messages={"required": "Select the reason for this allocation"},
    )
    reason_note = optional_words(
        "More about the reason (optional)",
        rows=3,
        help_text="The young person and the next worker will read this.",
    )
    start = GovukDateField(
        label="Start date",
        help_text="The day the new worker takes over: today, or a day in the next 90 days to "
        "plan the handover ahead. For example, 27 3 2026",
    )

    def __init__(
        self,
        *args: Any,
        role: str,
        user: Any,
        team_id: int | None,
        team_label: str,
        worker_label: str = "New {role}",
        leaving: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        label = WorkerRole(role).label.lower()
        field = self.fields["worker"]
        field.label = worker_label.format(role=label)
        field.help_text = (
            f"{team_label} and your team. Each name shows the worker's team and how many young "
            "people they have."
        )
        field.error_messages["required"] = f"Select the new {label}"
        field.error_messages["invalid_choice"] = (
            f"Select the new {label} from the list: only staff who work as a {label} can be chosen"
        )
        workers = selectors.allocatable_workers(role=role)
        if leaving is not None:
            workers = workers.exclude(pk=leaving.pk)
        field.queryset = workers  # type: ignore[attr-defined]
        field.label_from_instance = _worker_with_caseload  # type: ignore[attr-defined]
        self.offer_short_list(
            "worker",
            groups=[
                *worker_choice.team(team_label, team_id),
                *worker_choice.team("Your team", user.team_id),
            ],
            matching=worker_choice.name_matches,
            noun=label,
        )


class AllocationForm(NewWorkerForm):
    # The allocation that was current when the form was opened (its id; 0 for nobody), so a
    # change someone else made since is refused rather than counted twice (DESIGN 4.6).
    replacing = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": "This page is out of date. Open it again from their record"},
    )
    # A handover planned ahead can have a visit for the new worker to meet them first.
    introduction_on = GovukDateField(
        label="Date of an introduction visit (optional)",
        help_text="For a handover planned ahead: a visit for the new worker to meet them before "
        "taking over. They are told by text. For example, 27 3 2027",
        required=False,
        not_in_past=True,
    )
    introduction_time = GovukTimeField(
        label="Time of the introduction visit", help_text="For example, 14:30", required=False
    )
    introduction_place = forms.CharField(
        label="Where the introduction visit is",
        max_length=200,
        required=False,
        help_text="As the young person will read it, for example ‘at your flat’.",
    )
    field_order = [
        "replacing",
        "worker",
        "worker_search",
        "reason",
        "reason_note",
        "start",
        "introduction_on",
        "introduction_time",
        "introduction_place",
    ]

    INTRODUCTION = ("introduction_on", "introduction_time", "introduction_place")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = [name for name in self.INTRODUCTION if cleaned.get(name)]
        start = cleaned.get("start")
        if given and start is not None and start <= timezone.localdate():
            self.add_error(
                "introduction_on",
                "An introduction visit is for a handover planned ahead. To book a first "
                "visit now, use their appointments page",
            )
        elif given and len(given) < len(self.INTRODUCTION):
            for name, message in (
                ("introduction_on", "Enter the date of the introduction visit"),
                ("introduction_time", "Enter the time of the introduction visit"),
                ("introduction_place", "Enter where the introduction visit is"),
            ):
                if name not in given and name not in self.errors:
                    self.add_error(name, message)
        return cleaned

    def introduction_at(self) -> datetime.datetime | None:
        data = self.cleaned_data
        if not data.get("introduction_on"):
            return None
        return combine(data["introduction_on"], data["introduction_time"])


class HandoverCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled?",
        max_length=300,
        help_text="This stays on the record. An introduction visit still to come is cancelled "
        "too, and the young person is told.",
        error_messages={"required": "Enter why the handover is cancelled"},
    )


class CaseloadMoveForm(NewWorkerForm):
    """Move a departing worker's whole caseload in one role to one new worker."""

    def __init__(self, *args: Any, role: str, leaving: Any, **kwargs: Any) -> None:
        super().__init__(
            *args,
            role=role,
            team_id=leaving.team_id,
            team_label=f"{leaving.get_full_name()}'s team",
            worker_label="New {role} for all of them",
            leaving=leaving,
            **kwargs,
        )


def _worker_with_caseload(worker: Any) -> str:
    team = f"{worker.team}, " if worker.team_id else ""
    size = getattr(worker, "caseload_size", 0)
    return f"{worker.get_full_name()} ({team}{size} young {'person' if size == 1 else 'people'})"


# Case notes and alerts -----------------------------------------------------------------------


class CaseNoteForm(SubmittedOnceForm):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    written_on = GovukDateField(
        label="Date", help_text="For example, 27 3 2026", not_in_future=True
    )
    body = words("Case note", rows=10, missing="Enter the case note")
    written_to_young_person = yes_no(
        "Is this written to the young person?",
        help_text="Young people can ask to read their records. Writing to them, as ‘you’, "
        "helps them understand it.",
        error="Select yes if the note is written to the young person",
    )
    contains_third_party_information = yes_no(
        "Does it include information about other people?",
        help_text="For example, a parent, partner or another young person. It is checked "
        "before the record is shared.",
        error="Select yes if the note includes information about other people",
    )
    third_party_description = forms.CharField(
        label="If yes, whose information is it and what is it?",
        max_length=255,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("contains_third_party_information")
            and not (cleaned.get("third_party_description") or "").strip()
        ):
            self.add_error(
                "third_party_description",
                "Describe the information about other people, so it can be checked before the "
                "record is shared",
            )
        return cleaned


class AlertForm(forms.Form):
    kind = radios(
        "What kind of alert is it?", AlertKind.choices, missing="Select what kind of alert it is"
    )
    description = words(
        "What is the concern, and what must staff do?",
        rows=5,
        missing="Describe the concern and what staff need to do",
    )
    raised_on = GovukDateField(
        label="Date raised", help_text="For example, 27 3 2026", not_in_future=True
    )


class AlertEndForm(forms.Form):
    ended_on = GovukDateField(
        label="Date the alert ended", help_text="For example, 27 3 2026", not_in_future=True
    )


# Keeping in touch ----------------------------------------------------------------------------


class KeepingInTouchForm(forms.Form):
    status = radios(
        "Why is the service not in touch?",
        InTouchStatus.choices,
        missing="Select why the service is not in touch",
    )
    start = GovukDateField(
        label="From when", help_text="For example, 27 3 2026", not_in_future=True
    )
    notes = optional_words("What they said, and how they can get back in touch (optional)", rows=4)


class KeepingInTouchEndForm(forms.Form):
    end = GovukDateField(
        label="The last day it applied", help_text="For example, 27 3 2026", not_in_future=True
    )


# Duty log ------------------------------------------------------------------------------------


class YoungPersonSearchForm(forms.Form):
    q = forms.CharField(
        label="Search for the young person",
        help_text="Their name or council child ID",
        required=False,
        max_length=100,
    )


class DutyEntryForm(ShortListForm):
    occurred_on = GovukDateField(
        label="Date", help_text="For example, 27 3 2026", not_in_future=True
    )
    occurred_time = GovukTimeField(
        label="Time", help_text="Use the 24-hour clock, for example 09:30 or 14:45"
    )
    caller = forms.CharField(
        label="Who called or came in?",
        max_length=200,
        help_text="For example, the young person, their landlord or a college tutor",
        error_messages={"required": "Enter who called or came in"},
    )
    method = radios(
        "How did they get in touch?", ContactMethod.choices, missing="Select how they got in touch"
    )
    child_id = forms.CharField(
        label="Council child ID of the young person it was about (optional)",
        help_text="Search above if you do not know it. Leave it empty if the call was not about "
        "a young person we work with.",
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    need = words("What did they need?", rows=4, missing="Enter what they needed")
    action_taken = words("What was done?", rows=4, missing="Enter what was done")
    passed_to = WorkerChoiceField(
        label="Passed to (optional)",
        help_text="The young person's allocated workers are told in any case.",
        queryset=selectors.contact_workers().select_related("team"),
        required=False,
        empty_label="Nobody",
        error_messages={
            "invalid_choice": "Select who it was passed to from the list: only staff who work "
            "with young people can be chosen",
        },
    )
    passed_to_search = search_box(noun="worker")
    urgent = forms.BooleanField(
        label="This is urgent",
        help_text="Urgent messages go to the top of the worker's work tray.",
        required=False,
    )

    def __init__(self, *args: Any, user: Any, young_person: Any = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)
        self.offer_short_list(
            "passed_to",
            groups=[
                *([worker_choice.their_workers(young_person)] if young_person else []),
                worker_choice.on_duty_today(),
                *worker_choice.team("Your team", user.team_id),
            ],
            matching=worker_choice.name_matches,
            noun="worker",
        )

    def clean_child_id(self) -> Any:
        child_id = (self.cleaned_data.get("child_id") or "").strip()
        if not child_id:
            return None
        young_person = selectors.young_person_by_child_id(user=self.user, child_id=child_id)
        if young_person is None:
            raise forms.ValidationError(
                "No young person you can see has that council child ID. Check it, or search "
                "by name"
            )
        return young_person

    def show_as_typed(self) -> None:
        """Show what was typed without checking it: the duty worker pressed Search or chose a
        young person, so the form is not finished and must not fill with errors."""
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def entry_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "occurred_at": combine(data["occurred_on"], data["occurred_time"]),
            "caller": data["caller"],
            "method": data["method"],
            "young_person": data.get("child_id"),
            "need": data["need"],
            "action_taken": data["action_taken"],
            "passed_to": data.get("passed_to"),
            "urgent": bool(data.get("urgent")),
        }


class WorkTrayFilterForm(forms.Form):
    """Narrow a work tray to one kind of work, one worker (team view) or what is overdue or due
    this week: a GET form, so it works without JavaScript and the address can be bookmarked.

    Each choice says how many items it would show given the other choices (`show_counts`), so
    a manager sees at once that 9 plans wait for them among 48 oversight reviews.
    """

    kind = forms.ChoiceField(
        label="Kind of work",
        required=False,
        error_messages={"invalid_choice": "Choose a kind of work from the list"},
    )
    worker = forms.CharField(label="Worker", required=False, widget=forms.Select)
    due = forms.ChoiceField(
        label="When",
        required=False,
        choices=[("", "Any time"), (OVERDUE, "Overdue"), (THIS_WEEK, "Due in the next 7 days")],
        error_messages={"invalid_choice": "Choose when the work is due from the list"},
    )

    def __init__(self, *args: Any, labels: dict[str, str], team: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.labels = labels
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, forms.ChoiceField)
        kind_field.choices = [("", "All kinds"), *labels.items()]
        if not team:
            del self.fields["worker"]

    def tray_filter(self) -> TrayFilter:
        """What was chosen; a choice that is not valid narrows nothing (its error says why)."""
        if not self.is_bound:
            return TrayFilter()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return TrayFilter(
            kind=data.get("kind") or "",
            worker=data.get("worker") or "",
            due=data.get("due") or "",
        )

    def show_counts(self, counts: TrayCounts, chosen: TrayFilter) -> None:
        """Label every choice with how many items it would show; kinds and workers with none
        are left out, unless chosen."""
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, forms.ChoiceField)
        kind_field.choices = [("", f"All kinds ({sum(counts.kinds.values())})")] + sorted(
            (
                (key, f"{label} ({counts.kinds[key]})")
                for key, label in self.labels.items()
                if counts.kinds[key] or key == chosen.kind
            ),
            key=lambda choice: choice[1],
        )
        due_field = self.fields["due"]
        assert isinstance(due_field, forms.ChoiceField)
        due_field.choices = [
            ("", f"Any time ({sum(counts.due.values())})"),
            (OVERDUE, f"Overdue ({counts.due[OVERDUE]})"),
            (THIS_WEEK, f"Due in the next 7 days ({counts.due[THIS_WEEK]})"),
        ]
        if "worker" in self.fields:
            workers = set(counts.workers) | ({chosen.worker} if chosen.worker else set())
            widget = self.fields["worker"].widget
            assert isinstance(widget, forms.Select)
            widget.choices = [("", f"Everyone ({sum(counts.workers.values())})")] + [
                (
                    name,
                    f"{'Not allocated' if name == NOT_ALLOCATED else name} "
                    f"({counts.workers[name]})",
                )
                for name in sorted(workers)
            ]


class WorkTrayBatchForm(forms.Form):
    """The one note for a batch action on the work tray; the chosen items travel beside it."""

    note = forms.CharField(required=True, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, label: str, hint: str, missing: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        note = self.fields["note"]
        note.label = label
        note.help_text = hint
        note.error_messages["required"] = missing


class CaseloadFilterForm(forms.Form):
    show = forms.ChoiceField(
        label="Show",
        choices=[
            ("all", "Everyone"),
            ("overdue", "Visits overdue"),
            ("no_pa", "No personal adviser"),
        ],
        required=False,
        initial="all",
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--small"}),
    )
