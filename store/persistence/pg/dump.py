"""`spiegel backup` on PostgreSQL: pg_dump of spiegel's schema to a private file.

spiegel does not copy a database itself: pg_dump makes a consistent snapshot of the
whole schema in one transaction, and pg_restore puts it back (README, "Naar
PostgreSQL"). The file is created 0600 with O_EXCL|O_NOFOLLOW before pg_dump writes
into it; a password in the URL goes to pg_dump through PGPASSWORD, never on its
command line (every user of the server can read that in `ps`).
"""

from __future__ import annotations

import os
import shutil
import subprocess

from store.errors import SpiegelError
from store.persistence.files import safe
from store.i18n import t

FALLBACK_BIN = "/usr/lib/postgresql/15/bin"


def pg_dump_path() -> str | None:
    found = shutil.which("pg_dump")
    if found:
        return found
    candidate = os.path.join(FALLBACK_BIN, "pg_dump")
    return candidate if os.access(candidate, os.X_OK) else None


def dump(url: str, path: str) -> None:
    """Write `pg_dump --schema=spiegel --format=custom` of the database to `path`."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    program = pg_dump_path()
    if program is None:
        raise SpiegelError(t("backup.pg.no_pg_dump"))
    params = conninfo_to_dict(url)
    password = params.pop("password", None)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = str(password)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | safe.NOFOLLOW, 0o600)
    except FileExistsError:
        raise SpiegelError(t("backup.exists", path=path)) from None
    except OSError as exc:
        raise SpiegelError(t("backup.cannot_create", path=path, detail=exc.strerror)) from None
    try:
        done = subprocess.run([program, "--schema=spiegel", "--format=custom", "--dbname", make_conninfo(**params)],
                              stdout=fd, stderr=subprocess.PIPE, env=env)
        if done.returncode != 0:
            detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [str(done.returncode)])[0]
            # A member may read only their units' rows: pg_dump, which reads every row, is the administrator's.
            refused = "permission denied" in detail or "row-level security" in detail
            raise SpiegelError(t("backup.pg.not_admin" if refused else "backup.pg.failed", detail=detail))
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        safe.unlink_quietly(path)
        raise
    os.close(fd)
