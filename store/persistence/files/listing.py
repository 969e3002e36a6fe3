"""What `spiegel list` shows of a unit, in a small file of its own.

A list shows eight fields of each action, but a unit file also holds every
action's history (change log, who and when); parsing all of that was most of a
list's time with many actions (benchmarks/results.md). So in each unit's directory
lies `index`, two lines of JSON: a header with the unit file's stat key
(inode, size, mtime, first bytes: what UnitFile's own cache compares), the
unit's name, which `--unit noord` is matched against without parsing the rest,
and the unit's portfolio figures (store/model/figures.py: what the first screen shows
of every unit, so the app need not parse 100 unit files to start; null while a
record of the unit is bad); then those fields of every action. When the key no longer matches, the index is
rebuilt from the unit file.

It is a cache, never the only copy of anything: written atomically inside the
unit's directory, born 0600 and given the unit's group and mode 0660 before its
content (it holds the same practice's text). An index that is missing, unreadable,
from another version, or not of the unit's group and mode or not written by a
member of that group (store/persistence/files/unitfile.py) is rebuilt; one that cannot be
written (a colleague with read-only access, a full disk) is simply not written, and lists read the unit file as before. An index is only written when
every action in the unit file loads: a bad record is reported by the normal path.
"""

from __future__ import annotations

from store import jsoncodec
from store.model import schema

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable

    from store.persistence.files.unitfile import UnitFile

FIELDS = schema.LIST_FIELDS  # the shape of a list row (store/model/schema.py)
FORMAT = 5  # 4: the header holds the portfolio figures; 5: deleted actions (tombstones) are left out


def read_index(unit_file: UnitFile, blank: dict, checked: Callable[[dict], tuple[str, dict | None]],
               ) -> tuple[str, list[list], object]:
    """The unit's name, a row of FIELDS for each of its actions (filled in from
    `blank`, a new action's document, where the file leaves a default out), and
    its figures as stored (unchecked: see store/model/figures.py). `checked` gets the
    parsed unit file, raises if an action in it is bad, and returns the unit's
    name and figures (None while another record is bad)."""
    key = _key(unit_file)  # before reading: content is never older than the key stored with it
    stored = _read(unit_file, key, with_rows=True)
    if stored is None:
        data = unit_file.read()
        name, figures = checked(data)
        rows = [[doc.get(field, blank[field]) for field in FIELDS] for doc in data.get("actions", {}).values()
                if not schema.tombstone(doc)]
        header = jsoncodec.dumps([FORMAT, key, name, figures])
        unit_file.write_index(header + b"\n" + jsoncodec.dumps(rows))  # compact JSON holds no newline
        stored = name, rows, figures
    return stored


def indexed_name(unit_file: UnitFile) -> str | None:
    """The unit's name from a current index (its header line only), else None."""
    stored = _read(unit_file, _key(unit_file), with_rows=False)
    return None if stored is None else stored[0]


def indexed_figures(unit_file: UnitFile, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> object:
    """The unit's figures from a current index (its header line only), the index
    rebuilt first when it is stale (the unit file parsed once, for lists too)."""
    stored = _read(unit_file, _key(unit_file), with_rows=False)
    return stored[2] if stored is not None else read_index(unit_file, blank, checked)[2]


def documents(rows: list[list]) -> list[dict]:
    """Rows back to documents. Spelt out rather than dict(zip(FIELDS, row)), which
    took twice as long (10k rows: 16 ms against 7 ms); a test keeps it in step with FIELDS."""
    return [
        {"id": i, "status": s, "phase": p, "route": r, "deadline": d, "owner": o, "title": t, "description": x}
        for i, s, p, r, d, o, t, x in rows
    ]


def _key(unit_file: UnitFile) -> list:
    ino, size, mtime, head = unit_file.stat_key()
    return [ino, size, mtime, head.hex()]


def _read(unit_file: UnitFile, key: list, with_rows: bool) -> tuple[str, list[list] | None, object] | None:
    """The index's name, its rows if asked for and its figures (unchecked), if it
    is current; None for any reason to rebuild it."""
    raw = unit_file.read_index()
    if raw is None:
        return None
    header_line, _, body = raw.partition(b"\n")
    try:
        header = jsoncodec.loads(header_line)
        if not (isinstance(header, list) and header[:2] == [FORMAT, key] and len(header) == 4
                and isinstance(header[2], str)):
            return None
        rows = jsoncodec.loads(body) if with_rows else None
    except ValueError:  # torn or not ours: a cache miss, rebuilt by the caller
        return None
    if with_rows and not (isinstance(rows, list) and set(map(type, rows)) <= {list}
                          and set(map(len, rows)) <= {len(FIELDS)}):
        return None
    return header[2], rows, header[3]
