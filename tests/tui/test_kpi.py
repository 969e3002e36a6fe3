"""KPI list and run chart: opening, empty states, adding measurements and KPIs."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from store.records import Kpi, Measurement
from store.vocab import Direction
from tests.tui.helpers import HOSTILE, TODAY, build_small, make_store, screen_lines, settle
from tui.app import make_app
from tui.screens.kpi_screen import KpiListScreen
from tui.screens.run_chart_screen import RunChartScreen
from tui.widgets.kpi_dialogs import KpiForm, NewMeasurement
from tui.widgets.run_chart import RunChart

SHIFTED = [10, 12, 11, 9, 10, 11, 10, 12, 20, 21, 22, 20, 21, 22, 21, 20]


def build_with_kpis(data_dir):
    """build_small plus, on A-2, a KPI with a shift and an empty one."""
    build_small(data_dir)
    store = make_store(data_dir)
    start = dt.date(2025, 8, 1)
    points = [Measurement(dt.date(2025 + (7 + n) // 12, (7 + n) % 12 + 1, 1), float(v)) for n, v in enumerate(SHIFTED)]
    assert points[0].date == start
    points[8].note = "actie gestart"
    with store.transaction("de-hoek") as txn:
        txn.add(Kpi(action="A-2", name="Terugbelverzoeken binnen een dag", measure_unit="%",
                    direction=Direction.HIGHER, baseline=10.0, target=25.0, measurements=points))
        txn.add(Kpi(action="A-2", name=HOSTILE, measure_unit="min", direction=Direction.LOWER))
    return data_dir


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def open_list(pilot, action_id: str | None = "A-2", unit: str = "de-hoek") -> KpiListScreen:
    await settle(pilot)
    pilot.app.push_screen(KpiListScreen(pilot.app.store, unit, action_id))
    await settle(pilot)
    assert isinstance(pilot.app.screen, KpiListScreen)
    return pilot.app.screen


async def test_action_detail_opens_the_kpi_list_and_the_chart(tmp_path):
    from tests.tui.test_action_detail import open_detail

    app = make_app(build_with_kpis(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "A-2")
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, KpiListScreen) and screen.action_id == "A-2"
        assert [row.key for row in screen.table.rows] == ["K-1", "K-2"]
        text = text_of(app)
        assert "Terugbelverzoeken binnen een dag" in text and "verschuiving ↑ goed" in text
        assert "[@click=app.quit]x [b]y[/b]" in text  # the hostile name shows literally (cut short)
        assert screen.table.rows[1].cells[1] == HOSTILE
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        text = text_of(app)
        assert "verschuiving: 8 punten boven de mediaan sinds april 2026 (goed nieuws)" in text
        assert "verschuiving: 8 punten onder de mediaan sinds augustus 2025 (slecht nieuws)" in text
        assert "aug '25" in text and "feb '26" in text  # Dutch month labels on the x axis
        assert app.screen.query_one(DataTable).row_count == 16
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, KpiListScreen)


async def test_text_table_lists_every_measurement_with_its_signal(tmp_path):
    app = make_app(build_with_kpis(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")  # chart hidden: the table is on the first screen
        await settle(pilot)
        assert not app.screen.query_one(RunChart).display
        table = app.screen.query_one(DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[0] == "1 aug 2025" and first[1] == "10 -" and first[2] == "verschuiving"
        ninth = [str(cell) for cell in table.get_row_at(8)]
        assert ninth[1] == "20 +" and ninth[3] == "actie gestart"
        assert "1 aug 2025" in text_of(app)


async def test_new_measurement_with_a_dutch_date_phrase_redraws_at_once(tmp_path):
    data = build_with_kpis(tmp_path / "data")
    app = make_app(data, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewMeasurement)
        app.screen.query_one("#in-date").focus()
        await pilot.press("home", "ctrl+k", *"22 nov")  # a measurement already happened: this 22 November
        assert "→ zo 22 nov" in text_of(app)
        app.screen.query_one("#in-value").focus()
        await pilot.press(*"abc", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NewMeasurement)  # not saved: the error is shown
        assert "geen getal" in text_of(app)
        await pilot.press("ctrl+u", *"19,5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        saved = make_store(data).get("K-1")
        assert saved.measurements[-1].date == dt.date(2026, 11, 22) and saved.measurements[-1].value == 19.5
        assert app.screen.query_one(DataTable).row_count == 17
        assert app.screen.query_one(RunChart).analysis.values[-1] == 19.5
        assert "Meting 19,5 op zo 22 nov opgeslagen bij K-1" in notes(app)


async def test_empty_kpi_and_a_unit_without_kpis_show_a_helpful_text(tmp_path):
    app = make_app(build_with_kpis(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        text = text_of(app)
        assert "Nog geen metingen. Druk n om de eerste meting in te voeren." in text
        assert HOSTILE in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await open_list(pilot, action_id=None, unit="bergdorp")
        assert "Deze eenheid heeft nog geen KPI's. Open een actie en druk Ctrl+T" in text_of(app)
        await pilot.press("enter", "a")  # nothing to open; adding needs an action
        await settle(pilot)
        assert isinstance(app.screen, KpiListScreen) and app.is_running
        await open_list(pilot, action_id="A-3")
        assert "Deze actie heeft nog geen KPI's. Druk a" in text_of(app)


async def test_add_a_kpi_to_an_action_and_edit_it(tmp_path):
    data = build_with_kpis(tmp_path / "data")
    app = make_app(data, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(pilot, action_id="A-3")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, KpiForm)
        await pilot.press(*"Bezoekers e-consultpagina")
        app.screen.query_one("#in-baseline").focus()
        await pilot.press(*"veel", "ctrl+s")
        await settle(pilot)
        assert "geen getal" in text_of(app) and isinstance(app.screen, KpiForm)
        await pilot.press("ctrl+u", *"12,5", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, KpiListScreen)
        added = [k for k in make_store(data).records(Kpi, unit="de-hoek") if k.action == "A-3"]
        assert [(k.name, k.baseline, k.direction) for k in added] == [("Bezoekers e-consultpagina", 12.5, Direction.HIGHER)]
        assert [row.key for row in app.screen.table.rows] == [added[0].id]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#in-target").focus()
        await pilot.press(*"40", "ctrl+s")
        await settle(pilot)
        assert make_store(data).get(added[0].id).target == 40.0
        assert "doel 40" in text_of(app)


async def test_chart_in_english_uses_english_months(tmp_path):
    app = make_app(build_with_kpis(tmp_path / "data"), today=TODAY, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = text_of(app)
        assert "shift: 8 points above the median since April 2026 (good news)" in text
        assert "Aug '25" in text


def test_run_chart_snapshot(snap_compare, tmp_path):
    app = make_app(build_with_kpis(tmp_path / "data"), today=TODAY)

    async def open_chart(pilot):
        await settle(pilot)
        pilot.app.push_screen(RunChartScreen(pilot.app.store, "K-1", "de-hoek"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_chart)
