"""The indicators insight defines over the case records of the earlier capabilities, one module
per area of records. `register_all` is called from the app's ready()."""

from __future__ import annotations


def register_all() -> None:
    from careleavers.insight.measures import (
        accommodation,
        casework,
        learning,
        offer,
        plans,
        transitions,
    )

    for module in (casework, plans, accommodation, offer, learning, transitions):
        module.register_all()
