"""Changes to one unit's data, applied together in one atomic write.

A `Transaction` is what `Store.transaction(unit)` yields: it reads and replaces
records through TinyDB tables over the locked, private copy of the unit's data
(whichever backend holds it: store/persistence/backend.py). Every
record it writes is cleaned, validated, checked against its revision, stamped with
who and when, and gets a change-log entry.
"""

from __future__ import annotations

import datetime as dt

from store.model import rules, schema
from store.errors import BadRecord, Conflict, IdTaken, InvalidRecord, InvalidValue, NotFound, StaleUndo
from store.i18n import t
from store.model.records import Action, Finding, Record, Unit

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable, TypeVar

    from tinydb import TinyDB

    R = TypeVar("R", bound=Record)


class Transaction:
    def __init__(self, slug: str, data: dict, user: str, today: dt.date, new_ids: Callable[[str, int], list[str]],
                 now: Callable[[], dt.datetime] | None = None):
        self.slug = slug
        self.user = user
        self.today = today
        self._now = now or (lambda: dt.datetime.now(dt.timezone.utc))  # Store passes its clock
        self._data = data
        self._tinydb: TinyDB | None = None
        self._new_ids = new_ids

    @property
    def _db(self) -> TinyDB:
        """TinyDB's tables over the working copy, made on first use. Importing TinyDB
        (and the typing module it needs) is about 15 ms, a sixth of `spiegel add`
        (python -X importtime), and adding a record does not need it."""
        if self._tinydb is None:
            from store.persistence.working_copy import tinydb_over

            self._tinydb = tinydb_over(self._data)
        return self._tinydb

    def get(self, cls: type[R], record_id: str, rev: int | None = None) -> R:
        """The record as it is now; with `rev`, Conflict unless it is still at the
        revision the caller saw (a check that only means something here, under the lock)."""
        doc = self._db.table(cls.TABLE).get(doc_id=_doc_id(cls, record_id))
        if doc is None:
            raise NotFound(t("record.not_found_in", id=record_id, unit=self.slug))
        record = cls.from_doc(doc, self.slug)
        if rev is not None and record.rev != rev:
            seen = cls.from_doc(doc, self.slug)
            seen.rev = rev
            raise Conflict(mine=seen, theirs=record)
        return record

    def all(self, cls: type[R], skip_bad: bool = False) -> list[R]:
        """The live records of a table (tombstones left out). A record that fails the
        load-time check raises BadRecord, or with `skip_bad` is left out (a check
        over the others: `spiegel check` reports the bad one)."""
        found = []
        for doc in self._db.table(cls.TABLE).all():
            if schema.tombstone(doc):
                continue
            try:
                found.append(cls.from_doc(doc, self.slug))
            except BadRecord:
                if not skip_bad:
                    raise
        return found

    def delete(self, cls: type[R], record_id: str, rev: int | None = None) -> R:
        """Leave a tombstone: the record stays stored with `deleted` set and a log
        entry "delete", so `undo` restores it and its id is never handed out again.
        With `rev`: Conflict unless it is still at the revision the user saw."""
        current = self.get(cls, record_id, rev)
        if current.deleted:
            raise NotFound(t("record.deleted", id=current.id))
        gone = cls.from_doc(current.to_doc(), self.slug)
        gone.deleted = self._now().isoformat(timespec="seconds")
        self._write(gone, current, {"op": "delete", "changes": _diff(current, gone)})
        return gone

    def add(self, record: R) -> R:
        """Store a new record under a fresh id; returns it with id, rev 1 and log."""
        return self.add_many([record])[0]

    def add_many(self, records: list[R]) -> list[R]:
        """Store new records in one pass. A new document is one entry in its table's
        {doc_id: document} map (TinyDB's layout, see store/model/schema.py), written here
        directly: TinyDB's insert rebuilds the table each time, so thousands of
        inserts would cost quadratic time, and it would cost every add its import."""
        batch = {r.id for r in records if isinstance(r, Finding) and r.id}  # linkable from this batch
        for record in records:
            record.unit = self.slug
            self._prepare(record, None, linkable=batch)
        for record in records:
            table = self._data.setdefault(record.TABLE, {})
            given = bool(record.id)
            for _attempt in range(1000):
                if not given:
                    record.id = self._new_ids(record.PREFIX, 1)[0]
                doc_id = str(_doc_id(type(record), record.id))
                if doc_id not in table:
                    break
                if given:  # never overwrite a record
                    raise IdTaken(t("id.taken", id=record.id, unit=self.slug))
                # else the registry had no entry for a stored id (data restored from
                # before it existed): that number is taken now; take the next one
            else:
                raise IdTaken(t("id.taken", id=record.id, unit=self.slug))
            self._stamp(record, None, {"op": "create"})
            table[doc_id] = record.to_compact_doc()
        return records

    def save(self, record: R) -> R:
        """Store an edited record; Conflict if it changed since `record.rev`."""
        current = self.get(type(record), record.id)
        if current.rev != record.rev:
            raise Conflict(mine=record, theirs=current)
        if current.deleted and record.deleted:  # editing a tombstone: undo the delete first
            raise NotFound(t("record.deleted", id=current.id))
        self._prepare(record, current)
        changes = _diff(current, record)
        if not changes:
            return current
        self._write(record, current, {"op": "update", "changes": changes})
        return record

    def undo(self, cls: type[R], record_id: str, rev: int | None = None) -> R:
        """Reverse the latest change of the record not yet undone (repeatable). With
        `rev` (the revision the user saw): StaleUndo, naming the newer change, unless
        the record is still at it, so an undo never reverts a change nobody showed."""
        current = self.get(cls, record_id)
        if rev is not None and current.rev != rev:
            from store.model.changes import change_facts  # dates and labels: only a refused undo needs them

            facts = change_facts(current.log[-1] if current.log else {}, self.today)
            raise StaleUndo(t("undo.stale", id=current.id, rev=rev, now=current.rev, **facts), current)
        undone = {entry.get("undoes") for entry in current.log}
        for index in range(len(current.log) - 1, -1, -1):
            entry = current.log[index]
            if entry.get("op") in ("update", "delete") and index not in undone:
                break
        else:
            raise NotFound(t("undo.nothing", id=record_id))
        doc = current.to_doc()
        doc.update({name: old for name, (old, _new) in entry["changes"].items()})
        reverted = cls.from_doc(doc, self.slug)
        # No status rules here: the log entry already holds every derived field, and
        # undoing "planned -> done" must be allowed although "done -> planned" is not.
        self._prepare(reverted, None, apply_rules=False)
        changes = _diff(current, reverted)
        self._write(reverted, current, {"op": "undo", "undoes": index, "changes": changes})
        return reverted

    def _prepare(self, record: Record, old: Record | None, apply_rules: bool = True,
                 linkable: set = frozenset()) -> None:
        """Clean text, apply the action rules, validate: before any diff or write."""
        record.cleaned()
        if apply_rules and isinstance(record, Action):
            rules.apply_status_effects(old, record, self.today)  # type: ignore[arg-type]
        problems = record.problems() + self._unknown_links(record, old, linkable)
        if problems:
            raise InvalidRecord(problems)

    def _unknown_links(self, record: Record, old: Record | None, linkable: set) -> list[InvalidValue]:
        """An action may only answer findings of its own unit that exist (in the
        file as it is now, under the lock, or among `linkable`, added with it).
        Links it already had are left alone."""
        if not isinstance(record, Action):
            return []
        table = self._data.get(Finding.TABLE, {})
        had = old.findings if isinstance(old, Action) else ()
        new = [i for i in record.findings if i not in had and i not in linkable]
        for finding_id in new:
            prefix, _, number = finding_id.partition("-")
            doc = table.get(str(int(number))) if prefix == Finding.PREFIX and number.isdigit() else None
            if doc is None or schema.tombstone(doc):
                return [InvalidValue("findings", t("action.finding_unknown", id=finding_id, unit=self.slug))]
        return []

    def _write(self, record: Record, old: Record, entry: dict) -> None:
        """Replace an existing record's document (not merge: a field back at its
        default is absent from the compact document)."""
        self._stamp(record, old, entry)
        doc = record.to_compact_doc()
        self._db.table(record.TABLE).update(
            lambda stored: (stored.clear(), stored.update(doc)), doc_ids=[_doc_id(type(record), record.id)]
        )

    def _stamp(self, record: Record, old: Record | None, entry: dict) -> None:
        now = self._now().isoformat(timespec="seconds")
        record.rev = (old.rev if old else 0) + 1
        record.created_at = old.created_at if old else now
        record.created_by = old.created_by if old else self.user
        record.updated_at, record.updated_by = now, self.user
        record.log = [*(old.log if old else []), {"at": now, "by": self.user, **entry}]


def _doc_id(cls: type[Record], record_id: str) -> int:
    """`A-12` is document 12 of the actions table; a file's one Unit is document 1."""
    return 1 if cls is Unit else int(record_id.partition("-")[2])


def _diff(old: Record, new: Record) -> dict[str, list]:
    """{field: [old, new]} in stored form, for every user field that differs."""
    before, after = old.fields_doc(), new.fields_doc()
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
