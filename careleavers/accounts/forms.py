"""allauth's sign-in form without placeholders or a link inside the hint (GOV.UK advises against
both: placeholders vanish as you type, and the page already links to password reset)."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm


class LoginForm(AllauthLoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
            field.help_text = ""
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs["spellcheck"] = "false"
