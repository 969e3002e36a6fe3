"""The evaluation meeting on the command line: `kpi correct`, `kpi delete`,
`delete` and `review`, run as a user runs them (one line on stderr when wrong)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from store.model.records import Action, Kpi, Measurement


@pytest.fixture
def measured(two_units):
    store = two_units
    action = store.add(Action(title="Terugbellen", review_date=dt.date(2026, 11, 1), review_cycle="kwartaal"),
                       "praktijk-de-hoek")
    store.add(Kpi(action=action.id, name="Binnen een dag", measure_unit="%", measurements=[
        Measurement(dt.date(2026, 9, 1), 50.0), Measurement(dt.date(2026, 10, 1), 55.0)]), "praktijk-de-hoek")
    return store


def test_a_measurement_is_corrected_deleted_and_restored(run, measured):
    assert run("kpi", "correct", "K-1", "2", "--waarde", "65,5", "--notitie", "typfout").stdout == \
        "K-1: meting verbeterd; nu revisie 2\n"
    assert run("kpi", "delete", "K-1", "1 sep").stdout.startswith("K-1: meting verwijderd; nu revisie 3")
    shown = json.loads(run("show", "K-1", "--json").stdout)
    assert [m["value"] for m in shown["measurements"]] == [65.5]
    run("undo", "K-1")
    shown = json.loads(run("show", "K-1", "--json").stdout)
    assert [m["value"] for m in shown["measurements"]] == [50.0, 65.5]


@pytest.mark.parametrize("args, words", [
    (("kpi", "correct", "K-1", "7", "--waarde", "1"), "geen meting '7'"),
    (("kpi", "correct", "K-1", "1"), "--datum, --waarde of --notitie"),
    (("kpi", "correct", "K-1", "1", "--waarde", "veel"), "Waarde"),
    (("kpi", "correct", "K-1", "1", "--waarde", "140"), "100"),
    (("kpi", "delete", "K-1", "1", "--rev", "9"), "K-1"),
])
def test_a_wrong_correction_says_what_in_one_line(run, measured, args, words):
    done = run(*args, ok=False)
    assert done.returncode != 0 and words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_deleted_finding_leaves_the_lists_and_comes_back_with_undo(run, measured):
    measured.change("A-1", {"findings": ["L-1"]})
    assert run("delete", "L-1").stdout == "L-1 verwijderd (spiegel undo L-1 zet het terug)\n"
    assert "! leerpunt L-1 is verwijderd" in run("show", "A-1").stdout
    assert "verwijderd" in run("show", "L-1").stdout
    units = json.loads(run("units", "--json").stdout)
    assert {u["slug"]: u.get("leerpunten", {}) for u in units}  # still lists, the finding left out
    assert "Verwijderd" in run("undo", "L-1").stdout


def test_review_lists_the_queue(run, measured):
    queue = json.loads(run("review", "de hoek", "--json").stdout)
    assert [(i["id"], i["review_cycle"], i["kpis"]) for i in queue] == [("A-1", "kwartaal", ["K-1"])]
    assert run("review", "gemeente best").stdout == "Geen acties om te evalueren.\n"


def test_a_second_value_on_a_day_is_asked_about_then_replaced_or_kept(run, measured):
    asked = run("kpi", "measure", "K-1", "1 okt", "60", ok=False)
    assert asked.returncode != 0 and "Traceback" not in asked.stderr
    assert "al een meting op" in asked.stderr and "--vervang" in asked.stderr
    assert len(asked.stderr.strip().splitlines()) == 1
    run("kpi", "measure", "K-1", "1 okt", "60", "--vervang")
    shown = json.loads(run("show", "K-1", "--json").stdout)
    assert [m["value"] for m in shown["measurements"]] == [50.0, 60.0]
    run("kpi", "measure", "K-1", "1 okt", "61", "--ook")
    shown = json.loads(run("show", "K-1", "--json").stdout)
    assert [m["value"] for m in shown["measurements"]] == [50.0, 60.0, 61.0]


def test_review_writes_the_meetings_overview_named_like_every_report(run, measured, tmp_path):
    from store.persistence.repository import Store
    from store.moments.reviews import Decision, decide

    meeting = Store(tmp_path / "data", user="tester", today=dt.date(2026, 11, 23))  # the day the CLI runs on
    decide(meeting, "A-1", 1, Decision(verdict="continue", progress=30, study="minder klachten"))
    out = tmp_path / "overzicht.md"
    assert run("review", "de hoek", "--format", "md", "-o", str(out)).stdout.strip() == str(out)
    text = out.read_text()
    assert "Evaluatiebijeenkomst Praktijk De Hoek" in text and "minder klachten" in text
    assert "A-1 Terugbellen" in text and "30%" in text
    done = subprocess.run([sys.executable, "-m", "cli", "review", "de hoek", "--format", "html"],
                          capture_output=True, text=True, env=run.env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "evaluatie-praktijk-de-hoek-2026-11-23.html").is_file()
    assert run("review", "de hoek", "--format", "pdf", ok=False).returncode != 0
