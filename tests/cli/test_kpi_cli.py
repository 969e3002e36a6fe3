"""`spiegel kpi`: add, measure, edit and show, run as a user runs them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from store.model.records import Action, Kpi, Measurement
from store.persistence.repository import Store
from store.model.vocab import Status

OLD = [10, 12, 11, 9, 10, 11, 10, 12, 11, 10]
IMPROVED = [20, 21, 22, 20, 21, 22, 21, 20]


@pytest.fixture
def started(two_units):
    """An action on De Hoek that started on 1 April 2026."""
    store: Store = two_units
    with store.transaction("praktijk-de-hoek") as txn:
        txn.add(Action(title="Terugbellen", status=Status.IN_PROGRESS, started_on=dt.date(2026, 4, 1)))
    return store


def measure_monthly(run, kpi_id, values, start=(2025, 6)):
    for n, value in enumerate(values):
        year, month = divmod(start[0] * 12 + start[1] - 1 + n, 12)
        run("kpi", "measure", kpi_id, f"{year}-{month + 1:02d}-01", str(value))


def test_add_measure_and_show_in_words(run, started):
    assert run("kpi", "add", "A-1", "Binnen een dag", "--eenheid", "%", "--doel", "25", "--nulmeting", "10").stdout == "K-1\n"
    measure_monthly(run, "K-1", OLD + IMPROVED)
    assert run("kpi", "measure", "K-1", "15 nov", "19,5", "--notitie", "na de centrale").stdout == \
        "Meting 19,5 op zo 15 nov opgeslagen bij K-1\n"
    shown = run("kpi", "show", "K-1").stdout
    assert "Basisperiode: de eerste 10 metingen (t/m 1 mrt 2026), mediaan 10,5" in shown
    assert "basisperiode: 10 metingen, 10 naast de mediaan, runs: 7 (verwacht 3 tot 9, Perla tabel 1)" in shown
    assert "verschuiving: 9 punten boven de mediaan sinds april 2026 (goed nieuws) " \
           "[punten 11–19: 2026-04-01 t/m 2026-11-15]" in shown
    assert "Regels (IHI, Perla 2011)" in shown and "slecht nieuws" not in shown
    assert "15 nov 2026  19,5 +  verschuiving  na de centrale" in shown


def test_show_json_has_the_analysis(run, started):
    run("kpi", "add", "A-1", "Binnen een dag", "--richting", "lager")
    measure_monthly(run, "K-1", OLD + IMPROVED)
    doc = json.loads(run("kpi", "show", "K-1", "--json").stdout)
    assert doc["kpi"]["direction"] == "lower" and len(doc["kpi"]["measurements"]) == 18
    analysis = doc["analysis"]
    assert (analysis["rules"], analysis["median"], analysis["median_points"]) == ("ihi", 10.5, 10)
    assert analysis["baseline"]["last_date"] == "2026-03-01" and not analysis["baseline"]["too_short"]
    assert [(p["first"], p["last"], p["baseline"], p["runs"]) for p in analysis["periods"]] == \
        [(1, 10, True, 7), (11, 18, False, 1)]
    shift = analysis["signals"][0]
    assert (shift["kind"], shift["side"], shift["verdict"], shift["points"][0], shift["dates"][0]) == \
        ("shift", "above", "bad", 11, "2026-04-01")


def test_edit_moves_the_baseline_and_chooses_the_rules(run, started):
    run("kpi", "add", "A-1", "Binnen een dag")
    measure_monthly(run, "K-1", OLD + IMPROVED)
    assert run("kpi", "edit", "K-1", "--basis-eerste", "12", "--regels", "anhoej").stdout.startswith("K-1 rev")
    doc = json.loads(run("kpi", "show", "K-1", "--json").stdout)
    assert doc["kpi"]["baseline_points"] == 12 and doc["analysis"]["rules"] == "anhoej"
    assert doc["analysis"]["median_points"] == 12
    run("kpi", "edit", "K-1", "--basis-tot", "2025-12-31")
    doc = json.loads(run("kpi", "show", "K-1", "--json").stdout)
    assert (doc["kpi"]["baseline_points"], doc["kpi"]["baseline_end"]) == (None, "2025-12-31")
    assert doc["analysis"]["baseline"]["points"] == 7 and doc["analysis"]["baseline"]["too_short"]
    assert "Basisperiode te kort (7 van minimaal 10 metingen)" in run("kpi", "show", "K-1").stdout
    log = json.loads(run("show", "K-1", "--json").stdout)["log"]
    assert {"baseline_end": [None, "2025-12-31"], "baseline_points": [12, None]} in [e.get("changes") for e in log]


@pytest.mark.parametrize("args,words", [
    (["kpi", "measure", "K-1", "1 nov", "abc"], "geen getal"),
    (["kpi", "measure", "K-1", "1 nov", "nan"], "geen getal"),
    (["kpi", "measure", "K-1", "1 nov", "inf"], "geen getal"),
    (["kpi", "measure", "K-1", "1 nov", "1e308"], "te groot"),
    (["kpi", "measure", "K-1", "1 nov", "100,5"], "geen percentage"),
    (["kpi", "measure", "K-1", "morgen", "5"], "in de toekomst"),
    (["kpi", "measure", "K-1", "ooit", "5"], "geen datum"),
    (["kpi", "measure", "A-1", "1 nov", "5"], "geen KPI"),
    (["kpi", "measure", "K-9", "1 nov", "5"], "bestaat niet"),
    (["kpi", "add", "L-1", "x"], "geen actie"),
    (["kpi", "add", "A-1", "x", "--doel", "200", "--eenheid", "%"], "geen percentage"),
    (["kpi", "edit", "K-1", "--regels", "shewhart"], "kies uit"),
    (["kpi", "edit", "K-1"], "minstens één"),
    (["kpi", "show", "A-1"], "geen KPI"),
])
def test_bad_input_gives_one_line_and_nonzero_exit(run, started, args, words):
    run("kpi", "add", "A-1", "Binnen een dag", "--eenheid", "%")
    done = run(*args, ok=False)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and words in done.stderr, done.stderr
    assert json.loads(run("show", "K-1", "--json").stdout)["measurements"] == []


def test_a_measurement_without_a_year_is_the_most_recent_one(run, started):
    run("kpi", "add", "A-1", "Binnen een dag")
    run("kpi", "measure", "K-1", "1 dec", "5")
    assert json.loads(run("show", "K-1", "--json").stdout)["measurements"][0]["date"] == "2025-12-01"


def test_check_reports_a_stored_unusable_measurement(run, started):
    with started.transaction("praktijk-de-hoek") as txn:
        txn.add(Kpi(action="A-1", name="x", measurements=[Measurement(dt.date(2026, 1, 1), 1.0)]))
    path = started.unit_path("praktijk-de-hoek")
    data = json.loads(open(path).read())
    data["kpis"]["1"]["measurements"][0]["value"] = None
    open(path, "w").write(json.dumps(data))
    done = run("check", ok=False)
    assert done.returncode == 1 and "K-1: meting van 2026-01-01 onbruikbaar" in done.stdout
    assert "! meting van 2026-01-01 onbruikbaar: " in run("kpi", "show", "K-1").stdout
    # A target that is no number at all makes the KPI a bad record (store/model/validate.py).
    data["kpis"]["1"]["target"] = "veel"
    open(path, "w").write(json.dumps(data))
    done = run("check", ok=False)
    assert done.returncode == 1 and "praktijk-de-hoek, K-1, target:" in done.stdout and '"veel"' in done.stdout


def test_english(run, started):
    run.env["SPIEGEL_LANG"] = "en"
    run("kpi", "add", "A-1", "Within a day")
    measure_monthly(run, "K-1", OLD + IMPROVED)
    shown = run("kpi", "show", "K-1").stdout
    assert "shift: 8 points above the median since April 2026 (good news)" in shown
    assert "Rules (IHI, Perla 2011)" in shown
