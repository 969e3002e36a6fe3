"""`spiegel migrate`: from one file per unit to one directory per unit, by an admin,
losing nothing, leaving old files that older spiegels refuse to write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store.model import schema
from store.errors import CorruptFile
from store.persistence.files.admin import migrate
from store.model.records import Action, Finding, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY
from tests.store.test_permissions import _other_group

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def flat_dir(tmp_path) -> Path:
    """A data directory in the flat layout, as spiegel 0.1 left it: two units, an id
    counter that is ahead of the data (ids used in a unit this user cannot read), an
    old list index and lock files."""
    scratch = Store(tmp_path / "scratch", user="oud", today=TODAY)
    for name in ("Praktijk Noord", "Praktijk Zuid"):
        slug = scratch.create_unit(Unit(name=name)).id
        scratch.add(Action(title=f"Actie {name}"), slug)
        scratch.add(Finding(text=f"Leerpunt {name}"), slug)
    flat = tmp_path / "flat"
    flat.mkdir()
    os.chmod(flat, 0o2770)
    for slug in ("praktijk-noord", "praktijk-zuid"):
        shutil.copy(scratch.unit_path(slug), flat / f"{slug}.json")
        (flat / f"{slug}.lock").touch()
        (flat / f".{slug}.list").write_text('[3, [0], "geheim"]\n[]')
    os.chown(flat / "praktijk-zuid.json", -1, _other_group(flat))
    (flat / ".spiegel-ids.json").write_text('{"A": 7, "L": 2}')
    return flat


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}


def test_an_ordinary_store_reports_the_old_layout_and_touches_nothing(flat_dir):
    before = _snapshot(flat_dir)
    store = Store(flat_dir, user="lid", today=TODAY)
    problems = {e.slug: e.problem for e in store.units()}
    assert set(problems) == {"praktijk-noord", "praktijk-zuid"}
    assert all(isinstance(p, CorruptFile) and "spiegel migrate" in p.problem for p in problems.values())
    skipped: list = []
    assert store.listed_actions(skipped=skipped) == [] and len(skipped) == 2
    assert _snapshot(flat_dir) == before


def test_migrate_moves_every_unit_with_its_group_and_loses_nothing(flat_dir):
    zuid_gid = os.stat(flat_dir / "praktijk-zuid.json").st_gid
    originals = {slug: json.loads((flat_dir / f"{slug}.json").read_bytes()) for slug in ("praktijk-noord", "praktijk-zuid")}
    store = Store(flat_dir, user="beheer", today=TODAY)
    outcomes = dict(migrate(store.files))
    assert "overgezet" in outcomes["praktijk-noord"] and "overgezet" in outcomes["praktijk-zuid"]

    fresh = Store(flat_dir, user="lid", today=TODAY)
    assert [(e.slug, e.problem) for e in fresh.units()] == [("praktijk-noord", None), ("praktijk-zuid", None)]
    for slug, original in originals.items():
        moved = json.loads(Path(fresh.unit_path(slug)).read_bytes())
        for table in schema.TABLES:
            assert moved[table] == original[table], (slug, table)
    assert os.stat(flat_dir / "praktijk-zuid").st_gid == zuid_gid
    assert os.stat(flat_dir / "praktijk-zuid" / "unit.json").st_gid == zuid_gid
    assert not (flat_dir / ".praktijk-noord.list").exists()  # the old index held the unit's text
    # The old counter was ahead: no id up to it is handed out again.
    assert fresh.add(Action(title="na de verhuizing"), "praktijk-noord").id == "A-8"
    assert fresh.add(Finding(text="nieuw"), "praktijk-zuid").id == "L-3"


def test_the_old_files_are_markers_an_older_spiegel_refuses_to_write(flat_dir):
    migrate(Store(flat_dir, user="beheer").files)
    marker = json.loads((flat_dir / "praktijk-noord.json").read_bytes())
    assert marker["_meta"]["1"]["schema"] > 1  # spiegel 0.1 knows schema 1 only
    assert marker["_meta"]["1"]["moved_to"] == "praktijk-noord/unit.json"
    assert set(marker) == {"_meta"}
    # What spiegel 0.1's load does with it (schema.parse with SCHEMA_VERSION 1):
    old = subprocess.run(
        [sys.executable, "-c", "import sys; from store.model import schema; schema.SCHEMA_VERSION = 1; "
         "schema.parse(sys.argv[1], open(sys.argv[1], 'rb').read(), 'x')", str(flat_dir / "praktijk-noord.json")],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert old.returncode != 0 and "CorruptFile" in old.stderr and "nieuwere spiegel" in old.stderr


def test_migrating_twice_changes_nothing(flat_dir):
    store = Store(flat_dir, user="beheer")
    migrate(store.files)
    before = {p: p.read_bytes() for p in flat_dir.rglob("*") if p.is_file() and p.parent.name != ".ids"}
    ids_before = sorted(os.listdir(flat_dir / ".ids"))
    outcomes = dict(migrate(Store(flat_dir, user="beheer").files))
    assert outcomes["praktijk-noord"] == outcomes["praktijk-zuid"] == "al overgezet"
    assert {p: p.read_bytes() for p in flat_dir.rglob("*") if p.is_file() and p.parent.name != ".ids"} == before
    assert sorted(os.listdir(flat_dir / ".ids")) == ids_before


def test_a_broken_flat_file_is_left_where_it_is(flat_dir):
    (flat_dir / "kapot.json").write_bytes(b"{")
    outcomes = dict(migrate(Store(flat_dir, user="beheer").files))
    assert outcomes["kapot"].startswith("niet overgezet")
    assert (flat_dir / "kapot.json").read_bytes() == b"{" and not (flat_dir / "kapot").exists()


def test_migrate_makes_a_shared_top_directory_sticky(flat_dir):
    os.chmod(flat_dir, 0o2770)
    migrate(Store(flat_dir, user="beheer").files)
    assert os.stat(flat_dir).st_mode & 0o1000
