"""Real Unix users and groups for the shared-server tests (CI runs as root).

Two colleagues share the data directory's group `spgl-gedeeld`: `spgl-a` is also
in practice A's group `spgl-pa`, `spgl-b` in practice B's `spgl-pb`. Setting them
up is idempotent (users persist between runs on one machine). The commands run as
them through `setpriv`, with a Python they can reach: our interpreter if they may
run it, else the system's of the same version, and a world-readable copy of
spiegel's code and of the packages the command line needs.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED, GROUP_A, GROUP_B = "spgl-gedeeld", "spgl-pa", "spgl-pb"
USER_A, USER_B = "spgl-a", "spgl-b"
_MEMBERSHIP = {USER_A: [SHARED, GROUP_A], USER_B: [SHARED, GROUP_B]}


def ensure_users() -> None:
    if os.geteuid() != 0:
        pytest.fail("these tests create Unix users and must run as root (CI does)")
    import fcntl

    # Parallel test workers (pytest -n) set them up one at a time.
    with open("/tmp/spiegel-test-users.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _add_users()


def _add_users() -> None:
    for group in (SHARED, GROUP_A, GROUP_B):
        try:
            grp.getgrnam(group)
        except KeyError:
            subprocess.run(["groupadd", group], check=True)
    for user, groups in _MEMBERSHIP.items():
        try:
            pwd.getpwnam(user)
        except KeyError:
            subprocess.run(["useradd", "--no-create-home", "--home-dir", "/nonexistent", "--gid", groups[0],
                            "--groups", ",".join(groups[1:]), user], check=True)


def gid(group: str) -> int:
    return grp.getgrnam(group).gr_gid


class Runner:
    """Runs Python code and spiegel commands as a test user."""

    def __init__(self, base: Path) -> None:
        self.site = base / "site"
        for package in ("store", "cli"):
            shutil.copytree(REPO / package, self.site / package, ignore=shutil.ignore_patterns("__pycache__"))
        self.python = self._python()

    def _python(self) -> str:
        needed = "import click, orjson, tinydb, dateutil, platformdirs"
        for python in (sys.executable, f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"):
            if self._probe(python, needed):
                return python
        import click
        import dateutil
        import orjson
        import platformdirs
        import tinydb

        for module in (click, orjson, tinydb, dateutil, platformdirs):
            shutil.copytree(Path(module.__file__).parent, self.site / Path(module.__file__).parent.name)
        import six  # dateutil needs it

        shutil.copy(six.__file__, self.site)
        for python in (sys.executable, f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"):
            if self._probe(python, needed):
                return python
        pytest.fail("no Python the test users can run")

    def _probe(self, python: str, code: str) -> bool:
        return self.run_python(USER_A, code, python=python, check=False).returncode == 0

    def env(self) -> dict:
        return {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(self.site), "LANG": "C.UTF-8", "SPIEGEL_LANG": "nl",
                "SPIEGEL_TODAY": "2026-11-23", "HOME": "/nonexistent", "PYTHONDONTWRITEBYTECODE": "1"}

    def as_user(self, user: str, argv: list[str], check: bool = True, timeout: float = 30,
                **kwargs) -> subprocess.CompletedProcess:
        command = ["setpriv", f"--reuid={user}", f"--regid={_MEMBERSHIP[user][0]}", "--init-groups", *argv]
        done = subprocess.run(command, capture_output=True, text=True, env=self.env(), timeout=timeout,
                              cwd=self.site, **kwargs)
        if check:
            assert done.returncode == 0, (argv, done.stdout, done.stderr)
        return done

    def run_python(self, user: str, code: str, *args: str, python: str | None = None, check: bool = True,
                   timeout: float = 30) -> subprocess.CompletedProcess:
        return self.as_user(user, [python or self.python, "-c", code, *args], check=check, timeout=timeout)

    def spiegel(self, user: str, *args: str, check: bool = True, timeout: float = 30) -> subprocess.CompletedProcess:
        return self.as_user(user, [self.python, "-m", "cli", *args], check=check, timeout=timeout)

    def shell(self, user: str, script: str, check: bool = False) -> subprocess.CompletedProcess:
        return self.as_user(user, ["/bin/sh", "-c", script], check=check)


def world_readable_base() -> Path:
    """A scratch directory the test users can reach (pytest's tmp_path is root's 0700)."""
    base = Path(tempfile.mkdtemp(prefix="spiegel-users-"))
    os.chmod(base, 0o755)
    return base


def add_packages(runner: Runner, *names: str) -> None:
    """Make more of our packages reachable for the test users (icalendar for `ical`),
    beside what Runner copied, when their Python cannot import them already.
    Added for issue 26's tests; Runner itself is unchanged."""
    import importlib

    for name in names:
        if runner.run_python(USER_A, f"import {name}", check=False).returncode == 0:
            continue
        module = importlib.import_module(name)
        source = Path(module.__file__)
        target = runner.site / (source.parent.name if source.name == "__init__.py" else source.name)
        if not target.exists():
            (shutil.copytree if source.name == "__init__.py" else shutil.copy)(
                source.parent if source.name == "__init__.py" else source, target)
