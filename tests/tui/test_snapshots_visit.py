"""SVG snapshots at 80x24 with NO_COLOR (a projector, a plain terminal): the practice
visit with what there is to discuss, and the phase board. Every focus and every
signal must read without colour. Regenerate as tests/tui/test_snapshots.py says."""

from __future__ import annotations

from tests.tui.helpers import TODAY, build_small, open_unit, settle
from tui.app import make_app


def test_visit_no_color(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def start_visit(pilot):
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("end")  # this visit's own part, under what there is to discuss
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=start_visit)


def test_phase_board_no_color(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_board(pilot):
        await open_unit(pilot, "hoek")
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("right")  # the overdue action in F2: its words, not a colour

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_board)
