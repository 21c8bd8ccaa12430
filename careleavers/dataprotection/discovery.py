"""Find every kind of record the service holds about a young person, from the models
themselves, so a subject access export never depends on a hand-kept list that goes stale.

A kind of record is found when its model has
- a foreign key, one-to-one or many-to-many field to people.YoungPerson (directly), including
  django-simple-history's tables of those models (their `young_person` is a foreign key too);
- a foreign key to a model found above, when it has none of its own (one level further: plan
  sections through their plan, contact amendments through their contact, payments through
  their fund, history of those);
- a plain `young_person_id` number (the audit log, core.AuditEvent, which sits below the
  people app and cannot hold a foreign key to it);
plus the young person's own row and its history (simple-history keeps the record's `id`).

Deeper chains (a record of a record of a record) are not followed: none exist today, and the
discovery test lists what it finds so a new one shows up in review.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet

SUBJECT = "subject"  # the young person's own row
SUBJECT_HISTORY = "subject_history"  # earlier versions of it
DIRECT = "direct"  # records that point at the young person
CHILD = "child"  # records that point at one of those
AUDIT = "audit"  # the audit log: who looked at or changed the record

SUBJECT_TITLES = {
    SUBJECT: "their record",
    SUBJECT_HISTORY: "earlier versions of their record",
}
RELATION_ORDER = {SUBJECT: 0, SUBJECT_HISTORY: 1, DIRECT: 2, CHILD: 3, AUDIT: 4}


@dataclass(frozen=True)
class RecordKind:
    model: type[models.Model]
    # ORM lookups, each equal to the young person's primary key; a row belongs to the young
    # person when any of them matches.
    lookups: tuple[str, ...]
    relation: str
    parent: type[models.Model] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def file_name(self) -> str:
        return f"records/{self.label}.csv"

    @property
    def is_history(self) -> bool:
        return is_history_model(self.model)

    @property
    def title(self) -> str:
        meta = self.model._meta
        app = apps.get_app_config(meta.app_label).verbose_name
        name = SUBJECT_TITLES.get(self.relation) or str(meta.verbose_name_plural)
        return f"{app}: {name[:1].upper()}{name[1:]}"

    def rows(self, young_person_pk: int) -> QuerySet[Any]:
        condition = reduce(or_, (Q(**{lookup: young_person_pk}) for lookup in self.lookups))
        found = self.model._base_manager.filter(condition)
        if any("__" in lookup or self._is_many_to_many(lookup) for lookup in self.lookups):
            # A join can repeat a row; keep each once without DISTINCT over every column.
            found = self.model._base_manager.filter(pk__in=found.values("pk"))
        return found.order_by("pk")

    def _is_many_to_many(self, lookup: str) -> bool:
        return any(field.name == lookup for field in self.model._meta.many_to_many)


def is_history_model(model: type[models.Model]) -> bool:
    """A django-simple-history table (it records which model it keeps the history of)."""
    return hasattr(model, "instance_type") and hasattr(model, "history_date")


def _young_person_model() -> type[models.Model]:
    return apps.get_model("people", "YoungPerson")


def _lookups_to(model: type[models.Model], targets: set[type[models.Model]]) -> list[str]:
    """The names of `model`'s relation fields that point at any of `targets`."""
    names = [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation
        and (field.many_to_one or field.one_to_one)
        and field.related_model in targets
    ]
    names += [field.name for field in model._meta.many_to_many if field.related_model in targets]
    return names


def record_kinds() -> list[RecordKind]:
    """Every kind of record about a young person, the young person's own row first."""
    young_person = _young_person_model()
    kinds = [RecordKind(young_person, ("pk",), SUBJECT)]
    direct: dict[type[models.Model], tuple[str, ...]] = {}
    for model in apps.get_models():
        if model is young_person:
            continue
        if is_history_model(model) and model.instance_type is young_person:  # type: ignore[attr-defined]
            kinds.append(RecordKind(model, ("id",), SUBJECT_HISTORY))
            continue
        lookups = _lookups_to(model, {young_person})
        if lookups:
            direct[model] = tuple(lookups)
            kinds.append(RecordKind(model, tuple(lookups), DIRECT))
            continue
        plain = [
            field.name
            for field in model._meta.concrete_fields
            if field.name == "young_person_id" and not field.is_relation
        ]
        if plain:
            kinds.append(RecordKind(model, tuple(plain), AUDIT))
    for model in apps.get_models():
        if model is young_person or model in direct:
            continue
        for field in model._meta.concrete_fields:
            if not (field.is_relation and (field.many_to_one or field.one_to_one)):
                continue
            parent = field.related_model
            if not isinstance(parent, type) or parent not in direct:
                continue
            through = tuple(f"{field.name}__{lookup}" for lookup in direct[parent])
            kinds.append(RecordKind(model, through, CHILD, parent=parent))
    merged = _merge(kinds)
    return sorted(merged, key=lambda kind: (RELATION_ORDER[kind.relation], kind.label))


def _merge(kinds: list[RecordKind]) -> list[RecordKind]:
    """One kind per model: a model with two parents (a payment's fund and a plan) matches
    through either."""
    by_model: dict[type[models.Model], RecordKind] = {}
    for kind in kinds:
        existing = by_model.get(kind.model)
        if existing is None:
            by_model[kind.model] = kind
        else:
            by_model[kind.model] = RecordKind(
                kind.model,
                existing.lookups + tuple(x for x in kind.lookups if x not in existing.lookups),
                existing.relation,
                existing.parent,
            )
    return list(by_model.values())
