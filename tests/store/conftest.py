"""The real users of the shared-server tests (tests/unix_users.py), once per module:
a scratch directory they can reach, and a Runner that runs commands as them."""

from __future__ import annotations

import shutil

import pytest

from tests import unix_users as users


@pytest.fixture(scope="module")
def base():
    users.ensure_users()
    path = users.world_readable_base()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def runner(base):
    return users.Runner(base)
