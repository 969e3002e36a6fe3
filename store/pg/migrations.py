"""Versioned schema migrations: sql/NNN_name.sql, applied in order by `spiegel db upgrade`.

All the missing files run in one transaction, each with the row that records it
in `spiegel.schema_version`, so a failed upgrade leaves the schema as it was. A database whose schema is newer than this spiegel knows is refused
(as a unit file from a newer spiegel is), rather than half understood.
"""

from __future__ import annotations

import os
import re

SQL_DIR = os.path.join(os.path.dirname(__file__), "sql")
_FILE = re.compile(r"(\d{3})_[a-z0-9_]+\.sql")


def available() -> list[tuple[int, str]]:
    """(version, path) of every migration shipped, in order."""
    found = []
    for name in os.listdir(SQL_DIR):
        match = _FILE.fullmatch(name)
        if match:
            found.append((int(match.group(1)), os.path.join(SQL_DIR, name)))
    return sorted(found)


LATEST = available()[-1][0]


def current(conn) -> int:
    """The schema version the database is at; 0 for one spiegel never touched."""
    row = conn.execute("SELECT to_regclass('spiegel.schema_version') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM spiegel.schema_version").fetchone()[0]


def upgrade(conn) -> list[int]:
    """Apply every migration the database lacks; returns the versions applied.
    Serialised by an advisory lock: two admins upgrading at once apply each once."""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('spiegel schema upgrade'))")
        conn.execute("CREATE SCHEMA IF NOT EXISTS spiegel")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS spiegel.schema_version"
            " (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = current(conn)
        for version, path in available():
            if version <= done:
                continue
            with open(path, encoding="utf-8") as sql:
                conn.execute(sql.read())
            conn.execute("INSERT INTO spiegel.schema_version (version) VALUES (%s)", (version,))
            applied.append(version)
    return applied
