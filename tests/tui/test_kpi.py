"""KPI list and run chart: opening, empty states, adding measurements and KPIs."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable

from store.model.records import Kpi, Measurement
from store.model.vocab import Direction
from tests.tui.helpers import HOSTILE, TODAY, build_small, make_store, screen_lines, settle
from tui.app import make_app
from tui.screens.kpi_screen import KpiListScreen
from tui.screens.run_chart_screen import RunChartScreen
from tui.dialogs.kpi_dialogs import KpiForm, NewMeasurement
from tui.widgets.run_chart import RunChart

# ten points before A-2 started (its baseline period), eight after
SHIFTED = [10, 12, 11, 9, 10, 11, 10, 12, 11, 10, 20, 21, 22, 20, 21, 22, 21, 20]
STARTED = dt.date(2026, 4, 1)


def build_with_kpis(data_dir):
    """build_small plus, on A-2 (started 1 April 2026), a KPI with a shift and an empty one."""
    build_small(data_dir)
    store = make_store(data_dir)
    start = dt.date(2025, 6, 1)
    points = [Measurement(dt.date(2025 + (5 + n) // 12, (5 + n) % 12 + 1, 1), float(v)) for n, v in enumerate(SHIFTED)]
    assert points[0].date == start and points[10].date == STARTED
    points[10].note = "actie gestart"
    store.change("A-2", {"started_on": STARTED})
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
        assert "slecht nieuws" not in text  # the old level before the action is the baseline, no bad news
        assert "jun '25" in text and "mrt '26" in text  # Dutch month labels on the x axis
        assert app.screen.query_one(DataTable).row_count == 18
        assert "Basisperiode: de eerste 10 metingen (t/m 1 mrt 2026), mediaan 10,5" in text
        periods = str(app.screen.query_one("#kpi-baseline").render())  # wrapped on screen
        assert "basisperiode: 10 metingen, 10 naast de mediaan, runs: 7 (verwacht 3 tot 9, Perla tabel 1)" in periods
        assert str(app.screen.query_one("#kpi-rules").render()).startswith("Regels (IHI, Perla 2011)")  # below the fold
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
        assert first[0] == "1 jun 2025" and first[1] == "10 -" and first[2] == ""
        started = [str(cell) for cell in table.get_row_at(10)]
        assert started[1] == "20 +" and started[2] == "verschuiving" and started[3] == "actie gestart"
        assert "1 jun 2025" in text_of(app)


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
        await pilot.press("home", "ctrl+k", *"1 dec")
        assert "→ ma 1 dec" in text_of(app)  # a measurement happened: last year's 1 December (no year needed)
        await pilot.press("ctrl+u", *"15 nov")
        assert "→ zo 15 nov" in text_of(app)
        app.screen.query_one("#in-value").focus()
        await pilot.press(*"abc", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NewMeasurement)  # not saved: the error is shown
        assert "geen getal" in text_of(app)
        await pilot.press("ctrl+u", *"19,5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        saved = make_store(data).get("K-1")
        assert saved.measurements[-1].date == dt.date(2026, 11, 15) and saved.measurements[-1].value == 19.5
        assert app.screen.query_one(DataTable).row_count == 19
        assert app.screen.query_one(RunChart).analysis.values[-1] == 19.5
        assert "Meting 19,5 op zo 15 nov opgeslagen bij K-1" in notes(app)


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
        assert "Jun '25" in text
        legend = str(app.screen.query_one("#kpi-legend").render())  # wrapped on screen
        assert legend == "Legend: o measurement, S shift, - median, = target, . baseline, | end of baseline"


BASELINE_10 = SHIFTED[:10]
SIGNAL_KPIS = {  # after A-2's start (median of the baseline 10,5)
    "shift": "K-1",
    "trend": BASELINE_10 + [8, 9, 10, 11, 12, 13, 10, 9],
    "outlier": BASELINE_10 + [10, 11, 25, 10, 11, 9, 12, 10],
    "runs": [1, 9] * 7,  # on A-1, not started: all baseline, 14 runs in 14 points
}


def build_signal_kpis(data_dir):
    """build_with_kpis plus a KPI with each other signal kind (K-3 trend, K-4
    outlier, K-5 too many runs)."""
    build_with_kpis(data_dir)
    store = make_store(data_dir)
    with store.transaction("de-hoek") as txn:
        for kind in ("trend", "outlier", "runs"):
            values = SIGNAL_KPIS[kind]
            points = [Measurement(dt.date(2025 + (5 + n) // 12, (5 + n) % 12 + 1, 1), float(v)) for n, v in enumerate(values)]
            txn.add(Kpi(action="A-1" if kind == "runs" else "A-2", name=f"KPI met {kind}", measure_unit="min",
                        direction=Direction.HIGHER, target=15.0, measurements=points))
    return data_dir


@pytest.mark.parametrize("kind,kpi_id", [("shift", "K-1"), ("trend", "K-3"), ("outlier", "K-4"), ("runs", "K-5")])
def test_run_chart_snapshot(snap_compare, tmp_path, monkeypatch, kind, kpi_id):
    """Each signal kind at 80x24 without colour: its own marker, the legend, the
    end of the baseline, and the signal in words."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(build_signal_kpis(tmp_path / "data"), today=TODAY)

    async def open_chart(pilot):
        await settle(pilot)
        pilot.app.push_screen(RunChartScreen(pilot.app.store, kpi_id, "de-hoek"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_chart)


async def test_each_signal_kind_has_its_own_marker_and_words(tmp_path):
    app = make_app(build_signal_kpis(tmp_path / "data"), today=TODAY)
    expected = {
        "K-1": ("V", "verschuiving: 8 punten boven de mediaan sinds april 2026 (goed nieuws)"),
        "K-3": ("T", "trend: 6 punten op rij stijgend sinds april 2026 (goed nieuws)"),
        "K-4": ("U", "uitschieter: 25 in juni 2026, ver boven de gewone spreiding (goed nieuws)"),
        "K-5": (None, "te veel runs: 14, verwacht 4 tot 12 bij 14 punten naast de mediaan (basisperiode"),
    }
    async with app.run_test(size=(80, 24)) as pilot:
        for kpi_id, (marker, words) in expected.items():
            await settle(pilot)
            app.push_screen(RunChartScreen(app.store, kpi_id, "de-hoek"))
            await settle(pilot)
            lines = screen_lines(app)
            chart = "\n".join(lines[3:15])
            assert words in " ".join(line.strip() for line in lines), kpi_id  # wrapped lines joined
            for other in {"V", "T", "U"} - {marker}:
                assert f"{other} " not in lines[15] and other not in chart.replace("Ve", ""), (kpi_id, other)
            if marker:
                assert marker in chart and f"{marker} " in "\n".join(lines[14:17]), kpi_id
            await pilot.press("escape")


def build_edge_kpis(data_dir):
    """KPIs with 0, 1, 2 and 3 measurements, with and without baseline and target,
    and one holding values no chart can draw (written by hand into the file)."""
    import json

    build_small(data_dir)
    store = make_store(data_dir)
    day = dt.date(2026, 1, 1)
    with store.transaction("de-hoek") as txn:
        for count in (0, 1, 2, 3):
            for levels in ({}, {"baseline": 5.0, "target": 5.0}):
                values = [Measurement(day + dt.timedelta(days=30 * n), 5.0) for n in range(count)]
                txn.add(Kpi(action="A-2", name=f"{count} metingen", measurements=values, **levels))
        txn.add(Kpi(action="A-2", name="Kapotte waarden", measure_unit="%", measurements=[
            Measurement(day + dt.timedelta(days=30 * n), float(n)) for n in range(12)]))
    path = store.unit_path("de-hoek")
    data = json.loads(open(path).read())
    bad = next(doc for doc in data["kpis"].values() if doc["name"] == "Kapotte waarden")
    # Values no chart can use are the KPI's problem; a baseline or target of the
    # wrong type would make the whole KPI a bad record (tests/store/test_load_checks.py).
    bad["measurements"][2]["value"], bad["measurements"][4]["value"] = 1e308, None
    open(path, "w").write(json.dumps(data))
    return data_dir


async def test_no_kpi_crashes_the_app_whatever_its_measurements(tmp_path):
    app = make_app(build_edge_kpis(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        assert len(screen.table.rows) == 9
        assert "2 onbruikbare metingen" in screen.table.rows[-1].cells[-1]
        for row in range(9):
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, RunChartScreen) and app.is_running, row
            text = text_of(app)
            if row == 8:
                assert "meting van 2026-03-02 onbruikbaar" in text and "meting van 2026-05-01 onbruikbaar" in text
                assert app.screen.query_one(DataTable).row_count == 10  # the rest of the chart
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is screen
            await pilot.press("down")
        assert not [n for n in app._notifications if n.severity == "error"]


def test_weekly_series_names_each_month_once():
    from tui.widgets.run_chart import ticks

    weekly = [dt.date(2026, 1, 5) + dt.timedelta(weeks=n) for n in range(30)]
    positions, labels = ticks(weekly)
    assert len(labels) == len(set(labels)) and labels[0] == "jan '26" and len(labels) <= 6
    assert all(weekly[p].month != weekly[p - 1].month for p in positions if p)  # the first week of a month
    across = [dt.date(2025, 11, 3) + dt.timedelta(weeks=n) for n in range(12)]
    assert ticks(across)[1] == ["nov '25", "dec", "jan '26"]


@pytest.mark.parametrize("low,high,rows", [(9, 22, 8), (10, 10, 8), (0.12, 0.5, 8), (35, 136, 8), (-3, 4, 5),
                                           (0, 1e9, 8), (99.5, 100, 8), (7.6, 25, 12)])
def test_y_axis_labels_lie_exactly_on_rows(low, high, rows):
    from tui.widgets.run_chart import y_axis

    bottom, top, positions, labels = y_axis(low, high, rows)
    step = (top - bottom) / (rows - 1)
    assert bottom <= low and top >= high and len(positions) == len(labels) >= 2
    for p in positions:
        assert bottom - 1e-9 <= p <= top + 1e-9
        assert abs((p - bottom) / step - round((p - bottom) / step)) < 1e-6  # a whole number of rows


async def test_choosing_the_baseline_period_again_is_a_logged_edit(tmp_path):
    data = build_with_kpis(tmp_path / "data")
    app = make_app(data, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "de eerste 10 metingen" in text_of(app)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#in-baseline_points").focus()
        await pilot.press(*"veel", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, KpiForm) and "geen geheel getal" in text_of(app)
        await pilot.press("ctrl+u", *"12", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        kpi = make_store(data).get("K-1")
        assert kpi.baseline_points == 12 and kpi.log[-1]["changes"] == {"baseline_points": [None, 12]}
        assert "Basisperiode: de eerste 12 metingen (t/m 1 mei 2026)" in text_of(app)
