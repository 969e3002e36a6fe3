"""NO_COLOR: Textual then draws in shades of grey, so a highlight that is only a
background colour cannot be seen on a projector. Every focus is marked by a style
that survives without colour (bold and underline): a Select's highlighted option,
the meeting picker's row, the focused Select."""

from __future__ import annotations

import datetime as dt

import pytest

from store.model.records import Meeting
from tests.tui.helpers import TODAY, settle
from tui.app import make_app


def _underlined(widget, y: int) -> bool:
    return any(segment.style is not None and segment.style.underline for segment in widget.render_line(y))


@pytest.fixture
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


async def test_a_selects_highlighted_option_is_underlined_without_colour(small_dir, no_color):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color and app.has_class("-no-color")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")
        await settle(pilot)
        assert app.focused.id == "in-route" and _underlined(app.focused.query_one("SelectCurrent #label"), 0)
        await pilot.press("enter")
        await settle(pilot)
        overlay = app.screen.query_one("SelectOverlay")
        highlighted = overlay.highlighted - overlay.scroll_offset.y
        assert _underlined(overlay, highlighted)
        assert not any(_underlined(overlay, y) for y in range(overlay.option_count) if y != highlighted)


async def test_the_meeting_pickers_row_is_marked_without_colour(small_dir, no_color):
    from tui.dialogs.meeting_pick_dialog import MeetingPickDialog

    meetings = [Meeting(id=f"M-{i}", date=dt.date(2026, i, 1), theme=f"Thema {i}") for i in (1, 2, 3)]
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(MeetingPickDialog("Kies", meetings, TODAY))
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        picker = app.screen.query_one("#pick-list")
        assert picker.highlighted == 1
        assert [_underlined(picker, y) for y in range(3)] == [False, True, False]


async def test_with_colour_nothing_changes(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.has_class("-no-color")
