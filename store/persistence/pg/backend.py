"""Units in a PostgreSQL database: the second backend (store/persistence/backend.py).

A unit's data is read whole into the file format's dict (store/model/schema.py), so the
transaction code and every rule run exactly as with files. A write locks the unit's
row (spiegel.lock_unit(): other writers of that unit wait, readers never do), reads
its records fresh under that lock, lets Store change the dict, and writes back only
the documents that changed (spiegel.save_unit()), in the same database transaction:
all or nothing, and a client killed half way leaves nothing behind (the server rolls
it back). Every write bumps the unit's `version` (the fingerprint) and sends an empty
NOTIFY on channel `spiegel`: a payload would reach every role that listens.

A person holds no write grant on spiegel's tables: every write is one of the schema's
SECURITY DEFINER functions, which check the person's membership of the unit's role
(store/persistence/pg/sql/006_hardening.sql), so no one can lock a table or plant an id. Only the
administrator (the schema's owner) writes directly: `mark_ids_taken`, for a copy.

One connection per Store, guarded by a lock (the app's worker threads share it), and
a second one, opened on first use, that only waits for notifications.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import psycopg
from psycopg import errors as pgerrors

from store import jsoncodec
from store.model import schema
from store.persistence.backend import Backend
from store.errors import AlreadyExists, Busy, CorruptFile, FileProblem, NoAccess, WriteFailed
from store.i18n import t
from store.persistence.pg import migrations
from store.persistence.pg.listen import Listener
from store.persistence.pg.session import busy_message, connect, first_line as _first_line, without_password

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable, Iterator

CHANNEL = "spiegel"
SEQUENCES = {"A": "spiegel.ids_a", "B": "spiegel.ids_b", "K": "spiegel.ids_k", "L": "spiegel.ids_l", "M": "spiegel.ids_m",
             "T": "spiegel.ids_t"}
MAX_NUMBER = 999_999_999  # the highest number of an id (store/persistence/copy.py ID): nothing beyond it moves a sequence

# One statement, one snapshot, one round trip: the unit's `_meta` and its documents as
# {kind: {number: doc}}, as text (one JSON parse in Python instead of one per row);
# for a first read, with the write counter and the access check (`unit_version`) too.
_DOCS = """(SELECT coalesce(json_object_agg(kind, docs), '{}')::text FROM (
    SELECT kind, json_object_agg(number::text, doc ORDER BY number) AS docs
    FROM spiegel.records WHERE unit = u.slug AND kind <> 'portfolio_figures' GROUP BY kind) AS tables)"""
_LOAD = f"SELECT u.meta::text, {_DOCS} FROM spiegel.units u WHERE u.slug = %s"
_FIRST_READ = f"SELECT u.version, spiegel.may_use(u.slug), u.meta::text, {_DOCS} FROM spiegel.units u WHERE u.slug = %s"
_VERSION = "SELECT version, spiegel.may_use(slug) FROM spiegel.units WHERE slug = %s"
# Members write only through functions (store/persistence/pg/sql/006_hardening.sql).
_SAVE = "SELECT spiegel.save_unit(%s, %s::json, %s::text[], %s::bigint[], %s::text[], %s::text[], %s::bigint[])"
class PgBackend(Backend):
    kind = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = without_password(url)
        self.conn = connect(url, self.location)
        self.statement_lock = threading.RLock()
        self._cache: dict[str, tuple[int, dict]] = {}
        self._working: dict[str, dict] = {}
        self._names: dict[str, str] = {}
        self.prefetched_lists: dict[str, tuple[str, str]] = {}
        self._listener = Listener(CHANNEL, lambda: connect(url, self.location))
        with self.database_errors(None):
            self._user = check_schema(self.conn, self.location)

    # where and who -------------------------------------------------------------
    def where(self, slug: str) -> str:
        return t("db.where", unit=slug, db=self.location)

    def repair_hint(self, slug: str) -> str:
        return t("repair.db", path=self.where(slug))

    def default_user(self) -> str:
        """The login role: the database knows who is working (asked at connect, with
        the schema's version: one round trip)."""
        return self._user

    def close(self) -> None:
        self.conn.close()
        self._listener.close()

    # reading ---------------------------------------------------------------------
    def slugs(self) -> list[str]:
        from store.persistence.pg.lists import UNIT_NAME

        with self.database_errors(None):
            rows = self._all(f"SELECT u.slug, {UNIT_NAME} FROM spiegel.units u ORDER BY u.slug")
        self._names = {slug: name for slug, name in rows if isinstance(name, str)}
        return [slug for slug, _ in rows]

    def unit_name(self, slug: str) -> str | None:
        """None where the user may not read the unit: Store then asks for its list,
        which says "geen toegang"."""
        if slug not in self._names:
            from store.persistence.pg.lists import UNIT_NAME

            with self.database_errors(slug):
                row = self.one_row(f"SELECT {UNIT_NAME} FROM spiegel.units u WHERE u.slug = %s", (slug,))
            if row is None or not isinstance(row[0], str):
                return None
            self._names[slug] = row[0]
        return self._names[slug]

    def read(self, slug: str) -> dict:
        working = self._working.get(slug)
        if working is not None:
            return working
        with self.database_errors(slug):
            cached = self._cache.get(slug)
            if cached is None:  # nothing to compare with (every command's first read): one statement
                row = self.one_row(_FIRST_READ, (slug,))
                version = self.version_from(slug, row)
                data = self._parsed_unit(slug, row[2:])
            else:
                version = self.unit_version(slug)
                if cached[0] == version:
                    return cached[1]
                data = self.load_unit(slug)
        self._cache[slug] = (version, data)  # at worst newer than `version`: read again next time
        return data

    def fingerprint(self, slug: str) -> tuple:
        try:
            with self.database_errors(slug):
                return (self.unit_version(slug),)
        except FileProblem as problem:
            return ("problem", str(problem))

    def fingerprints(self, slug: str | None) -> tuple:
        if slug:
            return ((slug, self.fingerprint(slug)),)
        with self.database_errors(None):
            return tuple((s, (v,)) for s, v in self._all("SELECT slug, version FROM spiegel.units ORDER BY slug"))

    def list_rows(self, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> tuple[str, list[list]]:
        """From each action's `listed` column, while the unit is marked checked
        (store/persistence/pg/lists.py)."""
        from store.persistence.pg import lists

        return lists.list_rows(self, slug, blank, checked)

    def unit_figures(self, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> object:
        """A record of the unit's own, kept current by readers (store/persistence/pg/figures.py)."""
        from store.persistence.pg.figures import unit_figures

        return unit_figures(self, slug, checked)

    def prefetch_lists(self) -> None:
        from store.persistence.pg import lists

        with self.database_errors(None):
            self.prefetched_lists = {slug: (name, rows, checked) for slug, name, rows, checked in self._all(lists.ALL_LISTS)}

    def holders(self, record_id: str) -> list[str]:
        """The unit the id register names, alone; else those holding a record with
        that id first, then the rest."""
        prefix, _, number = record_id.partition("-")
        if prefix not in SEQUENCES or not number.isdigit() or len(number) > 12:
            return self.slugs()
        with self.database_errors(None):
            row = self.one_row("SELECT unit FROM spiegel.ids WHERE prefix = %s AND number = %s", (prefix, int(number)))
            if row is not None:
                return [row[0]]
            # Units with a record of that number: no JSON operator on documents (one
            # unreadable escape would fail the query); Store checks the id itself.
            found = [r[0] for r in self._all(
                "SELECT DISTINCT unit FROM spiegel.records WHERE number = %s ORDER BY unit", (int(number),))]
        return found + [slug for slug in self.slugs() if slug not in found]

    def registered_holders(self, record_ids: list[str]) -> dict[str, str]:
        """{id: unit} the id register holds for `record_ids`, in one query."""
        wanted = [(prefix, int(number)) for record_id in record_ids for prefix, _, number in [record_id.partition("-")]
                  if prefix in SEQUENCES and number.isdigit() and len(number) <= 12]
        if not wanted:
            return {}
        with self.database_errors(None):
            rows = self._all("SELECT i.prefix, i.number, i.unit FROM spiegel.ids i"
                             " JOIN unnest(%s::text[], %s::bigint[]) AS w (prefix, number)"
                             " ON w.prefix = i.prefix AND w.number = i.number",
                             ([p for p, _ in wanted], [n for _, n in wanted]))
        return {f"{prefix}-{number}": unit for prefix, number, unit in rows}

    def administers(self) -> tuple[bool, str]:
        """(whether this role administers spiegel's schema, its name): store/persistence/pg/admin.py."""
        from store.persistence.pg.admin import is_admin

        with self.database_errors(None):
            return is_admin(self.conn)

    def unit_group(self, slug: str) -> tuple[str, list[str]] | None:
        """The unit's group role and the login roles that are its members."""
        with self.database_errors(slug):
            row = self.one_row("SELECT role FROM spiegel.units WHERE slug = %s", (slug,))
            if row is None or row[0] is None:
                return None
            members = [r[0] for r in self._all(
                "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid"
                " JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = %s AND m.rolcanlogin ORDER BY 1", (row[0],))]
        return row[0], members

    # writing ---------------------------------------------------------------------
    @contextmanager
    def transaction(self, slug: str) -> Iterator[dict]:
        self.prefetched_lists.clear()  # prefetched for one list: never outlives a write
        with self.statement_lock, self.database_errors(slug, writing=True):
            with self.conn.transaction():
                self.unit_version(slug)  # "geen toegang" for a unit the user may not write
                # The unit's row locked by the schema's function: a member holds no
                # write grant, so no lock on anything but units they may write.
                if self.one_row("SELECT spiegel.lock_unit(%s)", (slug,))[0] is None:
                    raise CorruptFile(self.where(slug), t("db.unit_missing"))
                # Read after the lock, in a statement of its own: a fresh snapshot that
                # holds what the writer before us committed. Read once, parsed twice
                # (a second parse is cheaper than a deep copy).
                row = self._fetch_unit(slug)
                original = self._parsed_unit(slug, row)
                working = self._parsed_unit(slug, row)
                self._working[slug] = working
                try:
                    yield working
                finally:
                    self._working.pop(slug, None)
                version = self._write_back(slug, original, working)
            self._cache[slug] = (version, working)

    def create(self, slug: str, data: dict, group: int | None = None) -> None:
        """A new unit with its first data. (`group` is the files' OS group; on a
        database, who may use a unit is a matter of roles.)"""
        with self.statement_lock, self.database_errors(slug, writing=True), self.conn.transaction():
            # The unit, a group role of its own, and its maker as the role's first member.
            made = self.one_row("SELECT spiegel.create_unit(%s, %s::json)", (slug, _meta_text(data)))[0]
            if not made:
                raise AlreadyExists(self.where(slug), t("file.exists"))
            self._save(slug, None, _changed({}, data), [])
            self.conn.execute("SELECT pg_notify(%s, '')", (CHANNEL,))

    def next_ids(self, prefix: str, count: int, slug: str) -> list[str]:
        """Numbers from the prefix's sequence, each registered for `slug`; a number
        already registered (data copied in with its ids) is skipped."""
        if prefix not in SEQUENCES:
            raise ValueError(prefix)
        with self.statement_lock, self.database_errors(slug, writing=True):
            rows = self._all("SELECT spiegel.next_ids(%s, %s, %s)", (prefix, count, slug))
        return [f"{prefix}-{number}" for number in sorted(r[0] for r in rows)]

    def mark_ids_taken(self, holders: dict[str, str]) -> int:
        """Register the ids and move each prefix's sequence past the highest."""
        rows = [(prefix, int(number), slug) for record_id, slug in holders.items()
                for prefix, _, number in [record_id.partition("-")]
                if prefix in SEQUENCES and number.isdigit() and 0 < int(number) <= MAX_NUMBER]
        with self.statement_lock, self.database_errors(None, writing=True), self.conn.transaction():
            made = 0
            for row in rows:
                made += self.conn.execute(
                    "INSERT INTO spiegel.ids (prefix, number, unit) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    row).rowcount
            for prefix, sequence in SEQUENCES.items():
                self.conn.execute(
                    # Never past the highest number an id may have (store/persistence/copy.py ID):
                    # a number planted beyond it would leave no id to hand out.
                    f"SELECT setval('{sequence}', greatest((SELECT max(number) FROM spiegel.ids WHERE prefix = %s"
                    f" AND number <= %s), (SELECT last_value FROM {sequence}), 1))", (prefix, MAX_NUMBER))
        return made

    def wait_for_change(self, slug: str | None, seen: tuple, timeout: float, poll: float = 0.0) -> tuple:
        """Sleep on LISTEN (store/persistence/pg/listen.py) until a writer's NOTIFY, `wake`, or the
        timeout, then compare. (`poll` is for backends that poll: a database is told.)"""
        try:
            return self._listener.wait(lambda: self.fingerprints(slug), seen, timeout)
        except NoAccess:
            raise
        except psycopg.Error as exc:
            raise NoAccess(self.location, t("db.failed", detail=_first_line(exc))) from None

    def wake(self) -> None:
        """The waiting threads return at once (a NOTIFY on this store's own channel)."""
        if self._listener.started:
            with self.database_errors(None):
                self.conn.execute("SELECT pg_notify(%s, '')", (self._listener.wake_channel,))

    # internals -------------------------------------------------------------------
    def one_row(self, sql: str, params: tuple = ()) -> tuple | None:
        return self.conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def unit_version(self, slug: str) -> int:
        """The unit's write counter; NoAccess unless the user is a member of its role."""
        return self.version_from(slug, self.one_row(_VERSION, (slug,)))

    def version_from(self, slug: str, row: tuple | None) -> int:
        """The write counter from a row that starts (version, may_use)."""
        if row is None:
            raise CorruptFile(self.where(slug), t("db.unit_missing"))
        if not row[1]:
            raise NoAccess(self.where(slug), t("db.no_access"))
        return row[0]

    def load_unit(self, slug: str) -> dict:
        """The unit's data in the file format (older documents migrated in memory)."""
        return self._parsed_unit(slug, self._fetch_unit(slug))

    def _fetch_unit(self, slug: str) -> tuple[str, str]:
        """The unit's `_meta` and documents as JSON text (_LOAD)."""
        row = self.one_row(_LOAD, (slug,))
        if row is None:
            raise CorruptFile(self.where(slug), t("db.unit_missing"))
        return row

    def _parsed_unit(self, slug: str, row: tuple[str, str]) -> dict:
        data = {schema.META: {"1": jsoncodec.loads(row[0])}}
        data.update({name: {} for name in schema.TABLES})
        data.update(jsoncodec.loads(row[1]))
        version = schema.version_of(data)
        if not isinstance(version, int) or version > schema.SCHEMA_VERSION:
            raise CorruptFile(self.where(slug), t("file.newer_schema", found=version, known=schema.SCHEMA_VERSION))
        data = schema.migrate(data, slug)
        if "1" not in data.get("unit", {}):
            raise CorruptFile(self.where(slug), t("file.no_unit"))
        return data

    def _write_back(self, slug: str, original: dict, working: dict) -> int:
        gone = [(kind, int(number)) for kind, docs in original.items() if kind != schema.META
                for number in docs if number not in working.get(kind, {})]
        version = self._save(slug, _meta_text(working), _changed(original, working), gone)
        self._names[slug] = _name(working, slug)
        return version

    def _save(self, slug: str, meta: str | None, docs: list[tuple[str, str, dict]],
              gone: list[tuple[str, int]]) -> int:
        """One call of spiegel.save_unit: the changed documents, the deleted ones, and
        (unless None: a new unit's first records) `_meta` with the write counter
        bumped and a NOTIFY. Returns the write counter."""
        return self.one_row(_SAVE, (slug, meta, [kind for kind, _, _ in docs], [int(number) for _, number, _ in docs],
                                 [jsoncodec.dumps(doc).decode() for _, _, doc in docs],
                                 [kind for kind, _ in gone], [number for _, number in gone]))[0]

    @contextmanager
    def database_errors(self, slug: str | None, writing: bool = False) -> Iterator[None]:
        """The database's errors as the store's: each names where (the unit, or the
        database) and what to do, and says nothing was saved only where something was
        to be (`writing`); nothing else is caught."""
        place = self.where(slug) if slug else self.location
        try:
            with self.statement_lock:  # one statement (or transaction) on the connection at a time
                yield
        except pgerrors.LockNotAvailable:
            raise Busy(place, busy_message(self.conn)) from None
        except pgerrors.InsufficientPrivilege:
            raise NoAccess(place, t("db.no_access")) from None
        except psycopg.OperationalError as exc:
            raise NoAccess(place, _refused(exc, writing)) from None
        except psycopg.Error as exc:
            raise WriteFailed(place, _refused(exc, writing)) from None


def check_schema(conn: psycopg.Connection, location: str) -> str:
    """CorruptFile unless the database holds spiegel's schema at the version this
    spiegel knows (older: `spiegel db upgrade`; newer: upgrade spiegel). Returns the
    role the session runs as (asked in the same round trip)."""
    user, found = migrations.user_and_version(conn)
    if found < migrations.LATEST:
        raise CorruptFile(location, t("db.upgrade_needed", found=found, known=migrations.LATEST))
    if found > migrations.LATEST:
        raise CorruptFile(location, t("file.newer_schema", found=found, known=migrations.LATEST))
    return user


def _changed(original: dict, working: dict) -> list[tuple[str, str, dict]]:
    """(kind, number, doc) of every document that is new or differs."""
    return [(kind, number, doc) for kind, docs in working.items() if kind != schema.META
            for number, doc in docs.items() if original.get(kind, {}).get(number) != doc]


def _name(data: dict, slug: str) -> str:
    name = data.get("unit", {}).get("1", {}).get("name")
    return name if isinstance(name, str) else slug


def _meta_text(data: dict) -> str:
    return jsoncodec.dumps(data.get(schema.META, {}).get("1", {})).decode()


def _refused(exc: BaseException, writing: bool) -> str:
    """The database's refusal; "nothing was saved" only where a write failed."""
    return t("db.write_failed" if writing else "db.failed", detail=_first_line(exc))
