"""SVG snapshots at 80×24 with NO_COLOR (a projector, a terminal without colour) of
the evaluation meeting's screen and of the `w` pass: where the cursor is must show
without colour (the focused field's label in reverse video), KPI names whole.
Regenerate with `pytest tests/tui/test_snapshots_review.py --snapshot-update` on
textual 8.2.8 only, and read what changed."""

from __future__ import annotations

import datetime as dt

from store.model.records import Kpi, Measurement
from tests.tui.helpers import TODAY, build_small, make_store, open_unit, settle
from tui.app import make_app


def _with_kpis(data_dir):
    build_small(data_dir)
    store = make_store(data_dir)
    with store.transaction("de-hoek") as txn:
        points = [Measurement(dt.date(2026, 1, 1) + dt.timedelta(days=30 * n), 40.0 + (n % 3) + (6 if n > 6 else 0))
                  for n in range(11)]
        txn.add(Kpi(action="A-2", name="Terugbelverzoeken binnen een werkdag afgehandeld", measure_unit="%",
                    baseline=40.0, target=60.0, measurements=points))
        txn.add(Kpi(action="A-3", name="Patiënten die de uitleg over het e-consult op de website vonden",
                    measure_unit="aantal"))
    return data_dir


def test_evaluation_screen_without_colour(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(_with_kpis(tmp_path / "data"), today=TODAY)

    async def to_the_decision(pilot):
        await open_unit(pilot, "hoek")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", "tab")  # from the KPI's value to the progress field
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_the_decision)


def test_w_pass_without_colour(snap_compare, tmp_path, monkeypatch):
    from tui.screens.kpi_screen import KpiListScreen

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(_with_kpis(tmp_path / "data"), today=TODAY)

    async def open_pass(pilot):
        await settle(pilot)
        app.push_screen(KpiListScreen(app.store, "de-hoek", None, "De Hoek"))
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press(*"47")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_pass)
