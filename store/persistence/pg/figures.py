"""The portfolio's figures of a unit in a database (store/model/figures.py), kept as the
files keep them in their list index: computed from the unit's data when they are
missing or older than the unit's write counter, and read back in one small query.

They are a record of the unit (kind `portfolio_figures`, number 1), so row-level
security keeps them to the unit's members like every other record
(store/persistence/pg/sql/002_privacy.sql); the document holds the unit's `version` they were
computed at. A reader writes them, outside any unit transaction and without counting
a write (no NOTIFY: screens are not told about a cache). A writer that commits in
between makes the version differ, so they are computed again by the next reader:
never older than the data they claim. The unit's data as read (`_load`) leaves them out.
"""

from __future__ import annotations

from store import jsoncodec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from store.persistence.pg.backend import PgBackend

KIND = "portfolio_figures"
_READ = f"""
SELECT u.version, spiegel.may_use(u.slug), (SELECT doc::text FROM spiegel.records r
    WHERE r.unit = u.slug AND r.kind = '{KIND}' AND r.number = 1)
FROM spiegel.units u WHERE u.slug = %s
"""
_WRITE = "SELECT spiegel.keep_figures(%s, %s)"  # members write through the schema's functions


def unit_figures(backend: PgBackend, slug: str, checked: Callable[[dict], tuple[str, dict | None]]) -> object:
    """The unit's figures as stored (Store checks them), computed and stored first
    when they are not of the unit's current version."""
    import psycopg

    from store.errors import CorruptFile, NoAccess
    from store.i18n import t

    with backend.database_errors(slug):
        row = backend.one_row(_READ, (slug,))
    if row is None:
        raise CorruptFile(backend.where(slug), t("db.unit_missing"))
    version, may_use, stored = row
    if not may_use:
        raise NoAccess(backend.where(slug), t("db.no_access"))
    if stored is not None:
        try:
            found = jsoncodec.loads(stored)
        except ValueError:
            found = None
        if isinstance(found, dict) and found.get("version") == version:
            return found.get("figures")
    figures = checked(backend.read(slug))[1]  # data at least as new as `version`
    try:
        with backend.statement_lock:
            backend.conn.execute(_WRITE, (slug, jsoncodec.dumps({"version": version, "figures": figures}).decode()))
    except psycopg.Error:  # a cache: one that cannot be written is computed again next time
        pass
    return figures
