"""The benchmarks must not rot: generate tiny data and run one comparison."""

import datetime as dt

import pytest

from benchmarks import run
from benchmarks.datagen import build_spiegel, plan
from store.model.queries import ActionFilter
from store.model.records import Action
from store.persistence.repository import Store
from tests import needs

TODAY = dt.date(2026, 11, 23)


def test_plan_is_seeded_and_has_the_promised_shape():
    items = plan(1000, seed=42, today=TODAY)
    assert items == plan(1000, seed=42, today=TODAY)
    open_items = [i for i in items if i["status"].value in ("planned", "in_progress")]
    overdue = [i for i in open_items if i["deadline"] < TODAY]
    assert 0.5 < len(open_items) / 1000 < 0.7 and 0.15 < len(overdue) / len(open_items) < 0.35


def test_spiegel_data_matches_the_plan(tmp_path):
    items = plan(450, seed=1, today=TODAY)
    build_spiegel(tmp_path, items, TODAY)
    store = Store(tmp_path, today=TODAY)
    assert len(store.slugs()) == 3
    overdue = [a for a in store.records(Action) if ActionFilter(overdue=True).matches(a, TODAY)]
    expected = [i for i in items if i["deadline"] < TODAY and i["status"].value in ("planned", "in_progress")]
    assert len(overdue) == len(expected)


def test_one_tiny_comparison_runs(tmp_path):
    needs.need("taskwarrior")
    rows = run.run_size(50, repeat=1, work=tmp_path)
    assert {r["name"] for r in rows} >= {"list --overdue vs task +OVERDUE list"}
    assert all(r["ratio"] > 0 and r["cpu_ratio"] > 0 for r in rows)
    assert "| 50 |" in "\n".join(run.report(rows, 1))


def test_the_comparison_on_the_demos_data_runs(tmp_path):
    """The demo's unit files (meetings, leerpunten, KPIs, logs) against the same
    actions in taskwarrior: every action is there, and both commands ran."""
    needs.need("taskwarrior")
    rows = run.run_demo(60, repeat=1, work=tmp_path)
    assert [r["name"] for r in rows] == ["demo: list --overdue vs task +OVERDUE list", "demo: add (fsynced) vs task add"]
    assert all(r["ratio"] > 0 for r in rows)
    store = Store(tmp_path / "demo-60", today=TODAY)
    assert len(store.records(Action)) == 60 + 2  # the demo's actions and the two adds (warm-up, one run)


def test_tui_benchmark_runs_at_tiny_size(tmp_path):
    from benchmarks import tui

    result = tui.run_tui(60, repeat=1, work=tmp_path, today=TODAY)
    assert len(result["first_frame"]) == 1 and result["first_frame"][0] > 0
    assert result["keystroke_p95"] >= result["keystroke_p50"] > 0 and result["rss_mb"] > 10
    assert result["rows_filtered"] < 60  # the typed filter really narrowed the list
    assert "first frame" in "\n".join(tui.report(result))


def test_edit_cost_is_compared(tmp_path):
    needs.need("taskwarrior")
    rows = run.run_size(40, repeat=1, work=tmp_path)
    assert any(r["name"].startswith("edit") for r in rows)
    store = Store(tmp_path / "spiegel-40", today=TODAY)
    assert store.get("A-21").title == "Bewerkt 1"  # the edits really happened, the last one wins


@pytest.mark.parametrize("screen", ["dashboard", "action_detail"])
def test_an_idle_screen_sends_next_to_nothing(tmp_path, screen):
    """Under a real pty at 80×24 (benchmarks/idle_traffic.py): the dashboard redrew
    itself every 1.5 s (a poll on the screen beneath), the detail screen blinked its
    cursor. Goal: under 1 KB per 10 idle seconds."""
    from benchmarks import idle_traffic
    from store.moments.demo import build_demo

    build_demo(Store(tmp_path, today=idle_traffic.TODAY))
    keys, marker = idle_traffic.SCREENS[screen]
    count, drawn = idle_traffic.idle_bytes(str(tmp_path), keys, seconds=3.0)
    assert marker.encode() in drawn  # the screen was reached
    assert count < idle_traffic.GOAL_BYTES / 2


def test_an_arrow_key_sends_its_rows_not_the_screen(tmp_path):
    """The list repainted every row per arrow key (a repainting reactive): 3.5-8.5 KB.
    Now its two rows and the detail line; the screen is 80×24 ≈ 4 KB of text alone."""
    from benchmarks import idle_traffic
    from store.moments.demo import build_demo

    build_demo(Store(tmp_path, today=idle_traffic.TODAY))
    keys, marker = idle_traffic.SCREENS["actions"]
    down = "\x1b[B"
    count, drawn = idle_traffic.idle_bytes(str(tmp_path), [*keys, down], seconds=2.0, then=(down,))
    assert marker.encode() in drawn
    assert 0 < count < 2500


@pytest.mark.parametrize("module", ["benchmarks.run", "benchmarks.backends", "benchmarks.portfolio", "benchmarks.tui"])
def test_the_benchmarks_run_without_the_test_extra(module):
    """`import pytest` fails as it does without the test extra: --help still answers
    (benchmarks/backends.py started its PostgreSQL through tests/pg_server.py, which
    imported pytest)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import runpy, sys\nsys.modules['pytest'] = None  # as if not installed\n"
            f"sys.argv = [{module!r}, '--help']\nrunpy.run_module({module!r}, run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0 and "--help" in done.stdout, done.stderr
