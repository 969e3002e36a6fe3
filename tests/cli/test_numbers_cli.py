"""Issue 29: numbers as people type them. A negative value needs no `--`, too small
is "te klein", bounds are said with their numbers, and 999999999,99 is shown as
itself."""

from __future__ import annotations

import json

import pytest

from store.model.records import Action
from store.model.runchart import number
from store.model.vocab import Status


@pytest.fixture
def kpi(run, two_units):
    with two_units.transaction("praktijk-de-hoek") as txn:
        txn.add(Action(title="Terugbellen", status=Status.IN_PROGRESS))
    run("kpi", "add", "A-1", "Saldo")
    return "K-1"


def _values(run, kpi):
    return [m["value"] for m in json.loads(run("show", kpi, "--json").stdout)["measurements"]]


def test_a_negative_value_without_dashes(run, kpi):
    assert "Meting -5 op" in run("kpi", "measure", kpi, "1 nov", "-5").stdout
    run("kpi", "measure", kpi, "2 nov", "-2,5", "--notitie", "-3 graden")
    run("kpi", "measure", "--notitie", "x", kpi, "3 nov", "-1.5e2")
    run("kpi", "measure", kpi, "4 nov", "--", "-7")  # the old way still works
    assert _values(run, kpi) == [-5.0, -2.5, -150.0, -7.0]
    note = json.loads(run("show", kpi, "--json").stdout)["measurements"][1]["note"]
    assert note == "-3 graden"


def test_an_unknown_option_is_still_named(run, kpi):
    done = run("kpi", "measure", kpi, "1 nov", "-5", "--bogus", ok=False)
    assert done.returncode != 0 and "'--bogus' bestaat niet" in done.stderr
    assert _values(run, kpi) == []


@pytest.mark.parametrize("typed, words", [
    ("-1000000001", "-1000000001 is te klein"),
    ("1000000000.0000001", "1000000000,0000001 is te groot"),
])
def test_too_small_and_too_large_say_so_with_the_bounds(run, kpi, typed, words):
    done = run("kpi", "measure", kpi, "1 nov", typed, ok=False)
    assert done.stderr.count("\n") == 1 and words in done.stderr and "-1.000.000.000 en 1.000.000.000" in done.stderr
    assert done.stderr.startswith("spiegel: Waarde: ")


def test_the_largest_value_is_shown_as_typed(run, kpi):
    assert "Meting 999999999,99 op" in run("kpi", "measure", kpi, "1 nov", "999999999.99").stdout
    assert number(999999999.99) == "999999999,99" and number(0.1 + 0.2) == "0,3"


def test_a_bound_is_said_with_its_number(run, kpi):
    done = run("kpi", "edit", kpi, "--basis-eerste", "0", ok=False)
    assert "moet minstens 1 zijn, maar is 0" in done.stderr and "…" not in done.stderr
    assert "Basis: eerste N" in done.stderr


def test_help_says_negative_values_need_no_dashes(run):
    assert "-5" in " ".join(run("kpi", "measure", "--help").stdout.split())
