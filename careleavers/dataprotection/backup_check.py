"""Fingerprints of a PostgreSQL database, to prove a restore has every row of every table.

A fingerprint is, per table, the number of rows and an MD5 over its rows (each row's text
hashed, the hashes sorted and hashed again, so the order rows come back in does not matter and
a large table never becomes one huge string), and, per sequence, its last value (a restore
that lost a sequence would hand out ids already used). `compare_fingerprints` is plain Python
over those numbers and strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

TABLES_SQL = """
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname
"""
SEQUENCES_SQL = """
    SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'
    ORDER BY sequencename
"""
TABLE_SQL = """
    SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), ''))
    FROM (SELECT md5(t::text) AS h FROM {table} AS t) AS rows
"""


@dataclass(frozen=True)
class Fingerprint:
    rows: int
    checksum: str


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_fingerprints(cursor: Any) -> dict[str, Fingerprint]:
    """Every table in the public schema, and every sequence (as "sequence:<name>"), read with a
    DB-API cursor on a PostgreSQL connection."""
    cursor.execute(TABLES_SQL)
    tables = [row[0] for row in cursor.fetchall()]
    found: dict[str, Fingerprint] = {}
    for table in tables:
        cursor.execute(TABLE_SQL.format(table=_quote(table)))
        rows, checksum = cursor.fetchone()
        found[table] = Fingerprint(rows=int(rows), checksum=str(checksum))
    cursor.execute(SEQUENCES_SQL)
    for name, last_value in cursor.fetchall():
        found[f"sequence:{name}"] = Fingerprint(rows=0, checksum=str(last_value))
    return found


def compare_fingerprints(
    source: Mapping[str, Fingerprint], restored: Mapping[str, Fingerprint]
) -> list[str]:
    """What differs between the source and the restored database, in words; empty when the
    restore is complete."""
    problems = []
    for name in sorted(set(source) - set(restored)):
        problems.append(f"{name}: missing from the restored database")
    for name in sorted(set(restored) - set(source)):
        problems.append(f"{name}: in the restored database but not the source")
    for name in sorted(set(source) & set(restored)):
        before, after = source[name], restored[name]
        if before.rows != after.rows:
            problems.append(f"{name}: {before.rows} rows backed up, {after.rows} restored")
        elif before.checksum != after.checksum:
            what = "last value" if name.startswith("sequence:") else "row checksum"
            problems.append(f"{name}: {what} differs ({before.checksum} and {after.checksum})")
    return problems


def format_fingerprints(fingerprints: Mapping[str, Fingerprint]) -> str:
    """One line per table, tab-separated (name, rows, checksum): two outputs can be diffed."""
    return "".join(
        f"{name}\t{print_.rows}\t{print_.checksum}\n"
        for name, print_ in sorted(fingerprints.items())
    )


def parse_fingerprints(text: str) -> dict[str, Fingerprint]:
    found = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        name, rows, checksum = line.split("\t")
        found[name] = Fingerprint(rows=int(rows), checksum=checksum)
    return found
