"""A spiegel session on PostgreSQL: how it connects, and what it says when the
database makes it wait or refuses it (store/persistence/pg/backend.py, admin.py).

Every session pins its search path and bounds its waits at connect: spiegel's own
statements never look in a schema a person may write (a planted `public.nextval(text)`
would run as whoever calls it), and no lock is waited for longer than the files'
flock. A message never shows a password from the URL.
"""

from __future__ import annotations

import re

import psycopg

from store.errors import NoAccess
from store.i18n import t

LOCK_TIMEOUT = "10s"  # as the files' flock: then Busy
# Given at connect: no extra round trip.
SESSION_OPTIONS = f"-c search_path=pg_catalog,pg_temp -c lock_timeout={LOCK_TIMEOUT}"


def connect(url: str, location: str) -> psycopg.Connection:
    try:
        return psycopg.connect(url, autocommit=True, options=SESSION_OPTIONS)
    except psycopg.Error as exc:
        raise NoAccess(location, t("db.no_connect", detail=hide_password(first_line(exc), url))) from None


# Who holds a lock on spiegel's tables, but this session: for the one line a
# timed-out wait ends with. Row locks show as the holder's lock on the table.
_HOLDERS = """
SELECT DISTINCT a.usename, l.pid, l.mode, c.relname
FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_class c ON c.oid = l.relation
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid() AND c.relnamespace = 'spiegel'::pg_catalog.regnamespace
  AND (%s OR l.mode <> 'AccessShareLock')
ORDER BY l.pid, c.relname
"""


def busy_message(conn: psycopg.Connection, readers_too: bool = False) -> str:
    """"Busy" in one line, naming who holds what (readers only where they block:
    a schema change waits for them)."""
    try:
        rows = conn.execute(_HOLDERS, (readers_too,)).fetchall()
    except psycopg.Error:
        rows = []
    if not rows:
        return t("file.busy")
    held = [t("db.holder", who=user or "?", pid=pid, mode=mode, table=f"spiegel.{table}") for user, pid, mode, table in rows]
    return t("db.busy", holders=", ".join(held[:5]) + (" …" if len(held) > 5 else ""))


def without_password(url: str) -> str:
    """The URL as messages may show it: `postgresql://anna:geheim@db/spiegel` -> `postgresql://anna@db/spiegel`."""
    head, mark, query = url.partition("?")
    scheme, sep, rest = head.partition("://")
    if sep and "@" in rest:  # the last @ ends the user part: a password may hold `/`, `:` or `@`
        userinfo, _, host = rest.rpartition("@")
        head = f"{scheme}://{userinfo.partition(':')[0]}@{host}"
    return head + mark + re.sub(r"((?:^|&)password=)[^&]*", r"\1***", query)


def first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def hide_password(text: str, url: str) -> str:
    """A message that might quote the URL or its password (libpq quotes a connection
    string it cannot parse), with every password in the URL masked."""
    head, _, query = url.partition("?")
    rest = head.partition("://")[2]
    userinfo = rest.rpartition("@")[0]
    secrets = [userinfo.partition(":")[2]] + [value for key, _, value in (p.partition("=") for p in query.split("&"))
                                              if key == "password"]
    text = text.replace(url, without_password(url))
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text
