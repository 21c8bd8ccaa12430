"""Reading pages as a browser would, for tests that fill in a form the way a person does.

`form_data(response)` gives what the browser would send if the person pressed the form's button
without changing anything: every field's current value, hidden ones included (the version it
was opened at, the form's submission key). Tests then change only what the person types.
"""

from __future__ import annotations

from typing import Any

import lxml.html


def form_data(response: Any, *, form: int = -1, **typed: Any) -> dict[str, Any]:
    """The fields of a page's form (the last on the page unless `form` says which), as the
    browser would send them, with `typed` replacing what the person changed."""
    assert response.status_code == 200, f"the form page answered {response.status_code}"
    document = lxml.html.fromstring(response.content.decode())
    forms = [f for f in document.forms if (f.method or "get").lower() == "post"]
    assert forms, "the page has no form to fill in"
    values: dict[str, Any] = {}
    for name, value in _successful_controls(forms[form]):
        if name in values:
            existing = values[name]
            values[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            values[name] = value
    values.pop("csrfmiddlewaretoken", None)
    values.update(typed)
    return values


def _successful_controls(form: Any) -> list[tuple[str, str]]:
    """What a browser sends for a form (HTML's "successful controls"). lxml's own
    `form_values()` sends "on" for a checked radio whose value is empty; browsers send ""."""
    sent = []
    for element in form.inputs:
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        tag = element.tag
        kind = (element.get("type") or "text").lower() if tag == "input" else tag
        if kind in ("submit", "button", "image", "reset", "file"):
            continue
        if kind in ("checkbox", "radio"):
            if element.get("checked") is not None:
                sent.append((name, element.get("value", "on")))
        elif tag == "select":
            chosen = element.value
            for value in chosen if element.multiple else [chosen]:
                if value is not None:
                    sent.append((name, value))
        elif tag == "textarea":
            sent.append((name, element.text or ""))
        else:
            sent.append((name, element.get("value", "")))
    return sent
