"""Issue 26, part 2: nothing a colleague stores in their own unit crashes anyone.

B (shared group + practice B, tests/unix_users.py) makes a unit in the shared group,
as any member may, and writes into its files what no spiegel writes: JSON nested
100,000 deep, a schema of -1, a baseline of 10**400, dates at Python's ends, a unit
file past the size limit. A's commands and root's backup keep working: the unit or
the record is one problem line naming it.
"""

from __future__ import annotations

import json
import os
import tarfile
import tempfile
from pathlib import Path

import pytest

from store.persistence.files import safe
from store.model.records import Unit
from store.model.schema import SCHEMA_VERSION
from store.persistence.repository import Store
from tests import unix_users as users
from tests.unix_users import GROUP_A, USER_A, USER_B

pytestmark = pytest.mark.files_only

READS = [["list"], ["units"], ["check"], ["export", "-o", "{out}/x.csv"], ["ical", "-o", "{out}/x.ics"],
         ["list", "--json"]]


@pytest.fixture(scope="module")
def runner(base):
    """A Runner of its own (the others' users have no icalendar), in its own folder."""
    own = Path(tempfile.mkdtemp(prefix="planted-", dir=base))
    os.chmod(own, 0o755)  # mkdtemp's 0700 would keep the test users out
    found = users.Runner(own)
    users.add_packages(found, "icalendar")
    return found


@pytest.fixture
def data(base, runner) -> Path:
    path = users.shared_data_dir(base)
    Store(path, user="root").create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    spiegel(runner, USER_A, path, "add", "Plan van A", "--unit", "praktijk-a", "--due", "2026-12-20")
    spiegel(runner, USER_B, path, "units", "add", "bbb")  # in the shared group: every member reads it
    action = spiegel(runner, USER_B, path, "add", "Plan van B", "--unit", "bbb", "--due", "2026-12-20").stdout.strip()
    spiegel(runner, USER_B, path, "kpi", "add", action, "Wachttijd", "--nulmeting", "5", "--doel", "3")
    spiegel(runner, USER_B, path, "visit", "add", "bbb", "--datum", "2026-11-01")
    return path


def spiegel(runner, user, data, *args, check=True):
    return runner.spiegel(user, "--data-dir", str(data), *args, check=check)


def b_writes(runner, data: Path, name: str, code: str) -> None:
    """B rewrites a file of his own unit in place (a hand edit: mode and group stay)."""
    runner.run_python(USER_B, f"import sys\np = sys.argv[1]\nraw = before = open(p).read()\n{code}\n"
                      "assert raw != before, 'the plant changed nothing'\nopen(p, 'w').write(raw)",
                      str(data / "bbb" / name))


def a_reads_everything(runner, data: Path, out: Path) -> dict[str, str]:
    said = {}
    for command in READS:
        argv = [arg.format(out=out) for arg in command]
        done = spiegel(runner, USER_A, data, *argv, check=False)
        assert "Traceback" not in done.stderr and "Error" not in done.stderr, (argv, done.stderr)
        assert done.returncode in (0, 1), (argv, done.stderr)
        said[" ".join(command)] = done.stdout + done.stderr
    assert "Plan van A" in said["list"]  # A's own work is untouched by B's file
    return said


PLANTS = {
    "deep unit file": ("unit.json", "raw = '{\"unit\":' + '[' * 100000 + ']' * 100000 + '}'"),
    "schema -1": ("unit.json", f"raw = raw.replace('\"schema\":{SCHEMA_VERSION}', '\"schema\":-1')"),
    "baseline 10**400": ("unit.json", "raw = raw.replace('\"baseline\":5.0', '\"baseline\":1' + '0' * 400)"),
    "deadline 9999-12-31": ("unit.json", "raw = raw.replace('2026-12-20', '9999-12-31')"),
    "dates 0001-01-01": ("unit.json", "raw = raw.replace('2026-12-20', '0001-01-01').replace('2026-11-01', '0001-01-01')"),
}


@pytest.mark.parametrize("plant", PLANTS)
def test_what_a_colleague_writes_in_his_unit_is_one_problem_line(runner, data, base, plant):
    name, code = PLANTS[plant]
    b_writes(runner, data, name, code)
    out = Path(tempfile.mkdtemp(dir=base))
    os.chmod(out, 0o777)
    said = a_reads_everything(runner, data, out)
    assert "bbb" in said["check"]  # named: the unit, or the unit and its record
    if plant not in ("deep unit file", "schema -1"):
        assert any(i in said["check"] for i in ("A-", "K-", "B-"))


@pytest.mark.parametrize("record", ["kpi show K-1", "visit show B-1"])
def test_a_date_at_the_end_of_time_is_a_problem_line_in_show(runner, data, record):
    b_writes(runner, data, "unit.json", PLANTS["dates 0001-01-01"][1])
    ids = json.loads((data / "bbb" / "unit.json").read_text())
    kpi_id = next(iter(ids["kpis"].values()))["id"]
    visit_id = next(iter(ids["visits"].values()))["id"]
    argv = record.replace("K-1", kpi_id).replace("B-1", visit_id).split()
    done = spiegel(runner, USER_A, data, *argv, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "bbb" in done.stderr and "0001-01-01" in done.stderr


def test_a_deep_index_is_a_cache_miss(runner, data, base):
    spiegel(runner, USER_B, data, "list", "--unit", "bbb")  # B's index, written by B
    b_writes(runner, data, "index", "raw = raw.split(chr(10))[0] + chr(10) + '[' * 100000 + ']' * 100000")
    out = Path(tempfile.mkdtemp(dir=base))
    os.chmod(out, 0o777)
    said = a_reads_everything(runner, data, out)
    assert "Plan van B" in said["list"]


def test_a_unit_file_past_the_limit_names_the_limit(runner, data, base):
    runner.run_python(USER_B, "import os, sys\nfd = os.open(sys.argv[1], os.O_WRONLY)\n"
                      "os.ftruncate(fd, int(sys.argv[2]))", str(data / "bbb" / "unit.json"), str(safe.MAX_BYTES + 1))
    out = Path(tempfile.mkdtemp(dir=base))
    os.chmod(out, 0o777)
    said = a_reads_everything(runner, data, out)
    assert str(safe.MAX_BYTES) in said["check"] and str(safe.MAX_BYTES + 1) in said["check"]


@pytest.mark.parametrize("plant", ["deep unit file", "schema -1"])
def test_roots_backup_archives_every_other_unit_and_names_the_one_left_out(runner, data, base, plant):
    b_writes(runner, data, *PLANTS[plant])
    archive = Path(tempfile.mkdtemp(dir=base)) / "b.tar.gz"
    done = as_root("--data-dir", str(data), "backup", "-o", str(archive))
    assert "Traceback" not in done.stderr and "bbb" in done.stdout + done.stderr
    with tarfile.open(archive) as tar:
        assert "units/praktijk-a/unit.json" in tar.getnames() and "units/bbb/unit.json" not in tar.getnames()


def as_root(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=users.REPO,
                          env={**os.environ, "SPIEGEL_LANG": "nl"}, timeout=60)


@pytest.mark.parametrize("plant", PLANTS)
def test_the_portfolio_still_shows_every_unit(runner, data, plant):
    from store.moments.portfolio import all_facts

    b_writes(runner, data, *PLANTS[plant])
    store = Store(data, user="root")
    facts = {f.slug: f for f in all_facts(store, store.today())}
    assert set(facts) == {"praktijk-a", "bbb"} and facts["praktijk-a"].open_actions == 1
    assert facts["bbb"].unit is None or facts["bbb"].bad_records >= 1  # the unit, or its record, named


def test_a_unit_with_a_bad_record_is_not_kept_in_memory_by_a_list(runner, data):
    b_writes(runner, data, *PLANTS["deadline 9999-12-31"])
    store = Store(data, user="root")
    skipped: list = []
    store.listed_actions(skipped=skipped)
    assert [p.record_id for p in skipped if getattr(p, "record_id", None)] and store.files._files["bbb"]._data is None
