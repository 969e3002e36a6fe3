"""The CLI's edges (issue 17): which data directory, which language, and one clear
line instead of a traceback for an id of the wrong kind or a directory out of reach."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from store.model.records import Action, Finding, Kpi, Meeting, Unit
from store.persistence.repository import Store
from tests.conftest import write_unit_file


def one_line_error(done, *words: str) -> None:
    assert done.returncode != 0, done.stdout
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def test_global_data_dir_is_where_the_demo_goes(run, tmp_path):
    target = tmp_path / "eigen-demo"
    run("--data-dir", str(target), "demo", "--no-tui")
    assert len(Store(target).slugs()) >= 3
    assert str(target) in run("--data-dir", str(target), "demo", "--no-tui").stderr  # "already there"
    assert not (tmp_path / "data").exists()  # not $SPIEGEL_DATA either


@pytest.mark.parametrize("args", [["list"], ["units"], ["check"], ["show", "A-1"], ["list", "--overdue"], []])
def test_a_mistyped_data_dir_is_an_error_and_is_not_created(run, tmp_path, args):
    typo = tmp_path / "dta"
    one_line_error(run("--data-dir", str(typo), *args, ok=False), str(typo), "bestaat niet")
    assert not typo.exists()


def test_a_missing_spiegel_data_is_an_error_too(run, tmp_path):
    one_line_error(run("list", ok=False), "bestaat niet")
    assert not (tmp_path / "data").exists()


def test_units_add_makes_a_new_data_directory(run, tmp_path):
    new = tmp_path / "nieuw"
    assert run("--data-dir", str(new), "units", "add", "Praktijk Noord").stdout.strip() == "praktijk-noord"
    assert "praktijk-noord" in run("--data-dir", str(new), "units").stdout


@pytest.fixture
def one_of_each(two_units):
    store = two_units
    store.add(Meeting(date=store.today()), "praktijk-de-hoek")
    store.add(Action(title="Folder", findings=["L-1"]), "praktijk-de-hoek")
    store.add(Kpi(name="Bereikbaarheid", action="A-1"), "praktijk-de-hoek")
    return store


@pytest.mark.parametrize("record_id", ["M-1", "L-1", "K-1", "m-1"])
def test_done_on_something_other_than_an_action_is_one_line(run, one_of_each, record_id):
    one_line_error(run("done", record_id, ok=False), record_id, "geen actie")


def test_show_speaks_dutch_with_readable_values(run, one_of_each):
    shown = run("show", "L-1").stdout
    assert "Quick win: nee" in shown and "Tekst: Slecht bereikbaar" in shown and "Reden: -" in shown
    action = run("show", "A-1").stdout
    assert "Leerpunten: L-1" in action and "Eigenaar: -" in action
    for python in ("True", "False", "None", "['", "quick_win", "findings:"):
        assert python not in shown + action


def test_show_in_english(run, one_of_each):
    assert "Quick win: no" in run("--lang", "en", "show", "L-1").stdout
    assert "Learning pts: L-1" in run("--lang", "en", "show", "A-1").stdout


def test_check_counts_in_dutch_and_describes_broken_json_in_words(run, one_of_each, tmp_path):
    assert "bijeenkomsten 1, bevindingen 1, acties 1, kpi's 1" in run("check").stdout
    write_unit_file(tmp_path / "data", "kapot", b'{"unit": {"1": {"name": "Kapot')
    done = run("check", ok=False)
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if "kapot" in x)
    assert "geen geldige JSON" in line and "regel 1" in line
    for python in ("Unterminated", "Expecting", "line 1 column", "char "):
        assert python not in done.stdout + done.stderr


def test_a_record_that_does_not_load_is_described_by_its_field(run, one_of_each):
    path = Path(one_of_each.unit_path("praktijk-de-hoek"))
    data = json.loads(path.read_text())
    data["actions"]["1"]["deadline"] = "eind maart"
    path.write_text(json.dumps(data))
    done = run("check", ok=False)
    assert "deadline" in done.stdout and "Invalid isoformat" not in done.stdout


def settings_file(tmp_path, text: str) -> dict:
    config = tmp_path / "config"
    (config / "spiegel").mkdir(parents=True)
    (config / "spiegel" / "settings.toml").write_text(text)
    return {"XDG_CONFIG_HOME": str(config)}


def test_the_settings_file_gives_language_and_data_dir(run, two_units, tmp_path):
    env = run.env
    env.update(settings_file(tmp_path, f'lang = "en"\ndata_dir = "{tmp_path / "data"}"\n'))
    del env["SPIEGEL_DATA"]
    assert "Kind: learning point" in run("show", "L-1").stdout
    assert "no actions found" in run("list").stdout
    env["SPIEGEL_LANG"] = "nl"  # the environment beats the file, --lang beats both
    assert "geen acties gevonden" in run("list").stdout
    assert "no actions found" in run("--lang", "en", "list").stdout


def test_a_broken_settings_file_is_one_line(run, two_units, tmp_path):
    run.env.update(settings_file(tmp_path, 'lang = "en'))
    one_line_error(run("list", ok=False), "settings.toml", "instellingenbestand")


@pytest.mark.parametrize("lang", ["en_US.UTF-8", "C.UTF-8", "en_GB"])
def test_lang_and_lc_all_no_longer_switch_the_language(run, two_units, lang):
    run.env.update({"LANG": lang, "LC_ALL": lang})
    assert "geen acties gevonden" in run("list").stdout
    assert "Toon dit bericht" in run("--help").stdout


@pytest.fixture(scope="module")
def outsider():
    from tests import unix_users as users

    users.ensure_users()
    base = users.world_readable_base()
    runner = users.Runner(base)
    data = Path(tempfile.mkdtemp(prefix="data-", dir=base))
    os.chmod(data, 0o2770)  # root's group: the test user is not in it
    Store(data, user="root").create_unit(Unit(name="Praktijk A"), "praktijk-a")
    Store(data, user="root").add(Finding(text="x"), "praktijk-a")
    yield runner, data
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize("args", [["list"], ["units"], ["show", "L-1"], ["done", "A-1"], ["check"], [],
                                  ["add", "x", "-u", "praktijk-a"], ["edit", "L-1", "--tekst", "y"]])
def test_a_user_outside_the_group_gets_one_line(outsider, args):
    from tests.unix_users import USER_A

    runner, data = outsider
    done = runner.spiegel(USER_A, "--data-dir", str(data), *args, check=False)
    one_line_error(done, "geen toegang")
