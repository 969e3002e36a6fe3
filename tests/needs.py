"""What some tests need of the machine, and one rule for when it is missing.

Root (real Unix users and groups, a tmpfs, a kernel setting), Chromium (the browser
test of `spiegel serve`), PostgreSQL 15 (the database backend) and taskwarrior (the
benchmark's yardstick): a newcomer's machine may lack any of them. A test that needs
one calls `need(...)`. Without it the test skips, and pytest's summary (`-rs` in
pyproject.toml) shows ONE line per need, saying how to get it (`fold`); the session
header says the same. With
the need's flag set (.ci/run sets all four) the skip is a failure instead, so CI
cannot pass by skipping.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM = "/usr/bin/chromium"
PG_BIN = "/usr/lib/postgresql/15/bin"


def _is_root() -> bool:
    return os.geteuid() == 0


def _has_chromium() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def _has_postgresql() -> bool:
    return os.access(os.path.join(PG_BIN, "initdb"), os.X_OK)


def _has_taskwarrior() -> bool:
    return shutil.which("task") is not None


# need: (flag that turns the skip into a failure, is it here?, the one line)
NEEDS = {
    "root": ("SPIEGEL_REQUIRE_ROOT", _is_root,
             "root-tests skip: real Unix users, a tmpfs and kernel settings need root, as CI runs them "
             "(sudo .venv/bin/python3 -m pytest)"),
    "chromium": ("SPIEGEL_REQUIRE_CHROMIUM", _has_chromium,
                 f"browser test skips: no Chromium at {CHROMIUM} (apt-get install -y chromium)"),
    "postgresql": ("SPIEGEL_REQUIRE_PG", _has_postgresql,
                   "PostgreSQL-tests skip: install PostgreSQL 15 (apt-get install -y postgresql)"),
    "taskwarrior": ("SPIEGEL_REQUIRE_TASKWARRIOR", _has_taskwarrior,
                    "taskwarrior comparison skips: no `task` on PATH (apt-get install -y taskwarrior)"),
}


def have(what: str) -> bool:
    return NEEDS[what][1]()


def hint(what: str) -> str:
    return NEEDS[what][2]


def required(what: str) -> bool:
    """Whether this run insists on `what` (its flag is set, as in .ci/run)."""
    return os.environ.get(NEEDS[what][0], "") not in ("", "0")


def need(what: str) -> None:
    """Skip the calling test when `what` is missing; fail it when the run requires it."""
    if have(what):
        return
    import pytest  # not at the top: the benchmarks import tests/pg_server.py, and so this, without the test extra

    flag, _, line = NEEDS[what]
    if required(what):
        pytest.fail(f"{flag} is set, so this fails instead: {line}", pytrace=False)
    pytest.skip(line)


def fold(report) -> None:
    """Report a need's skip at this file rather than at each test, so that pytest's
    summary folds all of one need's skips into one line (it folds by place and reason;
    a skip raised in a fixture is placed at the test's own line)."""
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = report.longrepr[2]
        if reason.removeprefix("Skipped: ") in {line for _, _, line in NEEDS.values()}:
            report.longrepr = (__file__, None, reason)


def missing_lines() -> list[str]:
    """One line per missing need, for the session header."""
    return [line for flag, here, line in NEEDS.values() if not here()]
