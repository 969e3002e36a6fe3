"""The phase board: four columns, moving an action a phase with the keyboard (saved
through the Store, conflicts shown), the pilot-evaluation flag in words, empty states."""

from __future__ import annotations

import datetime as dt

from store.model.records import Action, Unit
from store.model.vocab import Status
from tests.tui.helpers import HOSTILE, TODAY, make_store, open_unit, screen_lines, settle
from tui.app import make_app
from tui.screens.board_screen import BoardScreen
from tui.screens.conflict_screen import ConflictScreen
from tui.widgets.phase_board import PhaseBoard


async def open_board(pilot, name_part: str = "hoek") -> PhaseBoard:
    await open_unit(pilot, name_part)
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BoardScreen)
    return pilot.app.screen.query_one(PhaseBoard)


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def ids(board: PhaseBoard) -> list[list[str]]:
    return [[card.action.id for card in column] for column in board.columns]


async def test_columns_counts_and_the_units_phases(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        assert ids(board) == [["A-3", "A-1", "A-4"], ["A-2"], [], []]  # open by deadline, done last
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert "R1 Het andere gesprek: F2" in text and "R4 Anders organiseren: F3" in text
        assert "F1 Basis" in text and "F4 Uitbouw" in text and "3 acties" in text and "1 actie " in text
        assert "! te laat" in text  # A-2 is overdue: marker and word on its card
        assert "✓A-4" in text  # done, marked in text
        assert max(len(line.rstrip()) for line in lines) <= 80
        # The highlighted card's full title is shown below the board.
        assert "Website: uitleg over e-consult" in text and "A-3 · gepland · eigenaar Anouk" in text


async def test_hostile_title_is_literal(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("down")
        assert HOSTILE in text_of(app)


async def test_move_on_and_back_saves_through_the_store(small_dir):
    app = make_app(small_dir, today=TODAY)
    store = make_store(small_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("greater_than_sign")
        await settle(pilot)
        saved = store.get("A-3")
        assert saved.phase == 2 and saved.rev == 2
        assert board.current.action.id == "A-3" and board.column == 1  # the cursor followed it
        await pilot.press("shift+right")
        await settle(pilot)
        assert store.get("A-3").phase == 3 and board.column == 2
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert store.get("A-3").phase == 2
        assert any("A-3 staat nu in F2" in n.message for n in app._notifications)


async def test_no_phase_before_the_first(small_dir):
    app = make_app(small_dir, today=TODAY)
    store = make_store(small_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert store.get("A-3").phase == 1 and store.get("A-3").rev == 1


async def test_a_conflicting_save_opens_the_conflict_dialog(small_dir, monkeypatch):
    monkeypatch.setattr(BoardScreen, "start_watching", lambda self: None)  # the board keeps its old copy
    app = make_app(small_dir, today=TODAY, user="anna")
    other = make_store(small_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        other.change("A-3", {"owner": "Karim"})
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("enter")  # defaults: my phase, their owner
        await settle(pilot)
        saved = other.get("A-3")
        assert (saved.phase, saved.owner) == (2, "Karim")
        assert isinstance(app.screen, BoardScreen)


async def test_old_pilot_is_flagged_with_a_word(tmp_path):
    store = make_store(tmp_path)
    store.create_unit(Unit(name="Pilotpraktijk"), "pilot")
    store.add(Action(title="Pilot e-consult", phase=2, status=Status.IN_PROGRESS,
                     started_on=TODAY - dt.timedelta(days=400)), "pilot")
    store.add(Action(title="Jonge pilot", phase=2, status=Status.IN_PROGRESS,
                     started_on=TODAY - dt.timedelta(days=30)), "pilot")
    app = make_app(tmp_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot, "pilot")
        assert [c.flags for c in board.columns[1]] == [("evalueren",), ()]
        text = text_of(app)
        assert "! evalueren" in text and "2 acties · 1 !" in text and "1 met ! (te laat of evalueren)" in text
        await pilot.press("right")
        assert "pilot loopt al 400 dagen zonder evaluatie" in text_of(app)


async def test_route_filter(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("r", "r")  # all -> R1 -> R2
        assert ids(board) == [["A-3"], [], [], []]
        assert "R2 Inzet van e-health" in text_of(app)


async def test_empty_unit(tmp_path):
    make_store(tmp_path).create_unit(Unit(name="Praktijk Leeg"), "leeg")
    app = make_app(tmp_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot, "leeg")
        await pilot.press("greater_than_sign", "right", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen) and board.current is None
        text = text_of(app)
        assert "Nog geen acties in deze eenheid" in text and "0 acties" in text


def test_a_card_gives_its_title_a_second_line_before_cutting_it():
    from store.model.records import Action
    from tui.widgets.phase_board import Card

    card = Card(Action(id="A-1", title="Extra bezetting balie tussen 8 en 10 uur"), ("te laat",))
    assert card.lines(19, "> ") == ["> A-1 Extra        ", "   bezetting balie…", "   ! te laat       "]
    assert card.height(19) == 3 and Card(Action(id="A-2", title="Kort"), ()).lines(19) == ["  A-2 Kort         "]
