"""The benchmarks must not rot: generate tiny data and run one comparison."""

import datetime as dt
import os
import shutil

import pytest

from benchmarks import run
from benchmarks.datagen import build_spiegel, plan
from store.queries import ActionFilter
from store.records import Action
from store.repository import Store

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
    if shutil.which("task") is None:  # CI installs it; never skip there
        if os.environ.get("CI"):
            pytest.fail("taskwarrior missing in CI: .ci/run must apt-get install taskwarrior")
        pytest.skip("taskwarrior not installed: apt-get install -y taskwarrior")
    rows = run.run_size(50, repeat=1, work=tmp_path)
    assert {r["name"] for r in rows} >= {"list --overdue vs task +OVERDUE list"}
    assert all(r["ratio"] > 0 for r in rows)
    assert "| 50 |" in "\n".join(run.report(rows, 1))
