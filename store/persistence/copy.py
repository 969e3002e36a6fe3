"""`spiegel db copy SOURCE TARGET`: every unit of one store into another (a data
directory into a PostgreSQL database, or back), verified record by record.

Units are copied whole, as stored (revisions, change logs and bad records alike), so
the copy behaves exactly as the original. A unit the target has already is compared,
never overwritten: the same data is "already there" (running the copy twice changes
nothing), different data is reported and left alone for an administrator to decide.
Every copied id is registered in the target, so no new id repeats one.

Before anything is written, the ids of both sides are compared: a copy that would
make an id name two records (the target's register or one of its units gives it to
another unit, or two source units hold it) is refused whole. On a database only its
administrator copies (the owner of schema spiegel, who sees every unit and id): a
member would see part of it, and a copy from part is no copy.
"""

from __future__ import annotations

import re

from store.model import schema
from store.errors import FileProblem, SpiegelError
from store.i18n import t

ID = re.compile(r"[ABKLMT]-[1-9][0-9]{0,8}")  # as store/persistence/files/layout.py: anything else is no id to register
TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from store.persistence.repository import Store


def copy_units(source: Store, target: Store, make_groups: bool = False) -> tuple[list[tuple[str, str]], bool]:
    """Copy every unit; ((unit, outcome) per unit, whether every unit is in the
    target as in the source). Into files as root, groups as restore treats them
    (store/persistence/files/groups.py GroupPolicy): missing ones made only with `make_groups`."""
    from store.model.bad_records import first_bad_record

    for store in (source, target):
        _administered(store)
    outcomes, complete = [], True
    policy = None
    existing = set(target.slugs())
    readable: dict[str, dict] = {}
    for slug in source.slugs():
        try:
            readable[slug] = source.backend.read(slug)
        except FileProblem as problem:
            outcomes.append((slug, t("copy.unreadable", problem=problem)))
            complete = False
            continue
        bad = first_bad_record(readable[slug], slug)  # checked before anything is written, as restore does
        if bad is not None:
            outcomes.append((slug, t("copy.bad_record", id=bad.record_id,
                                     detail="; ".join(str(p) for p in bad.problems))))
            complete = False
            del readable[slug]
    ids = _checked_ids(readable, target, existing)
    target.backend.mark_ids_taken(ids)  # first: no record is ever in the target without its id registered
    for slug, data in readable.items():
        done: list[str] = []
        if slug not in existing:
            if policy is None:
                from store.persistence.files.groups import GroupPolicy

                policy = GroupPolicy(may_create=make_groups, own_gid=target.files.top_stat().st_gid if target.files else None)
            try:
                gid, done = _group(source, target, slug, policy)
            except FileProblem as problem:  # a group it may not make or use: left out, said
                outcomes.append((slug, t("restore.left_out", problem=problem.problem)))
                complete = False
                continue
            target.backend.create(slug, _stored(data), gid)
        same = _same(data, target.backend.read(slug))
        complete = complete and same
        if slug in existing:
            outcomes.append((slug, t("copy.same") if same else t("copy.differs")))
        else:
            outcomes.append((slug, "; ".join([t("copy.made", count=_count(data)) if same else t("copy.differs"),
                                              *done])))
    return outcomes, complete


def _administered(store: Store) -> None:
    """SpiegelError (one line) unless the store is files or a database this role administers."""
    check = getattr(store.backend, "administers", None)
    if check is None:
        return
    admin, role = check()
    if not admin:
        raise SpiegelError(t("db.admin_only", role=role, db=store.backend.location))


def _checked_ids(readable: dict[str, dict], target: Store, existing: set[str]) -> dict[str, str]:
    """Every id of the source's units ({id: unit}), once SpiegelError has not been
    raised for one that would name two records: held by two source units, or by
    another unit in the target (its register, or a record of one of its units)."""
    ids: dict[str, str] = {}
    for slug, data in readable.items():
        for record_id in _ids(data, slug):
            if ids.setdefault(record_id, slug) != slug:
                raise SpiegelError(t("copy.id_twice", id=record_id, unit=ids[record_id], other=slug))
    theirs: dict[str, str] = {}
    for slug in sorted(existing):
        theirs.update(_ids(target.backend.read(slug), slug))  # an unreadable unit: its problem, nothing copied
    theirs.update(target.backend.registered_holders(list(ids)))
    clashes = sorted((record_id, slug, theirs[record_id]) for record_id, slug in ids.items()
                     if theirs.get(record_id, slug) != slug)
    if clashes:
        record_id, slug, other = clashes[0]
        words = dict(id=record_id, unit=slug, other=other, target=target.location)
        raise SpiegelError(t("copy.id_clash_more", more=len(clashes) - 1, **words) if len(clashes) > 1
                           else t("copy.id_clash", **words))
    return ids


def _stored(data: dict) -> dict:
    """The data as a new unit stores it: its own copy (a backend may stamp `_meta`)."""
    copied = {table: {number: dict(doc) for number, doc in docs.items()} for table, docs in data.items()}
    copied[schema.META] = {"1": {k: v for k, v in data.get(schema.META, {}).get("1", {}).items() if k != "writes"}}
    return copied


def _same(a: dict, b: dict) -> bool:
    """The same records, document by document (the write counter aside)."""
    tables = (set(a) | set(b)) - {schema.META}
    return all(a.get(table, {}) == b.get(table, {}) for table in tables)


def _count(data: dict) -> int:
    return sum(len(docs) for table, docs in data.items() if table not in (schema.META, "unit"))


def _ids(data: dict, slug: str) -> dict[str, str]:
    """Every record's id with its unit (schema.RECORD_TABLES, as restore and migrate)."""
    return {doc["id"]: slug for table in schema.RECORD_TABLES for doc in data.get(table, {}).values()
            if isinstance(doc, dict) and isinstance(doc.get("id"), str) and ID.fullmatch(doc["id"])}


def _group(source: Store, target: Store, slug: str, policy) -> tuple[int | None, list[str]]:
    """Into files, as root: the unit's directory in a Unix group named after the
    source's group for it (a database unit's group role, cut to the 32 characters
    groupadd allows: the role's hash part keeps it unique), made if missing, its
    login roles added as members where a Unix user of that name exists. Otherwise
    the data directory's group, as `spiegel units add` without --group. Members are
    added only to a group this run made; a system group is never used."""
    if target.files is None or not _is_root():
        return None, []
    found = source.backend.unit_group(slug)
    if found is None:
        return None, []
    name, members = found
    gid, done = policy.group_for(name[:32], members)
    return gid, [t("copy.in_group", group=name[:32]), *done]


def _is_root() -> bool:
    import os

    return os.geteuid() == 0
