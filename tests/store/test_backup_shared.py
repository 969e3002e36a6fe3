"""Backup and restore on a shared server, with real Unix users (tests/unix_users.py):
a member's backup holds the units that member may read and names the one it left
out; root's holds every unit, and restoring it as root brings each unit's directory
back in its own group and mode, making a group that no longer exists (with its
members, where those users exist)."""

from __future__ import annotations

import grp
import pwd
import os
import stat
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest

from store.persistence.files.backup import backup
from store.persistence.files.restore import restore
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests import unix_users as users
from tests.unix_users import GROUP_A, GROUP_B, USER_A, USER_B

pytestmark = pytest.mark.files_only
GONE = "spgl-herstel"  # a group made for this test, removed, and brought back by restore


@pytest.fixture
def data(base) -> Path:
    path = users.shared_data_dir(base)
    admin = Store(path, user="root")
    for slug, group in (("praktijk-a", GROUP_A), ("praktijk-b", GROUP_B)):
        admin.create_unit(Unit(name=slug), slug, group=users.gid(group))
        admin.add(Action(title=f"Plan van {slug}"), slug)
    return path


@pytest.fixture
def a_home(base) -> Path:
    """A directory of spgl-a's own, outside the data directory, for their archives."""
    path = Path(tempfile.mkdtemp(prefix="home-a-", dir=base))
    os.chown(path, pwd.getpwnam(USER_A).pw_uid, -1)
    return path


def test_a_members_backup_leaves_out_what_they_cannot_read_and_says_so(runner, data, a_home):
    archive = a_home / "a-backup.tar.gz"
    done = runner.spiegel(USER_A, "--data-dir", str(data), "backup", "-o", str(archive))
    assert "praktijk-a: 1 record" in done.stdout
    assert "weggelaten: praktijk-b" in done.stderr and "alleen de eenheden die u mag lezen" in done.stderr
    st = os.stat(archive)
    assert (stat.S_IMODE(st.st_mode), st.st_uid) == (0o600, pwd.getpwnam(USER_A).pw_uid)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert "units/praktijk-a/unit.json" in names and not any("praktijk-b" in n for n in names)
        assert b"Plan van praktijk-b" not in tar.extractfile("manifest.json").read()


def test_a_member_cannot_write_the_archive_into_the_data_directory(runner, data):
    refused = runner.spiegel(USER_A, "--data-dir", str(data), "backup", "-o", str(data / "b.tar.gz"), check=False)
    assert refused.returncode == 1 and "datamap" in refused.stderr and not (data / "b.tar.gz").exists()


def test_restore_as_root_brings_directories_groups_modes_and_a_removed_group_back(data, base):
    subprocess.run(["groupadd", GONE], capture_output=True)
    subprocess.run(["gpasswd", "-a", USER_B, GONE], check=True, capture_output=True)
    try:
        admin = Store(data, user="root")
        admin.create_unit(Unit(name="Herstel"), "herstel", group=grp.getgrnam(GONE).gr_gid)
        admin.add(Action(title="Plan van herstel"), "herstel")
        archive, manifest, left_out = backup(admin.files, str(base / "root-backup.tar.gz"))
        assert left_out == [] and manifest["units"]["herstel"]["members"] == [USER_B]
        subprocess.run(["groupdel", GONE], check=True)
        target = Path(tempfile.mkdtemp(prefix="terug-", dir=base))
        outcomes = dict(restore(Store(target, user="root").files, archive))
        assert f"groep {GONE} aangemaakt" in outcomes["herstel"] and f"{USER_B} toegevoegd" in outcomes["herstel"]
        assert USER_B in grp.getgrnam(GONE).gr_mem
        for slug, group in (("praktijk-a", GROUP_A), ("praktijk-b", GROUP_B), ("herstel", GONE)):
            st = os.stat(target / slug)
            assert (grp.getgrgid(st.st_gid).gr_name, stat.S_IMODE(st.st_mode)) == (group, 0o2770)
            unit_file = os.stat(target / slug / "unit.json")
            assert (unit_file.st_gid, stat.S_IMODE(unit_file.st_mode)) == (st.st_gid, 0o660)
        assert [a.title for a in Store(target).records(Action, "herstel")] == ["Plan van herstel"]
    finally:
        subprocess.run(["groupdel", GONE], capture_output=True)


def test_after_a_members_restore_the_member_reads_their_unit(runner, data, a_home):
    """A member restores their own backup into a directory of their own: it works,
    in the directory's group (only root gives units their groups)."""
    archive = a_home / "a2.tar.gz"
    runner.spiegel(USER_A, "--data-dir", str(data), "backup", "-o", str(archive))
    target = a_home / "terug"
    done = runner.spiegel(USER_A, "--data-dir", str(target), "restore", str(archive))
    assert "praktijk-a: teruggezet (1 record" in done.stdout
    listed = runner.spiegel(USER_A, "--data-dir", str(target), "list")
    assert "Plan van praktijk-a" in listed.stdout
    assert os.stat(target / "praktijk-a").st_gid == users.gid(GROUP_A)  # still closed to the rest
