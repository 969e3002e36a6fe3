"""A full, read-only or failing disk: one clear line, nothing saved, nothing broken.

On a real small file system (a tmpfs of 256 KB: CI runs as root and may mount one)
and with ENOSPC/EIO injected at each step of a write: the write, the fsync, the
rename."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.errors import WriteFailed
from store.persistence.files import safe
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests import needs
from tests.conftest import TODAY

pytestmark = pytest.mark.files_only  # the files themselves: modes, index, crashes, hand edits

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path):
    needs.need("root")
    mount = tmp_path / "klein"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"cannot mount a tmpfs here ({done.stderr.strip()}); CI runs as root where it can")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(store: Store, slug: str) -> list[str]:
    """Add actions with long descriptions until the disk is full; the ids saved."""
    saved = []
    with pytest.raises(WriteFailed) as caught:
        for n in range(10_000):
            saved.append(store.add(Action(title=f"Actie {n}", description="x" * 4000), slug).id)
    assert "de schijf is vol; er is niets opgeslagen" in str(caught.value)
    return saved


def test_a_full_disk_saves_nothing_breaks_nothing_and_says_so(small_disk):
    store = Store(small_disk / "data", user="tester", today=TODAY)
    slug = store.create_unit(Unit(name="Praktijk Vol")).id
    saved = _fill(store, slug)
    assert len(saved) > 5
    fresh = Store(small_disk / "data", user="ander", today=TODAY)
    assert [a.id for a in fresh.records(Action, slug)] == saved  # every acknowledged add, nothing else
    assert not [p for p in (small_disk / "data").rglob("*.tmp")]
    # The command line says it in one line, with a non-zero exit.
    env = {**os.environ, "PYTHONPATH": str(REPO), "SPIEGEL_LANG": "nl", "SPIEGEL_DATA": str(small_disk / "data")}
    done = subprocess.run([sys.executable, "-m", "cli", "edit", saved[0], "--omschrijving", "y" * 19_000],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "de schijf is vol" in done.stderr and "Traceback" not in done.stderr


def test_a_read_only_disk_says_so(small_disk):
    store = Store(small_disk / "data", user="tester", today=TODAY)
    slug = store.create_unit(Unit(name="Praktijk Alleen Lezen")).id
    action = store.add(Action(title="voor"), slug)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(WriteFailed, match="alleen-lezen"):
        store.change(action.id, {"owner": "Els"})
    assert Store(small_disk / "data", today=TODAY).get(action.id).owner == ""


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_an_error_at_any_step_of_a_write_leaves_the_file_as_it_was(store, unit, monkeypatch, step, code):
    action = store.add(Action(title="voor"), unit.id)
    path = Path(store.unit_path(unit.id))
    before = path.read_bytes()

    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr({"write": os, "fsync": os, "replace": os}[step], step, failing)
    with pytest.raises(WriteFailed) as caught:
        store.change(action.id, {"owner": "Els"})
    monkeypatch.undo()
    assert ("vol" if code == errno.ENOSPC else "I/O") in caught.value.problem
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert store.get(action.id).owner == ""


def test_a_new_unit_file_has_its_group_and_mode_before_its_first_byte(store, unit, monkeypatch):
    seen = []
    real_write = os.write
    unit_dir = str(store.data_dir / unit.id)

    def watching(fd, data):
        st = os.fstat(fd)
        if os.readlink(f"/proc/self/fd/{fd}").startswith(unit_dir):
            seen.append((st.st_mode & 0o777, st.st_gid, st.st_size))
        return real_write(fd, data)

    monkeypatch.setattr(safe.os, "write", watching)
    store.add(Action(title="x"), unit.id)
    store.listed_actions()  # the index too
    monkeypatch.undo()
    gid = os.stat(store.data_dir / unit.id).st_gid
    assert len(seen) >= 2 and all(mode == 0o660 and group == gid for mode, group, size in seen if size == 0)
