"""Fast capture: one line per finding, prefixes pick the kind, Enter saves and
clears, the input keeps focus, the list below shows everything literally."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

from store.model.records import Finding, Meeting
from store.model.vocab import FindingKind
from tests.tui.helpers import HOSTILE, TODAY, build_small, make_store, open_meetings, screen_lines, settle
from tui.app import make_app
from tui.screens.capture_screen import CaptureScreen
from tui.screens.meetings_screen import MeetingsScreen
from store.moments.capture import parse_capture
from tui.widgets.capture_list import FindingList

P, L, T, R = FindingKind.POSITIVE, FindingKind.LEERPUNT, FindingKind.TIP, FindingKind.RECOMMENDATION


def with_meeting(data_dir, theme: str = "Bereikbaarheid") -> Meeting:
    return make_store(data_dir).add(Meeting(date=dt.date(2026, 11, 10), theme=theme), "de-hoek")


async def open_capture(pilot) -> Input:
    await open_meetings(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CaptureScreen)
    field = pilot.app.screen.query_one("#capture-input", Input)
    assert pilot.app.focused is field
    return field


LINES = [
    ("+ Vriendelijke assistentes", P, False),
    ("- Lang wachten aan de telefoon", L, False),
    ("Uitslagen komen laat", L, False),
    ("? Terugbelknop op de website", T, False),
    ("t: Wachttijd op het scherm", T, False),
    ("a: Avondspreekuur voor werkenden", R, False),
    ("! Bordje bij de balie", L, True),
    ("Geen uitleg over medicatie !", L, True),
    ("+ Fijne wachtkamer!", P, True),
    (HOSTILE, L, False),
]


async def test_ten_findings_typed_in_a_row(small_dir):
    meeting = with_meeting(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_capture(pilot)
        for line, _, _ in LINES:
            await pilot.press(*line, "enter")  # no waiting between lines
            assert field.value == "" and app.focused is field
        await settle(pilot)
        saved = make_store(small_dir).records(Finding, "de-hoek", where=lambda d: d.get("meeting") == meeting.id)
        saved.sort(key=lambda f: int(f.id[2:]))
        assert [(f.text, f.kind, f.quick_win) for f in saved] == [
            (parse_capture(line, L).text, kind, quick) for line, kind, quick in LINES
        ]
        assert all(f.theme == "Bereikbaarheid" for f in saved)
        shown = "\n".join(screen_lines(app))
        assert "10 bevindingen bij deze bijeenkomst" in shown
        assert HOSTILE in shown and "quick win" in shown and "aanbeveling" in shown
        rows = app.screen.query_one(FindingList).rows
        assert [r.key for r in rows] == [f.id for f in saved]
        await pilot.click(FindingList, offset=(20, 3))
        assert app.is_running and app.focused is field


def burst(app, keys: list[str]) -> None:
    """Keys as a fast typist or an SSH burst sends them: all queued before any is handled."""
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_a_burst_of_keys_ends_up_in_the_right_findings(small_dir):
    meeting = with_meeting(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_capture(pilot)
        keys = []
        for line, _, _ in LINES:
            keys += [*line, "enter"]
        keys[-1:-1] = ["f2"]  # switch kind in the middle of the last line: applies to it
        burst(app, [*keys, *"half"])
        await settle(pilot)
        assert field.value == "half" and app.focused is field
        saved = make_store(small_dir).records(Finding, "de-hoek", where=lambda d: d.get("meeting") == meeting.id)
        saved.sort(key=lambda f: int(f.id[2:]))
        expected = [(parse_capture(line, L).text, kind, quick) for line, kind, quick in LINES]
        expected[-1] = (HOSTILE, P, False)
        assert [(f.text, f.kind, f.quick_win) for f in saved] == expected


async def test_function_keys_switch_the_default_kind(small_dir):
    meeting = with_meeting(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_capture(pilot)
        await pilot.press("f2", *"Koffie", "enter", "f5", *"Meer avonden", "enter", "f4", *"- toch leerpunt", "enter")
        assert app.focused is field
        assert "Zonder teken: tip" in "\n".join(screen_lines(app))
        await settle(pilot)
        kinds = {f.text: f.kind for f in make_store(small_dir).records(Finding, "de-hoek") if f.meeting == meeting.id}
        assert kinds == {"Koffie": P, "Meer avonden": R, "toch leerpunt": L}


async def test_capture_shows_what_the_meeting_already_has(small_dir):
    meeting = with_meeting(small_dir, theme=HOSTILE)
    make_store(small_dir).add(Finding(meeting=meeting.id, text="[red]eerder[/]", quick_win=True), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_capture(pilot)
        shown = "\n".join(screen_lines(app))
        assert "[red]eerder[/]" in shown and "1 bevinding bij" in shown  # the singular
        assert HOSTILE in app.screen.sub_title
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)


def test_capture_snapshot(snap_compare, tmp_path):
    data_dir = build_small(tmp_path / "data")
    with_meeting(data_dir)
    app = make_app(data_dir, today=TODAY)

    async def type_some(pilot):
        await open_capture(pilot)
        for line in ("+ Vriendelijke assistentes", "Lang wachten aan de telefoon!", "t: Terugbelknop", HOSTILE):
            await pilot.press(*line, "enter")
        await settle(pilot)
        await pilot.press(*"a: volgende")

    assert snap_compare(app, terminal_size=(80, 24), run_before=type_some)


async def test_a_pasted_hidden_character_shows_marked_and_is_captured_as_typed(small_dir):
    meeting = with_meeting(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_capture(pilot)
        field.post_message(events.Paste("Wachten \u202eaan de balie"))
        await settle(pilot)
        assert field.value == "Wachten ⟨U+202E⟩aan de balie"
        assert not any("\u202e" in line for line in screen_lines(app))
        await pilot.press("enter")
        await settle(pilot)
        assert not any("\u202e" in line for line in screen_lines(app))
    texts = [f.text for f in make_store(small_dir).records(Finding, "de-hoek") if f.meeting == meeting.id]
    assert texts == ["Wachten \u202eaan de balie"]
