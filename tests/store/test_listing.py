"""The list index in each unit's directory (`index`): a cache that is never stale,
never readable by another group, never trusted from a stranger, and never needed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store.errors import BadRecord
from store.persistence.files import listing, safe
from store.persistence.files.layout import DIR_MODE
from store.model.queries import ActionFilter
from store.model.records import Action
from tests.conftest import TODAY
from tests.store.test_permissions import _other_group, umask  # noqa: F401 (fixture)

pytestmark = pytest.mark.files_only  # the files themselves: modes, index, crashes, hand edits


def titles(store, **filter_values) -> list[str]:
    flt = ActionFilter(**filter_values)
    return sorted(a.title for a in store.listed_actions(where=flt.doc_prefilter(TODAY)))


def index_of(store, slug) -> Path:
    return store.data_dir / slug / "index"


def test_listed_actions_match_the_records_in_the_fields_a_list_shows(store, unit):
    store.add(Action(title="Folder", owner="Sanne", deadline=TODAY.replace(day=1), phase=2, route=3,
                     description="voor de balie"), unit.id)
    store.add(Action(title="Klaar", status="done"), unit.id)
    full = {a.id: a for a in store.records(Action)}
    for light in store.listed_actions():
        for name in listing.FIELDS:
            assert getattr(light, name) == getattr(full[light.id], name), name
    assert titles(store, overdue=True) == ["Folder"]


def test_the_index_follows_every_write(store, unit):
    action = store.add(Action(title="Eerst"), unit.id)
    assert titles(store) == ["Eerst"]
    store.change(action.id, {"title": "Daarna"})
    assert titles(store) == ["Daarna"]
    store.add(Action(title="Nieuw"), unit.id)
    assert titles(store) == ["Daarna", "Nieuw"]


def test_the_index_gets_the_unit_dirs_group_and_mode(store, unit, umask):  # noqa: F811
    unit_dir = store.data_dir / unit.id
    gid = _other_group(unit_dir)
    os.chown(unit_dir, -1, gid)
    os.chmod(unit_dir, DIR_MODE)
    store.add(Action(title="x"), unit.id)
    titles(store)
    index = index_of(store, unit.id)
    assert (os.stat(index).st_gid, stat.S_IMODE(os.stat(index).st_mode)) == (gid, 0o660)


@pytest.mark.parametrize("junk", [b"", b"[1, [", b"rommel", b'[2, [0, 0, 0, ""], "x", [["A-1"]]]',
                                  b'[2, 2, "x", [[1, 2]]]', b'[1, [0, 0, 0, ""], [["A-1"]]]'])
def test_a_broken_or_foreign_index_is_rebuilt(store, unit, junk):
    store.add(Action(title="Echt"), unit.id)
    index_of(store, unit.id).write_bytes(junk)
    assert titles(store) == ["Echt"]


def _forge_current_index(store, unit, rows) -> Path:
    """An index with the right key and someone else's rows."""
    titles(store)
    index = index_of(store, unit.id)
    header = index.read_bytes().partition(b"\n")[0]
    index.write_bytes(header + b"\n" + rows)
    return index


def test_an_index_of_another_group_or_mode_is_not_used(store, unit, umask):  # noqa: F811
    store.add(Action(title="Echt"), unit.id)
    forged = b'[["A-99","planned",1,1,null,"","Vals",""]]'
    index = _forge_current_index(store, unit, forged)
    os.chmod(index, 0o664)
    assert titles(store) == ["Echt"]  # wrong mode: rebuilt
    index = _forge_current_index(store, unit, forged)
    os.chown(index, -1, _other_group(index))
    assert titles(store) == ["Echt"]  # wrong group: rebuilt
    assert stat.S_IMODE(os.stat(index).st_mode) == 0o660


def test_an_index_that_is_a_link_or_fifo_is_never_followed(store, unit, tmp_path):
    store.add(Action(title="Echt"), unit.id)
    index = index_of(store, unit.id)
    for plant in (lambda: os.symlink("/dev/zero", index), lambda: os.mkfifo(index)):
        index.unlink(missing_ok=True)
        plant()
        assert titles(store) == ["Echt"]  # neither hangs nor reads /dev/zero


def test_lists_work_where_no_index_can_be_written(store, unit, monkeypatch):
    store.add(Action(title="Alleen lezen"), unit.id)

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(safe, "write_new", refuse)
    assert titles(store) == ["Alleen lezen"]
    assert not index_of(store, unit.id).exists()


def test_a_bad_record_is_left_out_reported_and_no_index_is_written(store, unit):
    import json

    store.add(Action(title="Goed"), unit.id)
    path = Path(store.unit_path(unit.id))
    data = json.loads(path.read_bytes())
    data["actions"]["2"] = {"id": "A-2", "title": "Slecht", "done_on": "gisteren"}  # not shown, still checked
    path.write_text(json.dumps(data))
    skipped: list = []
    assert [a.title for a in store.listed_actions(skipped=skipped)] == ["Goed"]
    assert [(type(p), p.record_id, p.problems[0].field) for p in skipped] == [(BadRecord, "A-2", "done_on")]
    assert not index_of(store, unit.id).exists()
    assert [a.id for a in store.listed_actions(unit.id)] == ["A-1"]
    assert not index_of(store, unit.id).exists()


def test_rows_turn_back_into_documents_with_every_field():
    assert tuple(listing.documents([list(listing.FIELDS)])[0].items()) == tuple(zip(listing.FIELDS, listing.FIELDS))


def test_the_units_name_is_read_from_the_header_line_alone(store, unit):
    store.add(Action(title="Echt"), unit.id)
    titles(store)
    index = index_of(store, unit.id)
    header, newline, rows = index.read_bytes().partition(b"\n")
    assert newline and b"Echt" in rows and b"Echt" not in header
    index.write_bytes(header + b"\n[[rommel")
    unit_file = store.files.unit_file(unit.id)
    assert listing.indexed_name(unit_file) == unit.name
    assert titles(store) == ["Echt"]  # the rows are broken: rebuilt
    store.add(Action(title="Later"), unit.id)
    assert listing.indexed_name(unit_file) is None  # not current any more


def test_a_killed_listers_temp_file_is_cleaned_once_it_is_a_minute_old(store, unit):
    unit_dir = store.data_dir / unit.id
    old, fresh = unit_dir / ".i1-2-0.tmp", unit_dir / ".i3-4-0.tmp"
    old.write_text("half")
    fresh.write_text("bezig")
    os.utime(old, (0, os.stat(old).st_mtime - 120))
    store.add(Action(title="x"), unit.id)
    assert not old.exists() and fresh.exists()
