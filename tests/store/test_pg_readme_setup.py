"""The README's PostgreSQL setup, line by line, on a throwaway cluster of its own:
the superuser's lines, the administrator's (`beheer`, CREATEROLE, owner of the
database), and a person's, run as a real Unix user who logs in by peer
authentication over the socket (no password). Then what the README says about it:
colleagues, privacy, who may back up, which role dump needs a superuser."""

import os
import pwd
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pg_server
from tests.unix_users import USER_A, USER_B, Runner, add_psycopg, ensure_users, world_readable_base

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
README_SOCKET = "/var/run/postgresql"
# Test-only: the cluster's own superuser and beheer come in over the socket as root;
# everyone else by peer authentication (the README's `local all all peer`).
HBA = "local all spiegel trust\nlocal all beheer trust\nlocal all all peer\n"


def setup_sections() -> list[tuple[str, list[str]]]:
    """The README's setup block as (who, [command lines]): `# as …` starts a section."""
    text = README.read_text(encoding="utf-8")
    block = text.partition("<!-- setup: tests/store/test_pg_readme_setup.py -->")[2].partition("```sh\n")[2]
    block = block.partition("```")[0]
    sections: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        comment = re.match(r"# as (\w+)", line)
        if comment:
            sections.append((comment.group(1), []))
        elif line.strip() and not line.startswith("pip ") and sections:
            sections[-1][1].append(line.partition("  #")[0].rstrip())
    return sections


@pytest.fixture
def cluster():
    if os.geteuid() != 0 or not pg_server.available():
        pytest.skip("needs root (real Unix users) and PostgreSQL 15")
    ensure_users()
    made = pg_server.Cluster()
    made.start()
    for path in (made.base, made.socket):
        os.chmod(path, 0o755)  # the test users reach the socket, as /var/run/postgresql
    Path(made.data, "pg_hba.conf").write_text(HBA)
    subprocess.run(pg_server._as_server_user([f"{pg_server.PG_BIN}/pg_ctl", "-D", made.data, "reload"]),
                   check=True, capture_output=True)
    try:
        yield made
    finally:
        made.stop()


def _as_root(lines: list[str], socket: str, **env: str) -> subprocess.CompletedProcess:
    script = "spiegel() { %s -m cli \"$@\"; }\nset -e\n" % shlex.quote(sys.executable) + "\n".join(lines)
    return subprocess.run(["/bin/sh", "-c", script.replace(README_SOCKET, socket)], cwd=REPO, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO), "PATH": f"{pg_server.PG_BIN}:{os.environ['PATH']}",
                               "SPIEGEL_LANG": "nl", **env})


PERSON = """
import os, runpy, sys
os.environ.update(dict(arg.split("=", 1) for arg in sys.argv[1].split("\\0") if arg))
sys.argv = ["spiegel", *sys.argv[2:]]
runpy.run_module("cli", run_name="__main__")
"""


def _as_person(runner: Runner, user: str, lines: list[str]) -> None:
    """A person's lines (`export NAME=VALUE`, `spiegel …`), as that Unix user; each
    `spiegel` must succeed."""
    env: dict[str, str] = {}
    for line in lines:
        words = shlex.split(line)
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            env[name] = value
        else:
            assert words[0] == "spiegel", line
            done = runner.run_python(user, PERSON, "\0".join(f"{k}={v}" for k, v in env.items()), *words[1:],
                                     check=False)
            assert done.returncode == 0, (line, done.stderr)


def test_the_readme_setup_works_line_by_line_with_peer_authentication(cluster):
    sections = setup_sections()
    assert [who for who, _ in sections] == ["postgres", "beheer", "inge"]
    (_, superuser), (_, admin), (_, person) = sections
    assert any("CREATEROLE" in line for line in superuser) and any("OWNER beheer" in line for line in superuser)
    assert any("REVOKE CREATE ON SCHEMA public FROM PUBLIC" in line for line in superuser)
    assert any("postgresql:///spiegel?host=" in line for line in person)  # no user, no password: peer

    done = _as_root(superuser, cluster.socket, PGHOST=cluster.socket, PGUSER="spiegel", PGDATABASE="postgres")
    assert done.returncode == 0, done.stderr
    for who in (USER_A, USER_B):  # beheer's lines, once per person
        done = _as_root([line.replace("CREATE ROLE inge", f'CREATE ROLE "{who}"') for line in admin], cluster.socket)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr

    runner = Runner(world_readable_base())
    add_psycopg(runner)
    _as_person(runner, USER_A, [line.replace(README_SOCKET, cluster.socket) for line in person])
    url = f"postgresql:///spiegel?host={cluster.socket}"
    assert runner.spiegel(USER_A, "--db", url, "add", "Terugbellen", "--unit", "linde").stdout.strip() == "A-1"
    runner.spiegel(USER_B, "--db", url, "units", "add", "Gemeente Best")
    assert runner.spiegel(USER_B, "--db", url, "add", "Folder", "--unit", "best").stdout.strip() == "A-2"
    # Each sees their own unit's actions only; the other's is "geen toegang".
    listed = runner.spiegel(USER_B, "--db", url, "list")
    assert "Folder" in listed.stdout and "Terugbellen" not in listed.stdout
    assert runner.spiegel(USER_B, "--db", url, "show", "A-1", check=False).returncode != 0
    # The README's GRANT, by the unit's first member, lets a colleague in.
    granted = runner.shell(USER_A, f"psql '{url}' -Atc \"SELECT role FROM spiegel.units WHERE slug = "
                                   f"'huisartsenpraktijk-de-linde'\" | xargs -I @@ psql '{url}' -c 'GRANT \"@@\" TO \"{USER_B}\"'")
    assert granted.returncode == 0, granted.stderr
    assert "Terugbellen" in runner.spiegel(USER_B, "--db", url, "list").stdout

    # Backups: the owner may (pg_dump reads every row); a member gets one line.
    dump = Path(runner.site.parent, "spiegel.dump")
    done = _as_root([f"spiegel --db 'postgresql://beheer@/spiegel?host={cluster.socket}' backup -o {dump}"], cluster.socket)
    assert done.returncode == 0 and dump.read_bytes().startswith(b"PGDMP"), done.stderr
    mine = Path(runner.site.parent, "van-a")
    mine.mkdir()
    os.chown(mine, pwd.getpwnam(USER_A).pw_uid, -1)
    refused = runner.spiegel(USER_A, "--db", url, "backup", "-o", str(mine / "spiegel.dump"), check=False)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    assert "beheerder" in refused.stderr
    # The administrator (no superuser) copies a data directory in: every unit and id
    # is beheer's to see, and a copy that would reuse an id is refused whole.
    from store.model.records import Action, Finding, Unit
    from store.persistence.repository import Store

    files = Store(Path(runner.site.parent, "data"), user="beheer")
    elders = files.create_unit(Unit(name="Elders")).id
    files.add(Finding(text="uit de bestanden"), elders)
    admin_url = f"postgresql://beheer@/spiegel?host={cluster.socket}"
    copied = _as_root([f"spiegel db copy {files.location} '{admin_url}'"], cluster.socket)
    assert copied.returncode == 0 and "elders" in copied.stdout, copied.stderr
    files.add(Action(title="botst met A-1"), elders)
    clash = _as_root([f"spiegel db copy {files.location} '{admin_url}'"], cluster.socket)
    assert clash.returncode == 1 and "A-1" in clash.stderr and "huisartsenpraktijk-de-linde" in clash.stderr
    files.close()
    # The roles: pg_dumpall --roles-only needs a superuser; with --no-role-passwords beheer may.
    roles = ["pg_dumpall", "-h", cluster.socket, "-U", "beheer", "--roles-only"]
    run = lambda argv: subprocess.run(argv, capture_output=True, text=True,  # noqa: E731
                                      env={**os.environ, "PATH": f"{pg_server.PG_BIN}:{os.environ['PATH']}"})
    assert run(roles).returncode != 0
    kept = run([*roles, "--no-role-passwords"])
    assert kept.returncode == 0 and f'CREATE ROLE "{USER_A}"' in kept.stdout, kept.stderr
