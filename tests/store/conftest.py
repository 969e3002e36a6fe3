"""The real users of the shared-server tests (tests/unix_users.py), once per test
worker: a scratch directory they can reach (each test makes its own directories in
it), and a Runner that runs commands as them (its copies are only read)."""

from __future__ import annotations

import shutil

import pytest

from tests import unix_users as users


@pytest.fixture(scope="session")
def base():
    users.ensure_users()
    path = users.world_readable_base()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def runner(base):
    return users.Runner(base)
