"""The app over a hand-edited unit file: escape sequences and hidden characters in a
title are shown as harmless visible text, and a bad record is left out and said in
words on the portfolio and the unit's dashboard, without crashing."""

from __future__ import annotations

import json

from tests.tui.helpers import TODAY, make_store, open_actions, screen_lines, settle
from tui.app import make_app
from tui.screens.portfolio_screen import PortfolioScreen
from tui.widgets.row_table import RowTable

HOSTILE = "Titel \x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07 \u202eeulb\u202c"
SHOWN = "Titel ]0;pwned ]52;c;ZXZpbA== ⟨U+202E⟩eulb⟨U+202C⟩"


def hand_edit(data_dir, slug: str, number: str, **fields) -> None:
    path = make_store(data_dir).unit_path(slug)
    with open(path, "rb") as f:
        data = json.loads(f.read())
    data["actions"][number].update(fields)
    with open(path, "wb") as f:
        f.write(json.dumps(data, ensure_ascii=False).encode())


async def test_a_hostile_title_from_the_file_and_a_bad_record_are_shown_in_words(small_dir):
    hand_edit(small_dir, "de-hoek", "3", title=HOSTILE)  # due soon, open
    hand_edit(small_dir, "de-hoek", "2", progress="50")  # a bad record
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)
        hoek = next(r for r in app.screen.query_one(RowTable).rows if r.key == "de-hoek")
        assert hoek.cells[0] == "Praktijk De Hoek  ! 1 beschadigd" and hoek.alert  # store.moments.portfolio.column_name
        portfolio = " ".join(" ".join(screen_lines(app)).split())  # wrapped lines joined
        assert "! 1 eenheid met beschadigde records" in portfolio  # the status line, at any width
        assert "! 1 beschadigd record overgeslagen" in portfolio  # the cursor row's detail line
        await pilot.press("escape")
        table = await open_actions(pilot, "hoek")
        shown = "\n".join(screen_lines(app))
        assert [r.key for r in table.rows if r.key == "A-2"] == []  # left out
        assert SHOWN[:40] in shown
        assert next(r for r in table.rows if r.key == "A-3").cells[-1] == SHOWN
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        await pilot.press("escape")
        await settle(pilot)
        dashboard = " ".join(" ".join(screen_lines(app)).split())
        assert "! 1 beschadigd record overgeslagen (A-2)" in dashboard
        assert "\x1b" not in dashboard and "\u202e" not in dashboard
        assert app.is_running
