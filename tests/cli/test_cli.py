"""The scriptable CLI, run as a user runs it."""

import json
import os

import pytest

from tests.conftest import write_unit_file


def test_add_prints_the_id_and_list_shows_it(run, two_units):
    assert run("add", "Terugbelservice", "--unit", "hoek", "--owner", "Team balie", "--due", "vr").stdout == "A-1\n"
    listing = run("list").stdout
    assert "A-1" in listing and "2026-11-27 binnenkort" in listing and "Team balie" in listing


def test_add_from_a_leerpunt_uses_its_unit_and_marks_it(run, two_units):
    run("add", "Extra telefoonlijn", "--from", "L-1", "--phase", "2", "--route", "4")
    action = json.loads(run("show", "A-1", "--json").stdout)
    assert action["unit"] == "praktijk-de-hoek" and action["findings"] == ["L-1"]
    assert json.loads(run("show", "L-1", "--json").stdout)["state"] == "actions"


def test_list_filters(run, two_units):
    run("add", "Oud", "-u", "hoek", "--due", "1-11-2026", "--owner", "Sanne")
    run("add", "Nieuw", "-u", "best", "--due", "+2w", "--owner", "Ruud")
    overdue = json.loads(run("list", "--overdue", "--json").stdout)
    assert [a["title"] for a in overdue] == ["Oud"] and overdue[0]["overdue"] is True
    assert [a["title"] for a in json.loads(run("list", "--owner", "ruud", "--json").stdout)] == ["Nieuw"]
    assert [a["title"] for a in json.loads(run("list", "--unit", "best", "--json").stdout)] == ["Nieuw"]
    assert "te laat" in run("list", "--overdue").stdout


def test_edit_done_undo(run, two_units):
    run("add", "Folder", "-u", "hoek")
    assert run("edit", "A-1", "--eigenaar", "Sanne", "--status", "in uitvoering", "--plan", "bellen").stdout == "A-1 rev 2\n"
    run("done", "A-1")
    action = json.loads(run("show", "A-1", "--json").stdout)
    assert (action["status"], action["progress"], action["pdsa"]) == ("done", 100, {"plan": "bellen"})
    run("undo", "A-1")
    assert json.loads(run("show", "A-1", "--json").stdout)["status"] == "in_progress"
    assert "wijzigingslog" in run("show", "A-1").stdout


@pytest.mark.parametrize("args,words", [
    (["add", "x", "-u", "hoek", "--due", "gisteravond"], "geen datum"),
    (["add", "x"], "--unit"),
    (["add", "x", "-u", "e"], "meer eenheden"),
    (["add", "x", "-u", "nergens"], "geen eenheid"),
    (["show", "A-99"], "bestaat niet"),
    (["show", "Q-1"], "geen id"),
    (["list", "--status", "misschien"], "kies uit"),
    (["list", "--phase", "9"], "--phase"),
])
def test_bad_input_gives_one_line_and_nonzero_exit(run, two_units, args, words):
    done = run(*args, ok=False)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_edit_with_a_stale_revision_is_a_conflict(run, two_units):
    run("add", "Folder", "-u", "hoek")
    run("edit", "A-1", "--owner", "Anna")
    done = run("edit", "A-1", "--owner", "Piet", "--rev", "1", ok=False)
    assert done.returncode == 1 and "gewijzigd" in done.stderr
    assert json.loads(run("show", "A-1", "--json").stdout)["owner"] == "Anna"


def test_units_and_check(run, two_units, tmp_path):
    units = json.loads(run("units", "--json").stdout)
    assert {u["slug"] for u in units} == {"praktijk-de-hoek", "gemeente-best"}
    assert run("check").stdout.count("ok") == 2
    write_unit_file(tmp_path / "data", "kapot", b'{"unit": ')
    done = run("check", ok=False)
    assert done.returncode == 1 and "kapot/unit.json" in done.stdout and "JSON" in done.stdout
    assert "kapot" in run("units").stdout  # listed with its problem, the rest still works


def test_english_output(run, two_units):
    run.env["SPIEGEL_LANG"] = "en"
    done = run("add", "x", "-u", "hoek", "--due", "someday", ok=False)
    assert "is not a date" in done.stderr


# What the everyday commands must not import: click, orjson and tinydb cost more than
# the rest of an add; typing, dataclasses and inspect ~8 ms (benchmarks/results.md);
# atexit: list and add end their process at once (cli/fast.py), so nothing on their
# path may count on an exit handler.
NOT_EVERYDAY = {"click", "orjson", "textual", "tinydb", "typing", "dataclasses", "inspect", "atexit"}


def imported_after(run, *argv: str) -> set[str]:
    """The modules a `spiegel` command line has imported when it ends, beyond exactly
    those the bare interpreter imported before it started.

    Run without `site` (-S): a site package's .pth file may import typing at every
    start (one did here, so the test could not fail); the installed packages stay
    reachable through PYTHONPATH. What start-up imported is asserted free of the
    modules looked for, so an empty difference means the command imported none."""
    import site
    import subprocess
    import sys

    code = (f"import sys\nbefore = set(sys.modules)\nfrom cli.main import run\ncode = run({list(argv)!r})\n"
            "sys.stderr.write(' '.join(before) + '\\n' + ' '.join(set(sys.modules) - before))\nsys.exit(code)")
    path = os.pathsep.join([run.env["PYTHONPATH"], *site.getsitepackages()])
    done = subprocess.run([sys.executable, "-S", "-c", code], env={**run.env, "PYTHONPATH": path},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    *_, before, after = done.stderr.split("\n")
    assert not NOT_EVERYDAY & set(before.split()), "start-up imported them: the test could not fail"
    return set(after.split())


def test_cli_never_imports_textual(run, two_units):
    assert not {"textual", "rich"} & imported_after(run, "list")


@pytest.mark.parametrize("argv", [
    ["list"], ["list", "--overdue", "-u", "hoek", "--status", "gepland", "--phase=1"],
    ["--lang", "en", "list", "-s", "folder"],
    ["add", "Folder", "-u", "hoek", "--due", "vr", "-o", "Sanne", "--route", "2"],
    ["--data-dir", "DATA", "add", "--unit=best", "Folder"],
])
def test_everyday_list_and_add_do_not_import_click_orjson_or_tinydb(run, two_units, argv):
    """Their start-up is most of their cost (benchmarks/results.md)."""
    argv = [run.env["SPIEGEL_DATA"] if a == "DATA" else a for a in argv]
    imported = NOT_EVERYDAY & imported_after(run, *argv)
    assert not imported, sorted(imported)


@pytest.mark.parametrize("argv", [
    ["list", "--overdue", "-u", "hoek", "--status", "gepland"],
    ["add", "Folder", "-u", "hoek", "--due", "vr", "-o", "Sanne"],
])
def test_a_dutch_list_or_add_reads_the_stores_dutch_words_only(run, two_units, argv):
    """Not the English words (read on first use of English), not the app's or click's."""
    imported = imported_after(run, *argv)
    assert "store.words.nl" in imported
    assert not {"store.words.en", "tui.words", "cli.words"} & imported, sorted(imported)


def test_a_whole_process_list_or_add_runs_without_the_collector_and_ends_at_once(run, two_units):
    """The `spiegel` script's list and add run without the cyclic collector and end the
    process as soon as their output is flushed (cli/fast.py); a caller that goes on
    after `run` (tests, scripts) gets control back with the collector on, and other
    commands end as usual. What a user sees is the same: all of the output, exit 0."""
    import subprocess
    import sys

    code = ("import atexit, gc, os, sys\nfrom cli.main import run\nwhole = sys.argv[1] == 'whole'\n"
            "real_exit = os._exit\n"
            "def seen_exit(code):\n    sys.stderr.write(f'ended:{code} gc:{gc.isenabled()}'); sys.stderr.flush()\n"
            "    real_exit(code)\n"
            "os._exit = seen_exit\n"
            "atexit.register(lambda: sys.stderr.write(f'returned gc:{gc.isenabled()}'))\n"
            "sys.exit(run(sys.argv[2:], whole_process=whole))\n")
    for _ in range(30):  # output well beyond a pipe's buffer: flushed before the end
        run("add", "Folder voor de balie", "-u", "hoek", "--due", "vr")
    seen = {}
    for how, argv in [("whole", ["list"]), ("whole", ["add", "x", "-u", "hoek"]), ("part", ["list"]),
                      ("part", ["add", "y", "-u", "hoek"]), ("whole", ["units"]), ("whole", ["list", "--help"])]:
        expected_list = run("list").stdout
        done = subprocess.run([sys.executable, "-c", code, how, *argv], env=run.env, capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, done.stderr
        seen[how, argv[0], argv[-1]] = done.stderr
        if argv == ["list"]:
            assert done.stdout == expected_list and len(done.stdout) > 2000
    assert seen == {("whole", "list", "list"): "ended:0 gc:False", ("whole", "add", "hoek"): "ended:0 gc:False",
                    ("part", "list", "list"): "returned gc:True", ("part", "add", "hoek"): "returned gc:True",
                    ("whole", "units", "units"): "returned gc:True", ("whole", "list", "--help"): "returned gc:True"}


def test_the_fast_path_and_click_agree(run, two_units):
    """`--unit hoek` is parsed without click, `--unit=hoek --` (unusual) by click."""
    assert run("add", "Eerste", "--unit", "hoek", "--due", "1-11-2026").stdout == "A-1\n"
    assert run("add", "--unit=hoek", "--phase", "3", "--", "Tweede").stdout == "A-2\n"
    plain, via_click = run("list").stdout, run("list", "--").stdout
    assert plain == via_click and "Tweede" in plain and "F3/R1" in plain
    assert "A-1" in run("list", "--overdue", "--unit", "hoek").stdout
    assert "-u, --unit EENHEID" in run("add", "--help").stdout


def test_units_add(run, two_units):
    assert run("units", "add", "Huisartsenpraktijk De Linde", "--kind", "praktijk", "--rm", "Inge",
               "--phases", "2,1,1,3").stdout == "huisartsenpraktijk-de-linde\n"
    unit = next(u for u in json.loads(run("units", "--json").stdout) if u["slug"] == "huisartsenpraktijk-de-linde")
    assert (unit["relatiemanager"], unit["phases"]) == ("Inge", {"1": 2, "2": 1, "3": 1, "4": 3})
    again = run("units", "add", "Huisartsenpraktijk De Linde", ok=False)
    assert again.returncode == 1 and "bestaat al" in again.stderr
    assert "kies uit" in run("units", "add", "x", "--kind", "bakkerij", ok=False).stderr
