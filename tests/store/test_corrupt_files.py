"""Unit files that cannot be used: clear errors, never overwritten, the rest still works.

For each kind of bad file: reading raises `CorruptFile`/`NoAccess` naming the path and
a plain reason; a write into that unit raises too and leaves the file byte-identical;
`Store.units()` lists the good units and reports the bad one. Plus: a file in the
older plain-TinyDB layout (schema 0) loads and is migrated.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest

from store import i18n
from store.model import schema
from store.errors import CorruptFile, FileProblem, NoAccess
from store.i18n import t
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests import needs
from tests.conftest import write_unit_file

pytestmark = pytest.mark.files_only  # the files themselves: modes, index, crashes, hand edits

REPO = Path(__file__).resolve().parents[2]
BAD = "kapot"


def _reason(key: str) -> str:
    """The fixed words of a message, before any `{placeholder}` is filled in."""
    return i18n.CATALOGS[i18n.language()].get(key, i18n.NL[key]).split("{")[0]


def _valid_bytes(tmp_path: Path) -> bytes:
    """A real unit file with a few actions, as spiegel writes it."""
    scratch = Store(tmp_path / "scratch", user="tester")
    scratch.create_unit(Unit(name=BAD))
    for n in range(3):
        scratch.add(Action(title=f"actie {n}", description="x" * 40), BAD)
    return Path(scratch.unit_path(BAD)).read_bytes()


def _newer_schema(valid: bytes) -> bytes:
    data = orjson.loads(valid)
    data["_meta"]["1"]["schema"] = 999
    return orjson.dumps(data)


# name -> (make the bytes, expected error, message key, extra words in the reason)
CASES = {
    "empty": (lambda valid: b"", CorruptFile, "file.empty", ""),
    "truncated": (lambda valid: valid[: len(valid) // 2], CorruptFile, "file.not_json", ""),
    "invalid-json": (lambda valid: b'{"unit": {"1": {"name": "x",,}}}', CorruptFile, "file.not_json", ""),
    "json-list": (lambda valid: b'[{"unit": {}}]', CorruptFile, "file.not_spiegel", ""),
    "newer-schema": (_newer_schema, CorruptFile, "file.newer_schema", "999"),
}


def _snapshot(path: Path) -> tuple[bytes, int, int]:
    st = os.stat(path)
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


def _check_bad_unit(store: Store, path: Path, error: type, key: str, extra: str) -> None:
    """Everything a user can do with the bad unit fails cleanly; the file is untouched."""
    before = _snapshot(path)
    for attempt in (
        lambda: store.unit(BAD),
        lambda: store.records(Action, unit=BAD),
        lambda: store.get("A-1", unit=BAD),
        lambda: store.add(Action(title="nieuw"), BAD),  # a write into the bad unit
    ):
        with pytest.raises(error) as caught:
            attempt()
        assert caught.type is error
        assert str(path) in str(caught.value)
        assert caught.value.path == str(path)
        assert caught.value.problem.startswith(_reason(key)), caught.value.problem
        assert extra in caught.value.problem
        assert "Traceback" not in str(caught.value)
    # Byte-identical, same mtime, same inode: never rewritten, not even "unchanged".
    assert _snapshot(path) == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def _check_portfolio(store: Store, good: str, path: Path, error: type) -> None:
    entries = {e.slug: e for e in store.units()}
    assert set(entries) == {good, BAD}
    assert entries[good].problem is None and entries[good].unit.name == "Huisartsenpraktijk De Hoek"
    assert entries[BAD].unit is None and type(entries[BAD].problem) is error
    assert entries[BAD].path == str(path)
    assert [type(p) for p in store.problems()] == [error]
    # Reads across all units skip the bad file and still find the good records.
    assert [a.title for a in store.records(Action)] == ["goed"]
    assert store.get("A-1").title == "goed"


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_reported_and_never_written(store, unit, tmp_path, case):
    make, error, key, extra = CASES[case]
    store.add(Action(title="goed"), unit.id)  # A-1, in the good unit
    path = write_unit_file(store.data_dir, BAD, make(_valid_bytes(tmp_path)))

    fresh = Store(store.data_dir, user="tester")  # nothing cached
    _check_bad_unit(fresh, path, error, key, extra)
    _check_portfolio(fresh, unit.id, path, error)
    # The good unit is still writable next to the bad one.
    assert fresh.add(Action(title="nog een"), unit.id).unit == unit.id


def test_file_going_bad_after_it_was_read(store, unit):
    """A cached good read must not hide that the file on disk is now broken."""
    store.add(Action(title="goed"), unit.id)
    path = Path(store.unit_path(unit.id))
    assert store.unit(unit.id).name
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(CorruptFile):
        store.records(Action, unit=unit.id)
    with pytest.raises(CorruptFile):
        store.add(Action(title="weg?"), unit.id)
    assert len(path.read_bytes()) == 100


# --- no read permission ------------------------------------------------------------

NO_ACCESS_CHECK = r"""
import json, sys
from store.errors import NoAccess
from store.model.records import Action
from store.persistence.repository import Store

data_dir, bad, good = sys.argv[1:4]
store = Store(data_dir, user="nobody")
out = {"errors": []}
for name, attempt in [
    ("unit", lambda: store.unit(bad)),
    ("records", lambda: store.records(Action, unit=bad)),
    ("add", lambda: store.add(Action(title="nieuw"), bad)),
]:
    try:
        attempt()
        out["errors"].append([name, None, None, None])
    except Exception as exc:
        out["errors"].append([name, type(exc).__name__, str(exc), getattr(exc, "problem", "")])
entries = {e.slug: e for e in store.units()}
out["units"] = {s: [e.unit.name if e.unit else None, type(e.problem).__name__ if e.problem else None] for s, e in entries.items()}
out["good_titles"] = [a.title for a in store.records(Action)]
print(json.dumps(out))
"""


def _no_access_results(data_dir: Path, good: str, runner: list[str], path_extra: str) -> dict:
    """Run the checks as a process that cannot read the file (nobody, if we are root)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = path_extra or str(REPO)
    command = [*runner, "-c", NO_ACCESS_CHECK, str(data_dir), BAD, good]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _python_for_nobody(base: Path) -> tuple[list[str], str]:
    """A Python that uid 65534 can run, with orjson and tinydb importable.

    Our own interpreter, and this checkout, may live under /root (mode 0700, e.g.
    pyenv), where nobody cannot reach them. So the store and the installed
    distributions it needs are copied somewhere world-readable, and if our
    interpreter is out of reach a replica of it is placed there (tests/unix_users.py).
    """
    from tests import unix_users

    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed to drop root to an unprivileged user")
    copies = base / "site"
    shutil.copytree(REPO / "store", copies / "store", ignore=shutil.ignore_patterns("__pycache__"))
    unix_users.copy_packages(("orjson", "tinydb"), copies)
    os.chmod(copies, 0o755)
    probe_code = f"import sys, orjson, tinydb; assert sys.version == {sys.version!r}"
    runner = [*AS_NOBODY, sys.executable]
    for attempt in range(2):
        probe = subprocess.run([*runner, "-c", probe_code], capture_output=True,
                               env={**os.environ, "PYTHONPATH": str(copies)}, cwd=base)
        if probe.returncode == 0:
            return runner, str(copies)
        if attempt == 0:
            python, library = unix_users.place_python(base / "python")
            runner = [*AS_NOBODY, "/usr/bin/env", f"LD_LIBRARY_PATH={library}", python]
    pytest.fail(f"no Python that uid 65534 can run: {probe.stderr.decode(errors='replace')[-200:]}")


def test_unreadable_file():
    # Root reads any file and gives a directory to any group: the check runs as
    # nobody, and only root can set that up (tests/needs.py).
    needs.need("root")
    # The realistic setup: a data directory shared through a group (here nogroup,
    # 65534), which the checking user belongs to; one file is mode 000.
    base = Path(tempfile.mkdtemp(prefix="spiegel-noaccess-"))
    os.chmod(base, 0o755)  # pytest's tmp_path is 0700 for root: nobody could not reach it
    data_dir = base / "data"
    try:
        runner, path_extra = _python_for_nobody(base)
        store = Store(data_dir, user="tester")
        os.chown(data_dir, -1, 65534)
        os.chmod(data_dir, 0o2770)  # chown may clear setgid; new files get group 65534
        good = store.create_unit(Unit(name="Huisartsenpraktijk De Hoek")).id
        store.add(Action(title="goed"), good)
        store.create_unit(Unit(name=BAD))
        store.add(Action(title="geheim"), BAD)
        # The bad unit's directory is in a group the checking user is not in (root's).
        path = data_dir / BAD
        os.chown(path, -1, 0)
        os.chmod(path, 0o2770)
        before = _snapshot(path / "unit.json")

        results = _no_access_results(data_dir, good, runner, path_extra)

        assert _snapshot(path / "unit.json") == before
        assert not [p for p in data_dir.rglob("*") if p.name.endswith(".tmp")]
        for name, error, message, problem in results["errors"]:
            assert error == NoAccess.__name__, (name, error, message)
            assert str(path) in message
            assert problem == t("file.no_access") or problem == i18n.NL["file.no_access"]
        assert results["units"] == {good: ["Huisartsenpraktijk De Hoek", None], BAD: [None, "NoAccess"]}
        assert results["good_titles"] == ["goed"]
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --- older files ---------------------------------------------------------------------

def test_schema_0_plain_tinydb_file_loads_and_migrates(store):
    old = {"actions": {"1": {"id": "A-1", "title": "x", "rev": 1}}}
    path = write_unit_file(store.data_dir, "oud", orjson.dumps(old))

    entries = store.units()
    assert [(e.slug, e.problem) for e in entries] == [("oud", None)]
    assert entries[0].unit.name == "oud"  # a unit record is made up from the file name
    action = store.get("A-1")
    assert (action.title, action.unit, action.rev) == ("x", "oud", 1)
    assert path.read_bytes() == orjson.dumps(old)  # reading never writes

    # The next save writes the migrated layout; the counter continues after A-1.
    action.description = "bijgewerkt"
    store.save(action)
    assert store.add(Action(title="y"), "oud").id == "A-2"
    data = orjson.loads(path.read_bytes())
    assert schema.version_of(data) == schema.SCHEMA_VERSION
    assert set(schema.TABLES) <= set(data)
    assert data["actions"]["1"]["description"] == "bijgewerkt"
    assert data["actions"]["1"]["rev"] == 2
    reread = Store(store.data_dir, user="tester")
    assert [a.title for a in reread.records(Action, unit="oud")] == ["x", "y"]


def test_every_problem_is_a_file_problem():
    """The CLI/TUI catch FileProblem; both kinds must be one."""
    assert issubclass(CorruptFile, FileProblem) and issubclass(NoAccess, FileProblem)


@pytest.mark.parametrize("raw", [
    b'{"_meta": {"1": {"schema": 8}}, "unit": {"1": {"name": "x"}}, "actions": []}',  # a table that is a list
    b'{"_meta": {"1": {"schema": 8}}, "unit": {"1": {"name": "x"}}, "actions": {"1": "A-1"}}',  # a document that is text
    b'{"_meta": {"1": {"schema": 8}}, "unit": {"1": {"name": "x"}}, "actions": {"1": {}, "2": [1]}}',
    b'{"_meta": {"1": {"schema": 8}}, "unit": ["x"]}',
])
def test_tables_and_documents_that_are_not_dicts_are_no_spiegel_file(raw):
    with pytest.raises(CorruptFile) as caught:
        schema.parse("unit.json", raw, "x")
    assert caught.value.problem == t("file.not_spiegel")
