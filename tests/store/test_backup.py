"""`spiegel backup` and `spiegel restore` on a data directory: a round trip keeps every
record, a tampered archive is refused before anything is replaced, ids are never
reused, restore as root brings groups and modes back, a member's backup says what it
left out, and a backup taken while four writers write loses nothing and holds a
consistent snapshot of each unit."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from store.model import schema
from store.errors import SpiegelError
from store.persistence.files.backup import backup
from store.persistence.files.restore import BadArchive, restore, verify
from store.model.records import Action, Finding, Meeting, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

pytestmark = pytest.mark.files_only  # archives of a data directory's files
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(tmp_path) -> Store:
    store = Store(tmp_path / "data", user="tester", today=TODAY)
    for name in ("Praktijk De Hoek", "Gemeente Best"):
        slug = store.create_unit(Unit(name=name)).id
        meeting = store.add(Meeting(date=TODAY, participants=8), slug)
        finding = store.add(Finding(text=f"Lang wachten [b]{name}[/b]", meeting=meeting.id), slug)
        action = store.add(Action(title="Terugbellen \x1b]0;x", findings=[finding.id]), slug)
        store.change(action.id, {"owner": "Sanne"})
    return store


def all_records(store: Store) -> dict:
    return {slug: {table: docs for table, docs in store.backend.read(slug).items() if table != schema.META}
            for slug in store.slugs()}


def test_a_round_trip_keeps_every_record_and_the_archive_is_private(filled, tmp_path):
    path, manifest, left_out = backup(filled.files, str(tmp_path / "b.tar.gz"))
    assert left_out == [] and sorted(manifest["units"]) == filled.slugs()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert manifest["units"]["gemeente-best"]["counts"] == {"meetings": 1, "findings": 1, "actions": 1, "kpis": 0,
                                                            "visits": 0, "teams": 0}  # every kind (issue 26)
    fresh = Store(tmp_path / "terug", user="tester", today=TODAY)
    outcomes = restore(fresh.files, path)
    assert [slug for slug, _ in outcomes] == filled.slugs()
    assert all_records(fresh) == all_records(filled)
    for slug in fresh.slugs():
        assert stat.S_IMODE(os.stat(tmp_path / "terug" / slug).st_mode) == 0o2770
    assert fresh.problems() == []


def test_an_archive_inside_the_data_directory_or_over_a_file_is_refused(filled, tmp_path):
    with pytest.raises(SpiegelError, match="datamap"):
        backup(filled.files, str(tmp_path / "data" / "b.tar.gz"))
    with pytest.raises(SpiegelError, match="datamap"):
        backup(filled.files, str(tmp_path / "data" / "gemeente-best" / "b.tar.gz"))
    (tmp_path / "er-al").write_text("van iemand")
    with pytest.raises(SpiegelError, match="bestaat al"):
        backup(filled.files, str(tmp_path / "er-al"))
    assert (tmp_path / "er-al").read_text() == "van iemand"
    os.symlink(tmp_path / "doel", tmp_path / "link")
    with pytest.raises(SpiegelError):
        backup(filled.files, str(tmp_path / "link"))
    assert not (tmp_path / "doel").exists()


def rewrite(source: str, target: Path, change) -> str:
    """A copy of the archive with its members passed through `change(members)`:
    [(TarInfo, bytes)] in, the same out."""
    with tarfile.open(source, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    with tarfile.open(target, "w:gz") as tar:
        for info, payload in change(members):
            tar.addfile(info, io.BytesIO(payload) if info.isreg() else None)
    return str(target)


def _edit_unit(members):
    out = []
    for info, payload in members:
        if info.name.endswith("unit.json") and "best" in info.name:
            payload = payload.replace(b"Terugbellen", b"Terugbellex")
        out.append((info, payload))
    return out


def _dot_dot(members):
    info, payload = members[0]
    evil = tarfile.TarInfo("units/../../etc/spiegel-was-hier")
    evil.size = len(payload)
    return [(evil, payload), *members]


def _symlink(members):
    link = tarfile.TarInfo("units/gemeente-best/unit.json")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    return [(i, p) for i, p in members if i.name != "units/gemeente-best/unit.json"] + [(link, b"")]


def _newer_schema(members):
    out = []
    for info, payload in members:
        if info.name == "manifest.json":
            manifest = json.loads(payload)
            manifest["schema"] = schema.SCHEMA_VERSION + 1
            payload = json.dumps(manifest).encode()
            info.size = len(payload)
        out.append((info, payload))
    return out


def _absolute(members):
    info, payload = members[0]
    evil = tarfile.TarInfo("/tmp/spiegel-was-hier")
    evil.size = len(payload)
    return [*members, (evil, payload)]


@pytest.mark.parametrize("change, says", [
    (_edit_unit, "kloppen niet met het manifest"), (_dot_dot, "hoort niet in een back-up"),
    (_symlink, "geen gewoon bestand"), (_newer_schema, "nieuwere spiegel"), (_absolute, "hoort niet in een back-up"),
])
def test_a_tampered_archive_is_refused_before_anything_is_replaced(filled, tmp_path, change, says):
    path, _, _ = backup(filled.files, str(tmp_path / "b.tar.gz"))
    filled.add(Action(title="Na de back-up"), "gemeente-best")
    before = {slug: Path(filled.unit_path(slug)).read_bytes() for slug in filled.slugs()}
    tampered = rewrite(path, tmp_path / "kapot.tar.gz", change)
    with pytest.raises(BadArchive, match=says) as refused:
        restore(filled.files, tampered, replace=True)
    assert "er is niets veranderd" in str(refused.value)
    assert {slug: Path(filled.unit_path(slug)).read_bytes() for slug in filled.slugs()} == before
    assert not Path("/etc/spiegel-was-hier").exists() and not Path("/tmp/spiegel-was-hier").exists()


def test_not_an_archive_at_all_is_one_clear_refusal(tmp_path):
    (tmp_path / "x.tar.gz").write_bytes(b"\x1f\x8b nee")
    with pytest.raises(BadArchive, match="geen leesbare back-up"):
        verify(str(tmp_path / "x.tar.gz"))


def test_an_existing_unit_is_refused_unless_replace(filled, tmp_path):
    path, _, _ = backup(filled.files, str(tmp_path / "b.tar.gz"))
    added = filled.add(Action(title="Na de back-up"), "gemeente-best")
    with pytest.raises(BadArchive, match="--replace"):
        restore(filled.files, path)
    assert Store(filled.location).get(added.id).title == "Na de back-up"
    restore(filled.files, path, replace=True)
    again = Store(filled.location, user="tester", today=TODAY)
    assert added.id not in [a.id for a in again.records(Action, "gemeente-best")]
    # ...and the id of the record the restore dropped is never handed out again.
    assert again.add(Action(title="Nieuw"), "gemeente-best").id != added.id


def test_ids_after_a_restore_never_reuse_a_restored_or_registered_number(filled, tmp_path):
    path, manifest, _ = backup(filled.files, str(tmp_path / "b.tar.gz"))
    restored_ids = {d["id"] for docs in all_records(filled).values() for t, ds in docs.items() if t != "unit"
                    for d in ds.values()}
    assert set(manifest["taken"]) >= restored_ids
    fresh = Store(tmp_path / "terug", user="tester", today=TODAY)
    restore(fresh.files, path)
    new = [fresh.add(Action(title=f"Nieuw {n}"), "praktijk-de-hoek").id for n in range(3)]
    new.append(fresh.add(Meeting(date=TODAY), "gemeente-best").id)
    assert not set(new) & set(manifest["taken"])


def test_the_cli_backs_up_and_restores_with_one_line_per_unit(filled, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "SPIEGEL_TODAY": "2026-11-23", "SPIEGEL_LANG": "nl"}
    spiegel = lambda *a: subprocess.run([sys.executable, "-m", "cli", *a], capture_output=True, text=True,  # noqa: E731
                                        env=env, cwd=tmp_path)
    made = spiegel("--data-dir", filled.location, "backup")
    assert made.returncode == 0 and "gemeente-best: 3 records" in made.stdout, made.stderr
    archive = next(tmp_path.glob("spiegel-backup-*.tar.gz"))
    refused = spiegel("--data-dir", filled.location, "restore", str(archive))
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "--replace" in refused.stderr
    done = spiegel("--data-dir", str(tmp_path / "terug"), "restore", str(archive))
    assert done.returncode == 0 and "Teruggezet" in done.stdout and "2 eenheden" in done.stdout


WRITER = """
import sys
from store.model.records import Action
from store.persistence.repository import Store
store = Store(sys.argv[1], user="w")
for n in range(int(sys.argv[4])):
    store.add(Action(title=f"{sys.argv[3]}-{n}"), sys.argv[2])
"""


def test_a_backup_while_four_writers_write_loses_nothing_and_each_unit_is_a_snapshot(tmp_path):
    store = Store(tmp_path / "data", user="tester", today=TODAY)
    for name in ("Een", "Twee"):
        store.create_unit(Unit(name=name))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    per_writer = 40
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, store.location, slug, f"w{n}", str(per_writer)], env=env)
               for n, slug in enumerate(["een", "een", "twee", "twee"])]
    archives = []
    while any(w.poll() is None for w in writers) or not archives:
        archives.append(backup(store.files, str(tmp_path / f"b{len(archives)}.tar.gz"))[0])
        time.sleep(0.05)
    assert all(w.wait() == 0 for w in writers)
    for archive in archives:
        _, units = verify(archive)
        for slug, data in units.items():
            titles = [d["title"] for d in data["actions"].values()]
            for writer in {t.split("-")[0] for t in titles}:
                numbers = sorted(int(t.split("-")[1]) for t in titles if t.startswith(writer + "-"))
                assert numbers == list(range(len(numbers)))  # each writer's adds, a prefix: no torn unit
    final = Store(store.location)
    assert sorted(a.title for a in final.records(Action)) == sorted(
        f"w{n}-{i}" for n in range(4) for i in range(per_writer))
    last, _, _ = backup(final.files, str(tmp_path / "laatste.tar.gz"))
    assert sum(len(d["actions"]) for d in verify(last)[1].values()) == 4 * per_writer


def test_restore_replace_repairs_a_unit_file_that_no_longer_parses(filled, tmp_path):
    """What the error texts advise ("zet een back-up terug: spiegel restore … --replace") works."""
    path, _, _ = backup(filled.files, str(tmp_path / "b.tar.gz"))
    before = all_records(filled)
    Path(filled.unit_path("gemeente-best")).write_bytes(b"")
    problems = Store(filled.location).problems()
    assert len(problems) == 1 and "spiegel restore" in str(problems[0])
    restore(filled.files, path, replace=True)
    again = Store(filled.location)
    assert again.problems() == [] and all_records(again) == before


def test_a_unit_that_cannot_be_read_is_left_out_and_named(filled, tmp_path):
    Path(filled.unit_path("gemeente-best")).write_bytes(b"{kapot")
    path, manifest, left_out = backup(filled.files, str(tmp_path / "b.tar.gz"))
    assert list(manifest["units"]) == ["praktijk-de-hoek"]
    assert [(slug, type(problem).__name__) for slug, problem in left_out] == [("gemeente-best", "CorruptFile")]
