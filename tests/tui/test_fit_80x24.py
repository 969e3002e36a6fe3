"""Every screen at 80×24, in Dutch: none of Textual's own English words (taken from
the installed Textual's widgets' BINDINGS, not guessed), no footer key cut mid-word,
record ids whole in titles, advice wrapped, the columns the issue missed visible.
One app per screen; each screen's help (f1) is checked with it."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from store.moments.demo import build_demo
from store.i18n import t
from store.persistence.repository import Store
from tests.tui.helpers import screen_lines, settle
from tui.app import make_app
from tui.screens.help_screen import HelpScreen

TODAY = dt.date(2026, 11, 23)


def textual_english() -> set[str]:
    """Every binding description Textual's own widgets bring, as installed."""
    import textual.widgets

    for module in ("textual.app", "textual.screen", "textual.command", "textual.containers", "textual.scroll_view"):
        importlib.import_module(module)
    for info in pkgutil.iter_modules(textual.widgets.__path__, "textual.widgets."):
        importlib.import_module(info.name)
    found, todo = set(), [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if not cls.__module__.startswith("textual."):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            description = binding.description if isinstance(binding, Binding) else (binding + ("",) * 3)[2]
            if description:
                found.add(description)
    return found


ENGLISH = textual_english()
# Textual's own messages that are no binding: the palette's, ctrl+c's quit hint.
MESSAGES = {"No matches found", "Search for commands…", "Do you want to quit?", "to quit the app"}


def english_in(text: str) -> list[str]:
    return sorted(word for word in ENGLISH | MESSAGES
                  if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def test_the_collection_finds_textuals_words():
    assert {"Move cursor left", "Paste text from the clipboard", "Dismiss menu", "Copy selected text"} <= ENGLISH
    assert len(ENGLISH) > 60


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo")
    build_demo(Store(path, today=TODAY))
    return path


WALK = {
    "portfolio": [],
    "all_inbox": ["L"],
    "dashboard": ["enter"],
    "actions": ["enter", "a"],
    "action_detail": ["enter", "a", "enter"],
    "detail_text_area": ["enter", "a", "enter", "tab"],
    "detail_select_open": ["enter", "a", "enter", "tab", "tab", "tab", "tab", "enter"],
    "meetings": ["enter", "m"],
    "meeting_form": ["enter", "m", "enter"],
    "new_meeting": ["enter", "m", "n"],
    "inbox": ["enter", "l"],
    "board": ["enter", "f"],
    "kpis": ["enter", "k"],
    "run_chart": ["enter", "k", "enter"],
    "palette": ["ctrl+p", "q", "x", "q"],  # matches no command ("zzz" matched "Bezoek: Gezondheidscentrum … Zuid")
}


async def visit(app, pilot, keys: list[str]) -> str:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    return "\n".join(screen_lines(app))


def check_screen(text: str, where: str) -> None:
    lines = text.splitlines()
    assert not english_in(text), (where, english_in(text), text)
    footer = lines[-1]
    assert not re.search(r"\S▏", footer), (where, footer)  # a key cut under the palette key
    assert "…" not in footer, (where, footer)
    assert not re.search(r"\b[AMLK]-…", lines[0]), (where, lines[0])  # an id cut in the title


@pytest.mark.parametrize("name", WALK)
async def test_every_screen_fits_80x24_in_dutch(demo_dir, name):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await visit(app, pilot, WALK[name])
        check_screen(text, name)
        if name == "palette":
            await pilot.pause(1.2)  # "no matches" shows after Textual's countdown
            text = "\n".join(screen_lines(app))
            assert t("tui.palette.none") in text and not english_in(text)
            return
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        entries = " | ".join(f"{e.keys} {e.description} {e.tooltip}" for e in app.screen.entries)
        assert not english_in(entries), (name, english_in(entries))
        assert "super+" not in entries
        check_screen("\n".join(screen_lines(app)), f"{name} help")


async def test_titles_keep_the_record_id(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys, pattern in ((["enter", "m", "enter"], r"bijeenkomst M-\d+ "), (["enter", "a", "enter"], r"A-\d+ "),
                              (["enter", "k", "enter"], r"K-\d+ ")):
            text = await visit(app, pilot, keys)
            assert re.search(pattern, text.splitlines()[0]), text.splitlines()[0]
            for _ in range(3):
                await pilot.press("escape")
            await settle(pilot)


async def test_the_meeting_forms_advice_is_wrapped_not_cut(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await visit(app, pilot, WALK["new_meeting"])
        words = re.findall(r"\w+", t("value.required"))
        found = re.findall(r"\w+", text)
        assert all(word in found for word in words), text
        form = "\n".join(text.split("─" * 20)[0].splitlines()[1:])  # below the title, above the advice
        assert not re.search(r"\w…", form), form  # nothing in the form cut off


async def test_the_action_list_shows_phase_route_and_progress(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = (await visit(app, pilot, WALK["actions"])).splitlines()
        header = next(line for line in lines if t("tui.col.id") in line and t("tui.col.title") in line)
        assert t("tui.col.phase_route") in header and t("tui.col.progress") in header
        assert any(re.search(r"F\d R\d .* \d+%", line) for line in lines)


async def test_the_inbox_of_all_units_shows_which_unit(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await visit(app, pilot, WALK["all_inbox"])
        rows = [line for line in text.splitlines() if re.match(r"[ >] L-\d+", line)]
        assert rows and all("Huisartsenpra…" not in row for row in rows)
        # the kind stays readable ('Praktijk', 'GC'): units of one place are told apart
        assert any("Praktijk Het Kastanje" in row for row in rows) and any("GC Veldhoven-Zuid" in row for row in rows)


async def test_ctrl_c_outside_a_field_says_how_to_quit_in_dutch(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [str(n.title) + " " + str(n.message) for n in app._notifications]
        assert shown and not english_in(" ".join(shown)), shown


async def test_a_checkbox_and_a_text_area_have_dutch_keys_in_help(demo_dir):
    """Widgets the walk does not focus by itself: each of Textual's widget classes the
    app uses gets its keys translated."""
    from textual.widgets import Checkbox, TextArea

    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await visit(app, pilot, WALK["meeting_form"])
        for kind in (Checkbox, TextArea):
            app.screen.query(kind).first().focus()
            await settle(pilot)
            await pilot.press("f1")
            await settle(pilot)
            entries = " | ".join(f"{e.description} {e.tooltip}" for e in app.screen.entries)
            assert not english_in(entries), (kind.__name__, english_in(entries))
            await pilot.press("escape")
            await settle(pilot)
