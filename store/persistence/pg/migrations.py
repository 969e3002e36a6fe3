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


# Who is connected and the schema's version in one round trip: every command asks
# both before its first read (store/persistence/pg/backend.py check_schema).
_OPENING = "SELECT current_user, (SELECT coalesce(max(version), 0) FROM spiegel.schema_version)"


def user_and_version(conn) -> tuple[str, int]:
    """(the role the session runs as, the schema version: 0 for a database spiegel
    never touched, which alone costs the statements of `current`). `conn` in autocommit."""
    from psycopg import errors as pgerrors

    try:
        user, version = conn.execute(_OPENING).fetchone()
    except (pgerrors.UndefinedTable, pgerrors.InvalidSchemaName):
        return conn.execute("SELECT current_user").fetchone()[0], current(conn)
    return user, version


# `public` where everyone (PUBLIC) may create objects in it (PostgreSQL 14 and older,
# or a database upgraded from one): there a person can plant a function under a name
# another's statement resolves to by the default search path. (spiegel pins its own;
# psql sessions of the database's other users do not.)
_OPEN_SCHEMAS = """
SELECT n.nspname FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) AS a
WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE' ORDER BY 1
"""
# May this role change spiegel's schema: its owner (or the database's, to make it).
_MAY_UPGRADE = """
SELECT current_user, coalesce((SELECT pg_catalog.pg_has_role(current_user, n.nspowner, 'USAGE')
                               FROM pg_catalog.pg_namespace n WHERE n.nspname = 'spiegel'),
                              pg_catalog.has_database_privilege(current_user, pg_catalog.current_database(), 'CREATE'))
"""


def open_schemas(conn) -> list[str]:
    return [row[0] for row in conn.execute(_OPEN_SCHEMAS).fetchall()]


def revoke_lines(schemas: list[str]) -> str:
    """What an administrator runs to close them (spiegel never does it itself: others may share the database)."""
    return " ".join(f"REVOKE CREATE ON SCHEMA {name} FROM PUBLIC;" for name in schemas)


def upgrade(conn) -> list[int]:
    """Apply every migration the database lacks; returns the versions applied.

    Refuses (SpiegelError, one line) a database where everyone may create objects
    in `public`, a role that does not own spiegel's schema (or may not create one),
    and a schema newer than this spiegel knows. Serialised by a lock on
    spiegel.schema_version that only its owner may take (an advisory lock any
    member could hold, and so block every upgrade): two admins upgrading at once
    apply each migration once."""
    from store.errors import SpiegelError
    from store.i18n import t

    schemas = open_schemas(conn)
    if schemas:
        raise SpiegelError(t("db.public_writable", schemas=", ".join(schemas), fix=revoke_lines(schemas)))
    role, may = conn.execute(_MAY_UPGRADE).fetchone()
    if not may:
        raise SpiegelError(t("db.upgrade_role", role=role))
    applied = []
    with conn.transaction():
        conn.execute("CREATE SCHEMA IF NOT EXISTS spiegel")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS spiegel.schema_version"
            " (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        conn.execute("LOCK TABLE spiegel.schema_version IN EXCLUSIVE MODE")
        done = current(conn)
        if done > LATEST:
            raise SpiegelError(t("db.newer_schema", found=done, known=LATEST))
        for version, path in available():
            if version <= done:
                continue
            with open(path, encoding="utf-8") as sql:
                conn.execute(sql.read())
            conn.execute("INSERT INTO spiegel.schema_version (version) VALUES (%s)", (version,))
            applied.append(version)
    return applied
