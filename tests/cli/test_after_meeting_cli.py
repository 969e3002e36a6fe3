"""`spiegel feedback`, `spiegel teams`, `spiegel compare`: what a facilitator types
after a meeting, and one clear line on stderr for what is wrong."""

from __future__ import annotations

import datetime as dt
import json
import re

from store.model.records import Action, Finding, Meeting, Team, Unit
from store.persistence.repository import Store
from store.model.vocab import FindingKind, Status

TODAY = dt.date(2026, 11, 23)


def hoek(tmp_path) -> Store:
    store = Store(tmp_path / "data", user="tester", today=TODAY)
    store.create_unit(Unit(name="Praktijk De Hoek"))
    first = store.add(Meeting(date=dt.date(2025, 10, 1), theme="Bereikbaarheid", feedback_sent=dt.date(2025, 10, 20)),
                      "praktijk-de-hoek")
    second = store.add(Meeting(date=TODAY - dt.timedelta(days=40), theme='Telefoon & "terugbellen"'), "praktijk-de-hoek")
    store.add(Meeting(date=dt.date(2026, 1, 5), theme="Oud"), "praktijk-de-hoek")
    with store.transaction("praktijk-de-hoek") as txn:
        old = txn.add(Finding(text="Keuzemenu is onduidelijk", meeting=first.id))
        txn.add(Finding(text="Lang in de wacht bij het bellen", meeting=first.id))
        txn.add(Finding(text="Nog steeds lang in de wacht bij het bellen", meeting=second.id))
        txn.add(Finding(text="<script>alert(1)</script>", meeting=second.id))
        txn.add(Finding(text="Vriendelijke balie", meeting=second.id, kind=FindingKind.POSITIVE))
        txn.add(Action(title="Keuzemenu vereenvoudigen", status=Status.DONE, findings=[old.id]))
    return store


def test_feedback_list_document_and_sent(run, tmp_path):
    hoek(tmp_path)
    listed = run("feedback", "list").stdout
    lines = listed.splitlines()
    assert re.search(r"M-2 .*! te laat \(uiterlijk ", lines[1])  # late first, in words
    assert "niet gepland" in listed and "verstuurd" in listed
    assert [line.split()[0] for line in run("feedback", "list", "--late").stdout.splitlines()[1:]] == ["M-2"]
    out = tmp_path / "terugkoppeling.html"
    assert run("feedback", "document", "M-2", "--format", "html", "-o", str(out)).stdout.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "Vriendelijke balie" in page and "&amp; &quot;terugbellen&quot;" in page
    md = tmp_path / "t.md"
    run("feedback", "document", "m-2", "-o", str(md))
    assert md.read_text(encoding="utf-8").startswith("# Terugkoppeling: Telefoon \\& \"terugbellen\"")
    done = run("feedback", "sent", "M-2", "--datum", "gisteren")
    assert done.stdout.strip() == "M-2 rev 2: verstuurd 22 nov"
    assert run("feedback", "sent", "M-3", "--onbekend").stdout.strip() == "M-3 rev 2: gegeven, datum onbekend"
    assert run("feedback", "list", "--late").stdout.strip() == "Geen bijeenkomsten met een terugkoppeling om te tonen."
    data = json.loads(run("feedback", "list", "--json").stdout)
    assert {d["id"]: d["state"] for d in data} == {"M-1": "sent", "M-2": "sent", "M-3": "given"}


def test_feedback_mistakes_are_one_line(run, tmp_path):
    hoek(tmp_path)
    for args, message in (
        (("feedback", "sent", "A-1"), "A-1 is geen bijeenkomst"),
        (("feedback", "sent", "M-2", "--datum", "morgen"), "na vandaag"),
        (("feedback", "document", "M-99", "-o", str(tmp_path / "x.md")), "M-99"),
        (("feedback", "document", "M-2", "--format", "pdf", "-o", "x"), "pdf"),
        (("compare", "M-1", "M-1"), "twee verschillende"),
    ):
        done = run(*args, ok=False)
        assert done.returncode != 0 and message in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_teams_add_list_edit_with_advice_on_stderr(run, tmp_path):
    hoek(tmp_path)
    added = run("teams", "add", "Projectteam telefoon", "--unit", "hoek", "--zorgverlener", "Fleur",
                "--zorgverlener", "dr. Jansen", "--patienten", "1")
    assert added.stdout.strip() == "T-1"
    assert "advies: een projectteam telt het best 6 tot 8 leden; dit team telt er 3" in added.stderr
    assert "twee patiënten of partners per zorgverlener" in added.stderr
    assert run("teams", "add", "Kernteam", "--unit", "hoek", "--soort", "kern", "--coordinator", "Marieke",
               "--zorgverlener", "dr. Jansen", "--partners", "2").stdout.strip() == "T-2"
    clash = run("teams", "add", "projectteam TELEFOON", "--unit", "hoek", ok=False)
    assert clash.returncode != 0 and "al een team" in clash.stderr
    edited = run("teams", "edit", "T-1", "--patienten", "4", "--partners", "1", "--rev", "1")
    assert edited.stdout.strip() == "T-1 rev 2" and edited.stderr == ""
    listed = run("teams", "list", "--unit", "hoek").stdout
    assert listed.index("Kernteam") < listed.index("Projectteam telefoon") and "4/1" in listed
    run("add", "Keuzemenu aanpassen", "--unit", "hoek", "--owner", "Projectteam telefoon")
    data = json.loads(run("teams", "list", "--json").stdout)
    assert [(d["id"], d["members"], d["advice"]) for d in data] == [("T-1", 7, []), ("T-2", 4, [])]
    assert "1" in run("teams", "list").stdout.splitlines()[2].split()  # one open action for the team
    bad = run("teams", "add", "X", "--unit", "hoek", "--soort", "stuurgroep", ok=False)
    assert bad.returncode != 0 and "stuurgroep" in bad.stderr and "Traceback" not in bad.stderr


def test_compare_two_meetings(run, tmp_path):
    hoek(tmp_path)
    out = run("compare", "M-2", "M-1").stdout
    assert out.splitlines()[0].startswith("Eerder: M-1")
    assert "Thema's die terugkwamen (1)" in out and "Sindsdien opgelost, alle acties afgerond (1)" in out
    assert "Nieuw (1)" in out and "<script>alert(1)</script>" in out
    data = json.loads(run("compare", "M-1", "M-2", "--json").stdout)
    assert data["solved"] == ["L-1"] and data["new"] == ["L-4"]


def test_help_in_english(run, tmp_path):
    hoek(tmp_path)
    assert "Write the feedback for the participants" in run("--lang", "en", "feedback", "document", "--help").stdout
    assert "never named" in run("--lang", "en", "teams", "--help").stdout
