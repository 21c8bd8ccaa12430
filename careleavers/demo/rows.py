"""Write many demo rows quickly: the one bulk writer every part of the demo uses.

At the benchmark size (100,000 young people, a few million contacts) most of ``bulk_create``'s
time goes on Django building and adapting each value, not on the database. The demo's rows are
plain values the generator made itself, so they are written here straight through the database
driver: ``COPY`` on PostgreSQL, ``executemany`` on SQLite (the laptop demo of scripts/start).
Both paths take the same rows and refuse the same mistakes, so the PostgreSQL tests also prove
what SQLite will be given: a SQLite-only path once stopped scripts/start.

Rows are dicts keyed by field attname (``young_person_id``, not ``young_person``), or model
instances. Every column of the model is written, with the model field's default for any value a
row leaves out, so new columns with defaults need no change here. Keys starting with "_" are a
seeder's own notes and are not written; any other key that is not a column is an error.

The database numbers the rows, unless the seeder must point rows at each other before writing
them: then it takes ids from the table's own sequence (`reserve_ids`, `give_ids`, or `IdBlocks`
a block at a time) and writes them with ``with_ids=True``. Rows the application writes later are
numbered past every id reserved here, on both databases.

No signals run and no history rows are written, as with ``bulk_create``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any

from django.db import NotSupportedError, connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

Row = dict[str, Any]
Converter = Callable[[Any], Any]

# Values of these fields reach SQLite as the driver takes them. Anything else (dates, times,
# decimals, JSON) goes through the field, as Django itself would store it.
SQLITE_AS_IS = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "FloatField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallAutoField",
        "SmallIntegerField",
        "TextField",
    }
)


def _connection(model: type[models.Model]) -> BaseDatabaseWrapper:
    connection = connections[router.db_for_write(model)]
    if connection.vendor not in ("postgresql", "sqlite"):
        raise NotSupportedError(
            f"The demo loads into PostgreSQL or SQLite, not {connection.vendor}"
        )
    return connection


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` new ids for ``model``'s table, taken from its own sequence so that nothing the
    application writes later is given them."""
    if count <= 0:
        return []
    connection = _connection(model)
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # Django makes SQLite ids AUTOINCREMENT: a new row is numbered past both the table's
        # highest id and its entry in sqlite_sequence, so moving that entry on reserves ids.
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        entry = cursor.fetchone()
        first = max(highest, entry[0] if entry else 0) + 1
        last = first + count - 1
        if entry:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [last, table])
        else:
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last]
            )
        return list(range(first, last + 1))


def give_ids(model: type[models.Model], rows: Sequence[Row]) -> Sequence[Row]:
    """Give each row a new id (``rows`` are changed), so others can point at them."""
    name = model._meta.pk.attname
    for row, pk in zip(rows, reserve_ids(model, len(rows)), strict=True):
        row[name] = pk
    return rows


class IdBlocks:
    """Ids for new rows of one table, reserved a block at a time, for a seeder that makes rows
    pointing at each other one by one (one query per block, not per row)."""

    def __init__(self, model: type[models.Model], block: int = 5000) -> None:
        self.model = model
        self.block = block
        self.free: list[int] = []

    def take(self) -> int:
        if not self.free:
            self.free = reserve_ids(self.model, self.block)
            self.free.reverse()
        return self.free.pop()


def _plain(value: Any) -> Any:
    # Choices enums (TextChoices) go to the database as their value.
    return value.value if isinstance(value, Enum) else value


def _through_field(field: models.Field, connection: BaseDatabaseWrapper) -> Converter:
    """The value as the field prepares it for this database, each distinct value once."""
    prepared: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value is None:
            return None
        try:
            return prepared[value]
        except KeyError:
            result = prepared[value] = field.get_db_prep_save(value, connection)
            return result
        except TypeError:  # unhashable: a JSON list or dict
            return field.get_db_prep_save(value, connection)

    return convert


def _converter(field: models.Field, connection: BaseDatabaseWrapper) -> Converter | None:
    if field.choices:
        return _plain
    if isinstance(field, models.JSONField):
        # PostgreSQL: wrapped as jsonb, with the field's encoder; SQLite: the JSON text.
        return _through_field(field, connection)
    # psycopg adapts dates, times and decimals itself.
    if connection.vendor == "sqlite" and field.get_internal_type() not in SQLITE_AS_IS:
        return _through_field(field, connection)
    return None


def _stamped(field: models.Field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def write_rows(
    model: type[models.Model],
    rows: Iterable[Row | models.Model],
    *,
    batch_size: int = 2000,
    with_ids: bool = False,
) -> int:
    """Insert ``rows`` into ``model``'s table; returns how many were written. With
    ``with_ids``, every row carries its own id (see `reserve_ids`)."""
    fields = [field for field in model._meta.concrete_fields if with_ids or not field.primary_key]
    now = timezone.now()
    defaults = [now if _stamped(field) else field.get_default() for field in fields]
    names = [field.attname for field in fields]
    known = frozenset(names)
    pk_name = model._meta.pk.attname
    # Model instances have no value yet for auto_now fields (only save() sets them).
    stamped = [position for position, field in enumerate(fields) if _stamped(field)]
    connection = _connection(model)
    converters = [_converter(field, connection) for field in fields]

    def values(row: Row | models.Model) -> tuple[Any, ...]:
        if isinstance(row, models.Model):
            raw = [getattr(row, name) for name in names]
            for position in stamped:
                if raw[position] is None:
                    raw[position] = defaults[position]
            if with_ids and row.pk is None:
                raise ValueError(f"A {model.__name__} to write with its id has none")
        else:
            unknown = [key for key in row.keys() - known if not key.startswith("_")]
            if unknown:
                raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
            if with_ids and row.get(pk_name) is None:
                raise ValueError(f"A {model.__name__} row to write with its id has none")
            raw = [row.get(name, default) for name, default in zip(names, defaults, strict=True)]
        return tuple(
            value if convert is None else convert(value)
            for value, convert in zip(raw, converters, strict=True)
        )

    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
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
