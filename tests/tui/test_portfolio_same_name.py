"""Issue 26: two units called "Praktijk A" on a shared server, one a colleague made in
the shared group. The portfolio marks the one open to everyone and names each
unit's group; typing the name does not pick one of them silently."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from store.model.records import Unit
from store.persistence.repository import Store
from tests import unix_users as users
from tests.tui.helpers import TODAY, screen_lines, settle
from tests.unix_users import GROUP_A, SHARED
from tui.app import make_app

pytestmark = pytest.mark.files_only


@pytest.fixture
def two_named_alike() -> Path:
    users.ensure_users()
    path = Path(tempfile.mkdtemp(prefix="i26-tui-"))
    os.chown(path, 0, users.gid(SHARED))
    os.chmod(path, 0o3770)
    admin = Store(path, user="root", today=TODAY)
    admin.create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    admin.create_unit(Unit(name="Praktijk A"), "aaa")  # the shared group's: anyone's
    return path


async def test_the_open_unit_is_marked_and_the_same_name_is_not_picked_silently(two_named_alike):
    app = make_app(two_named_alike, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = "\n".join(screen_lines(app))
        assert "(alle) Praktijk A" in text
        await pilot.press("slash", *"praktijk a")
        await settle(pilot)
        shown = [n.message for n in app._notifications]
        assert any("aaa" in m and "praktijk-a" in m and GROUP_A in m and SHARED in m for m in shown)
