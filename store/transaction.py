"""Changes to one unit file, applied together in one atomic write.

A `Transaction` is what `Store.transaction(unit)` yields: it reads and writes
records through TinyDB tables over the locked, private copy of the file. Every
record it writes is cleaned, validated, checked against its revision, stamped with
who and when, and gets a change-log entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, TypeVar

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from store import rules
from store.errors import Conflict, InvalidRecord, NotFound
from store.i18n import t
from store.records import Action, Record, Unit

R = TypeVar("R", bound=Record)


class _WorkingCopyStorage(Storage):
    """TinyDB storage over the transaction's data dict; the UnitFile writes it."""

    def __init__(self, data: dict) -> None:
        self._data = data

    def read(self) -> dict:
        return self._data

    def write(self, data: dict) -> None:
        self._data.update(data)  # TinyDB hands back the same tables it read


class Transaction:
    def __init__(self, slug: str, data: dict, user: str, today: dt.date, new_ids: Callable[[str, int], list[str]]):
        self.slug = slug
        self.user = user
        self.today = today
        self._db = TinyDB(data, storage=_WorkingCopyStorage)
        self._new_ids = new_ids

    def get(self, cls: type[R], record_id: str) -> R:
        doc = self._db.table(cls.TABLE).get(doc_id=_doc_id(cls, record_id))
        if doc is None:
            raise NotFound(t("record.not_found_in", id=record_id, unit=self.slug))
        return cls.from_doc(doc, self.slug)

    def all(self, cls: type[R]) -> list[R]:
        return [cls.from_doc(doc, self.slug) for doc in self._db.table(cls.TABLE).all()]

    def add(self, record: R) -> R:
        """Store a new record under a fresh id; returns it with id, rev 1 and log."""
        return self.add_many([record])[0]

    def add_many(self, records: list[R]) -> list[R]:
        """Store new records in one pass (TinyDB rebuilds a table on every insert, so
        adding thousands one by one would cost quadratic time)."""
        for record in records:
            record.unit = self.slug
            self._prepare(record, None)
        by_table: dict[str, list[Document]] = {}
        for record in records:
            if not record.id:
                record.id = self._new_ids(record.PREFIX, 1)[0]
            self._stamp(record, None, {"op": "create"})
            doc = Document(record.to_compact_doc(), doc_id=_doc_id(type(record), record.id))
            by_table.setdefault(record.TABLE, []).append(doc)
        for table, docs in by_table.items():
            self._db.table(table).insert_multiple(docs)
        return records

    def save(self, record: R) -> R:
        """Store an edited record; Conflict if it changed since `record.rev`."""
        current = self.get(type(record), record.id)
        if current.rev != record.rev:
            raise Conflict(mine=record, theirs=current)
        self._prepare(record, current)
        changes = _diff(current, record)
        if not changes:
            return current
        self._write(record, current, {"op": "update", "changes": changes})
        return record

    def undo(self, cls: type[R], record_id: str) -> R:
        """Reverse the latest change of the record not yet undone (repeatable)."""
        current = self.get(cls, record_id)
        undone = {entry.get("undoes") for entry in current.log}
        for index in range(len(current.log) - 1, -1, -1):
            entry = current.log[index]
            if entry.get("op") == "update" and index not in undone:
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

    def _prepare(self, record: Record, old: Record | None, apply_rules: bool = True) -> None:
        """Clean text, apply the action rules, validate: before any diff or write."""
        record.cleaned()
        if apply_rules and isinstance(record, Action):
            rules.apply_status_effects(old, record, self.today)  # type: ignore[arg-type]
        problems = record.problems()
        if problems:
            raise InvalidRecord(problems)

    def _write(self, record: Record, old: Record, entry: dict) -> None:
        """Replace an existing record's document (not merge: a field back at its
        default is absent from the compact document)."""
        self._stamp(record, old, entry)
        doc = record.to_compact_doc()
        self._db.table(record.TABLE).update(
            lambda stored: (stored.clear(), stored.update(doc)), doc_ids=[_doc_id(type(record), record.id)]
        )

    def _stamp(self, record: Record, old: Record | None, entry: dict) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
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
