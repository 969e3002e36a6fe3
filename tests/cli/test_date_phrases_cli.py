"""Issue 29 on the command line (SPIEGEL_TODAY is Monday 23 November 2026): a
weekday, a week number or '3 dagen geleden' for what already happened is the most
recent such day; a measurement ahead is refused naming the field in Dutch; a
meeting or visit ahead needs its year."""

from __future__ import annotations

import json

import pytest

from store.model.records import Action
from store.model.vocab import Status


@pytest.mark.parametrize("typed, stored", [
    ("vr", "2026-11-20"), ("vrijdag", "2026-11-20"), ("vorige vr", "2026-11-20"), ("afgelopen vrijdag", "2026-11-20"),
    ("ma", "2026-11-23"), ("wk 47", "2026-11-16"), ("week 48", "2026-11-23"), ("vorige week", "2026-11-16"),
    ("3 dagen geleden", "2026-11-20"), ("gisteren", "2026-11-22"), ("15-12", "2025-12-15"),
])
def test_a_visit_and_a_meeting_typed_as_people_say_them(run, two_units, typed, stored):
    assert run("visit", "add", "hoek", "--datum", typed).stdout == "B-1\n"
    assert json.loads(run("show", "B-1", "--json").stdout)["date"] == stored
    made = run("meetings", "add", "--unit", "hoek", "--datum", typed, "--thema", "x").stdout.strip()
    assert json.loads(run("show", made, "--json").stdout)["date"] == stored


def test_a_visit_ahead_needs_its_year(run, two_units):
    refused = run("visit", "add", "hoek", "--datum", "volgende vr", ok=False)
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("spiegel: Datum: ") or "Datum: 'volgende vr'" in refused.stderr, refused.stderr
    assert "27-11-2026" in refused.stderr
    assert run("visit", "add", "hoek", "--datum", "27-11-2026").stdout == "B-1\n"


@pytest.fixture
def kpi(run, two_units):
    with two_units.transaction("praktijk-de-hoek") as txn:
        txn.add(Action(title="Terugbellen", status=Status.IN_PROGRESS))
    run("kpi", "add", "A-1", "Binnen een dag")
    return "K-1"


def test_a_measurement_on_a_weekday_or_a_week_is_the_last_one(run, kpi):
    run("kpi", "measure", kpi, "vr", "5")
    run("kpi", "measure", kpi, "wk 47", "6")
    dates = [m["date"] for m in json.loads(run("show", kpi, "--json").stdout)["measurements"]]
    assert dates == ["2026-11-16", "2026-11-20"]


def test_a_measurement_ahead_is_refused_in_dutch_saying_what_was_read(run, kpi):
    refused = run("kpi", "measure", kpi, "volgende vr", "5", ok=False)
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    assert "Meetdatum: 'volgende vr' is gelezen als vr 27 nov 2026" in refused.stderr, refused.stderr
    assert "date:" not in refused.stderr


def test_help_states_the_rule(run):
    assert "vorige vr" in run("--help").stdout
    assert "laatste zo'n dag" in " ".join(run("kpi", "measure", "--help").stdout.split())
