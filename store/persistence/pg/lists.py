"""What `spiegel list` shows of a unit on PostgreSQL, without reading every action's history.

Each action's list fields are in its `listed` column (a trigger picks them from the
document: store/persistence/pg/sql/001_initial.sql). They are trusted only while the unit is
marked checked, `units.checked = units.version`: a spiegel client found every action
of the unit loading at that version (store/persistence/pg/sql/003_checked_lists.sql; any change to
a record clears the mark), as the files write their list index only while every
action loads. Otherwise the whole unit is read and checked once, and marked: a bad
record is then left out of the list and reported, as with files.
"""

from __future__ import annotations

from psycopg import errors as pgerrors

from store import jsoncodec
from store.model import schema
from store.errors import CorruptFile
from store.persistence.files.listing import FIELDS
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable

    from store.persistence.pg.backend import PgBackend


# A unit's name is its Unit record's, as the trigger picked it (`listed`: never a JSON
# operator on the document itself, which one unreadable escape would make fail): NULL
# where the user may not read the unit (row-level security hides the record;
# store/persistence/pg/sql/002_privacy.sql), or where the name must be read from the whole unit.
UNIT_NAME = ("(SELECT listed ->> 'name' FROM spiegel.records r"
            " WHERE r.unit = u.slug AND r.kind = 'unit' AND r.number = 1)")

# A unit's list rows, in id order from the primary key's index (unit, kind, number):
# no sort of every action (measured ~10% faster than one aggregate grouped by unit).
# `deleted` and `listed` are filled by the trigger, NULL where PostgreSQL cannot read a
# document (a `\u0000` escape): such an action is kept, and its NULL sends the unit to
# the whole-unit read, whose load checks report that record alone, as with files.
_ROWS = ("(SELECT coalesce(json_agg(listed ORDER BY number), '[]')::text FROM spiegel.records"
         " WHERE unit = u.slug AND kind = 'actions' AND deleted IS NOT TRUE)")
_CHECKED = "u.checked IS NOT DISTINCT FROM u.version"
# Every readable unit's list rows in one round trip (`prefetch_lists`).
ALL_LISTS = f"SELECT u.slug, {UNIT_NAME}, {_ROWS}, {_CHECKED} FROM spiegel.units u WHERE spiegel.may_use(u.slug)"
# One unit's, with its write counter and the access check (backend.version_from): one round trip.
ONE_LIST = f"SELECT u.version, spiegel.may_use(u.slug), {UNIT_NAME}, {_ROWS}, {_CHECKED} FROM spiegel.units u WHERE u.slug = %s"


def list_rows(backend: PgBackend, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> tuple[str, list[list]]:
    """The unit's name and a row of FIELDS per action (prefetched for every unit, or
    asked for this one)."""
    found = backend.prefetched_lists.pop(slug, None)
    if found is None:
        with backend.database_errors(slug):
            row = backend.one_row(ONE_LIST, (slug,))
            backend.version_from(slug, row)  # "geen toegang" rather than an empty unit
            found = row[2:]
        if found[0] is None:
            raise CorruptFile(backend.where(slug), t("file.no_unit"))
    name, rows, marked = found
    listed = jsoncodec.loads(rows) if marked else [None]
    if None in listed:  # not known good, or an action the trigger could not pick from: the whole unit
        return checked_rows(backend, slug, blank, checked)
    return name, [[picked.get(field, blank[field]) for field in FIELDS] for picked in listed]


def checked_rows(backend: PgBackend, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> tuple[str, list[list]]:
    """The unit's rows from its whole data, checked (`checked` raises while a bad
    action exists, and then nothing is marked), marked checked at the version read.
    One REPEATABLE READ transaction: a concurrent change to the unit (the trigger
    clears the mark) makes the marking fail rather than mark data it did not see."""
    conn = backend.conn
    with backend.database_errors(slug):
        try:
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                version = backend.unit_version(slug)
                data = backend.load_unit(slug)
                name = checked(data)[0]
                conn.execute("SELECT spiegel.mark_checked(%s, %s)", (slug, version))
        except (pgerrors.SerializationFailure, pgerrors.InsufficientPrivilege, pgerrors.LockNotAvailable):
            data = backend.load_unit(slug)  # changed meanwhile, or one who may not mark: checked, unmarked
            name = checked(data)[0]
    return name, [[doc.get(field, blank[field]) for field in FIELDS] for doc in data.get("actions", {}).values()
                  if not schema.tombstone(doc)]
