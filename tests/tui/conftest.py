"""Fixtures for the TUI tests (helpers live in helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from store.model.records import Unit
from tests.tui.helpers import add_many_actions, build_small, make_store


@pytest.fixture
def small_dir(tmp_path: Path) -> Path:
    return build_small(tmp_path / "data")


@pytest.fixture(scope="session")
def big_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("big") / "data"
    store = make_store(data_dir)
    store.create_unit(Unit(name="Zorggroep Groot"), "groot")
    add_many_actions(store, "groot", 10_000)
    return data_dir


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """A blinking cursor makes screenshots depend on timing."""
    original = Input.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.cursor_blink = False

    monkeypatch.setattr(Input, "__init__", init)


def pytest_configure(config):
    """pytest-textual-snapshot writes its failure report to the working directory
    (the repository root) by default; keep it out of the tree."""
    import tempfile

    if config.getoption("snapshot_report", None) == "snapshot_report.html":
        config.option.snapshot_report = str(Path(tempfile.gettempdir()) / "spiegel_snapshot_report.html")
