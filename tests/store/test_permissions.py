"""File modes and groups: a practice shares its data directory through a Unix group.

The data directory is 2770 (setgid, so new files take the directory's group); unit and
lock files are 0660 whatever the user's umask; a save replaces the file but keeps its
group and mode.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store.records import Action, Unit
from store.repository import Store
from store.unitfile import DIR_MODE, FILE_MODE


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _other_group(path: Path) -> int:
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


def test_new_data_dir_unit_and_lock_files(tmp_path, umask):
    store = Store(tmp_path / "nieuw" / "data", user="tester")
    assert _mode(store.data_dir) == DIR_MODE == 0o2770
    slug = store.create_unit(Unit(name="Praktijk Noord")).id
    assert _mode(store.data_dir / f"{slug}.json") == FILE_MODE == 0o660
    assert _mode(store.data_dir / f"{slug}.lock") == 0o660
    # The id counter beside the units follows the same rules.
    store.add(Action(title="eerste"), slug)
    assert _mode(store.data_dir / ".spiegel-ids.json") == 0o660
    assert _mode(store.data_dir / ".spiegel-ids.lock") == 0o660


def test_lock_file_made_by_first_write_is_0660(store, unit, umask):
    lock = store.data_dir / f"{unit.id}.lock"
    lock.unlink()  # as if the unit file came from a backup without its lock
    store.add(Action(title="x"), unit.id)
    assert _mode(lock) == 0o660


def test_save_keeps_mode_and_group(store, unit, umask):
    path = store.data_dir / f"{unit.id}.json"
    gid = _other_group(path)
    os.chown(path, -1, gid)  # e.g. an admin moved this practice to its own group
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
    assert after.st_gid == gid
    assert stat.S_IMODE(after.st_mode) == 0o660
    assert _mode(store.data_dir / f"{unit.id}.lock") == 0o660
    assert not [p for p in store.data_dir.iterdir() if p.name.endswith(".tmp")]


def test_new_unit_takes_the_data_dirs_group(store, umask):
    gid = _other_group(store.data_dir)
    os.chown(store.data_dir, -1, gid)
    os.chmod(store.data_dir, DIR_MODE)  # chown can clear the setgid bit
    slug = store.create_unit(Unit(name="Praktijk Zuid")).id
    store.add(Action(title="x"), slug)
    for name in (f"{slug}.json", f"{slug}.lock", ".spiegel-ids.json"):
        assert os.stat(store.data_dir / name).st_gid == gid, name
        assert _mode(store.data_dir / name) == 0o660, name
