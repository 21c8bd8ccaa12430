"""Forms for the young person's pages and for inviting them. They parse input; the services
hold the rules. Questions speak to the person who will answer them."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext, gettext_lazy

from careleavers.accounts.forms import PASSWORD_RULES, keep_signed_in_field
from careleavers.core.forms.questions import radios
from careleavers.core.forms.widgets import GovukDateField, GovukDateInput, GovukRadioSelect
from careleavers.portal.models import InvitationMethod
from careleavers.portal.services import MEETINGS, TEXT_LIMIT


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _radios(label: Any, choices: Any, required: Any) -> forms.ChoiceField:
    """Radio buttons to choose one of `choices`; `required` says what to do when none is."""
    return radios(label, choices, missing=required, widget=GovukRadioSelect)


def _translated(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Choices whose words are marked with gettext_noop where they are defined, in the language
    of the page."""
    return [(value, gettext(words)) for value, words in choices]


class _Form(forms.Form):
    govuk_mark_optional = True


class InviteForm(_Form):
    method = _radios(
        "How should we send the invitation?",
        InvitationMethod.choices,
        "Select how to send the invitation",
    )
    sent_to = forms.CharField(
        label="Email address or mobile number",
        max_length=254,
        help_text=(
            "Check it with the young person. The link works once, for 7 days, and they will "
            "need their date of birth to use it."
        ),
        error_messages={"required": "Enter the email address or mobile number to send it to"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, days: int = 7, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sent_to"].help_text = (
            f"Check it with the young person. The link works once, for {days} days, and they "
            "will need their date of birth to use it."
        )


class OwnBirthdayInput(GovukDateInput):
    """The date input for someone's own date of birth: the browser may fill it in (WCAG 1.3.5,
    identify input purpose)."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for subwidget in context["widget"]["subwidgets"]:
            subwidget["attrs"]["autocomplete"] = f"bday-{subwidget['part']}"
        return context


class AcceptForm(_Form):
    """Setting up an account from an invitation. Invited by text, a young person may sign in
    with a code texted to that mobile instead of a password, and needs no email address."""

    SIGN_IN_CODE, SIGN_IN_PASSWORD = "code", "password"

    date_of_birth = GovukDateField(
        label=gettext_lazy("Your date of birth"),
        widget=OwnBirthdayInput,
        help_text=gettext_lazy(
            "For example, 27 3 2007. We check it so nobody else can use your link."
        ),
        not_in_future=True,
    )
    sign_in_with = _radios(
        gettext_lazy("How do you want to sign in?"),
        [],
        gettext_lazy("Select how you want to sign in"),
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        help_text=gettext_lazy("You will use this to sign in."),
        error_messages={
            "required": gettext_lazy("Enter your email address"),
            "invalid": gettext_lazy(
                "Enter an email address in the correct format, like name@example.com"
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password1 = forms.CharField(
        label=gettext_lazy("Create a password"),
        help_text=gettext_lazy(PASSWORD_RULES),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )
    password2 = forms.CharField(
        label=gettext_lazy("Type your password again"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )

    def __init__(self, *args: Any, phone: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.by_text = bool(phone)
        if self.by_text:
            cast(forms.ChoiceField, self.fields["sign_in_with"]).choices = [
                (
                    self.SIGN_IN_CODE,
                    gettext("With a code we text to %(phone)s each time") % {"phone": phone},
                ),
                (self.SIGN_IN_PASSWORD, gettext("With a password")),
            ]
            self.fields["sign_in_with"].initial = self.SIGN_IN_CODE
            email = self.fields["email"]
            email.required = False
            email.help_text = gettext(
                "You can sign in with it too. You can add one later instead."
            )
            for name in ("password1", "password2"):
                field = self.fields[name]
                field.label = gettext("%(label)s (only if you chose a password)") % {
                    "label": field.label
                }
        else:
            del self.fields["sign_in_with"]
        self.fields["remember"] = keep_signed_in_field()

    @property
    def wants_password(self) -> bool:
        return not self.by_text or self.cleaned_data.get("sign_in_with") == self.SIGN_IN_PASSWORD

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "sign_in_with" in self.fields and not cleaned.get("sign_in_with"):
            return cleaned
        if not self.wants_password:
            cleaned["password1"] = cleaned["password2"] = ""
            return cleaned
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if not first:
            self.add_error("password1", gettext("Create a password"))
        elif not second:
            self.add_error("password2", gettext("Type your password again"))
        elif first != second:
            self.add_error("password2", gettext("The passwords do not match"))
        return cleaned


class NoteForm(_Form):
    """One optional box: anything the young person wants to add."""

    text = forms.CharField(
        label=gettext_lazy("Anything you want to add?"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=_textarea(),
    )

    def __init__(self, *args: Any, label: str = "", hint: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label
        if hint:
            self.fields["text"].help_text = hint


class NotSafeForm(_Form):
    """ "I do not feel safe": how to reach them first, since a phone is what they will have."""

    call_on = forms.CharField(
        label=gettext_lazy("You can call me on"),
        required=False,
        max_length=20,
        help_text=gettext_lazy(
            "Check this is the phone you have with you now. Leave it empty if a call "
            "would not be safe."
        ),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    where = forms.CharField(
        label=gettext_lazy("Where are you?"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Only if you want us to know: an address, a street or a place near you. It "
            "goes to the person we send your message to."
        ),
        widget=_textarea(2),
    )
    text = forms.CharField(
        label=gettext_lazy("What is happening?"),
        required=False,
        max_length=TEXT_LIMIT,
        help_text=gettext_lazy("You do not have to write anything."),
        widget=_textarea(3),
    )


class RequiredTextForm(_Form):
    text = forms.CharField(max_length=TEXT_LIMIT, widget=_textarea(5))

    def __init__(self, *args: Any, label: str, required_message: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].error_messages["required"] = required_message


class AgendaForm(_Form):
    meeting = _radios(
        gettext_lazy("When do you want to talk about it?"),
        [(key, gettext_lazy(words)) for key, words in MEETINGS.items()],
        gettext_lazy("Select when you want to talk about it"),
    )
    text = forms.CharField(
        label=gettext_lazy("What do you want to talk about?"),
        max_length=TEXT_LIMIT,
        widget=_textarea(5),
        error_messages={"required": gettext_lazy("Write what you want to talk about")},
    )


NAMED = "named"
ANONYMOUS = "anonymous"


class FeedbackForm(_Form):
    send_as = forms.ChoiceField(
        label=gettext_lazy("Do you want to give your name?"),
        choices=[
            (NAMED, gettext_lazy("Send it with my name")),
            (ANONYMOUS, gettext_lazy("Do not show my name")),
        ],
        widget=GovukRadioSelect(
            hints={
                NAMED: gettext_lazy(
                    "The people named above read it. They can talk to you about it and put "
                    "things right."
                ),
                ANONYMOUS: gettext_lazy(
                    "It goes to the manager of your team without your name. Nobody can "
                    "reply to you, because we will not know who sent it."
                ),
            }
        ),
        error_messages={"required": gettext_lazy("Select if you want to give your name")},
    )
    about = _radios(
        gettext_lazy("What do you want to tell us about?"),
        [],
        gettext_lazy("Select what your feedback is about"),
    )
    rating = forms.ChoiceField(
        label=gettext_lazy("How is it going?"),
        choices=[],
        required=False,
        widget=GovukRadioSelect,
    )
    what_is_good = forms.CharField(
        label=gettext_lazy("What is good?"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=_textarea(),
    )
    what_could_be_better = forms.CharField(
        label=gettext_lazy("What could be better?"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=_textarea(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from careleavers.quality.models import FeedbackAbout, FeedbackRating

        super().__init__(*args, **kwargs)
        # The choices' words are marked in quality/models.py; translated here, in the language
        # of the page.
        cast(forms.ChoiceField, self.fields["about"]).choices = _translated(FeedbackAbout.choices)
        cast(forms.ChoiceField, self.fields["rating"]).choices = _translated(
            FeedbackRating.choices
        )


class WellbeingForm(_Form):
    """The wellbeing check: one question for each in quality/wellbeing.py, and a box for
    anything else."""

    anything_else = forms.CharField(
        label=gettext_lazy("Is there anything else you want to tell us?"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=_textarea(3),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from careleavers.quality.models import WellbeingAnswer
        from careleavers.quality.wellbeing import QUESTIONS

        super().__init__(*args, **kwargs)
        questions = {
            question.key: forms.ChoiceField(
                label=gettext(question.text),
                help_text=gettext(question.hint) if question.hint else "",
                choices=_translated(WellbeingAnswer.choices),
                widget=GovukRadioSelect,
                error_messages={
                    "required": gettext("Choose an answer, or choose I’d rather not say")
                },
            )
            for question in QUESTIONS
        }
        # The questions first, then the box for anything else.
        self.fields = {**questions, "anything_else": self.fields["anything_else"]}


class ReplyForm(_Form):
    """The young person's reply on one of their requests."""

    text = forms.CharField(
        label=gettext_lazy("Reply to your adviser"),
        help_text=gettext_lazy(
            "For example, if something is still not sorted, or you have a question."
        ),
        max_length=TEXT_LIMIT,
        widget=_textarea(3),
        error_messages={"required": gettext_lazy("Write your reply")},
    )


class AboutMeAgreeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AboutMeWriteForm(_Form):
    summary = forms.CharField(
        label=gettext_lazy("What do you want every worker to know about you?"),
        help_text=gettext_lazy(
            "In your own words. A new worker reads this first, so you do not have to tell your "
            "story again."
        ),
        max_length=TEXT_LIMIT,
        widget=_textarea(8),
        error_messages={"required": gettext_lazy("Write what you want every worker to know")},
    )
    please_do_not_ask = forms.CharField(
        label=gettext_lazy("Is there anything you do not want to have to tell again?"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=_textarea(4),
    )
    # The about me's version when they opened the page; empty when there was none yet.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DoneForm(_Form):
    reply = forms.CharField(
        label="Your reply",
        help_text=(
            "The young person reads this on their own pages, so write it to them in plain "
            "words. Do not put anything here they should not read. If you mark it done, say "
            "what you did."
        ),
        max_length=TEXT_LIMIT,
        widget=_textarea(5),
        error_messages={"required": "Write your reply to the young person"},
    )
