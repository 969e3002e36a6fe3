"""`spiegel db copy SOURCE TARGET`: every unit of one store into another (a data
directory into a PostgreSQL database, or back), verified record by record.

Units are copied whole, as stored (revisions, change logs and bad records alike), so
the copy behaves exactly as the original. A unit the target has already is compared,
never overwritten: the same data is "already there" (running the copy twice changes
nothing), different data is reported and left alone for an administrator to decide.
Every copied id is registered in the target, so no new id repeats one.
"""

from __future__ import annotations

import re

from store import schema
from store.errors import FileProblem
from store.i18n import t
from store import backup_words  # noqa: F401  (registers the words of restored groups)

ID = re.compile(r"[ABKLMT]-[1-9][0-9]{0,8}")  # as store/files/layout.py: anything else is no id to register
TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/recordtype.py); only type checkers need it
    from store.repository import Store


def copy_units(source: Store, target: Store, make_groups: bool = False) -> tuple[list[tuple[str, str]], bool]:
    """Copy every unit; ((unit, outcome) per unit, whether every unit is in the
    target as in the source). Into files as root, groups as restore treats them
    (store/files/groups.py GroupPolicy): missing ones made only with `make_groups`."""
    from store.bad_records import first_bad_record

    outcomes, complete = [], True
    policy = None
    existing = set(target.slugs())
    ids: dict[str, str] = {}
    for slug in source.slugs():
        try:
            data = source.backend.read(slug)
        except FileProblem as problem:
            outcomes.append((slug, t("copy.unreadable", problem=problem)))
            complete = False
            continue
        bad = first_bad_record(data, slug)  # checked before anything is written, as restore does
        if bad is not None:
            outcomes.append((slug, t("copy.bad_record", id=bad.record_id,
                                     detail="; ".join(str(p) for p in bad.problems))))
            complete = False
            continue
        ids.update(_ids(data, slug))
        done: list[str] = []
        if slug not in existing:
            if policy is None:
                from store.files.groups import GroupPolicy

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
    target.backend.mark_ids_taken(ids)
    return outcomes, complete


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
