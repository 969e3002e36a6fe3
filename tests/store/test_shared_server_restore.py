"""Issue 26, parts 3-4: restore trusts no archive, the id registry no colleague.

Real Unix users (tests/unix_users.py). B (shared group + practice B) hands root an
archive he made, naming practice A's group with himself as member, or `sudo`; root
restores it. And B plants entries in `.ids/` and forges the ids of A's visits and
teams in his own unit.
"""

from __future__ import annotations

import grp
import hashlib
import io
import json
import os
import pwd
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import pytest

from store.model import schema
from store.persistence.files.backup import backup, counts
from store.model.records import Action, Team, Unit, Visit
from store.persistence.repository import Store
from tests import unix_users as users
from tests.unix_users import GROUP_A, GROUP_B, SHARED, USER_A, USER_B

pytestmark = pytest.mark.files_only
TODAY = __import__("datetime").date(2026, 11, 23)


@pytest.fixture
def data(base) -> Path:
    path = users.shared_data_dir(base)
    admin = Store(path, user="root", today=TODAY)
    admin.create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    admin.add(Action(title="Plan van A"), "praktijk-a")
    return path


def spiegel_root(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=users.REPO,
                          env={**os.environ, "SPIEGEL_LANG": "nl", "SPIEGEL_TODAY": "2026-11-23"}, timeout=60)


def archive_of(path: Path, units: dict[str, tuple[dict, str, list[str]]], owner: str) -> Path:
    """An archive as `spiegel backup` writes it (manifest, hashes, counts), of units
    {slug: (data, group, members)}, owned by `owner`: what a member can hand root."""
    manifest = {"format": 1, "app": "spiegel", "schema": schema.SCHEMA_VERSION, "made": "2026-11-23T10:00:00+0100",
                "units": {}, "left_out": [], "taken": []}
    with tarfile.open(path, "w:gz") as tar:
        for slug, (data, group, members) in units.items():
            payload = schema.dump(data)
            manifest["units"][slug] = {"group": group, "members": members, "counts": counts(data),
                                       "bytes": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
            _add(tar, f"units/{slug}/unit.json", payload)
        _add(tar, "manifest.json", json.dumps(manifest).encode())
    os.chown(path, pwd.getpwnam(owner).pw_uid, -1)
    return path


def _add(tar, name: str, payload: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime = len(payload), int(time.time())
    tar.addfile(info, io.BytesIO(payload))


def unit_data(name: str, title="Plan") -> dict:
    scratch = Store(tempfile.mkdtemp(), user="x", today=TODAY)
    slug = scratch.create_unit(Unit(name=name)).id
    scratch.add(Action(title=title), slug)
    return json.loads((scratch.dir_path / slug / "unit.json").read_bytes()) if hasattr(scratch, "dir_path") else \
        json.loads((Path(scratch.dir) / slug / "unit.json").read_bytes())


def members(group: str) -> list[str]:
    return sorted(grp.getgrnam(group).gr_mem)


@pytest.fixture
def undo_memberships():
    """Should the restore add B anywhere (it did before issue 26), take it back: the
    other tests rely on B being in the shared group and B's group only."""
    yield
    for group in (GROUP_A, "sudo"):
        if USER_B in members(group):
            subprocess.run(["gpasswd", "-d", USER_B, group], capture_output=True)


def test_a_members_archive_adds_nobody_to_an_existing_group(base, data, undo_memberships):
    before = members(GROUP_A), members("sudo")
    archive = archive_of(Path(tempfile.mkdtemp(dir=base)) / "b.tar.gz", {
        "kopie-a": (unit_data("Kopie A"), GROUP_A, [USER_B]),
        "beheer": (unit_data("Beheer"), "sudo", [USER_B]),
    }, owner=USER_B)
    done = spiegel_root("--data-dir", str(data), "restore", str(archive))
    assert "Traceback" not in done.stderr
    assert (members(GROUP_A), members("sudo")) == before  # B was added to neither
    assert f"archief van {USER_B}" in done.stdout
    assert "systeemgroep" in done.stdout and not (data / "beheer").exists()  # sudo never used
    assert grp.getgrgid(os.stat(data / "kopie-a").st_gid).gr_name == GROUP_A  # the group used as it is


def test_a_members_archive_makes_no_group_unless_told(base, data):
    name = "spgl-nieuw26"
    subprocess.run(["groupdel", name], capture_output=True)
    archive = archive_of(Path(tempfile.mkdtemp(dir=base)) / "b.tar.gz",
                         {"nieuw": (unit_data("Nieuw"), name, [USER_B])}, owner=USER_B)
    try:
        done = spiegel_root("--data-dir", str(data), "restore", str(archive))
        assert "--make-groups" in done.stdout and not (data / "nieuw").exists()
        with pytest.raises(KeyError):
            grp.getgrnam(name)
        done = spiegel_root("--data-dir", str(data), "restore", str(archive), "--make-groups")
        assert done.returncode == 0, done.stderr
        assert members(name) == [USER_B]  # made in this run: its members from the archive
        assert grp.getgrgid(os.stat(data / "nieuw").st_gid).gr_name == name
    finally:
        subprocess.run(["groupdel", name], capture_output=True)


def test_a_record_that_fails_the_load_check_stops_the_restore_before_anything(base, data):
    bad = unit_data("Kwaad")
    next(iter(bad["actions"].values()))["title"] = ["een", "lijst"]
    archive = archive_of(Path(tempfile.mkdtemp(dir=base)) / "b.tar.gz", {"kwaad": (bad, SHARED, [])}, owner="root")
    before = sorted(p.name for p in data.iterdir())
    done = spiegel_root("--data-dir", str(data), "restore", str(archive))
    assert done.returncode == 1 and "kwaad" in done.stderr and "A-" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in data.iterdir()) == before


def test_restore_one_unit_with_unit(base, data):
    archive = Path(tempfile.mkdtemp(dir=base)) / "a.tar.gz"
    admin = Store(data, user="root", today=TODAY)
    admin.create_unit(Unit(name="Praktijk C"), "praktijk-c", group=users.gid(GROUP_B))
    backup(admin.files, str(archive))
    admin.add(Action(title="Na de back-up van A"), "praktijk-a")
    admin.add(Action(title="Na de back-up van C"), "praktijk-c")
    done = spiegel_root("--data-dir", str(data), "restore", str(archive), "--unit", "praktijk-c", "--replace")
    assert done.returncode == 0, done.stderr
    titles = lambda slug: [a.title for a in Store(data, today=TODAY).records(Action, slug)]  # noqa: E731
    assert "Na de back-up van A" in titles("praktijk-a") and "Na de back-up van C" not in titles("praktijk-c")


def test_after_a_restore_visit_and_team_ids_open_their_own_unit(runner, base, data):
    admin = Store(data, user="root", today=TODAY)
    visit = admin.add(Visit(date=TODAY), "praktijk-a")
    team = admin.add(Team(name="Kernteam A"), "praktijk-a")
    archive = Path(tempfile.mkdtemp(dir=base)) / "a.tar.gz"
    backup(admin.files, str(archive))
    fresh = users.shared_data_dir(base)
    done = spiegel_root("--data-dir", str(fresh), "restore", str(archive))
    assert done.returncode == 0, done.stderr
    # B forges both ids in a unit of his own, made before A's in slug order
    runner.spiegel(USER_B, "--data-dir", str(fresh), "units", "add", "aaa")
    forged = json.loads((fresh / "aaa" / "unit.json").read_bytes())
    number = lambda record_id: record_id.split("-")[1]  # noqa: E731
    forged["visits"][number(visit.id)] = {"id": visit.id, "rev": 1, "date": "2026-11-01", "notes": "vervalst"}
    forged["teams"][number(team.id)] = {"id": team.id, "rev": 1, "name": "Vervalst team"}
    runner.run_python(USER_B, "import sys\nopen(sys.argv[1], 'w').write(sys.argv[2])",
                      str(fresh / "aaa" / "unit.json"), json.dumps(forged))
    shown = runner.spiegel(USER_A, "--data-dir", str(fresh), "visit", "show", visit.id)
    assert "praktijk-a" in shown.stdout + shown.stderr or "Praktijk A" in shown.stdout
    assert "vervalst" not in shown.stdout
    runner.spiegel(USER_A, "--data-dir", str(fresh), "teams", "edit", team.id, "--naam", "Kernteam A2")
    assert json.loads((fresh / "aaa" / "unit.json").read_bytes())["teams"][number(team.id)]["name"] == "Vervalst team"
    assert Store(fresh, today=TODAY).get(team.id).unit == "praktijk-a"


def test_planted_registry_entries_cannot_stop_new_ids(runner, data):
    runner.spiegel(USER_B, "--data-dir", str(data), "units", "add", "bbb")  # B's first id makes .ids usable
    runner.run_python(USER_B, "import os, sys\nfor k in range(0, 841):\n    name = f'A-{2 ** k}'\n"
                      "    if len(name) > 255: break\n    try: os.close(os.open(os.path.join(sys.argv[1], name), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o444))\n"
                      "    except FileExistsError: pass", str(data / ".ids"))
    added = runner.spiegel(USER_A, "--data-dir", str(data), "add", "Na de vloed", "--unit", "praktijk-a")
    new_id = added.stdout.strip()
    assert new_id.startswith("A-") and int(new_id[2:]) < 1000  # bounded, and not pushed up to A-2^29 + 1
    assert Store(data, today=TODAY).get(new_id).title == "Na de vloed"


def test_an_id_the_registry_names_no_unit_for_is_never_taken_from_a_colleagues_copy(runner, data):
    """An id from before the registry (or an archive's bare `taken` list) has an entry
    without a unit. B copies it into a unit of his own that sorts first: A's `show`
    and `edit` refuse to choose, naming both units, and B's file is left alone."""
    admin = Store(data, user="root", today=TODAY)
    action = admin.add(Action(title="Echte actie van A"), "praktijk-a")
    entry = data / ".ids" / action.id
    os.chmod(entry, 0o644)
    entry.write_bytes(b"")  # as an old entry: taken, no unit named
    os.chmod(entry, 0o444)
    runner.spiegel(USER_B, "--data-dir", str(data), "units", "add", "aaa")
    forged = json.loads((data / "aaa" / "unit.json").read_bytes())
    forged["actions"][action.id.split("-")[1]] = {"id": action.id, "rev": 1, "title": "Vervalst door B"}
    runner.run_python(USER_B, "import sys\nopen(sys.argv[1], 'w').write(sys.argv[2])",
                      str(data / "aaa" / "unit.json"), json.dumps(forged))
    shown = runner.spiegel(USER_A, "--data-dir", str(data), "show", action.id, check=False)
    assert shown.returncode != 0 and "Vervalst" not in shown.stdout
    assert "aaa" in shown.stderr and "praktijk-a" in shown.stderr and len(shown.stderr.strip().splitlines()) == 1
    edited = runner.spiegel(USER_A, "--data-dir", str(data), "edit", action.id, "--owner", "A", check=False)
    assert edited.returncode != 0
    assert json.loads((data / "aaa" / "unit.json").read_bytes())["actions"][action.id.split("-")[1]]["title"] == (
        "Vervalst door B")
    assert admin.get(action.id, "praktijk-a").owner == ""
