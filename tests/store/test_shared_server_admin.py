"""Issue 26, part 5: the administrator's tools hold against a colleague.

Real Unix users (tests/unix_users.py): B (shared group + practice B) holds an old
layout's lock while root migrates, links a file into a unit root regroups, squats
the slug of a unit the admin is about to make, and plants the temp name a report
would use.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from store.model.records import Unit
from store.persistence.repository import Store
from tests import unix_users as users
from tests.unix_users import GROUP_A, GROUP_B, SHARED, USER_B

pytestmark = pytest.mark.files_only


def spiegel_root(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=users.REPO,
                          env={**os.environ, "SPIEGEL_LANG": "nl", "SPIEGEL_TODAY": "2026-11-23"}, timeout=timeout)


def test_migrate_skips_a_lock_a_colleague_holds_and_goes_on(runner, base):
    data = users.shared_data_dir(base)
    scratch = Store(tempfile.mkdtemp(), user="x")
    for name in ("Praktijk Noord", "Praktijk Zuid"):
        slug = scratch.create_unit(Unit(name=name)).id
        shutil.copy(scratch.unit_path(slug), data / f"{slug}.json")
        os.chown(data / f"{slug}.json", 0, users.gid(SHARED))
        os.chmod(data / f"{slug}.json", 0o660)
    # B makes the old lock of one unit (his file) and holds it, as an old spiegel would
    holder = subprocess.Popen(["setpriv", f"--reuid={USER_B}", f"--regid={SHARED}", "--init-groups", runner.python,
                               "-c", "import fcntl, os, sys, time\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o660)\n"
                               "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(120)",
                               str(data / "praktijk-noord.lock")], stdout=subprocess.PIPE, text=True, env=runner.env())
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        done = spiegel_root("--data-dir", str(data), "migrate", timeout=90)
        assert time.monotonic() - started < 60 and "Traceback" not in done.stderr
        lines = done.stdout.splitlines()
        assert any(line.startswith("praktijk-noord: overgeslagen") and "praktijk-noord.lock" in line for line in lines)
        assert (data / "praktijk-zuid" / "unit.json").exists() and not (data / "praktijk-noord").exists()
    finally:
        holder.kill()
        holder.wait()


def test_units_group_refuses_a_file_with_a_second_link(runner, base):
    data = users.shared_data_dir(base)
    Store(data, user="root").create_unit(Unit(name="Open"), "open")  # in the shared group: B may write in it
    elsewhere = Path(tempfile.mkdtemp(dir=base))
    os.chmod(elsewhere, 0o777)
    runner.shell(USER_B, f"echo mijn > {elsewhere}/doel && ln {elsewhere}/doel {data}/open/link", check=True)
    before = os.stat(elsewhere / "doel")
    done = spiegel_root("--data-dir", str(data), "units", "group", "open", GROUP_B)
    assert done.returncode == 1 and "harde links" in done.stderr and "Traceback" not in done.stderr
    after = os.stat(elsewhere / "doel")
    assert (after.st_gid, after.st_mode) == (before.st_gid, before.st_mode)
    assert os.stat(data / "open").st_gid == users.gid(SHARED)  # nothing changed, not even the directory


def test_units_add_makes_a_group_writable_top_directory_sticky(base):
    data = users.shared_data_dir(base, mode=0o2770)  # as the round-1 README made it
    done = spiegel_root("--data-dir", str(data), "units", "add", "Praktijk A", "--group", GROUP_A)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(data).st_mode) & stat.S_ISVTX and "sticky" in done.stderr


def test_a_squatted_slug_is_reported_with_its_owner_and_the_line_that_removes_it(runner, base):
    data = users.shared_data_dir(base)
    Store(data, user="root").create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    runner.spiegel(USER_B, "--data-dir", str(data), "units", "add", "Praktijk C")
    done = spiegel_root("--data-dir", str(data), "units", "add", "Praktijk C", "--group", GROUP_A)
    assert done.returncode == 1
    assert USER_B in done.stderr and f"rm -r -- {data}/praktijk-c" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_reports_temp_name_cannot_be_guessed_and_planted(runner, base):
    from store.exchange.reports.output import write_report

    folder = Path(tempfile.mkdtemp(dir=base))
    os.chmod(folder, 0o777)  # a shared folder without the sticky bit
    planted = folder / f".rapport.txt.{os.getpid()}.tmp"  # the name the old code used
    runner.shell(USER_B, f"echo van-b > {planted}", check=True)
    write_report(folder / "rapport.txt", "inhoud")
    assert (folder / "rapport.txt").read_text() == "inhoud"
    assert planted.read_text() == "van-b\n"  # B's file neither opened nor removed
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp") and p != planted]


def test_a_unit_without_a_group_is_said_to_be_writable_by_all(base):
    data = users.shared_data_dir(base)
    done = spiegel_root("--data-dir", str(data), "units", "add", "Open")
    assert "schrijfbaar" in done.stderr and SHARED in done.stderr


def fake_proc(base: Path, hidepid: str | None, regular: int = 2, hardlinks: int = 1) -> Path:
    """What check --server reads of /proc: the mount options and two sysctls."""
    proc = Path(tempfile.mkdtemp(dir=base))
    (proc / "self").mkdir()
    (proc / "sys" / "fs").mkdir(parents=True)
    options = "rw,nosuid" + (f",hidepid={hidepid},gid=4" if hidepid else "")
    (proc / "self" / "mounts").write_text(f"sysfs /sys sysfs rw 0 0\nproc /proc proc {options} 0 0\n")
    (proc / "sys" / "fs" / "protected_regular").write_text(f"{regular}\n")
    (proc / "sys" / "fs" / "protected_hardlinks").write_text(f"{hardlinks}\n")
    return proc


def test_check_server_gives_advice_only_for_what_the_readme_allows(runner, base):
    from store.persistence.files.server_check import ADVICE, PROBLEM, server_findings

    data = users.shared_data_dir(base)
    admin = Store(data, user="root")
    admin.create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    admin.create_unit(Unit(name="Open"), "open")  # the README allows it: advice
    runner.spiegel(USER_B, "--data-dir", str(data), "units", "add", "Praktijk C")  # a member's: a possible squat
    found = server_findings(Store(data).files, proc=str(fake_proc(base, "invisible")))
    assert [text for level, text in found if level == PROBLEM] == []
    advice = [text for level, text in found if level == ADVICE]
    assert any("open" in text and SHARED in text for text in advice)
    assert any(USER_B in text and f"rm -r -- {data}/praktijk-c" in text for text in advice)


def test_check_server_names_each_problem_and_exits_1(runner, base):
    from store.persistence.files.server_check import PROBLEM, server_findings

    data = users.shared_data_dir(base, mode=0o2770)  # no sticky bit
    Store(data, user="root").create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    os.chmod(data, 0o2770)  # units add set it: taken away again
    os.mkdir(data / "kapot", 0o777)
    found = server_findings(Store(data).files, proc=str(fake_proc(base, None, regular=0, hardlinks=0)))
    problems = " | ".join(text for level, text in found if level == PROBLEM)
    for expected in ("sticky", "kapot", "hidepid", "protected_regular", "protected_hardlinks"):
        assert expected in problems
    done = spiegel_root("--data-dir", str(data), "check", "--server")
    assert done.returncode == 1 and "PROBLEEM" in done.stdout and "Traceback" not in done.stderr
