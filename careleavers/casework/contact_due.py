"""Inputs to the contact standard that other capabilities know about.

The pure engine (contact_standard.py) takes, besides the last visit, the days council-provided
accommodation started, whether the young person lives in such accommodation now, and the next
pathway plan review under Care Leavers (England) Regs 2010 reg 7(3) (the review a visit must
come before, reg 8(2)(b)). Casework does not own those facts: the accommodation app and the
plans app do. Each registers a provider here from its `registrations.py`:

    from careleavers.casework.contact_due import ContactDueInputs, contact_due_inputs

    def accommodation_inputs(*, young_person_ids, today):
        # One or two queries for the whole batch, never one per young person.
        return {
            young_person_id: {
                "council_accommodation_starts": [...],
                "in_council_accommodation": True,
            },
            ...
        }

    contact_due_inputs.register(
        ContactDueInputs("accommodation", accommodation_inputs, supplies=ACCOMMODATION)
    )

A provider returns, for any of the given young people it knows about, a mapping of keyword
arguments of `next_contact_due` it supplies: `council_accommodation_starts`,
`in_council_accommodation`, `council_accommodation_since` (the day the council first provided
the accommodation they live in now), `next_review_due`, `next_accommodation_review_due` or
`last_review_on` (the latest pathway plan review held).
Young people it has nothing for are left out. Until a provider supplies them the engine's
defaults apply (no accommodation starts, no review, and the stricter two-monthly statutory
visit).

The plans app needs the accommodation inputs itself (reg 7(3) reviews depend on them), so it
asks for them with `only=ACCOMMODATION`, which calls only the providers that said they supply
them: no provider is asked for its own inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from careleavers.core.registry import Registry

# The keyword arguments of next_contact_due that providers may supply.
ACCOMMODATION = frozenset(
    {"council_accommodation_starts", "in_council_accommodation", "council_accommodation_since"}
)
REVIEWS = frozenset({"next_review_due", "next_accommodation_review_due", "last_review_on"})
SUPPLIED_INPUTS = ACCOMMODATION | REVIEWS

ContactDueInputsProvider = Callable[..., Mapping[int, Mapping[str, Any]]]


@dataclass(frozen=True)
class ContactDueInputs:
    """A provider of contact standard inputs, and which of them it supplies."""

    name: str
    provider: ContactDueInputsProvider
    supplies: frozenset[str] = SUPPLIED_INPUTS


contact_due_inputs: Registry[ContactDueInputs] = Registry(
    "contact standard inputs", key=lambda registered: registered.name
)


def contact_due_inputs_for(
    *, young_person_ids: Collection[int], today: date, only: frozenset[str] | None = None
) -> dict[int, dict[str, Any]]:
    """Every registered provider's inputs for a batch of young people, merged by young person.

    Accommodation starts from two providers are combined; for the other inputs the earliest
    date wins and "in council accommodation" is true if any provider says so, because the
    stricter reading protects the young person. With ``only``, just the providers that supply
    any of those inputs are asked.
    """
    merged: dict[int, dict[str, Any]] = {}
    for registered in contact_due_inputs:
        if only is not None and not registered.supplies & only:
            continue
        supplied = registered.provider(young_person_ids=young_person_ids, today=today)
        for young_person_id, inputs in supplied.items():
            unknown = set(inputs) - SUPPLIED_INPUTS
            if unknown:
                raise ValueError(
                    f"Contact due provider {registered.name!r} supplied unknown inputs: "
                    f"{sorted(unknown)}"
                )
            target = merged.setdefault(young_person_id, {})
            for key, value in inputs.items():
                target[key] = _combine(key, target.get(key), value)
    return merged


def _combine(key: str, current: Any, new: Any) -> Any:
    if current is None:
        return list(new) if key == "council_accommodation_starts" else new
    if new is None:
        return current
    if key == "council_accommodation_starts":
        return [*current, *new]
    if key in ("next_review_due", "next_accommodation_review_due", "council_accommodation_since"):
        return min(current, new)
    if key == "last_review_on":
        return max(current, new)
    return bool(current or new)
