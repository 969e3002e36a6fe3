"""`spiegel findings capture|list|act|link|park|decline`, run as a user runs them.
two_units holds L-1 on De Hoek (a leerpunt without a meeting)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from store.model.records import Action, Finding, Meeting
from store.persistence.repository import Store
from store.model.vocab import FindingKind, FindingState

HOSTILE = "[b]x[/b] [@click=app.quit]q \x1b]0;pwn\x07 <script>1</script>"


@pytest.fixture
def meeting(two_units) -> Meeting:
    return two_units.add(Meeting(date=dt.date(2026, 11, 10), theme="Bereikbaarheid"), "praktijk-de-hoek")


def findings_of(store: Store) -> dict[str, Finding]:
    return {f.id: f for f in Store(store.location).records(Finding)}


def test_capture_lines_with_the_apps_prefixes(run, two_units, meeting):
    done = run("findings", "capture", meeting.id, "- lange wachttijd", "+ vriendelijke balie !", "? terugbelknop",
               "a: avondspreekuur", "-5 minuten te laat", "--", "-zonder spatie")
    assert done.stdout.splitlines() == [
        "L-2  leerpunt  lange wachttijd", "L-3  positief punt (quick win)  vriendelijke balie", "L-4  tip  terugbelknop",
        "L-5  aanbeveling  avondspreekuur", "L-6  leerpunt  5 minuten te laat", "L-7  leerpunt  zonder spatie"]
    found = findings_of(two_units)
    assert found["L-3"].kind == FindingKind.POSITIVE and found["L-3"].quick_win
    assert {found[i].meeting for i in ("L-2", "L-7")} == {meeting.id} and found["L-2"].theme == "Bereikbaarheid"


def test_capture_from_stdin_with_a_default_kind(run, two_units, meeting):
    done = subprocess.run([sys.executable, "-m", "cli", "findings", "capture", "--soort", "tip", meeting.id, "-"],
                          input="\ufeffeen tip\n\n- toch een leerpunt\n!\n", capture_output=True, text=True, env=run.env)
    assert done.returncode == 0, done.stderr
    found = findings_of(two_units)
    assert [(found[i].kind, found[i].text) for i in ("L-2", "L-3")] == [
        (FindingKind.TIP, "een tip"), (FindingKind.LEERPUNT, "toch een leerpunt")]
    assert "L-4" not in found


def test_capture_stdin_that_is_not_utf8_is_one_line(run, two_units, meeting):
    done = subprocess.run([sys.executable, "-m", "cli", "findings", "capture", meeting.id, "-"],
                          input=b"- caf\xe9\n", capture_output=True, env=run.env)
    assert done.returncode == 1 and b"UTF-8" in done.stderr and len(done.stderr.splitlines()) == 1
    assert len(findings_of(two_units)) == 1


@pytest.mark.parametrize("args, words", [
    (["M-1", "!!", "+"], "geen bevinding om vast te leggen"),
    (["A-3", "- x"], "A-3 is geen bijeenkomst"),
    (["M-99", "- x"], "M-99 bestaat niet"),
    (["--soort", "klacht", "M-1", "x"], "klacht"),
    (["M-1"], "REGEL"),
])
def test_capture_bad_input(run, two_units, meeting, args, words):
    done = run("findings", "capture", *args, ok=False)
    assert done.returncode != 0 and words in done.stderr and len(done.stderr.splitlines()) == 1
    assert len(findings_of(two_units)) == 1


def test_list_filters_and_json(run, two_units, meeting):
    run("findings", "capture", meeting.id, "- een", "+ twee", "- drie")
    run("findings", "park", "L-4", "--reason", "later")
    lines = run("findings", "list").stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "EENHEID", "BIJEENK."] and [ln.split()[0] for ln in lines[1:]] == ["L-1", "L-2", "L-3", "L-4"]
    open_ones = run("findings", "list", "--unit", "hoek", "--state", "open", "--soort", "leerpunt").stdout.splitlines()
    assert [ln.split()[0] for ln in open_ones[1:]] == ["L-1", "L-2"]
    parked = json.loads(run("findings", "list", "--state", "geparkeerd", "--json").stdout)
    assert [(f["id"], f["state"], f["reason"], f["unit"]) for f in parked] == [("L-4", "parked", "later", "praktijk-de-hoek")]
    assert [f["id"] for f in json.loads(run("findings", "list", "--meeting", "M-1", "--json").stdout)] == ["L-2", "L-3", "L-4"]
    assert run("findings", "list", "--unit", "best").stdout == "geen bevindingen gevonden\n"
    bad = run("findings", "list", "--state", "klaar", ok=False)
    assert bad.returncode == 1 and "open, omgezet in acties, geparkeerd, afgewezen" in bad.stderr


def test_act_with_titles_owner_and_due(run, two_units):
    assert run("findings", "act", "L-1", "--title", "Terugbellen", "--title", "Extra lijn", "--owner", "Sanne",
               "--due", "15-1", "--rev", "1").stdout == "A-1 A-2\n"
    store = Store(two_units.location)
    actions = [store.get(i) for i in ("A-1", "A-2")]
    assert [(a.title, a.owner, a.deadline, a.findings) for a in actions] == [
        ("Terugbellen", "Sanne", dt.date(2027, 1, 15), ["L-1"]), ("Extra lijn", "Sanne", dt.date(2027, 1, 15), ["L-1"])]
    assert store.get("L-1").state == FindingState.ACTIONS


def test_act_without_a_title_takes_the_leerpunt(run, two_units):
    assert run("findings", "act", "L-1").stdout == "A-1\n"
    assert Store(two_units.location).get("A-1").title == "Slecht bereikbaar"


def test_link_park_and_decline(run, two_units, meeting):
    run("add", "Bestaande actie", "--unit", "hoek")
    run("findings", "capture", meeting.id, "- een", "- twee")
    assert run("findings", "link", "L-1", "A-1").stdout == "L-1 → A-1\n"
    assert run("findings", "park", "L-2", "--reden", "na de verbouwing").stdout == "L-2 geparkeerd rev 2\n"
    assert run("findings", "decline", "L-3", "--reason", HOSTILE).stdout.startswith("L-3 afgewezen rev 2")
    store = Store(two_units.location)
    assert store.get("A-1").findings == ["L-1"] and store.get("L-1").state == FindingState.ACTIONS
    assert (store.get("L-2").state, store.get("L-2").reason) == (FindingState.PARKED, "na de verbouwing")
    reason = store.get("L-3").reason
    assert "[b]x[/b] [@click=app.quit]q" in reason and "<script>1</script>" in reason and "\x1b" not in reason


@pytest.mark.parametrize("args, words, code", [
    (["act", "A-1"], "A-1 is geen bevinding", 1),
    (["act", "L-1", "--due", "ooit"], "'ooit' is geen datum", 1),
    (["act", "L-1", "--rev", "5"], "revisie 5", 1),
    (["link", "L-1", "M-1"], "M-1 is geen actie", 1),
    (["link", "L-1", "A-77"], "A-77", 1),
    (["park", "L-1"], "--reason", 2),
    (["park", "L-1", "--reason", "   "], "geef een reden", 1),
    (["decline", "L-1", "--reason", "nee", "--rev", "9"], "revisie 9", 1),
    (["decline", "L-42", "--reason", "nee"], "L-42 bestaat niet", 1),
])
def test_bad_decisions_are_one_line_and_change_nothing(run, two_units, args, words, code):
    before = findings_of(two_units)["L-1"].rev
    done = run("findings", *args, ok=False)
    assert done.returncode == code and words in done.stderr and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert findings_of(two_units)["L-1"].rev == before and Store(two_units.location).records(Action) == []


def test_hostile_capture_prints_without_escapes(run, two_units, meeting):
    out = run("findings", "capture", meeting.id, "- " + HOSTILE).stdout + run("findings", "list").stdout
    assert "[b]x[/b] [@click=app.quit]q" in out and "\x1b" not in out and "\x07" not in out


def test_help_in_both_languages(run, two_units):
    assert "zoals in de app" in run("findings", "capture", "--help").stdout
    assert "as in the app" in run("--lang", "en", "findings", "capture", "--help").stdout
    assert "Turn a leerpunt into improvement actions" in run("--lang", "en", "findings", "act", "--help").stdout
