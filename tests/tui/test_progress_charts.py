"""Progress charts (seed 002): a unit's actions by status over time on the
dashboard, and the portfolio's units per phase per route; each with its table."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.helpers import TODAY, build_small, open_unit, screen_lines, settle
from tui.app import make_app
from tui.screens.phases_screen import PhasesScreen
from tui.widgets.progress_charts import StackedChart


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


async def test_dashboard_shows_actions_per_status_and_its_table(tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_unit(pilot, "hoek")
        chart = screen.query_one("#dash-status-chart", StackedChart)
        labels, stacks, fills = chart.data
        assert labels[0] == "dec" and labels[1] == "jan 26" and labels[-1] == "nov" and len(labels) == 12
        assert [column[-1] for column in stacks] == [1, 1, 2, 0]  # done, in progress, planned, stopped
        assert fills == ["#", "=", ".", "x"]
        await pilot.press("end")
        await settle(pilot)
        assert "# afgerond  = in uitvoering  . gepland  x gestopt" in text_of(app)
        await pilot.press("t", "end")
        await settle(pilot)
        text = text_of(app)
        assert "Acties per status als tabel" in text and not chart.display
        rows = [line.split() for line in text.splitlines() if line.strip().startswith("nov 2026")]
        assert ["nov", "2026", "1", "1", "2", "0", "4"] in rows  # the burn-up's table has four columns


async def test_portfolio_opens_units_per_phase_per_route(tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen)
        labels, stacks, _ = app.screen.query_one(StackedChart).data
        assert labels == ["route 1", "route 2", "route 3", "route 4"]
        # De Hoek F2 F1 F1 F3, Bergdorp F1 F1 F1 F1 (the corrupt file is no unit)
        assert stacks == [[1, 2, 2, 1], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0]]
        assert ". fase 1  + fase 2  = fase 3  # fase 4" in text_of(app)
        await pilot.press("t")
        await settle(pilot)
        table = str(app.screen.query_one("#phases-table", Static).render())
        assert "route 4" in text_of(app) and "Aantal eenheden per fase, per route, als tabel" in text_of(app)
        assert table
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PhasesScreen)


def test_phases_snapshot(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_phases(pilot):
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_phases)
