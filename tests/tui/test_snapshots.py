"""SVG snapshots at 80x24 on fixed data and a fixed today. Regenerate with
`pytest tests/tui --snapshot-update` on textual 8.2.8 only: other versions draw
slightly differently."""

from __future__ import annotations

from tests.tui.helpers import TODAY, build_small, open_actions, open_unit, settle
from tui.app import make_app


def test_portfolio(snap_compare, tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_actions(snap_compare, tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_hoek(pilot):
        await open_actions(pilot, "hoek")
        await pilot.press("down", "down")  # cursor on the hostile title: detail shows it whole

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_hoek)


def test_command_palette(snap_compare, tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def search(pilot):
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"hoek")
        await settle(pilot)
        await pilot.pause(0.2)  # hits are gathered in a background task

    assert snap_compare(app, terminal_size=(80, 24), run_before=search)


def test_dashboard(snap_compare, tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_hoek(pilot):
        await open_unit(pilot, "hoek")

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_hoek)


def test_dashboard_burnup(snap_compare, tmp_path):
    """The chart at the end of the page. Its 'created' dates are the records' stamps,
    never after the fixed today, so the picture is stable."""
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_chart(pilot):
        screen = await open_unit(pilot, "hoek")
        screen.query_one("#dash-body").scroll_to_widget(screen.query_one("#dash-burnup-title"), top=True, animate=False)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_chart)


def test_dashboard_status_chart(snap_compare, tmp_path, monkeypatch):
    """Actions per status at the end of each month, stacked, at the end of the page;
    told apart by fill character without colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_chart(pilot):
        await open_unit(pilot, "hoek")
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_chart)


def test_board(snap_compare, tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_board(pilot):
        await open_unit(pilot, "hoek")
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("right")  # the overdue action in F2

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_board)
