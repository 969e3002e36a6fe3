"""`spiegel units edit`, `units --mine` and the new fields in `units --json`."""

from __future__ import annotations

import json

import pytest

from store.persistence.repository import Store
from store.moments.units import phase_changes


def unit_json(run, slug: str, *args: str) -> dict:
    return next(u for u in json.loads(run("units", "--json", *args).stdout) if u["slug"] == slug)


def test_edit_changes_name_people_and_places_but_keeps_the_slug(run, two_units):
    done = run("units", "edit", "hoek", "--naam", "HAP De Hoek", "--rm", "Inge de Vries", "--rm-login", "inge",
               "--hagro", "hagro-noord", "--gemeente", "Best")
    assert done.stdout.splitlines() == ["praktijk-de-hoek rev 2"]
    unit = unit_json(run, "praktijk-de-hoek")
    assert (unit["name"], unit["relatiemanager"], unit["relatiemanager_login"], unit["hagro"],
            unit["municipality"]) == ("HAP De Hoek", "Inge de Vries", "inge", "hagro-noord", "Best")
    assert unit["open_leerpunten"] == 1 and unit["last_visit"] is None
    assert (two_units.data_dir / "praktijk-de-hoek" / "unit.json").exists()
    assert run("add", "Nog een", "--unit", "HAP De Hoek").returncode == 0  # the new name finds it


def test_a_phase_change_is_logged_with_who_and_said(run, two_units):
    done = run("units", "edit", "praktijk-de-hoek", "--fase-route", "2=3", "--fase-route", "4=2")
    assert "route 2 van fase 1 naar 3" in done.stdout and "route 4 van fase 1 naar 2" in done.stdout
    run("units", "edit", "praktijk-de-hoek", "--fase", "2,3,1,2")
    unit = Store(two_units.dir).unit("praktijk-de-hoek")
    assert unit.phases == {"1": 2, "2": 3, "3": 1, "4": 2}
    assert [(route, old, new) for _, _, route, old, new in phase_changes(unit)] == [(2, 1, 3), (4, 1, 2), (1, 1, 2)]
    assert all(by for _, by, *_ in phase_changes(unit))


def test_mine_shows_the_units_whose_relatiemanager_logs_in_as_me(run, two_units):
    run("units", "edit", "hoek", "--rm-login", "inge")
    run("units", "edit", "best", "--rm-login", "piet")
    env = {**run.env, "LOGNAME": "inge", "USER": "inge"}
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "cli", "units", "--mine", "--json"], capture_output=True,
                          text=True, env=env)
    assert [u["slug"] for u in json.loads(done.stdout)] == ["praktijk-de-hoek"]
    done = subprocess.run([sys.executable, "-m", "cli", "units", "--mine"], capture_output=True, text=True, env=env)
    assert "praktijk-de-hoek" in done.stdout and "gemeente-best" not in done.stdout


@pytest.mark.parametrize("args, words", [
    (["--fase-route", "5=1"], "route=fase"),
    (["--fase-route", "2"], "route=fase"),
    (["--fase-route", "2=3", "--fase-route", "2=4"], "twee keer"),
    (["--fase", "2,2"], "vier fasen"),
    (["--fase", "2,1,1,1", "--fase-route", "2=3"], "niet allebei"),
    (["--rm-login", "inge; rm -rf /"], "inlognaam"),
    (["--naam", ""], "verplicht"),
    ([], "niets te wijzigen"),
    (["--rev", "7", "--hagro", "x"], "intussen"),
    (["--kleur", "rood"], "--kleur"),
])
def test_bad_input_is_one_line_and_changes_nothing(run, two_units, args, words):
    before = (two_units.data_dir / "praktijk-de-hoek" / "unit.json").read_bytes()
    done = run("units", "edit", "hoek", *args, ok=False)
    assert done.returncode != 0 and words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2  # one line (click adds its 'see --help' line)
    assert (two_units.data_dir / "praktijk-de-hoek" / "unit.json").read_bytes() == before


def test_an_unknown_unit_is_named(run, two_units):
    done = run("units", "edit", "nergens", "--hagro", "x", ok=False)
    assert done.returncode == 1 and "nergens" in done.stderr


def test_units_add_takes_the_new_fields_and_help_is_in_english_with_lang(run, two_units):
    run("units", "add", "Huisartsenpraktijk De Linde", "--rm-login", "inge", "--hagro", "Hagro Noord",
        "--gemeente", "Best")
    unit = unit_json(run, "huisartsenpraktijk-de-linde")
    assert (unit["relatiemanager_login"], unit["hagro"], unit["municipality"]) == ("inge", "Hagro Noord", "Best")
    english = run("--lang", "en", "units", "edit", "--help").stdout
    assert "the slug stays" in english and "ROUTE=PHASE" in english
