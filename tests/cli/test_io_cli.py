"""`spiegel import`, `export` and `ical` as a script uses them."""

from __future__ import annotations

import os

from tests.store.interop_helpers import csv_bytes


def test_export_import_and_ical_from_the_command_line(run, two_units, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_bytes(csv_bytes([
        ["Verbeterplan"], [],
        ["Actie", "Wie", "Wanneer", "Status", "Fase"],
        ["=Terugbelservice", "Sanne", "1-2-2027", "loopt", "2"],
        ["Extra lijn", "Piet", "15-3", "nog niet gestart", "9"],
    ]))
    dry = run("import", str(plan), "--unit", "hoek", "--dry-run", ok=False)
    assert dry.returncode == 1  # a row was skipped
    assert "rij 4: nieuw" in dry.stdout and "rij 5: FOUT" in dry.stdout and "'9'" in dry.stdout
    assert "er is niets opgeslagen" in dry.stdout
    assert "=Terugbelservice" not in run("list").stdout

    done = run("import", str(plan), "--unit", "hoek", ok=False)
    assert "geïmporteerd: 1 nieuw" in done.stdout
    assert "=Terugbelservice" in run("list", "--unit", "hoek").stdout

    out = tmp_path / "acties.csv"
    exported = run("export", "--what", "actions", "--unit", "hoek", "-o", str(out))
    assert "1 regel geschreven naar" in exported.stderr
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert "'=Terugbelservice" in out.read_bytes().decode("utf-8-sig")
    again = run("import", str(out), "--unit", "hoek")
    assert "0 nieuw, 0 bijgewerkt, 1 ongewijzigd" in again.stdout

    xlsx = tmp_path / "acties.xlsx"
    run("export", "-o", str(xlsx))  # the extension picks the format
    assert xlsx.read_bytes()[:2] == b"PK"

    json_out = run("export", "--format", "json", "--what", "findings")
    assert '"text": "Slecht bereikbaar"' in json_out.stdout
    calendar = run("ical", "--owner", "sanne")
    assert "BEGIN:VCALENDAR" in calendar.stdout and "Deadline: =Terugbelservice (Praktijk De Hoek)" in calendar.stdout


def test_clear_one_line_errors(run, two_units, tmp_path):
    for args, words in [
        (["export", "--format", "xlsx"], "een xlsx-export heeft een bestand nodig"),
        (["export", "--format", "pdf"], "onbekend formaat 'pdf'"),
        (["export", "--what", "patients"], "onbekend soort gegevens"),
        (["import", str(tmp_path / "weg.csv"), "--unit", "hoek"], "weg.csv: bestand niet gevonden"),
        (["import", "x.csv"], "geef de eenheid"),
        (["import", str(tmp_path), "--unit", "hoek"], "kan dit bestand niet lezen"),
    ]:
        done = run(*args, ok=False)
        assert done.returncode != 0 and words in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_english(run, two_units, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_bytes(csv_bytes([["Action", "Owner"], ["Callback service", "Sanne"]]))
    done = run("--lang", "en", "import", str(plan), "--unit", "hoek", "--dry-run")
    assert "row 2: new" in done.stdout and "dry run: 1 new" in done.stdout
    assert "Put actions, findings, meetings or KPI measurements" in run("--lang", "en", "import", "--help").stdout



def test_every_counted_noun_of_import_and_export_has_a_singular():
    import re

    import store.exchange.interop  # noqa: F401
    import tui  # noqa: F401
    from store.i18n import CATALOGS

    mine = ("interop.", "tui.io.", "cli.help.import", "cli.help.export", "cli.help.ical")
    for lang in ("nl", "en"):
        missing = [key for key, text in CATALOGS[lang].items() if key.startswith(mine) and not key.endswith(".one")
                   and re.search(r"\{(n|count|total|points)\}\)? ?[^\W\d]", text) and key + ".one" not in CATALOGS[lang]]
        assert not missing, lang


def test_list_and_show_never_load_the_spreadsheet_libraries(run, two_units):
    import subprocess
    import sys

    code = ("import sys; from cli.main import run; run(sys.argv[1:]); "
            "heavy = [m for m in ('openpyxl', 'icalendar', 'store.exchange.interop') if m in sys.modules]; "
            "sys.stderr.write(repr(heavy))")
    for args in (["list"], ["show", "L-1"]):
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=run.env)
        assert done.stderr.endswith("[]"), (args, done.stderr)


def test_escape_sequences_in_a_spreadsheet_never_reach_the_terminal(run, two_units, tmp_path):
    plan = tmp_path / "boos.csv"
    plan.write_bytes(csv_bytes([["Actie", "Fase", "Deadline"],
                                ["Titel \x1b]0;gekaapt\x07 [b]x[/b]", "\x1b[2J9", "\x9b31m morgen-ish"]]))
    done = run("import", str(plan), "--unit", "hoek", "--dry-run", ok=False)
    assert "\x1b" not in done.stdout + done.stderr and "\x9b" not in done.stdout + done.stderr
    assert "rij 2: FOUT" in done.stdout and "[b]x[/b]" in done.stdout


def test_the_dry_run_begins_with_the_columns_and_kolom_maps_one(run, two_units, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_bytes("Verbeteractie;Wie;Moet af zijn op\r\nFolder;Sanne;1-3-2027\r\n".encode("cp1252"))
    dry = run("import", str(plan), "--unit", "hoek", "--dry-run")
    lines = dry.stdout.splitlines()
    assert lines[:3] == ["kolom A 'Verbeteractie' → actie", "kolom B 'Wie' → eigenaar",
                         "kolom C 'Moet af zijn op' → genegeerd"]
    assert "bevat datums" in lines[3] and "--kolom \"Moet af zijn op=VELD\"" in lines[3]
    mapped = run("import", str(plan), "--unit", "hoek", "--dry-run", "--kolom", "Moet af zijn op=deadline")
    assert "kolom C 'Moet af zijn op' → deadline" in mapped.stdout
    bad = run("import", str(plan), "--unit", "hoek", "--kolom", "Gereed per=deadline", ok=False)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1 and "geen kolom 'Gereed per'" in bad.stderr
    none = run("import", str(plan), "--unit", "hoek", "--kolom", "Verbeteractie=genegeerd", "--kolom",
               "Moet af zijn op=deadline", ok=False)
    assert "geen kolom met de actie herkend" in none.stderr and "Traceback" not in none.stderr


def test_measurements_from_the_command_line_with_actie(run, two_units, tmp_path):
    sheet = tmp_path / "kpi.csv"
    sheet.write_bytes(csv_bytes([["Indicator", "jan 2026", "feb 2026"], ["Terugbelpercentage", "60", "70"]]))
    refused = run("import", str(sheet), "--unit", "hoek", "--kind", "measurements", ok=False)
    assert refused.returncode == 1 and "een nieuwe KPI hoort bij een actie" in refused.stdout
    from store.model.records import Action

    action = two_units.add(Action(title="Terugbelservice"), "praktijk-de-hoek")
    done = run("import", str(sheet), "--unit", "hoek", "--kind", "measurements", "--actie", action.id)
    assert "kolom B 'jan 2026' → meting op 2026-01-31" in done.stdout and "2 nieuw" in done.stdout
    from store.model.records import Kpi

    (kpi,) = two_units.records(Kpi, "praktijk-de-hoek")
    assert kpi.name == "Terugbelpercentage" and kpi.action == action.id and len(kpi.measurements) == 2
