"""`Store`: the one interface the CLI, the TUI and the tests use.

A data directory holds one directory per unit (practice, Hagro, municipality;
store/files/layout.py). Reads go through each unit file's cache; writes go through
`transaction(slug)`, which locks that one unit, so edits in different units never
wait for each other.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from contextlib import contextmanager
from functools import cache

from store import schema
from store.errors import Ambiguous, CorruptFile, FileProblem, InvalidValue, NotFound
from store.i18n import t
from store.files.backend import FileBackend
from store.records import Action, Record, Unit, field_kinds, record_type

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/recordtype.py); only type checkers need it
    from typing import Callable, Iterator, TypeVar

    from pathlib import Path

    from store.files.unitfile import UnitFile
    from store.transaction import Transaction

    R = TypeVar("R", bound=Record)
    DocFilter = Callable[[dict], bool]


class UnitEntry:
    """A unit file as the portfolio sees it: its Unit, or the problem reading it."""

    __slots__ = ("slug", "path", "unit", "problem")

    def __init__(self, slug: str, path: str, unit: Unit | None = None, problem: FileProblem | None = None) -> None:
        self.slug, self.path, self.unit, self.problem = slug, path, unit, problem


class Store:
    def __init__(self, data_dir: str | os.PathLike, *, user: str | None = None, today: dt.date | None = None) -> None:
        self.files = FileBackend(data_dir)
        self.dir = self.files.dir  # a string: see UnitFile for why not pathlib
        self.user = user or os_user()
        self._today = today

    @property
    def data_dir(self) -> Path:
        """The data directory as a Path, for callers that want one."""
        from pathlib import Path

        return Path(self.dir)

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # units -----------------------------------------------------------------
    def slugs(self) -> list[str]:
        return self.files.slugs()

    def units(self) -> list[UnitEntry]:
        entries = []
        for slug in self.slugs():
            entry = UnitEntry(slug, self._file(slug).path)
            try:
                entry.unit = self.unit(slug)
            except FileProblem as problem:
                entry.problem = problem
            entries.append(entry)
        entries.extend(UnitEntry(os.path.basename(p.path)[:-5], p.path, problem=p) for p in self.files.old_layout())
        return entries

    def unit(self, slug: str) -> Unit:
        return self._build(Unit, self._file(slug).read()["unit"]["1"], slug)

    def create_unit(self, unit: Unit, slug: str | None = None, group: int | None = None) -> Unit:
        """Create a new unit: its own directory (2770) in group `group` (a gid; the
        data directory's group if None), holding its first unit.json."""
        slug = slug or slugify(unit.name)
        if not slug:
            raise InvalidValue("name", t("value.required"))
        unit.id = unit.unit = slug
        data = schema.new_file()
        self._transaction_over(data, slug).add(unit)
        self.files.create(slug, data, group)
        return unit

    def resolve_unit(self, text: str) -> str:
        """A unit's slug from its slug, its name, or a part of either that fits one unit."""
        wanted = text.strip().casefold()
        slugs = self.slugs()
        if wanted in slugs:
            return wanted
        names = {s: s for s in slugs}
        for slug in slugs:
            try:
                name = self._unit_name(slug)
            except FileProblem:
                continue  # matched by its slug only; lists and the portfolio report the file
            names[slug] = f"{slug} {name}".casefold()
            if name.casefold() == wanted:
                return slug
        hits = [s for s, name in names.items() if wanted and wanted in name]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise NotFound(t("unit.not_found", text=text))
        raise Ambiguous(t("unit.ambiguous", text=text, hits=", ".join(hits[:8])))

    def _unit_name(self, slug: str) -> str:
        """From the header of the unit's list index: parsing every unit file to match
        `--unit noord` took 0.4 s with 10k actions. An index that is not current is
        rebuilt (lists need it too); a unit with a bad record has none, its name
        still counts."""
        from store.files.listing import indexed_name

        name = indexed_name(self._file(slug))
        if name is not None:
            return name
        try:
            return self._list_index(slug)[0]
        except FileProblem:
            return self.unit(slug).name

    def unit_path(self, slug: str) -> str:
        """Where the unit's data lives (a file path), for messages, tests and admins."""
        return self._file(slug).path

    def fingerprint(self, unit: str | None = None) -> tuple:
        """Changes when the unit's file changes (without `unit`: when any unit file
        appears, goes or changes). Screens poll it to refresh what others saved."""
        return tuple((slug, self._file(slug).fingerprint()) for slug in ([unit] if unit else self.slugs()))

    # reading records ------------------------------------------------------
    def records(
        self, cls: type[R], unit: str | None = None, where: DocFilter | None = None,
        skipped: list[FileProblem] | None = None,
    ) -> list[R]:
        """Records of one unit, or of every readable unit; the files that could not be
        used are appended to `skipped`. `where` is a cheap test on stored documents,
        applied before records are built."""

        def gather(slug: str) -> list[R]:
            return self._built(cls, slug, self._file(slug).read().get(cls.TABLE, {}).values(), where)

        return self._per_unit(unit, skipped, gather)

    def _per_unit(self, unit: str | None, skipped: list[FileProblem] | None, gather: Callable[[str], list]) -> list:
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
            skipped.extend(self.files.old_layout())
        return found

    def _built(self, cls: type[R], slug: str, docs, where: DocFilter | None) -> list[R]:
        if where is not None:
            docs = self._passing(where, docs, slug)
        return [self._build(cls, doc, slug) for doc in docs]

    def _passing(self, where: DocFilter, docs, slug: str) -> list[dict]:
        """The documents `where` accepts; a document it cannot judge is a bad record.
        (One try around the loop: `list --overdue` tests every action of every unit.)"""
        try:
            return [doc for doc in docs if where(doc)]
        except (TypeError, ValueError, AttributeError) as exc:
            bad = next(doc for doc in docs if not _judgeable(where, doc))
            raise self._bad_record(slug, bad, exc) from None

    def listed_actions(
        self, unit: str | None = None, where: DocFilter | None = None, skipped: list[FileProblem] | None = None,
    ) -> list[Action]:
        """Actions for showing in a list, like `records(Action, …)` but cheaper: only
        the fields in `listing.FIELDS` are filled, the rest keep their defaults. For
        display only: never save, edit or export these."""
        from store.files.listing import documents

        def gather(slug: str) -> list[Action]:
            return self._built(Action, slug, documents(self._list_index(slug)[1]), where)

        return self._per_unit(unit, skipped, gather)

    def _list_index(self, slug: str) -> tuple[str, list[list]]:
        """The unit's name and its actions' list rows (store/listing.py)."""
        from store.files.listing import read_index

        def checked_name(data: dict) -> str:
            for doc in data.get("actions", {}).values():
                self._build(Action, doc, slug)
            return self._build(Unit, data["unit"]["1"], slug).name

        return read_index(self._file(slug), _blank_action(), checked_name)

    def problems(self) -> list[FileProblem]:
        return [entry.problem for entry in self.units() if entry.problem is not None]

    def get(self, record_id: str, unit: str | None = None) -> Record:
        cls = record_type(record_id)
        record_id = record_id.strip().upper()
        number = record_id.partition("-")[2]
        for slug in [unit] if unit else self._holders_first(record_id):
            try:
                doc = self._file(slug).read().get(cls.TABLE, {}).get(number)
            except FileProblem:
                if unit:
                    raise
                continue
            if doc is not None:
                return self._build(cls, doc, slug)
        raise NotFound(t("record.not_found", id=record_id))

    def _holders_first(self, record_id: str) -> list[str]:
        """The unit the id registry says `A-12` was made for, alone (a copy of the id
        in another unit is never taken for it); for an id from before the registry,
        every unit, those whose file mentions `"A-12"` first. Finding the one file
        among hundreds by a byte search instead of parsing them all keeps `spiegel
        edit A-12` as cheap with 50k actions as with 1k; the rest follow, so an
        oddly written file (an escaped character) still gets parsed."""
        holder = self.files.ids.holder(record_id)
        if holder is not None:
            return [holder]
        needle = f'"{record_id}"'.encode()
        slugs = self.slugs()
        holders = [slug for slug in slugs if self._file(slug).mentions(needle)]
        return holders + [slug for slug in slugs if slug not in holders]

    # writing ----------------------------------------------------------------
    @contextmanager
    def transaction(self, slug: str) -> Iterator[Transaction]:
        """Lock the unit's file; everything done through the yielded Transaction is
        written at once when the block ends, or not at all if it raises."""
        with self._file(slug).transaction() as data:
            yield self._transaction_over(data, slug)

    def _transaction_over(self, data: dict, slug: str) -> Transaction:
        from store.transaction import Transaction  # TinyDB: only writers pay its import

        def new_ids(prefix: str, count: int) -> list[str]:
            return self.files.ids.next_ids(prefix, count, slug)

        return Transaction(slug, data, self.user, self.today(), new_ids)

    def reserve_ids(self, prefix: str, count: int, slug: str) -> list[str]:
        """Reserve `count` new ids for unit `slug` at once (bulk creation: one registry fsync)."""
        return self.files.ids.next_ids(prefix, count, slug)

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
                from store.fields import editable_fields

                raise InvalidValue(unknown[0], t("field.unknown", name=unknown[0],
                                                 fields=", ".join(editable_fields(type(current)))))
            for name, value in values.items():
                setattr(edited, name, value)
            for name, part in (merge or {}).items():
                setattr(edited, name, merged(getattr(edited, name), part))
            if rev is not None:
                edited.rev = rev
            return txn.save(edited)

    def undo(self, record_id: str, rev: int | None = None) -> Record:
        """Reverse the record's latest change not yet undone. With `rev`, the revision
        the user saw: `StaleUndo` (nothing written) if someone changed it since.
        `changes.undone_entry(result)` is the change that was reverted."""
        located = self.get(record_id)
        with self.transaction(located.unit) as txn:
            return txn.undo(type(located), located.id, rev)

    # internals --------------------------------------------------------------
    def _file(self, slug: str) -> UnitFile:
        return self.files.unit_file(slug)

    def _build(self, cls: type[R], doc: dict, slug: str) -> R:
        """A record from its document; a document with impossible values (edited by
        hand, say) makes the whole file a CorruptFile, reported like any other."""
        try:
            return cls.from_doc(doc, slug)  # type: ignore[return-value]
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise self._bad_record(slug, doc, exc) from None

    def _bad_record(self, slug: str, doc: dict, exc: Exception) -> CorruptFile:
        """What is wrong, in words: the field whose stored value does not load, never
        Python's exception text ("Invalid isoformat string…")."""
        from store.records import failing_field
        from store.text import clean_line

        ident = clean_line(str(doc.get("id", "?")))[:20]
        try:
            cls = record_type(ident)
        except InvalidValue:  # the id itself is what is broken
            cls = None
        name = failing_field(cls, doc)
        detail = t("file.bad_field", field=clean_line(name)[:30]) if name else t("file.bad_shape")
        problem = t("file.bad_record", id=ident, detail=detail)
        return CorruptFile(self._file(slug).path, problem)


def slugify(name: str) -> str:
    """`Huisartsenpraktijk De Hoek` -> `huisartsenpraktijk-de-hoek` (ASCII, for file names)."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64]


def merged(value: dict | list, part: dict | list) -> dict | list:
    """A container field with a partial update: a dict's keys replaced, a list's
    missing items appended (in order, once)."""
    if isinstance(value, dict):
        return {**value, **part}
    if isinstance(value, list):
        return [*value, *(item for item in dict.fromkeys(part) if item not in value)]
    raise TypeError(f"cannot merge into {type(value).__name__}")


def os_user() -> str:
    """The OS user who makes a change (LOGNAME/USER first, as getpass does)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. an arbitrary uid in a container
        return f"uid{os.getuid()}"


@cache
def _blank_action() -> dict:
    """A new action's document: what a list row falls back on where a stored
    document leaves a default out. Shared: do not change it."""
    return Action().to_doc()


def _judgeable(where: DocFilter, doc: dict) -> bool:
    try:
        where(doc)
        return True
    except (TypeError, ValueError, AttributeError):
        return False
