"""What a database administrator runs: the schema upgrade, and who counts as administrator."""

from __future__ import annotations

from store.persistence.pg import migrations
from store.persistence.pg.session import connect, without_password


def upgrade_schema(url: str) -> tuple[list[int], int]:
    """Apply the missing migrations; (versions applied, version now). Every refusal
    of the database is one SpiegelError line: a lock held too long names who holds it."""
    import psycopg
    from psycopg import errors as pgerrors

    from store.errors import SpiegelError
    from store.i18n import t
    from store.persistence.pg.session import busy_message, first_line

    location = without_password(url)
    conn = connect(url, location)
    try:
        try:
            applied = migrations.upgrade(conn)
            return applied, migrations.current(conn)
        except pgerrors.LockNotAvailable:
            raise SpiegelError(f"{location}: {busy_message(conn, readers_too=True)}") from None
        except psycopg.Error as exc:
            raise SpiegelError(f"{location}: {t('db.failed', detail=first_line(exc))}; "
                               f"{t('db.unchanged')}") from None
    finally:
        conn.close()


def is_admin(conn) -> tuple[bool, str]:
    """(whether the connection's role administers spiegel's schema: a superuser or a
    member of the schema's owner, the role's name). Only an administrator sees every
    unit's records and ids (the owner is not subject to row-level security)."""
    row = conn.execute(
        "SELECT current_user, coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)"
        " OR coalesce((SELECT pg_catalog.pg_has_role(current_user, n.nspowner, 'USAGE') FROM pg_catalog.pg_namespace n"
        " WHERE n.nspname = 'spiegel'), false)").fetchone()
    return bool(row[1]), row[0]
