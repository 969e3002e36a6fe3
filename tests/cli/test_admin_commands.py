"""The admin's commands: units add --group, units group, migrate, and demo --fresh."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat

from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.store.test_permissions import _other_group


def test_units_add_with_a_group_and_units_group(run, tmp_path):
    data = tmp_path / "data"
    gid = _other_group(tmp_path)
    import grp

    group = grp.getgrgid(gid).gr_name
    assert run("units", "add", "Praktijk Noord", "--group", group).stdout.strip() == "praktijk-noord"
    assert os.stat(data / "praktijk-noord").st_gid == gid
    run("add", "Eerste", "--unit", "noord")
    other = os.stat(data).st_gid
    done = run("units", "group", "noord", grp.getgrgid(other).gr_name)
    assert "praktijk-noord" in done.stdout
    for name in ("", "unit.json", "lock"):
        st = os.stat(data / "praktijk-noord" / name)
        assert st.st_gid == other, name
    assert stat.S_IMODE(os.stat(data / "praktijk-noord").st_mode) == 0o2770
    bad = run("units", "add", "Praktijk Zuid", "--group", "bestaat-niet-xyz", ok=False)
    assert bad.returncode == 1 and "bestaat-niet-xyz" in bad.stderr and "Traceback" not in bad.stderr


def test_migrate_from_the_command_line(run, tmp_path):
    scratch = Store(tmp_path / "scratch", user="oud")
    scratch.create_unit(Unit(name="Praktijk Oost", last_visit=dt.date(2026, 9, 14)))  # before visits were records
    scratch.add(Action(title="Oud werk"), "praktijk-oost")
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(scratch.unit_path("praktijk-oost"), data / "praktijk-oost.json")
    before = run("list", ok=False)
    assert "spiegel migrate" in before.stderr and "Oud werk" not in before.stdout
    done = run("migrate").stdout
    assert "overgezet" in done and "het laatste bezoek van 14 sep" in done and "is nu bezoek B-" in done
    assert "Oud werk" in run("list").stdout
    again = run("migrate").stdout
    assert "al overgezet" in again and "bezoek B-" not in again


def test_demo_fresh_removes_only_spiegels_directories(run, tmp_path):
    demo = tmp_path / "demo"
    run("demo", "--no-tui", "--data-dir", str(demo), "--actions", "20")
    (demo / "notities.txt").write_text("van mij")
    run("demo", "--no-tui", "--data-dir", str(demo), "--actions", "20", "--fresh")
    assert (demo / "notities.txt").read_text() == "van mij"
    assert run("list", "--data-dir", str(demo)).stdout.count("A-") == 20
