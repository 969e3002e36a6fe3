"""SVG snapshots at 80×24 of the screens and dialogs the first set (test_snapshots.py)
leaves out: the meetings list, the meeting form with its advice, a unit's KPI list,
the help screen, the discard question and the reason dialog. Regenerate with
`pytest tests/tui --snapshot-update` on textual 8.2.8 only, and read what changed."""

from __future__ import annotations

import datetime as dt

from store.model.records import Kpi, Measurement, Meeting
from tests.tui.helpers import HOSTILE, TODAY, build_small, make_store, open_meetings, open_unit, settle
from tui.app import make_app


def _with_meetings_and_kpi(data_dir):
    build_small(data_dir)
    store = make_store(data_dir)
    with store.transaction("de-hoek") as txn:
        txn.add(Meeting(date=dt.date(2026, 10, 14), theme="Bereikbaarheid", participants=3, listeners=22,
                        duration_min=120, facilitator="Els", questions=["Hoe gaat bellen?"]))
        txn.add(Meeting(date=dt.date(2026, 6, 2), theme=HOSTILE, participants=9, facilitator="Els",
                        minute_taker="Karim", feedback_due=dt.date(2026, 7, 1)))
        points = [Measurement(dt.date(2026, 1, 1) + dt.timedelta(days=30 * n), 40.0 + (n % 3) + (6 if n > 6 else 0))
                  for n in range(11)]
        txn.add(Kpi(action="A-2", name="Terugbelverzoeken binnen een dag", measure_unit="%", baseline=40.0,
                    target=60.0, measurements=points))
    return data_dir


def test_meetings_list(snap_compare, tmp_path):
    app = make_app(_with_meetings_and_kpi(tmp_path / "data"), today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_meetings)


def test_meeting_form_with_advice(snap_compare, tmp_path):
    app = make_app(_with_meetings_and_kpi(tmp_path / "data"), today=TODAY)

    async def open_form(pilot):
        await open_meetings(pilot)
        await pilot.press("enter")  # the latest meeting: 3 participants, 22 listeners, 2 hours
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)


def test_discard_question(snap_compare, tmp_path):
    app = make_app(_with_meetings_and_kpi(tmp_path / "data"), today=TODAY)

    async def typed_then_escape(pilot):
        await open_meetings(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("tab", "tab", *"Wachtkamer", "escape")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=typed_then_escape)


def test_kpi_list_of_the_unit(snap_compare, tmp_path):
    app = make_app(_with_meetings_and_kpi(tmp_path / "data"), today=TODAY)

    async def open_kpis(pilot):
        await open_unit(pilot, "hoek")
        await pilot.press("k")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_kpis)


def test_help_screen(snap_compare, tmp_path):
    app = make_app(_with_meetings_and_kpi(tmp_path / "data"), today=TODAY)

    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_help)


def test_reason_dialog(snap_compare, tmp_path):
    app = make_app(_with_meetings_and_kpi(tmp_path / "data"), today=TODAY)

    async def park(pilot):
        await open_unit(pilot, "hoek")
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=park)
