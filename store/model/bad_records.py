"""Records built from one unit's documents with the bad ones left out.

A bad record is a document that fails the load-time check (store/model/validate.py):
readers skip it and report it (`skipped`), so one hand-edited document never makes
the rest of its unit unusable. `build(cls, doc)` is the Store's: it builds a record of
the unit in question or raises `BadRecord` naming where the unit's data lives.
"""

from __future__ import annotations

from store.errors import BadRecord
from store.model.records import Action, Finding, Kpi, Meeting, Team

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable

    from store.errors import SpiegelError
    from store.model.records import Record

    Build = Callable[[type, dict], Record]
    DocFilter = Callable[[dict], bool]


def built(build: Build, cls: type, docs, where: DocFilter | None,
          skipped: list[SpiegelError] | None = None) -> list:
    """Records from documents; each bad one is left out and added to `skipped`."""
    if where is not None:
        docs = passing(build, cls, where, docs, skipped)
    try:  # one try around the loop: the hot path of every list
        return [build(cls, doc) for doc in docs]
    except BadRecord:
        pass
    found = []
    for doc in docs:
        try:
            found.append(build(cls, doc))
        except BadRecord as bad:
            if skipped is not None:
                skipped.append(bad)
    return found


def passing(build: Build, cls: type, where: DocFilter, docs, skipped: list[SpiegelError] | None) -> list[dict]:
    """The documents `where` accepts. One it cannot judge is bad: left out here,
    and reported (with what is wrong with it) if it is. (One try around the loop:
    `list --overdue` tests every action of every unit.)"""
    try:
        return [doc for doc in docs if where(doc)]
    except (TypeError, ValueError, AttributeError):
        pass
    accepted = []
    for doc in docs:
        if _judgeable(where, doc):
            if where(doc):
                accepted.append(doc)
            continue
        try:
            build(cls, doc)
        except BadRecord as bad:
            if skipped is not None:
                skipped.append(bad)
            continue
        where(doc)  # a good document the filter fails on: a bug in the filter, raised as it is
    return accepted


def bad_in(build: Build, data: dict) -> list[BadRecord]:
    """Every bad record of a unit's data, in table and id order (the unit's own
    record is the unit's problem, not one of these)."""
    found = []
    for cls in (Meeting, Finding, Action, Kpi, Team):
        for doc in data.get(cls.TABLE, {}).values():
            try:
                build(cls, doc)
            except BadRecord as problem:
                found.append(problem)
    return found


def first_bad_record(data: dict, slug: str) -> BadRecord | None:
    """The first record of a unit's data, of every kind (the unit's own too), that
    fails the load-time check; None if all load. What restore and `db copy` run
    before writing: a matching hash or a database row says nothing about the types."""
    from store.model.records import RECORD_TYPES

    for cls in RECORD_TYPES.values():
        for doc in data.get(cls.TABLE, {}).values():
            try:
                cls.from_doc(doc, slug)
            except BadRecord as bad:
                return bad
    return None


def _judgeable(where: DocFilter, doc: dict) -> bool:
    try:
        where(doc)
        return True
    except (TypeError, ValueError, AttributeError):
        return False
