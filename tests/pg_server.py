"""A throwaway PostgreSQL 15 cluster for the tests: one per session, one database
per test (copied from a template that holds spiegel's schema).

PostgreSQL refuses to run as root and CI runs as root, so as root the server is
started as `nobody` (shared/pitfalls.md, "PostgreSQL in tests"); it listens only on
a Unix socket in its own directory, with fsync off (a test's data need not survive
a power cut). Without the binaries the tests that need it skip with one line, and with
SPIEGEL_REQUIRE_PG=1 (.ci/run) they fail (tests/needs.py, the rule for every need).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile

from tests import needs

try:
    import pytest

    fixture = pytest.fixture
except ImportError:  # the benchmarks start a Cluster without the test extra (benchmarks/backends.py)
    def fixture(*args, **kwargs):
        return lambda function: function

PG_BIN = needs.PG_BIN
INSTALL_HINT = needs.hint("postgresql")
TEMPLATE = "spiegel_template"
SUPERUSER = "spiegel"


def available() -> bool:
    return needs.have("postgresql")


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *cmd]


class Cluster:
    def __init__(self) -> None:
        self.base = tempfile.mkdtemp(prefix="spiegel-pg-")
        self.data = os.path.join(self.base, "data")
        self.socket = os.path.join(self.base, "sock")
        os.mkdir(self.socket)
        if os.geteuid() == 0:
            shutil.chown(self.base, "nobody", "nogroup")
            shutil.chown(self.socket, "nobody", "nogroup")
        self._numbers = itertools.count(1)

    def start(self) -> None:
        run = lambda *cmd: subprocess.run(_as_server_user(list(cmd)), check=True, capture_output=True)  # noqa: E731
        run(f"{PG_BIN}/initdb", "-D", self.data, "-A", "trust", "-U", SUPERUSER, "--no-sync")
        options = f"-k {self.socket} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run(f"{PG_BIN}/pg_ctl", "-D", self.data, "-o", options, "-l", os.path.join(self.base, "log"), "-w", "start")

    def stop(self) -> None:
        subprocess.run(_as_server_user([f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{database}?host={self.socket}"

    def admin(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def make_template(self) -> None:
        from store.persistence.pg import migrations

        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with self.admin(TEMPLATE) as conn:
            migrations.upgrade(conn)

    def new_database(self, schema: bool = True) -> str:
        """A fresh database for one test (with spiegel's schema unless `schema` is false); its name."""
        name = f"test_{next(self._numbers)}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {TEMPLATE}" if schema else ""))
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@fixture(scope="session")
def pg_cluster():
    needs.need("postgresql")
    cluster = Cluster()
    try:
        cluster.start()
        cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@fixture
def pg_url(pg_cluster):
    """A fresh database with spiegel's schema, as a URL; dropped after the test."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
