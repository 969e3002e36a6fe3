"""File modes and groups: each unit's data sits in its own directory of its group.

The data directory is 2770 (setgid, so new units take its group); each unit's
directory is 2770 in the unit's group; unit, index and lock files are 0660 whatever
the user's umask (born 0600, opened to the group before a byte is written); a save
replaces the file but keeps the unit's group and mode.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store.persistence.files.layout import DIR_MODE
from store.persistence.files.safe import FILE_MODE
from store.model.records import Action, Unit
from store.persistence.repository import Store

pytestmark = pytest.mark.files_only  # the files themselves: modes, index, crashes, hand edits


def _mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _other_group(path: Path | str) -> int:
    """A group other than `path`'s that this process may give a file."""
    current = os.stat(path).st_gid
    if os.geteuid() == 0:
        return 65534 if current != 65534 else 0  # nogroup
    for gid in os.getgroups():
        if gid != current:
            return gid
    pytest.skip("this user belongs to only one group, so there is no other group to give the file")


@pytest.fixture(params=[0o022, 0o077, 0o027], ids=["umask022", "umask077", "umask027"])
def umask(request):
    """Run with a given umask; restore the old one after (umask is process-wide)."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_new_data_dir_unit_dir_and_files(tmp_path, umask):
    store = Store(tmp_path / "nieuw" / "data", user="tester")
    assert _mode(store.data_dir) == DIR_MODE == 0o2770
    slug = store.create_unit(Unit(name="Praktijk Noord")).id
    unit_dir = store.data_dir / slug
    assert _mode(unit_dir) == 0o2770
    assert _mode(store.unit_path(slug)) == FILE_MODE == 0o660
    assert _mode(unit_dir / "lock") == 0o660
    store.add(Action(title="eerste"), slug)
    store.listed_actions()
    assert _mode(unit_dir / "index") == 0o660
    # The id registry: one entry per id, in a sticky directory nobody else empties.
    assert _mode(store.data_dir / ".ids") & stat.S_ISVTX
    assert (store.data_dir / ".ids" / "A-1").exists()


def test_lock_file_made_by_first_write_is_0660(store, unit, umask):
    lock = store.data_dir / unit.id / "lock"
    lock.unlink()  # as if the unit came from a backup without its lock
    store.add(Action(title="x"), unit.id)
    assert _mode(lock) == 0o660


def test_save_keeps_mode_and_group(store, unit, umask):
    unit_dir = store.data_dir / unit.id
    path = Path(store.unit_path(unit.id))
    gid = _other_group(path)
    os.chown(unit_dir, -1, gid)  # e.g. an admin moved this practice to its own group
    os.chmod(unit_dir, DIR_MODE)  # chown can clear the setgid bit
    original = path.read_bytes()
    with open(path, "rb") as old_file:  # keeps the original inode alive and readable
        action = store.add(Action(title="x"), unit.id)
        action.description = "gewijzigd"
        store.save(action)
        store.change(action.id, {"owner": "Els"})
        store.undo(action.id)
        # Replaced, not edited in place: the old inode still holds the old bytes.
        # (Comparing inode numbers is not enough: a freed number can be reused.)
        assert old_file.read() == original != path.read_bytes()

    after = os.stat(path)
    assert after.st_gid == gid  # the unit directory's group, not the file's old one
    assert stat.S_IMODE(after.st_mode) == 0o660
    assert not [p for p in unit_dir.iterdir() if p.name.endswith(".tmp")]


def test_new_unit_takes_the_data_dirs_group(store, umask):
    gid = _other_group(store.data_dir)
    os.chown(store.data_dir, -1, gid)
    os.chmod(store.data_dir, DIR_MODE)  # chown can clear the setgid bit
    slug = store.create_unit(Unit(name="Praktijk Zuid")).id
    store.add(Action(title="x"), slug)
    for name in (slug, f"{slug}/unit.json", f"{slug}/lock"):
        assert os.stat(store.data_dir / name).st_gid == gid, name
    assert _mode(store.data_dir / slug) == 0o2770


def test_a_new_unit_can_get_its_own_group(store, umask):
    gid = _other_group(store.data_dir)
    slug = store.create_unit(Unit(name="Praktijk West"), group=gid).id
    store.add(Action(title="x"), slug)
    store.listed_actions()
    for name in ("", "unit.json", "lock", "index"):
        assert os.stat(store.data_dir / slug / name).st_gid == gid, name
