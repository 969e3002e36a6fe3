"""The app's export of the actions list as filtered, and the import screen's dry
run and deliberate confirmation, driven with the keyboard at 80x24."""

from __future__ import annotations

import os

from textual.widgets import Input

from store.model.records import Action
from tests.store.interop_helpers import csv_bytes, csv_rows
from tests.tui.helpers import HOSTILE, TODAY, make_store, open_actions, screen_lines, settle
from tui.app import make_app
from tui.dialogs.file_dialogs import ExportDialog, ImportDialog
from tui.screens.actions_screen import ActionsScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.import_screen import ImportScreen
from tui.dialogs.yes_no_dialog import YesNoDialog


async def test_export_writes_the_list_as_it_is_filtered(small_dir, tmp_path):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("slash", *"sanne", "tab", "e")  # Tab: from the filter to the list, where letters are commands
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "1 actie exporteren naar" in "\n".join(screen_lines(app))
        target = tmp_path / "sanne.csv"
        app.screen.query_one("#file", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        rows = csv_rows(target.read_bytes())
        assert len(rows) == 2 and rows[1][3] == HOSTILE and rows[1][5] == "Sanne"  # only what the filter showed
        assert os.stat(target).st_mode & 0o777 == 0o600
        assert any("1 actie geschreven naar" in n.message for n in app._notifications)

        await pilot.press("e")  # again, to the same file: asked first, and Enter keeps it
        app.screen.query_one("#file", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        target.write_bytes(b"mijn eigen bestand")
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_bytes() == b"mijn eigen bestand"


async def test_export_dialog_says_what_is_wrong(small_dir, tmp_path):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(tmp_path / "lijst.pdf")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "de naam moet eindigen op .csv, .xlsx of .json" in "\n".join(screen_lines(app))
        await pilot.press("escape")
        assert isinstance(app.screen, ActionsScreen)


async def test_import_shows_the_dry_run_and_imports_only_on_a_deliberate_yes(small_dir, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_bytes(csv_bytes([["Actie", "Eigenaar", "Deadline", "Fase"],
                                ["Nieuwe folder [b]vet[/b]", "Karim", "1-2-2027", "2"],
                                ["Kapotte rij", "Karim", "30-2-2027", "1"]]))
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one("#file", Input).value = str(plan)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        text = "\n".join(screen_lines(app))
        assert "proefimport: 1 nieuw" in text and "rij 2: nieuw" in text and "Nieuwe folder [b]vet[/b]" in text
        assert "rij 3: FOUT" in text and "30-2-2027" in text
        titles = lambda: {a.title for a in make_store(small_dir).records(Action, "de-hoek")}  # noqa: E731
        await pilot.press("enter")  # Enter alone does nothing here
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("enter")  # the safe answer has focus
        await settle(pilot)
        assert "Nieuwe folder [b]vet[/b]" not in titles()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
        assert "Nieuwe folder [b]vet[/b]" in titles() and "Kapotte rij" not in titles()
        assert "geïmporteerd: 1 nieuw" in "\n".join(screen_lines(app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        assert any(row.item.title == "Nieuwe folder [b]vet[/b]" for row in app.screen.table.rows)  # reloaded


async def test_help_on_the_actions_list_names_export_and_import(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        entries = {e.description: e.keys for e in app.screen.entries}
        assert entries["Exporteren"] == "e" and entries["Importeren"] == "i"


async def test_the_leerpunten_and_meetings_lists_export_what_they_show(small_dir, tmp_path):
    """`e` on the leerpunten list writes the findings its filter shows; on the meetings
    list, the meetings (the same dialog, in words for what is exported)."""
    from tests.tui.helpers import open_meetings, open_unit
    from tui.screens.inbox_screen import InboxScreen

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "hoek")
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        shown = [row.item.finding.text for row in app.screen.table.rows]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert f"{len(shown)} bevindingen exporteren naar" in "\n".join(screen_lines(app))
        assert "leerpunten-de-hoek-" in app.screen.query_one("#file", Input).value
        target = tmp_path / "leerpunten.csv"
        app.screen.query_one("#file", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        rows = csv_rows(target.read_bytes())
        assert sorted(r[5] for r in rows[1:]) == sorted(shown) and len(rows) == len(shown) + 1  # the text column
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_meetings(pilot)
        count = len(table.rows)
        await pilot.press("e")
        await pilot.pause()
        word = "1 bijeenkomst" if count == 1 else f"{count} bijeenkomsten"
        assert f"{word} exporteren naar" in "\n".join(screen_lines(app))
        target = tmp_path / "bijeenkomsten.json"
        app.screen.query_one("#file", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        import json

        assert len(json.loads(target.read_text())) == count


async def test_the_preview_shows_the_columns_and_k_maps_one_by_hand(small_dir, tmp_path):
    from tui.dialogs.line_dialog import LineDialog

    plan = tmp_path / "plan.csv"
    plan.write_bytes(csv_bytes([["Actie", "Eigenaar", "Moet af zijn op"], ["Nieuwe folder", "Karim", "1-2-2027"]]))
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(plan)
        await pilot.press("enter")
        await settle(pilot)
        text = "\n".join(screen_lines(app))
        assert "kolom A 'Actie' → actie" in text and "kolom C 'Moet af zijn op' → genegeerd" in text
        assert "wordt genegeerd maar bevat datums" in text
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, LineDialog)
        app.screen.query_one(Input).value = "Moet af zijn op=deadline"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        text = "\n".join(screen_lines(app))
        assert "kolom C 'Moet af zijn op' → deadline" in text and "bevat datums" not in text
        await pilot.press("k")
        await pilot.pause()
        app.screen.query_one(Input).value = "Bestaat niet=deadline"  # no such column: said, mapping kept
        await pilot.press("enter")
        await settle(pilot)
        assert "geen kolom 'Bestaat niet'" in "\n".join(screen_lines(app))
        assert app.screen.columns == {"Moet af zijn op": "deadline"}
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
        (made,) = [a for a in make_store(small_dir).records(Action, "de-hoek") if a.title == "Nieuwe folder"]
        assert str(made.deadline) == "2027-02-01"


async def test_the_app_imports_a_wide_kpi_sheet(small_dir, tmp_path):
    from textual.widgets import Select

    from store.model.records import Kpi

    store = make_store(small_dir)
    action = store.records(Action, "de-hoek")[0]
    kpi = store.add(Kpi(action=action.id, name="Teruggebeld binnen een dag"), "de-hoek")
    sheet = tmp_path / "kpi.csv"
    sheet.write_bytes(csv_bytes([["Indicator", "okt 2026"], [kpi.id, "42"]]))
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(sheet)
        app.screen.query_one("#kind", Select).value = "measurements"
        await pilot.press("enter")
        await settle(pilot)
        text = "\n".join(screen_lines(app))
        assert "kolom B 'okt 2026' → meting op 2026-10-31" in text and "1 nieuw" in text
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
    points = make_store(small_dir).get(kpi.id).measurements
    assert [(str(m.date), m.value) for m in points if str(m.date) == "2026-10-31"] == [("2026-10-31", 42.0)]
