"""Write many demo rows quickly.

At the benchmark size (100,000 young people, a few million contacts) most of ``bulk_create``'s
time goes on Django building and adapting each value, not on the database. The demo's rows are
plain values the generator made itself, so they are written here straight through the database
driver: ``COPY`` on PostgreSQL, ``executemany`` on SQLite and ``bulk_create`` on anything else.
Every column of the model is written, with the model field's default for any value a row leaves
out, so new columns with defaults need no change here.

Rows are dicts keyed by field attname (``young_person_id``, not ``young_person``), or model
instances. No signals run and no history rows are written, as with ``bulk_create``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any

from django.db import connections, models, router
from django.utils import timezone

Row = dict[str, Any]
Converter = Callable[[Any], Any]


def _plain(value: Any) -> Any:
    # Choices enums (TextChoices) go to the database as their value.
    return value.value if isinstance(value, Enum) else value


def _sqlite_datetime(value: Any) -> Any:
    if value is None:
        return None
    # As Django's SQLite backend stores them: naive UTC, "YYYY-MM-DD HH:MM:SS[.ffffff]".
    return value.astimezone(datetime.UTC).replace(tzinfo=None).isoformat(" ")


def _sqlite_date(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _converter(field: models.Field, vendor: str) -> Converter | None:
    if vendor == "sqlite":
        if isinstance(field, models.DateTimeField):
            return _sqlite_datetime
        if isinstance(field, models.DateField):
            return _sqlite_date
        if isinstance(field, models.JSONField):
            encoder = field.encoder
            return lambda value: None if value is None else json.dumps(value, cls=encoder)
    if vendor == "postgresql" and isinstance(field, models.JSONField):
        from psycopg.types.json import Jsonb

        return lambda value: None if value is None else Jsonb(value)
    if field.choices:
        return _plain
    return None


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def _defaults(fields: Sequence[models.Field]) -> list[Any]:
    now = timezone.now()
    values = []
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values.append(now)
        else:
            values.append(field.get_default())
    return values


def write_rows(
    model: type[models.Model], rows: Iterable[Row | models.Model], *, batch_size: int = 2000
) -> int:
    """Insert ``rows`` into ``model``'s table; returns how many were written."""
    fields = _fields(model)
    defaults = _defaults(fields)
    names = [field.attname for field in fields]
    known = frozenset(names)
    # Model instances have no value yet for auto_now fields (only save() sets them).
    stamped = [
        position
        for position, field in enumerate(fields)
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    connection = connections[router.db_for_write(model)]
    vendor = connection.vendor
    converters = [_converter(field, vendor) for field in fields]

    def values(row: Row | models.Model) -> tuple[Any, ...]:
        if isinstance(row, models.Model):
            raw = [getattr(row, name) for name in names]
            for position in stamped:
                if raw[position] is None:
                    raw[position] = defaults[position]
        else:
            if not row.keys() <= known:
                raise ValueError(f"{model.__name__} has no fields {sorted(row.keys() - known)}")
            raw = [row.get(name, default) for name, default in zip(names, defaults, strict=True)]
        return tuple(
            value if convert is None else convert(value)
            for value, convert in zip(raw, converters, strict=True)
        )

    if vendor not in ("postgresql", "sqlite"):
        instances = [row if isinstance(row, models.Model) else model(**row) for row in rows]
        model._default_manager.bulk_create(instances, batch_size=batch_size)
        return len(instances)

    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    written = 0
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
                    written += 1
            return written
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(values(row))
            if len(batch) >= batch_size:
                cursor.executemany(sql, batch)
                written += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            written += len(batch)
    return written
