"""Practices kept apart on a shared server, tried as a hostile colleague would.

Real Unix users (tests/unix_users.py): `spgl-a` works for practice A, `spgl-b` for
practice B, both in the data directory's group. The admin (root) made the data
directory (sticky, setgid, group-writable) and one unit per practice with its own
group. B tries every attack of issue 16 on A's unit; each fails, and nothing of A's
is read, moved, deleted or lost.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests import needs
from tests import unix_users as users
from tests.unix_users import GROUP_A, GROUP_B, SHARED, USER_A, USER_B

pytestmark = pytest.mark.files_only  # the files themselves: modes, index, crashes, hand edits

SECRET = "Geheim plan van praktijk A"


@pytest.fixture
def data(base, request) -> Path:
    """A shared data directory as the README tells an admin to make it."""
    path = users.shared_data_dir(base)
    admin = Store(path, user="root")
    admin.create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    admin.create_unit(Unit(name="Praktijk B"), "praktijk-b", group=users.gid(GROUP_B))
    return path


def snapshot(unit_dir: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file of a unit, read as root: content, group and mode."""
    found = {}
    for p in sorted(unit_dir.iterdir()):
        st = os.lstat(p)
        found[p.name] = (p.read_bytes() if stat.S_ISREG(st.st_mode) else b"", st.st_gid, stat.S_IMODE(st.st_mode))
    return found


def a_adds(runner, data, title=SECRET) -> str:
    return runner.spiegel(USER_A, "--data-dir", str(data), "add", title, "--unit", "praktijk-a").stdout.strip()


def a_sees(runner, data, action_id: str) -> None:
    listed = runner.spiegel(USER_A, "--data-dir", str(data), "list", "--unit", "praktijk-a")
    assert SECRET in listed.stdout
    shown = runner.spiegel(USER_A, "--data-dir", str(data), "show", action_id)
    assert SECRET in shown.stdout


def test_the_layout_is_what_the_os_can_defend(runner, data):
    action_id = a_adds(runner, data)
    runner.spiegel(USER_A, "--data-dir", str(data), "list")  # builds A's index
    unit_dir = data / "praktijk-a"
    assert (os.stat(unit_dir).st_gid, stat.S_IMODE(os.stat(unit_dir).st_mode)) == (users.gid(GROUP_A), 0o2770)
    for name, (_, gid, mode) in snapshot(unit_dir).items():
        assert (gid, mode) == (users.gid(GROUP_A), 0o660), name
    assert stat.S_IMODE(os.stat(data).st_mode) & stat.S_ISVTX
    assert os.stat(data / ".ids").st_mode & stat.S_ISVTX
    assert (data / ".ids" / action_id).read_text() == "praktijk-a"


ATTACKS = {
    "read the data": "cat {a}/unit.json",
    "read the index": "cat {a}/index",
    "list the unit": "ls {a}",
    "rename the unit": "mv {a} {d}/weg",
    "delete the unit": "rm -rf {a}",
    "replace the unit": "mkdir {d}/x && mv -T {d}/x {a}",
    "open the unit up": "chmod 777 {a}",
    "take the unit's group": f"chgrp {GROUP_B} {{a}}",
    "unlink the lock": "rm -f {a}/lock",
    "link the lock": "ln -sf /etc/passwd {a}/lock",
    "plant a temp dir": "mkdir {a}/.w1-2-0.tmp",
    "plant a fifo": "mkfifo {a}/unit.json.x",
    "forge the index": "printf x > {a}/index",
    "remove an id": "rm -f {d}/.ids/A-1",
    "rewrite an id": "printf praktijk-b > {d}/.ids/A-1",
    "move the id registry": "mv {d}/.ids {d}/ids-weg",
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_colleague_of_another_practice_can_do_nothing_to_its_data(runner, data, attack):
    action_id = a_adds(runner, data)
    assert action_id == "A-1"
    runner.spiegel(USER_A, "--data-dir", str(data), "list")
    before = snapshot(data / "praktijk-a")
    done = runner.shell(USER_B, ATTACKS[attack].format(a=data / "praktijk-a", d=data))
    assert done.returncode != 0, (attack, done.stdout)
    assert SECRET not in done.stdout
    assert snapshot(data / "praktijk-a") == before
    assert (data / ".ids" / "A-1").read_text() == "praktijk-a"
    a_sees(runner, data, action_id)


def test_the_other_practice_sees_no_access_and_works_with_its_own(runner, data):
    a_adds(runner, data)
    runner.spiegel(USER_B, "--data-dir", str(data), "add", "Eigen actie B", "--unit", "praktijk-b")
    listed = runner.spiegel(USER_B, "--data-dir", str(data), "list")
    assert "Eigen actie B" in listed.stdout and SECRET not in listed.stdout + listed.stderr
    assert "praktijk-a" in listed.stderr and "geen toegang" in listed.stderr
    shown = runner.spiegel(USER_B, "--data-dir", str(data), "show", "A-1", check=False)
    assert shown.returncode == 1 and SECRET not in shown.stdout + shown.stderr
    assert "niet mag lezen" in shown.stderr and "Traceback" not in shown.stderr
    edited = runner.spiegel(USER_B, "--data-dir", str(data), "edit", "A-1", "--titel", "kaping", check=False)
    assert edited.returncode == 1 and "Traceback" not in edited.stderr


def test_ids_stay_unique_whatever_a_colleague_plants_or_forges(runner, data):
    assert a_adds(runner, data) == "A-1"
    # B squats the next numbers and makes a unit of its own with a record copying A-1.
    runner.shell(USER_B, f"touch {data}/.ids/A-2 {data}/.ids/A-3 && mkfifo {data}/.ids/A-4", check=True)
    runner.run_python(USER_B, """
import sys
from store.model.records import Action, Unit
from store.persistence.repository import Store
store = Store(sys.argv[1], user="b")
store.create_unit(Unit(name="Vals"), "aaa-vals")
with store.transaction("aaa-vals") as txn:
    txn.add(Action(id="A-1", title="Vervalst"))
""", str(data))
    assert a_adds(runner, data, "Tweede van A") == "A-5"
    shown = runner.spiegel(USER_A, "--data-dir", str(data), "show", "A-1")
    assert SECRET in shown.stdout and "Vervalst" not in shown.stdout
    # B cannot remove the registry entries A made (sticky directory).
    assert runner.shell(USER_B, f"rm -f {data}/.ids/A-5").returncode != 0
    assert (data / ".ids" / "A-5").exists()


@pytest.mark.parametrize("command", [["list"], ["units"], ["check"], ["show", "A-1"],
                                     ["add", "Nog een", "--unit", "praktijk-a"],
                                     ["edit", "A-1", "--eigenaar", "Sanne"]])
def test_planted_fifos_and_links_never_hang_anyone(runner, data, command):
    a_adds(runner, data)
    runner.shell(USER_B, f"mkfifo {data}/aaa {data}/aaa.json && ln -s /dev/zero {data}/zzz"
                         f" && ln -s {data}/praktijk-a {data}/bbb", check=True)
    done = runner.spiegel(USER_A, "--data-dir", str(data), *command, check=False, timeout=20)
    assert "Traceback" not in done.stderr
    if command[0] != "check":
        assert done.returncode == 0, done.stderr
    else:
        assert done.returncode == 1 and "aaa" in done.stdout and "zzz" in done.stdout


def test_a_unit_directory_opened_up_is_not_trusted(runner, data):
    a_adds(runner, data)
    os.chmod(data / "praktijk-a", 0o2775)  # e.g. a careless chmod by the admin
    done = runner.spiegel(USER_A, "--data-dir", str(data), "list", "--unit", "praktijk-a", check=False)
    assert done.returncode == 1 and "2775" in done.stderr and SECRET not in done.stdout
    runner.spiegel(USER_A, "--data-dir", str(data), "check", check=False)
    os.chmod(data / "praktijk-a", 0o2770)


def test_a_lock_replaced_by_a_link_is_never_followed_or_chmodded(tmp_path, store, unit):
    victim = tmp_path / "authorized_keys"
    victim.write_text("ssh-ed25519 AAAA")
    victim.chmod(0o600)
    lock = store.data_dir / unit.id / "lock"
    lock.unlink()
    lock.symlink_to(victim)
    with pytest.raises(Exception) as caught:
        store.add(Action(title="x"), unit.id)
    assert "is geen bestand" in str(caught.value)
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600 and victim.read_text() == "ssh-ed25519 AAAA"


def test_a_unit_file_swapped_during_a_write_is_not_written_over(store, unit):
    from store.errors import CorruptFile

    path = Path(store.unit_path(unit.id))
    with pytest.raises(CorruptFile, match="vervangen"):
        with store.transaction(unit.id) as txn:
            txn.add(Action(title="mijn wijziging"))
            swapped = path.with_name("swap")
            swapped.write_bytes(path.read_bytes())
            os.replace(swapped, path)  # someone renamed another file over it meanwhile
    assert b"mijn wijziging" not in path.read_bytes()


@pytest.fixture
def protected_regular():
    """Debian 12's default: an O_CREAT open of another user's file in a sticky
    group-writable directory fails, even without O_EXCL. This machine runs with 0."""
    needs.need("root")
    path = Path("/proc/sys/fs/protected_regular")
    before = path.read_text().strip()
    try:
        path.write_text("2")
    except OSError as exc:
        pytest.fail(f"cannot set fs.protected_regular=2 here ({exc}); CI runs as root where it can")
    yield
    path.write_text(before)


def test_everyone_keeps_working_with_protected_regular_2(runner, data, protected_regular):
    made = []
    for user, slug in ((USER_A, "praktijk-a"), (USER_B, "praktijk-b"), (USER_A, "praktijk-a"), (USER_B, "praktijk-b")):
        made.append(runner.spiegel(user, "--data-dir", str(data), "add", f"Actie van {user}", "--unit", slug).stdout.strip())
        runner.spiegel(user, "--data-dir", str(data), "list")
        runner.spiegel(user, "--data-dir", str(data), "edit", made[-1], "--eigenaar", "Sanne")
    assert made == ["A-1", "A-2", "A-3", "A-4"]


WRITER = r"""
import sys, time
from store.errors import SpiegelError
from store.model.records import Action
from store.persistence.repository import Store
data, no, until = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = Store(data, user=f"w{no}")
n = 0
while time.time() < until:
    n += 1
    title = f"w{no}-{n}"
    try:
        action = store.add(Action(title=title), "praktijk-a")
    except SpiegelError as exc:
        print("ERR", exc, flush=True)
        continue
    print("ACK", action.id, title, flush=True)
"""

ATTACKER = r"""
import os, sys, time
data, until = sys.argv[1], float(sys.argv[2])
a, n = os.path.join(data, "praktijk-a"), 0
while time.time() < until:
    n += 1
    for attempt in (lambda: os.unlink(os.path.join(a, "lock")), lambda: os.rename(a, os.path.join(data, "x")),
                    lambda: os.mkfifo(os.path.join(data, f"fifo{n}")), lambda: os.symlink(a, os.path.join(data, f"l{n}")),
                    lambda: os.unlink(os.path.join(data, ".ids", f"A-{n % 50 + 1}")),
                    lambda: open(os.path.join(data, ".ids", f"A-{n + 1000}"), "w").close()):
        try:
            attempt()
        except OSError:
            pass
"""


def test_no_acknowledged_write_is_lost_while_a_colleague_attacks_and_writers_die(runner, data):
    """Three of A's writers add actions for a few seconds, one is killed mid-way, while
    B unlinks, renames, plants FIFOs and links, and squats ids all the time."""
    import signal
    import subprocess
    import time

    until = time.time() + 4
    env = runner.env()

    def start(user, code, *args):
        command = ["setpriv", f"--reuid={user}", f"--regid={SHARED}", "--init-groups", runner.python, "-c", code, *args]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                cwd=runner.site)

    attacker = start(USER_B, ATTACKER, str(data), str(until))
    writers = [start(USER_A, WRITER, str(data), str(no), str(until)) for no in range(3)]
    time.sleep(1.5)
    writers[0].send_signal(signal.SIGKILL)
    outputs = [w.communicate(timeout=60)[0] for w in writers]
    attacker.communicate(timeout=60)
    acked = [line.split()[1:] for out in outputs for line in out.splitlines() if line.startswith("ACK")]
    assert len(acked) > 20
    listed = runner.spiegel(USER_A, "--data-dir", str(data), "list", "--unit", "praktijk-a", "--json").stdout
    import json

    stored = {a["id"]: a["title"] for a in json.loads(listed)}
    for record_id, title in acked:
        assert stored.get(record_id) == title, (record_id, title)
    assert len(stored) == len(set(stored))


HOSTILE_UNIT = r"""
import json, os, sys
from store.model.records import Action, Unit
from store.persistence.repository import Store
store = Store(sys.argv[1], user="b")
store.create_unit(Unit(name="Open voor iedereen"), "b-open")
with store.transaction("b-open") as txn:
    txn.add(Action(title="gewoon"))
    txn.add(Action(title="wordt vervalst"))
path = store.unit_path("b-open")
data = json.load(open(path))
ids = sorted(data["actions"])
data["actions"][ids[0]]["title"] = "\x1b]0;pwned\x07Titel\x1b]52;c;aGFjaw==\x07\x9b2J"
data["actions"][ids[1]]["findings"] = "L-1"
open(path, "w").write(json.dumps(data))
print(data["actions"][ids[0]]["id"])
"""


def test_text_and_values_a_colleague_wrote_by_hand_are_cleaned_and_checked(runner, data):
    """B makes a unit the whole group can read and edits its file by hand: escape
    sequences in a title, a value of the wrong type. A reads it: no escape sequence
    reaches A's terminal, and `spiegel check` names the bad record."""
    hostile_id = runner.run_python(USER_B, HOSTILE_UNIT, str(data)).stdout.strip()
    for command in (["list"], ["list", "--json"], ["show", hostile_id], ["show", hostile_id, "--json"], ["units"]):
        done = runner.spiegel(USER_A, "--data-dir", str(data), *command, check=False)
        assert "\x1b" not in done.stdout + done.stderr and "\x9b" not in done.stdout + done.stderr, command
        assert "Traceback" not in done.stderr, command
    checked = runner.spiegel(USER_A, "--data-dir", str(data), "check", check=False)
    assert checked.returncode == 1 and "b-open" in checked.stdout and "findings" in checked.stdout


def test_check_warns_about_a_unit_every_member_can_read(runner, data):
    Store(data, user="root").create_unit(Unit(name="Voor iedereen"), "open-eenheid")
    done = runner.spiegel(USER_A, "--data-dir", str(data), "check", check=False)
    assert "open-eenheid is leesbaar én schrijfbaar voor iedereen in groep spgl-gedeeld" in done.stdout
    assert "praktijk-a is leesbaar" not in done.stdout
