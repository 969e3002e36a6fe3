"""Real Unix users and groups for the shared-server tests (CI runs as root).

Two colleagues share the data directory's group `spgl-gedeeld`: `spgl-a` is also
in practice A's group `spgl-pa`, `spgl-b` in practice B's `spgl-pb`. Setting them
up is idempotent (users persist between runs on one machine). The commands run as
them through `setpriv`, with a Python they can reach: our interpreter if they may
run it, else a world-readable replica of its installation (no system Python is
assumed), and world-readable copies of spiegel's code and of the installed
distributions the command line needs (their files as importlib.metadata lists them,
with what they require in turn: nothing the project does not declare).
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

from tests import needs

REPO = Path(__file__).resolve().parents[1]
SHARED, GROUP_A, GROUP_B = "spgl-gedeeld", "spgl-pa", "spgl-pb"
USER_A, USER_B = "spgl-a", "spgl-b"
_MEMBERSHIP = {USER_A: [SHARED, GROUP_A], USER_B: [SHARED, GROUP_B]}


def ensure_users() -> None:
    needs.need("root")
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
        self._library_path = ""  # LD_LIBRARY_PATH for an interpreter placed by place_python
        self.python = self._python(base)

    def _python(self, base: Path) -> str:
        """Our own interpreter if the test users may run it, else a world-readable
        replica of it (no other Python is assumed: a venv or a pyenv/python.org Python
        may live under /root, 0700). The packages the command line needs come as
        copies of their installed distributions either way."""
        copy_packages(_NEEDED, self.site)
        compile_site(self.site)
        # The same build, not just some Python at that path: a binary started from a
        # directory the user cannot read may load another libpython (seen: Debian's).
        needed = f"import sys, {', '.join(_NEEDED)}; assert sys.version == {sys.version!r}, sys.version"
        if self._probe(sys.executable, needed):
            return sys.executable
        python, self._library_path = place_python(base / "python")
        if self._probe(python, needed):
            return python
        probe = self.run_python(USER_A, needed, python=python, check=False)
        pytest.fail(f"the test users cannot run {python}: {probe.stderr.strip()[-300:]}")

    def _probe(self, python: str, code: str) -> bool:
        return self.run_python(USER_A, code, python=python, check=False).returncode == 0

    def env(self) -> dict:
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(self.site), "LANG": "C.UTF-8", "SPIEGEL_LANG": "nl",
               "SPIEGEL_TODAY": "2026-11-23", "HOME": "/nonexistent", "PYTHONDONTWRITEBYTECODE": "1"}
        if self._library_path:
            env["LD_LIBRARY_PATH"] = self._library_path
        return env

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


def shared_data_dir(base: Path, mode: int = 0o3770) -> Path:
    """A data directory as the README's admin steps make one, inside `base`: root's,
    in the shared group, setgid and sticky (`mode`: another, as an older README made it)."""
    path = Path(tempfile.mkdtemp(prefix="data-", dir=base))
    os.chown(path, 0, gid(SHARED))
    os.chmod(path, mode)
    return path


def world_readable_base() -> Path:
    """A scratch directory the test users can reach (pytest's tmp_path is root's 0700)."""
    base = Path(tempfile.mkdtemp(prefix="spiegel-users-"))
    os.chmod(base, 0o755)
    return base


# What the commands run as test users import beyond spiegel's own code.
_NEEDED = ("click", "orjson", "tinydb", "dateutil", "platformdirs")
# Parts of the standard library no command imports; left out of a placed interpreter.
_UNUSED_STDLIB = ("site-packages", "dist-packages", "test", "idlelib", "tkinter", "turtledemo", "ensurepip",
                  "lib2to3")


def compile_site(site: Path) -> None:
    """Byte code for the copies, once, as pip writes it at install: the test users may
    not write it (and PYTHONDONTWRITEBYTECODE), so without it every command they run
    compiled store/, cli/ and click from source again (0.69 s against 0.26 s for an
    import of the command line as a test user, medians of 6)."""
    import compileall

    if not compileall.compile_dir(site, quiet=1):
        pytest.fail(f"byte-compiling the test users' copies in {site} failed")


def copy_packages(modules: tuple[str, ...], site: Path) -> None:
    """World-readable copies of the installed distributions that provide `modules`,
    and of what they require, in `site` (a PYTHONPATH entry)."""
    seen: set[str] = set()
    for module in modules:
        _copy_distributions(_distribution_of(module), site, seen)


def _distribution_of(module: str):
    from importlib import metadata

    names = metadata.packages_distributions().get(module)
    if not names:
        pytest.fail(f"{module} is not installed from a distribution: pip install -e '.[test]'")
    return metadata.distribution(names[0])


def _copy_distributions(dist, site: Path, seen: set[str]) -> None:
    """The files an installed distribution lists (its RECORD), and those of what it
    requires in turn (extras left out; a requirement not installed is one its marker
    excludes here), into `site`. So whatever a package needs comes along, and
    nothing the project does not declare is assumed."""
    import re
    from importlib import metadata

    name = dist.metadata["Name"].lower()
    if name in seen:
        return
    seen.add(name)
    root = Path(dist.locate_file("")).resolve()
    if dist.files is None:
        pytest.fail(f"{name} lists no files (RECORD); reinstall it with pip")
    for file in dist.files:
        source = Path(dist.locate_file(file)).resolve()
        if root not in source.parents or "__pycache__" in source.parts or not source.is_file():
            continue  # scripts in bin/, byte code
        target = site / source.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for requirement in dist.requires or ():
        if re.search(r"\bextra\s*==", requirement):
            continue
        try:
            required = metadata.distribution(re.match(r"[A-Za-z0-9._-]+", requirement).group())
        except metadata.PackageNotFoundError:
            continue
        _copy_distributions(required, site, seen)


def place_python(target: Path) -> tuple[str, str]:
    """A replica of this interpreter's installation the test users can reach: the
    binary, the standard library (byte code included, so nothing is compiled per
    run) and the shared libpython, hard-linked where the file system allows (no
    space, no time) and copied where not. Returns the binary and the directory for
    LD_LIBRARY_PATH ("" when the binary is not linked to a shared libpython)."""
    import sysconfig

    binary = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    stdlib = Path(sysconfig.get_path("stdlib"))
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    # The binary finds its library from its own place: bin/<python> beside lib/<version>.
    (target / "bin").mkdir(parents=True)
    _link_or_copy(binary, target / "bin" / version)
    shutil.copytree(stdlib, target / "lib" / version, copy_function=_link_or_copy,
                    ignore=lambda folder, names: [n for n in names if Path(folder) == stdlib and n in _UNUSED_STDLIB])
    platstdlib = Path(sysconfig.get_path("platstdlib")) / "lib-dynload"
    if not (target / "lib" / version / "lib-dynload").exists() and platstdlib.is_dir():
        shutil.copytree(platstdlib, target / "lib" / version / "lib-dynload", copy_function=_link_or_copy)
    library = ""
    shared = sysconfig.get_config_var("INSTSONAME") if sysconfig.get_config_var("Py_ENABLE_SHARED") else None
    libdir = sysconfig.get_config_var("LIBDIR")
    if shared and libdir and (Path(libdir) / shared).exists():
        _link_or_copy(Path(libdir) / shared, target / "lib" / shared)
        library = str(target / "lib")
    for folder in [target, *target.rglob("*")]:
        if folder.is_dir():
            os.chmod(folder, 0o755)
    return str(target / "bin" / version), library


def _link_or_copy(source, target) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links refused (fs.protected_hardlinks)
        shutil.copy2(source, target)


def add_packages(runner: Runner, *modules: str) -> None:
    """Make more of our packages reachable for the test users (icalendar for `ical`,
    psycopg for the PostgreSQL tests): copies of their installed distributions and of
    what they require, when the users' Python cannot import them already."""
    missing = tuple(m for m in modules if runner.run_python(USER_A, f"import {m}", check=False).returncode != 0)
    if missing:
        copy_packages(missing, runner.site)
        compile_site(runner.site)


def add_psycopg(runner: Runner) -> None:
    """psycopg for the test users, checked to find the system's libpq."""
    add_packages(runner, "psycopg")
    runner.run_python(USER_A, "import psycopg; psycopg.pq.version()")
