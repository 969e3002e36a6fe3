"""The file format: TinyDB's layout (table -> {doc_id: document}) plus a `_meta` table.

`parse` turns bytes into data or raises CorruptFile naming what is wrong; `dump`
serialises. Older files are migrated on load (in memory; the file is rewritten at the
next save). A file from a newer spiegel is refused rather than half-understood.
"""

from __future__ import annotations

from store import jsoncodec
from store.errors import CorruptFile
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable

SCHEMA_VERSION = 8
# A flat-layout file whose unit `spiegel migrate` moved into its own directory: any
# spiegel reads this as a newer schema and refuses to write it, so a client of the
# old version left running cannot write to the old place.
MOVED = 1000
META = "_meta"
# A list row: the fields of an action a list shows, in this order, whichever backend
# keeps the rows (a unit's list index, PostgreSQL's `listed` column).
LIST_FIELDS = ("id", "status", "phase", "route", "deadline", "owner", "title", "description")
TABLES = ("unit", "meetings", "findings", "actions", "kpis", "visits", "teams")
# The one list of record kinds with ids (A-, B-, K-, L-, M-, T-) that migrate, backup,
# restore and `db copy` walk: a kind left out of one of them lost its ids' units (issue 26).
RECORD_TABLES = TABLES[1:]


def tombstone(doc: object) -> bool:
    """A deleted record's document: it stays stored with `deleted` (when) set, so undo
    restores it and its id is never reused; every list, count and lookup leaves it out.
    A hand-edited `deleted` that is no text is left to the load-time check, which
    reports the record as bad."""
    return isinstance(doc, dict) and isinstance(doc.get("deleted"), str) and bool(doc["deleted"])


def new_file() -> dict:
    """An empty unit file's data; the Unit record is added by a transaction."""
    data: dict = {META: {"1": {"schema": SCHEMA_VERSION, "app": "spiegel"}}}
    data.update({name: {} for name in TABLES})
    return data


def version_of(data: dict) -> int:
    meta = data.get(META, {}).get("1")
    return meta.get("schema", 0) if isinstance(meta, dict) else 0


def _from_plain_tinydb(data: dict, slug: str) -> dict:
    """Version 0: a file written by plain TinyDB (no `_meta`, tables may be missing)."""
    for name in TABLES:
        data.setdefault(name, {})
    if not data["unit"]:
        data["unit"]["1"] = {"id": slug, "name": slug, "rev": 1}
    data[META] = {"1": {"schema": 1, "app": "spiegel"}}
    return data


def _kpi_baseline_fields(data: dict, slug: str) -> dict:
    """Version 1 -> 2: KPIs gained `baseline_points`, `baseline_end` and `rules`
    (the run chart's baseline period and rule set). Their defaults (none chosen,
    the setting's rules) are what a version-1 KPI meant, and compact documents
    leave defaults out, so nothing in the data changes; the version goes up so
    that an older spiegel refuses a file whose KPIs it would misread."""
    return data


def _unit_login_hagro_municipality(data: dict, slug: str) -> dict:
    """Version 2 -> 3: a unit gained `relatiemanager_login` (whose unit it is, by
    login name), `hagro` and `municipality` (what a practice belongs to). Not
    known for older units, so they stay empty (the default, left out of compact
    documents: nothing in the data changes); the version goes up so that an older
    spiegel refuses a file whose unit it would write back without them."""
    return data


def _visits_table(data: dict, slug: str) -> dict:
    """Version 3 -> 4: visits are records (`visits`, ids B-n). A unit's old
    `last_visit` date stays in the Unit record as it was: store/moments/visits.py shows it as
    the unit's first visit at once ("since the last visit" works from day one), and
    the first visit written in the unit turns it into a real Visit record, under the
    unit's lock. Not here: this runs in memory on every read, also for readers who
    may not write, and a visit's id must come from the id registry of the whole data
    directory (store/persistence/files/ids.py, a database sequence), which a read must not
    consume; an id made up here could collide with one handed out elsewhere."""
    data.setdefault("visits", {})
    return data


def _feedback_given_and_teams(data: dict, slug: str) -> dict:
    """Version 4 -> 5: meetings gained `feedback_given_unknown` (feedback given, date
    unknown; default false, which is what an older meeting meant) and units gained
    a `teams` table (a core team and project teams that can own actions). An older
    file has no teams: an empty table is added."""
    data.setdefault("teams", {})
    return data


def _tombstones_and_review_cycles(data: dict, slug: str) -> dict:
    """Version 5 -> 6: every record gained `deleted` (a tombstone's time: deleting
    leaves the record stored, so undo restores it and its id is never reused) and
    actions `review_cycle` (the next review follows it). Their defaults (not
    deleted, no cycle) are what an older record meant and compact documents leave
    them out, so nothing changes; an older spiegel must refuse a file whose
    tombstones it would show as live records."""
    return data


def _meeting_visit_contact_fields(data: dict, slug: str) -> dict:
    """Version 6 -> 7: meetings gained `organiser` (unknown for older ones),
    `afspiegeling`, `working_target` and `start_time`; visits `next_visit`; a
    visit's agreement may name the leerpunt it answers (`finding`); units gained
    `contact` (the line under the feedback document). Older records meant the
    defaults (unknown, empty, none), which compact documents leave out, so nothing
    stored changes; an older spiegel must refuse a file whose new fields it would
    drop on its next write."""
    return data


def _joiners_kept_as_typed(data: dict, slug: str) -> dict:
    """Version 7 -> 8: text is stored as typed (store/text.py). Older versions saved
    a zero-width joiner or non-joiner as the mark `⟨U+200D⟩`/`⟨U+200C⟩`, mangling an
    emoji pasted from a phone (`👩⟨U+200D⟩⚕️`) or a Persian or Hindi name; where the
    mark stands between the parts of an emoji or letters of a script that uses
    joiners it becomes the joiner again. Every other stored mark stays as it is:
    what it hid there is not known. An older spiegel must refuse the result, whose
    joiners it would mark again on the next save."""
    from store.text import restore_joiners

    def restored(value: object) -> object:
        if isinstance(value, str):
            return restore_joiners(value)
        if isinstance(value, list):
            return [restored(v) for v in value]
        if isinstance(value, dict):
            return {k: restored(v) for k, v in value.items()}
        return value

    for name in TABLES:
        table = data.get(name)
        if isinstance(table, dict):
            data[name] = {key: restored(doc) for key, doc in table.items()}
    return data


# version n -> function that upgrades data from n to n + 1
MIGRATIONS: dict[int, Callable[[dict, str], dict]] = {
    0: _from_plain_tinydb, 1: _kpi_baseline_fields, 2: _unit_login_hagro_municipality, 3: _visits_table,
    4: _feedback_given_and_teams, 5: _tombstones_and_review_cycles, 6: _meeting_visit_contact_fields,
    7: _joiners_kept_as_typed,
}


def migrate(data: dict, slug: str) -> dict:
    version = version_of(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data, slug)
        version += 1
        data[META]["1"]["schema"] = version
    return data


_DICT = {dict}


def parse(path: str, raw: bytes, slug: str) -> dict:
    """Bytes of unit `slug`'s file -> data, or CorruptFile saying what is wrong with it."""
    if not raw.strip():
        raise CorruptFile(path, t("file.empty"))
    try:
        data = jsoncodec.loads(raw)
    except ValueError as exc:  # json's and orjson's decode errors alike
        # Where, not the parser's English words (which also differ between json and orjson).
        if isinstance(exc, jsoncodec.TooDeep):
            raise CorruptFile(path, t("file.too_deep")) from None
        where = t("file.json_where", line=getattr(exc, "lineno", "?"), column=getattr(exc, "colno", "?"))
        raise CorruptFile(path, t("file.not_json", detail=where)) from None
    # Every table a dict of documents that are dicts: types compared in C (set(map(type, …))),
    # a unit file holds thousands of documents and every `add` parses one.
    if type(data) is not dict or not all(
        type(table) is dict and set(map(type, table.values())) <= _DICT for table in data.values()
    ):
        raise CorruptFile(path, t("file.not_spiegel"))
    version = version_of(data)
    if type(version) is not int or version < 0:  # -1, "6", true: no schema any spiegel wrote
        raise CorruptFile(path, t("file.bad_schema", found=_shown(version)))
    if version > SCHEMA_VERSION:
        raise CorruptFile(path, t("file.newer_schema", found=version, known=SCHEMA_VERSION))
    data = migrate(data, slug)
    if "1" not in data.get("unit", {}):
        raise CorruptFile(path, t("file.no_unit"))
    return data


def _shown(value: object) -> str:
    from store.text import clean_line

    return clean_line(repr(value))[:40]


def moved_marker_bytes(moved_to: str) -> bytes:
    return jsoncodec.dumps({META: {"1": {"schema": MOVED, "app": "spiegel", "moved_to": moved_to}}}) + b"\n"


def moved_marker(raw: bytes) -> bool:
    try:
        data = jsoncodec.loads(raw)
    except ValueError:
        return False
    try:
        return isinstance(data, dict) and version_of(data) == MOVED
    except AttributeError:  # a `_meta` that is no table
        return False


def dump(data: dict) -> bytes:
    """Compact: indenting made files a third bigger and `spiegel list` slower to parse;
    `python3 -m json.tool FILE` shows one readably.

    `_meta` goes first and counts writes, so the file's first bytes differ after every
    write: the read cache compares them (see UnitFile), since inode numbers are reused
    and mtimes are coarse."""
    meta = data.get(META, {}).get("1")
    if isinstance(meta, dict):
        meta["writes"] = meta.get("writes", 0) + 1
        data = {META: data[META], **{k: v for k, v in data.items() if k != META}}
    return jsoncodec.dumps(data) + b"\n"
