"""What a database administrator runs: the schema upgrade (and, later, copies)."""

from __future__ import annotations

from store.pg import migrations
from store.pg.backend import connect, without_password


def upgrade_schema(url: str) -> tuple[list[int], int]:
    """Apply the missing migrations; (versions applied, version now)."""
    conn = connect(url, without_password(url))
    try:
        applied = migrations.upgrade(conn)
        return applied, migrations.current(conn)
    finally:
        conn.close()
