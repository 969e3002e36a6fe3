"""`Store`: the one interface the CLI, the TUI and the tests use.

`Store` keeps the domain (records, rules, revisions and conflicts, the change log,
undo) over a backend that keeps where each unit's data lives (store/persistence/backend.py):
a data directory with one directory per unit (store/persistence/files/), or a PostgreSQL
database (store/persistence/pg/). Reads go through the backend's cache; writes go through
`transaction(slug)`, which locks that one unit, so edits in different units never
wait for each other.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager

from store.model import schema
from store.persistence import unit_names
from store.persistence.backend import Backend, is_database
# BadRecordsInUnit lives in store/errors.py; importable from here too.
from store.errors import (Ambiguous, BadRecord, BadRecordsInUnit, CorruptFile, FileProblem, InvalidValue,  # noqa: F401
                          NotFound)
from store.i18n import t
from store.model.bad_records import bad_in, built
from store.model.fields import merged
from store.model.records import Action, Record, Unit, blank_action, field_kinds, record_type

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable, Iterator, TypeVar

    from pathlib import Path

    from store.errors import SpiegelError
    from store.model.figures import Figures
    from store.persistence.files.backend import FileBackend
    from store.persistence.transaction import Transaction

    R = TypeVar("R", bound=Record)
    DocFilter = Callable[[dict], bool]


class UnitEntry:
    """A unit as the portfolio sees it: its Unit, or the problem reading it; `path`
    says where its data lives (a file, or the unit in a database)."""

    __slots__ = ("slug", "path", "unit", "problem")

    def __init__(self, slug: str, path: str, unit: Unit | None = None, problem: FileProblem | None = None) -> None:
        self.slug, self.path, self.unit, self.problem = slug, path, unit, problem


class Store:
    def __init__(
        self, data_dir: str | os.PathLike | Backend, *, user: str | None = None, today: dt.date | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        """`data_dir`: a data directory, a `postgresql://` URL, or a Backend. `today`
        fixes the date the rules judge by; `clock` (an aware datetime) what changes
        are stamped with: tests and benchmarks set them."""
        self.backend = data_dir if isinstance(data_dir, Backend) else open_backend(data_dir)
        # The file backend, for the file-only admin commands (groups, migrate); None on a database.
        self.files: FileBackend | None = self.backend if self.backend.kind == "files" else None  # type: ignore[assignment]
        self.dir = self.files.dir if self.files else None  # a string: see UnitFile for why not pathlib
        self.location = self.backend.location  # the data directory, or the database (no password)
        self.user = user or self.backend.default_user()
        self._today = today
        self._clock = clock
        self._bad: dict[str, tuple[dict, list[BadRecord]]] = {}

    @property
    def data_dir(self) -> Path:
        """The data directory as a Path, for callers that want one (files only)."""
        from pathlib import Path

        return Path(self.dir)

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def now(self) -> dt.datetime:
        """The moment changes are stamped with (UTC)."""
        return self._clock() if self._clock else dt.datetime.now(dt.timezone.utc)

    def close(self) -> None:
        self.backend.close()

    # units -----------------------------------------------------------------
    def slugs(self) -> list[str]:
        return self.backend.slugs()

    def units(self) -> list[UnitEntry]:
        entries = []
        for slug in self.slugs():
            entry = UnitEntry(slug, self.backend.where(slug))
            try:
                entry.unit = self.unit(slug)
            except FileProblem as problem:
                entry.problem = problem
            entries.append(entry)
        entries.extend(UnitEntry(os.path.basename(p.path)[:-5], p.path, problem=p) for p in self.backend.outside_units())
        return entries

    def unit(self, slug: str) -> Unit:
        """The unit record; a bad one makes the whole unit unusable (CorruptFile):
        every screen and command needs it."""
        return self.unit_from(self.backend.read(slug), slug)

    def unit_from(self, data: dict, slug: str) -> Unit:
        try:
            return self.build_record(Unit, data["unit"]["1"], slug)
        except BadRecord as bad:
            detail = "; ".join(f"{p.field}: {p.message}" for p in bad.problems)  # the stored key: fix it there
            raise CorruptFile(self.backend.where(slug), t("file.bad_unit", detail=detail)) from None

    def create_unit(self, unit: Unit, slug: str | None = None, group: int | None = None) -> Unit:
        """Create a new unit. With files: its own directory (2770) in group `group` (a
        gid; the data directory's group if None), holding its first unit.json."""
        slug = slug or unit_names.slugify(unit.name)
        if not slug:
            raise InvalidValue("name", t("value.required"))
        unit.id = unit.unit = slug
        data = schema.new_file()
        self._transaction_over(data, slug).add(unit)
        self.backend.create(slug, data, group)
        return unit

    def resolve_unit(self, text: str) -> str:
        """A unit's slug from its slug, its name, or a part of either that fits one
        unit (store/persistence/unit_names.py)."""
        from store.persistence.unit_names import resolve_unit

        return resolve_unit(self, text)

    def unit_path(self, slug: str) -> str:
        """Where the unit's data lives (a file path, or the unit in a database), for
        messages, tests and admins."""
        return self.backend.where(slug)

    def fingerprint(self, unit: str | None = None) -> tuple:
        """Changes when the unit's data changes (without `unit`: when any unit
        appears, goes or changes). Screens poll it to refresh what others saved."""
        return self.backend.fingerprints(unit)

    def wait_for_change(self, unit: str | None, timeout: float, seen: tuple | None = None, poll: float = 0.0) -> bool:
        """Wait at most `timeout` seconds for the unit (any unit: None) to change
        since `seen` (a `fingerprint`; default: as it is now); True if it did. Files
        poll their fingerprint (every `poll` seconds, else the backend's default); a
        database is told (LISTEN/NOTIFY)."""
        if seen is None:
            seen = self.fingerprint(unit)
        return self.backend.wait_for_change(unit, seen, timeout, poll) != seen

    def wake(self) -> None:
        """Make every `wait_for_change` blocked now return at once (a screen closing)."""
        self.backend.wake()

    # reading records ------------------------------------------------------
    def records(
        self, cls: type[R], unit: str | None = None, where: DocFilter | None = None,
        skipped: list[SpiegelError] | None = None, deleted: bool = False,
    ) -> list[R]:
        """Records of one unit, or of every readable unit. Bad records (documents
        that fail the load-time check) are left out and, like the files that could
        not be used, appended to `skipped`. `where` is a cheap test on stored
        documents, applied before records are built. Deleted records (tombstones)
        are left out here, the one place every list, count and figure reads
        through, unless `deleted` (to show a link to one as deleted)."""

        def gather(slug: str) -> list[R]:
            data = self.backend.read(slug)
            self.unit_from(data, slug)  # a unit whose own record is bad is unusable as a whole
            docs = data.get(cls.TABLE, {}).values()
            if not deleted:
                docs = [doc for doc in docs if not schema.tombstone(doc)]
            return self._built(cls, slug, docs, where, skipped)

        return self._per_unit(unit, skipped, gather)

    def _per_unit(self, unit: str | None, skipped: list[SpiegelError] | None, gather: Callable[[str], list]) -> list:
        """`gather(slug)` for one unit (its problems raised) or for every unit (the
        files that could not be used appended to `skipped`), concatenated."""
        found: list = []
        for slug in [unit] if unit else self.slugs():
            try:
                found.extend(gather(slug))
            except FileProblem as problem:
                if unit:
                    raise
                if skipped is not None:
                    skipped.append(problem)
        if not unit and skipped is not None:
            skipped.extend(self.backend.outside_units())
        return found

    def _built(self, cls: type[R], slug: str, docs, where: DocFilter | None,
               skipped: list[SpiegelError] | None = None) -> list[R]:
        """Records of `slug` from documents, the bad ones left out (store/model/bad_records.py)."""
        return built(lambda kind, doc: self.build_record(kind, doc, slug), cls, docs, where, skipped)

    def listed_actions(
        self, unit: str | None = None, where: DocFilter | None = None, skipped: list[SpiegelError] | None = None,
    ) -> list[Action]:
        """Actions for showing in a list, like `records(Action, …)` but cheaper: only
        the fields in `listing.FIELDS` are filled, the rest keep their defaults. For
        display only: never save, edit or export these."""
        from store.persistence.files.listing import documents  # the list rows' shape, whichever backend

        def gather(slug: str) -> list[Action]:
            try:
                rows = self.list_index(slug)[1]
            except BadRecordsInUnit:  # no index while a bad action exists: the file itself
                try:
                    return self.records(Action, slug, where, skipped)
                finally:  # parsed again by the next list anyway: not kept meanwhile
                    self._bad.pop(slug, None)
                    self.backend.forget(slug)
            narrow = getattr(where, "rows", None)  # fewer rows to turn into documents
            return self._built(Action, slug, documents(narrow(rows) if narrow else rows), where, skipped)

        if not unit:
            self.backend.prefetch_lists()
        return self._per_unit(unit, skipped, gather)

    def list_index(self, slug: str) -> tuple[str, list[list]]:
        """The unit's name and its actions' list rows (store/persistence/files/listing.py's FIELDS)."""
        return self.backend.list_rows(slug, blank_action(), self._summary_check(slug))

    def _summary_check(self, slug: str) -> Callable[[dict], tuple[str, dict | None]]:
        """What a backend that caches list rows and figures asks of a unit's whole
        data: its name and portfolio figures (store/model/figures.py `summary_check`)."""
        from store.model.figures import summary_check

        return summary_check(self, slug)

    def unit_figures(self, slug: str) -> tuple[Unit, Figures] | None:
        """The unit and its portfolio figures from where the backend keeps them
        cheaply, or None when there are none to trust (store/model/figures.py `cached`)."""
        from store.model.figures import cached

        return cached(self, slug)

    def problems(self) -> list[SpiegelError]:
        """Every unit that cannot be used, and every bad record in the others."""
        found: list[SpiegelError] = []
        for entry in self.units():
            found.extend([entry.problem] if entry.problem is not None else self.bad_records(entry.slug))
        return found

    def bad_records(self, slug: str) -> list[BadRecord]:
        """The unit's records that fail the load-time check, in table and id order
        (the unit's own record is the unit's problem: see `unit`). Remembered while
        the data is unchanged: the portfolio and dashboards ask after every reload."""
        data = self.backend.read(slug)
        remembered = self._bad.get(slug)
        if remembered is not None and remembered[0] is data:
            return list(remembered[1])
        bad = bad_in(lambda kind, doc: self.build_record(kind, doc, slug), data)
        self._bad[slug] = (data, bad)
        return list(bad)

    def get(self, record_id: str, unit: str | None = None) -> Record:
        cls = record_type(record_id)
        record_id = record_id.strip().upper()
        number = record_id.partition("-")[2]
        candidates = [unit] if unit else self.backend.holders(record_id)
        # One candidate: the unit given, or the one the id was registered for. More: an
        # id the registry names no unit for (made before it), so every unit holding it
        # is found, and two are ambiguous: a colleague's copy is never taken for it.
        found = []
        for slug in candidates:
            try:
                doc = self.backend.read(slug).get(cls.TABLE, {}).get(number)
            except FileProblem:
                if unit:
                    raise
                continue
            if doc is not None:
                found.append((slug, doc))
                if len(candidates) == 1:
                    break
        if len(found) > 1:
            raise Ambiguous(t("record.ambiguous", id=record_id, units=", ".join(slug for slug, _ in found)))
        if found:
            slug, doc = found[0]
            return self.build_record(cls, doc, slug)  # a bad record: BadRecord says which field
        raise NotFound(t("record.not_found", id=record_id))

    # writing ----------------------------------------------------------------
    @contextmanager
    def transaction(self, slug: str) -> Iterator[Transaction]:
        """Lock the unit; everything done through the yielded Transaction is written
        at once when the block ends, or not at all if it raises."""
        with self.backend.transaction(slug) as data:
            yield self._transaction_over(data, slug)

    def _transaction_over(self, data: dict, slug: str) -> Transaction:
        from store.persistence.transaction import Transaction  # TinyDB: only writers pay its import

        def new_ids(prefix: str, count: int) -> list[str]:
            return self.backend.next_ids(prefix, count, slug)

        return Transaction(slug, data, self.user, self.today(), new_ids, self.now)

    def reserve_ids(self, prefix: str, count: int, slug: str) -> list[str]:
        """Reserve `count` new ids for unit `slug` at once (bulk creation: one round trip)."""
        return self.backend.next_ids(prefix, count, slug)

    def add(self, record: R, unit: str) -> R:
        with self.transaction(unit) as txn:
            return txn.add(record)

    def save(self, record: R) -> R:
        """Save an edited record; `Conflict` if someone saved it since `record.rev`."""
        with self.transaction(record.unit) as txn:
            return txn.save(record)

    def change(
        self, record_id: str, values: dict, *, rev: int | None = None, merge: dict | None = None,
    ) -> Record:
        """Set fields of a record as it is now (or as it was at `rev`: else Conflict).
        `merge` holds partial updates of container fields, applied to the stored value
        under the lock: {"pdsa": {"do": "…"}} keeps the other notes as they are now,
        a list gains the items it lacks. Never merge into a value read before the lock:
        a colleague's note written in between would be lost."""
        located = self.get(record_id)  # only where it lives: records never change unit
        with self.transaction(located.unit) as txn:
            current = txn.get(type(located), located.id)
            edited = type(current).from_doc(current.to_doc(), current.unit)
            unknown = [name for name in (*values, *(merge or {})) if name not in field_kinds(type(current))]
            if unknown:  # a caller's mistake, but never an AttributeError traceback
                from store.model.fields import editable_fields

                raise InvalidValue(unknown[0], t("field.unknown", name=unknown[0],
                                                 fields=", ".join(editable_fields(type(current)))))
            for name, value in values.items():
                setattr(edited, name, value)
            for name, part in (merge or {}).items():
                setattr(edited, name, merged(getattr(edited, name), part))
            if rev is not None:
                edited.rev = rev
            return txn.save(edited)

    def delete(self, record_id: str, rev: int | None = None) -> Record:
        """Delete a record as a logged tombstone (Transaction.delete); `undo` restores it."""
        located = self.get(record_id)
        with self.transaction(located.unit) as txn:
            return txn.delete(type(located), located.id, rev)

    def undo(self, record_id: str, rev: int | None = None) -> Record:
        """Reverse the record's latest change not yet undone. With `rev`, the revision
        the user saw: `StaleUndo` (nothing written) if someone changed it since.
        `changes.undone_entry(result)` is the change that was reverted."""
        located = self.get(record_id)
        with self.transaction(located.unit) as txn:
            return txn.undo(type(located), located.id, rev)

    # internals --------------------------------------------------------------
    def build_record(self, cls: type[R], doc: dict, slug: str) -> R:
        """A record from its document; BadRecord, naming where the unit's data lives,
        if the document fails the load-time check (store/model/validate.py)."""
        try:
            return cls.from_doc(doc, slug)  # type: ignore[return-value]
        except BadRecord as bad:
            raise BadRecord(slug, bad.record_id, bad.problems, self.backend.where(slug),
                            self.backend.repair_hint(slug)) from None


def open_backend(location: str | os.PathLike) -> Backend:
    """The backend for a data directory, or for a `postgresql://` URL (psycopg is
    imported only then: files keep the CLI's start-up as lean as it was)."""
    location = os.fspath(location)
    if is_database(location):
        from store.persistence.pg.backend import PgBackend

        return PgBackend(location)
    from store.persistence.files.backend import FileBackend

    return FileBackend(location)
