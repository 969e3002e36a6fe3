"""The evaluation meeting in the app, walked with the keyboard at 80x24: the review
queue end to end on demo data and on an empty unit, the one-pass entry of KPI
values, correcting and deleting a measurement, and editing, deleting and seeing a
colleague's finding on the capture screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from store.moments.demo import build_demo
from store.model.records import Finding, Kpi, Measurement
from store.persistence.repository import Store
from store.moments.reviews import queue
from store.model.vocab import Status
from tests.tui.helpers import TODAY, build_small, make_store, open_unit, screen_lines, settle
from tests.tui.test_capture import open_capture, with_meeting
from tui.app import make_app
from tui.dialogs.line_dialog import LineDialog
from tui.dialogs.measurement_dialogs import CorrectMeasurement
from tui.dialogs.period_pass_dialog import PeriodPassDialog
from tui.dialogs.reason_dialog import ReasonDialog
from tui.dialogs.review_file_dialog import OverviewFileDialog
from tui.screens.kpi_screen import KpiListScreen
from tui.screens.review_overview_screen import ReviewOverviewScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.run_chart_screen import RunChartScreen
from tui.widgets.capture_list import FindingList
from tui.dialogs.yes_no_dialog import YesNoDialog


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    build_demo(make_store(data_dir))
    return data_dir


def demo_unit_with_kpi_in_queue(store: Store) -> tuple[str, list]:
    """A demo unit whose queue's first action has a KPI (the demo is seeded: stable)."""
    for entry in store.units():
        items = queue(store, entry.slug)
        if len(items) >= 3 and items[0].kpis:
            return entry.slug, items
    pytest.skip("no demo unit with a KPI on its first action due for review")


async def test_the_review_queue_walked_end_to_end_on_demo_data(demo_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where the overview is written
    store = make_store(demo_dir)
    slug, items = demo_unit_with_kpi_in_queue(store)
    first, second, third = (i.action for i in items[:3])
    kpi = items[0].kpis[0]
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, store.unit(slug).name)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        shown = text_of(app)
        assert f"{first.id} · 1/{len(items)}" in shown and "Besluit opslaan" in shown
        # this period's value for the KPI: Enter saves it, the chart redraws with it
        assert app.focused.id == f"in-kpi-{kpi.id}"
        await pilot.press("4", "2", "enter")
        await settle(pilot)
        assert make_store(demo_dir).get(kpi.id).measurements[-1] == Measurement(TODAY, 42.0)
        assert screen.query_one("#rv-chart").analysis.values[-1] == 42.0
        # progress, study and act, then ctrl+s: one decision, the next action shows
        screen.query_one("#in-progress", Input).value = "55"
        screen.query_one("#in-study", Input).value = "<script>alert(1)</script>"
        screen.query_one("#in-next", Input).value = "15 jan"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = make_store(demo_dir).get(first.id)
        assert (saved.progress, saved.pdsa["study"], saved.review_date) == (55, "<script>alert(1)</script>",
                                                                           dt.date(2027, 1, 15))
        assert f"{second.id} · 2/" in text_of(app)
        # skip the second: the third shows; stop the third with a reason
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert f"{third.id} · " in text_of(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")  # an empty reason is refused in place
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"geen budget", "enter")
        await settle(pilot)
        assert make_store(demo_dir).get(third.id).status == Status.STOPPED
        # Escape: the overview, which writes Markdown and HTML in a worker
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewOverviewScreen)
        overview = text_of(app)
        assert "Besloten over 2 van" in overview and "gestopt: geen budget" in overview and "overgeslagen" in overview
        for key in ("m", "h"):  # each asks for the file, suggested as every report is named; Enter writes
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, OverviewFileDialog)
            assert app.screen.query_one("#in-path", Input).value.endswith(f"evaluatie-{slug}-{TODAY}.{key.replace('m', 'md').replace('h', 'html')}")
            await pilot.press("enter")
            await settle(pilot)
        written = sorted(p.name for p in tmp_path.glob("evaluatie-*"))
        assert written == [f"evaluatie-{slug}-{TODAY}.html", f"evaluatie-{slug}-{TODAY}.md"]
        page = (tmp_path / written[0]).read_text()
        assert "<script" not in page and "&lt;script&gt;" in page
        assert "Geschreven:" in notes(app)


async def test_an_empty_unit_says_its_queue_is_empty(tmp_path):
    data_dir = build_small(tmp_path / "data")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "bergdorp")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ReviewOverviewScreen)
        assert "Geen acties om te evalueren" in text_of(app)
        await pilot.press("escape")
        await settle(pilot)
        assert "Bergdorp" in app.screen.sub_title


def with_kpis(data_dir: Path) -> Store:
    build_small(data_dir)
    store = make_store(data_dir)
    with store.transaction("de-hoek") as txn:
        txn.add(Kpi(action="A-2", name="Binnen een dag", measure_unit="%", target=80.0,
                    measurements=[Measurement(dt.date(2026, 10, 1), 50.0), Measurement(dt.date(2026, 11, 1), 55.0)]))
        txn.add(Kpi(action="A-3", name="Klachten", measure_unit="aantal"))
    return store


async def test_one_pass_enters_every_kpi_and_names_the_bad_value(tmp_path):
    store = with_kpis(tmp_path / "data")
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(KpiListScreen(app.store, "de-hoek", None, "De Hoek"))
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PeriodPassDialog)
        shown = text_of(app)
        assert "laatste 55% (zo 1 nov) · doel 80%" in shown and "nog geen meting" in shown
        await pilot.press(*"140", "tab", *"3", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeriodPassDialog)  # the bad value stays, named beside its KPI
        assert "140 is geen percentage" in text_of(app)
        assert store.get("K-2").measurements == [Measurement(TODAY, 3.0)]
        assert len(store.get("K-1").measurements) == 2
        field = dialog.query_one("#in-kpi-K-1", Input)
        field.value = "60"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, KpiListScreen)
        assert store.get("K-1").measurements[-1] == Measurement(TODAY, 60.0)


async def open_chart(pilot, app) -> RunChartScreen:
    await settle(pilot)
    app.push_screen(RunChartScreen(app.store, "K-1", "de-hoek"))
    await settle(pilot)
    app.screen.query_one(DataTable).focus()
    return app.screen


async def test_a_measurement_is_corrected_and_deleted_from_the_chart(tmp_path):
    store = with_kpis(tmp_path / "data")
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chart(pilot, app)
        await pilot.press("down")  # the second row: 1 nov, 55
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CorrectMeasurement)
        app.screen.query_one("#in-value", Input).value = "65"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.get("K-1").measurements[1] == Measurement(dt.date(2026, 11, 1), 65.0)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("enter")  # Enter alone keeps it
        await settle(pilot)
        assert len(store.get("K-1").measurements) == 2
        app.screen.query_one(DataTable).move_cursor(row=0)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert [m.value for m in store.get("K-1").measurements] == [65.0]
        assert "meting verwijderd" in notes(app)
        assert store.undo("K-1").measurements[0].value == 50.0


async def test_capture_edits_deletes_and_shows_a_colleagues_finding(tmp_path):
    data_dir = build_small(tmp_path / "data")
    meeting = with_meeting(data_dir)
    store = make_store(data_dir)
    first = store.add(Finding(meeting=meeting.id, text="Lang wachten"), "de-hoek")
    store.add(Finding(meeting=meeting.id, text="Uitslagen laat"), "de-hoek")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_capture(pilot)
        await pilot.press(*"half getypt")
        # a colleague captures into the same meeting: it shows, the typing stays
        colleague = Store(data_dir, user="karim", today=TODAY)
        colleague.add(Finding(meeting=meeting.id, text="Van de collega"), "de-hoek")
        for _ in range(30):
            await pilot.pause(0.1)
            if "Van de collega" in text_of(app):
                break
        await settle(pilot)
        assert "Van de collega" in text_of(app) and field.value == "half getypt"
        # edit the first: arrows choose, F6 opens the line as the field reads it
        table = app.screen.query_one(FindingList)
        for _ in range(5):
            await pilot.press("up")
        assert table.current.key == first.id
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, LineDialog)
        line = app.screen.query_one(Input)
        assert line.value == "- Lang wachten"
        line.value = "+! Snel geholpen"
        await pilot.press("enter")
        await settle(pilot)
        edited = store.get(first.id)
        assert (edited.text, edited.kind.value, edited.quick_win) == ("Snel geholpen", "positive", True)
        # delete it: asks, Enter keeps, j deletes (a tombstone)
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert not store.get(first.id).deleted
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert store.get(first.id).deleted
        await settle(pilot)
        assert "Snel geholpen" not in text_of(app) and field.value == "half getypt"


async def test_an_action_shows_its_link_to_a_deleted_finding_as_deleted(tmp_path):
    from tests.tui.test_action_detail import open_detail

    data_dir = build_small(tmp_path / "data")
    store = make_store(data_dir)
    store.change("A-2", {"findings": ["L-1"]})
    store.delete("L-1")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-2")
        info = str(screen.query_one("#row-findings").query_one(".form-info").render())
        assert "L-1: (verwijderd) Lang wachten aan de telefoon" in info


async def test_deleting_the_newest_captured_finding_removes_it_from_the_list(tmp_path):
    data_dir = build_small(tmp_path / "data")
    with_meeting(data_dir)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_capture(pilot)
        await pilot.press(*"eerste", "enter", *"tweede", "enter")
        await settle(pilot)
        assert "tweede" in text_of(app)
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await settle(pilot)
        assert "tweede" not in text_of(app) and "eerste" in text_of(app)


def test_the_board_flags_a_pilot_whose_year_ends_within_a_month():
    from store.model.records import Action
    from tui.widgets.phase_board import make_card

    pilot = Action(id="A-1", title="p", phase=2, status=Status.IN_PROGRESS, started_on=TODAY - dt.timedelta(days=350))
    assert make_card(pilot, TODAY).flags == ("evaluatie plannen",)
    pilot.started_on = TODAY - dt.timedelta(days=400)
    assert make_card(pilot, TODAY).flags == ("evalueren",)


async def test_a_colleagues_save_of_the_action_on_screen_shows_and_typed_work_stays(tmp_path):
    """The review screen refreshes like the others: the action shown as a colleague
    saved it, unless something is typed for it (a warning, and the typing stays)."""
    from tests.tui.test_live_refresh import wait_until

    data = tmp_path / "data"
    build_demo(make_store(data))
    store = make_store(data)
    slug, items = demo_unit_with_kpi_in_queue(store)
    first = items[0].action
    colleague = Store(data, user="karin", today=TODAY)
    app = make_app(data, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, store.unit(slug).name)
        await pilot.press("e")
        await settle(pilot)
        assert f"{first.id} · 1/" in text_of(app)
        app.screen.query_one("#in-verdict").focus()
        colleague.change(first.id, {"title": "Terugbellen binnen een uur"})
        assert await wait_until(pilot, lambda: "Terugbellen binnen een uur" in text_of(app), seconds=8)
        assert f"{first.id} is bijgewerkt: karin" in notes(app)
        await settle(pilot)  # the form shown anew, the focus where it was
        assert app.focused.id == "in-verdict"
        app.screen.query_one("#in-progress", Input).value = "77"
        colleague.change(first.id, {"owner": "Karin"})
        assert await wait_until(pilot, lambda: "intussen door iemand anders gewijzigd" in notes(app), seconds=8)
        assert app.screen.query_one("#in-progress", Input).value == "77"
        assert f"{first.id} · 1/" in text_of(app)  # still the same place in the queue
