"""Choosing one of many records (a worker among a whole council's staff) from a short list.

A drop-down of everyone who could be chosen grows with the council: at national size it is
thousands of options, slow to draw and slow to use. A form mixing in `ShortListForm` offers a
short list instead, in groups the person filling it in thinks in ("You", "Their workers",
"Your team"), and a search box with its own Find button for anyone else. Find sends the whole
form back without JavaScript: what was typed elsewhere is kept, nothing is saved, and the people
who match are added to the list (the only one is chosen at once).

Checking is unchanged: the field's queryset still holds everyone who may be chosen, and Django
checks the one sent against it with one query, so a choice the form does not allow is refused
beside the field whatever the list showed. The short list costs one query, and a search one
more, however many records there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Model, Q, QuerySet, Value, When
from django.forms.utils import ErrorDict

from careleavers.core.forms.widgets import GovukSearchInput

# The most a short list shows, and the most one search adds: enough for a large team and
# a common surname, still quick to draw and to read through.
SHORT_LIST_MOST = 60
FOUND_MOST = 20
# Primary keys are positive 64-bit numbers: anything else sent is not one of ours.
_LARGEST_KEY = 2**63 - 1
_GROUP = "short_list_group"


@dataclass(frozen=True)
class Group:
    """One group of the short list: its heading and which records belong in it, given either
    as a condition (`where`) or as a query of their keys (`keys`, for example the workers of
    a young person's allocations)."""

    label: str
    where: Q | None = None
    keys: QuerySet[Any] | None = None


def search_field_name(name: str) -> str:
    """The search box that goes with the field `name`: declare it in the form after it."""
    return f"{name}_search"


def search_box(*, noun: str) -> forms.CharField:
    """The search box to declare after a short-listed field, as `<field>_search`."""
    return forms.CharField(
        label="Or find someone else by name",
        help_text="Type part of their first or last name, then select Find. What you have "
        "typed on this page is kept.",
        max_length=100,
        required=False,
        widget=GovukSearchInput(
            attrs={"class": "govuk-input--width-20"}, button_more=f"a {noun} by name"
        ),
    )


def every_word_in(*fields: str) -> Callable[[str], Q]:
    """A search where every word typed is part of one of `fields`: "sam ng", "ng"."""

    def matching(typed: str) -> Q:
        found = Q()
        for word in typed.split():
            any_field = Q()
            for field in fields:
                any_field |= Q(**{f"{field}__icontains": word})
            found &= any_field
        return found

    return matching


class ShortListForm(forms.Form):
    """Mixin for a form whose model choice fields offer a short list (`offer_short_list`).

    While the form answers a search it is not valid, so the view saves nothing and shows the
    form again, with no errors but the search's own.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.searched = False
        self._search_errors: dict[str, str] = {}
        self._short_listed: list[str] = []
        # What was typed in each search box that found someone: the heading of what it found.
        self._found_for: dict[str, str] = {}
        self._data_copied = False

    def offer_short_list(
        self,
        name: str,
        *,
        groups: Sequence[Group],
        matching: Callable[[str], Q],
        noun: str,
        others_label: str = "Chosen before",
    ) -> None:
        """Offer field `name` the records of its queryset in `groups`, those the search box
        finds, and whatever is chosen already (under `others_label` if in no group)."""
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        self._short_listed.append(name)
        queryset: QuerySet[Any] = field.queryset  # type: ignore[assignment]
        found = self._search(name, queryset=queryset, matching=matching, noun=noun)
        chosen = self._chosen(name)
        all_groups = [
            *(
                [Group(f"Matching ‘{self._found_for[name]}’", Q(pk__in=[r.pk for r in found]))]
                if found
                else []
            ),
            *groups,
        ]
        # Checkboxes have no headings: theirs is one list, in the queryset's order.
        grouped = not isinstance(field, forms.ModelMultipleChoiceField)
        rows = _short_list(queryset, _conditions(all_groups), chosen=chosen, grouped=grouped)
        labels = [group.label for group in all_groups] + [others_label]
        self._show(field, rows, labels)

    # Searching -----------------------------------------------------------------------------

    def _search(
        self, name: str, *, queryset: QuerySet[Any], matching: Callable[[str], Q], noun: str
    ) -> list[Model]:
        search_name = search_field_name(name)
        if not self.is_bound or search_name not in self.fields:
            return []
        try:
            typed = self.fields[search_name].clean(self.data.get(self.add_prefix(search_name)))
        except ValidationError as error:
            self.searched = True
            self._search_errors[search_name] = error.messages[0]
            return []
        typed = " ".join((typed or "").split())
        if not typed:
            return []
        self.searched = True
        found = list(queryset.filter(matching(typed))[: FOUND_MOST + 1])
        field = self.fields[search_name]
        if not found:
            self._search_errors[search_name] = (
                f"No {noun} who can be chosen here matches ‘{typed}’. Check the spelling, or "
                "empty this box to keep the choice above"
            )
            return []
        data = self._data_to_change()
        # The search is done: an empty box lets the next press of the main button save.
        data[self.add_prefix(search_name)] = ""
        if len(found) == 1:
            self._choose(name, found[0].pk)
            field.help_text = f"{found[0]} matches ‘{typed}’ and is now chosen above."
        elif len(found) > FOUND_MOST:
            found = found[:FOUND_MOST]
            field.help_text = (
                f"More than {FOUND_MOST} match ‘{typed}’. The first {FOUND_MOST} are in the list "
                "above. To see fewer, type more of the name."
            )
        else:
            field.help_text = (
                f"{len(found)} match ‘{typed}’. They are first in the list above: choose one."
            )
        self._found_for[name] = typed
        return found

    def _data_to_change(self) -> Any:
        if not self._data_copied:
            # A QueryDict or a dict: both copy to something that can be changed.
            self.data = self.data.copy()  # type: ignore[attr-defined]
            self._data_copied = True
        return self.data

    def _choose(self, name: str, pk: Any) -> None:
        data, key = self._data_to_change(), self.add_prefix(name)
        if not isinstance(self.fields[name], forms.ModelMultipleChoiceField):
            data[key] = str(pk)
        elif hasattr(data, "setlist"):
            data.setlist(key, [*data.getlist(key), str(pk)])
        else:
            sent = data.get(key) or []
            data[key] = [*(sent if isinstance(sent, list | tuple) else [sent]), str(pk)]

    def _chosen(self, name: str) -> list[int]:
        """The keys chosen now: those sent, or those the form started with."""
        field = self.fields[name]
        if self.is_bound:
            key = self.add_prefix(name)
            if hasattr(self.data, "getlist"):
                values: Any = self.data.getlist(key)
            else:
                values = self.data.get(key)
        else:
            values = self.get_initial_for_field(field, name)
        if values is None or isinstance(values, str | int | Model):
            values = [values]
        keys = [getattr(value, "pk", value) for value in values]
        return [
            int(key)
            for key in map(str, keys)
            if key.isascii() and key.isdigit() and 0 < int(key) <= _LARGEST_KEY
        ]

    # Answering -----------------------------------------------------------------------------

    def full_clean(self) -> None:
        if not self.searched:
            super().full_clean()
            # A search box is a way to choose, not an answer: services are given the choice.
            for name in self._short_listed:
                getattr(self, "cleaned_data", {}).pop(search_field_name(name), None)
            return
        # Not finished: show what was typed, with only the search's own problems.
        self._errors = ErrorDict()
        self.cleaned_data = {}
        for field_name, message in self._search_errors.items():
            self._errors[field_name] = self.error_class([message], renderer=self.renderer)

    def is_valid(self) -> bool:
        return not self.searched and super().is_valid()

    def _show(self, field: forms.ModelChoiceField, rows: list[Any], labels: list[str]) -> None:
        label = field.label_from_instance
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.widget.choices = [(row.pk, label(row)) for row in rows]  # type: ignore[attr-defined]
            return
        grouped: dict[int, list[tuple[Any, str]]] = {}
        for row in rows:
            grouped.setdefault(getattr(row, _GROUP), []).append((row.pk, label(row)))
        blank = [("", field.empty_label)] if field.empty_label is not None else []
        field.widget.choices = blank + [  # type: ignore[attr-defined]
            (labels[index], options) for index, options in sorted(grouped.items())
        ]


def _conditions(groups: Sequence[Group]) -> list[Q]:
    """Each group as a condition: the keys of those given as queries are read first, all in one
    query. A list of keys lets the database use its indexes for the short list; keys left as
    subqueries in an OR make it read every record to find the few wanted."""
    asking = [(index, group.keys) for index, group in enumerate(groups) if group.keys is not None]
    found: dict[int, list[Any]] = {index: [] for index, _ in asking}
    if asking:
        queries = [
            keys.order_by()
            .annotate(**{_GROUP: Value(index, output_field=IntegerField())})
            .values_list(_GROUP, *keys.query.values_select)
            for index, keys in asking
        ]
        for index, key in queries[0].union(*queries[1:], all=True):
            found[index].append(key)
    return [
        Q(pk__in=found[index]) if index in found else group.where or Q(pk__in=[])
        for index, group in enumerate(groups)
    ]


def _short_list(
    queryset: QuerySet[Any], conditions: Sequence[Q], *, chosen: list[int], grouped: bool
) -> list[Any]:
    """The records in any group, or chosen, each in the first group it belongs to, in the
    queryset's order (within each group if `grouped`). Chosen records are always there, past
    the limit too."""
    belongs = Q(pk__in=chosen)
    for condition in conditions:
        belongs |= condition
    order = queryset.query.order_by or ("pk",)
    ranked = queryset.filter(belongs).annotate(
        **{
            _GROUP: Case(
                *[
                    When(condition, then=Value(index))
                    for index, condition in enumerate(conditions)
                ],
                default=Value(len(conditions)),
            )
        }
    )
    order = (_GROUP, *order) if grouped else order
    rows = list(ranked.order_by(*order)[:SHORT_LIST_MOST])
    missing = set(chosen) - {row.pk for row in rows}
    if missing and len(rows) == SHORT_LIST_MOST:
        rows += list(ranked.filter(pk__in=missing).order_by(*order))
    return rows
