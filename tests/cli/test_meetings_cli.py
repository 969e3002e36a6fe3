"""`spiegel meetings add|list|show|edit`, run as a user runs them (SPIEGEL_TODAY is
Monday 23 November 2026)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from store.model.records import Meeting
from store.persistence.repository import Store
from store.model.vocab import MeetingFormat

HOSTILE = "[b]x[/b] [@click=app.quit]q \x1b]0;pwn\x07 <script>1</script>"


def test_add_with_every_field_reads_dates_by_their_rule(run, two_units):
    done = run("meetings", "add", "--unit", "hoek", "--datum", "12-11", "--vorm", "focusgroep", "--thema", "Bereikbaarheid",
               "--vraag", "Hoe, en wanneer belt u?", "--vraag", "Wat mist u?", "--deelnemers", "9", "--toehoorders", "6",
               "--gespreksleider", "Els", "--notulist", "Bram", "--duur", "90", "--rondes", "2", "--invoer", "npa,prem",
               "--terugkoppeling", "15-1", "--notities", "goed gesprek")
    assert done.stdout == "M-1\n" and done.stderr == ""  # follows every rule of thumb: no advice
    m = Store(two_units.location).get("M-1")
    assert (m.unit, m.date, m.format, m.questions) == (
        "praktijk-de-hoek", dt.date(2026, 11, 12), MeetingFormat.FOCUSGROEP, ["Hoe, en wanneer belt u?", "Wat mist u?"])
    assert (m.participants, m.listeners, m.facilitator, m.minute_taker, m.duration_min, m.rounds) == (9, 6, "Els", "Bram", 90, 2)
    assert (m.inputs, m.feedback_due, m.notes) == (["npa", "prem"], dt.date(2027, 1, 15), "goed gesprek")


def test_a_yearless_meeting_date_is_the_latest_one(run, two_units):
    run("meetings", "add", "--unit", "hoek", "--datum", "15-12")
    assert Store(two_units.location).get("M-1").date == dt.date(2025, 12, 15)


def test_advice_goes_to_stderr_and_never_blocks(run, two_units):
    done = run("meetings", "add", "--unit", "hoek", "--datum", "gisteren", "--deelnemers", "3", "--toehoorders", "25")
    assert done.stdout == "M-1\n"
    advice = done.stderr.splitlines()
    assert "spiegel: advies: 3 deelnemers is te weinig: minimaal 5, ideaal 8–12" in advice
    assert any("toehoorders" in line for line in advice) and any("gespreksleider" in line for line in advice)


@pytest.mark.parametrize("args, words", [
    (["--unit", "hoek", "--datum", "morgenochtend"], "'morgenochtend' is geen datum"),
    (["--unit", "hoek", "--datum", "1-11", "--deelnemers", "veel"], "veel"),
    (["--unit", "hoek", "--datum", "1-11", "--vorm", "pizza-avond"], "spiegelgesprek, focusgroep"),
    (["--unit", "nergens", "--datum", "1-11"], "nergens"),
    (["--datum", "1-11"], "geef --unit EENHEID"),
    (["--unit", "hoek"], "geef --datum DATUM"),
    (["--unit", "hoek", "--datum", "1-11", "--kleur", "rood"], "--kleur"),
])
def test_bad_input_is_one_line_and_writes_nothing(run, two_units, args, words):
    done = run("meetings", "add", *args, ok=False)
    assert done.returncode != 0 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and words in done.stderr and "Traceback" not in done.stderr
    assert Store(two_units.location).records(Meeting) == []


def test_list_latest_first_with_findings_count_and_json(run, two_units):
    run("meetings", "add", "--unit", "hoek", "--datum", "2026-03-01", "--thema", "Oud")
    run("meetings", "add", "--unit", "best", "--datum", "2026-10-01", "--thema", "Nieuw", "--terugkoppeling", "2026-11-01")
    run("findings", "capture", "M-1", "- een", "+ twee")
    lines = run("meetings", "list").stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "EENHEID", "DATUM"]
    assert [line.split()[0] for line in lines[1:]] == ["M-2", "M-1"]
    assert "≤ 2026-11-01 te laat" in lines[1]
    assert run("meetings", "list", "--unit", "hoek").stdout.splitlines()[1].split()[:5] == ["M-1", "2026-03-01", "spiegelgesprek", "2", "-"]
    data = json.loads(run("meetings", "list", "--json").stdout)
    assert [(m["id"], m["unit"], m["findings"]) for m in data] == [("M-2", "gemeente-best", 0), ("M-1", "praktijk-de-hoek", 2)]
    assert run("--lang", "en", "meetings", "list", "--unit", "best").stdout.split()[:3] == ["ID", "DATE", "FORMAT"]


def test_show_fields_advice_and_findings(run, two_units):
    run("meetings", "add", "--unit", "hoek", "--datum", "2026-11-02", "--deelnemers", "4")
    run("findings", "capture", "M-1", "- lange wachttijd!")
    shown = run("meetings", "show", "M-1").stdout
    assert "Deelnemers: 4" in shown and "Advies:" in shown and "4 deelnemers is te weinig" in shown
    assert "Bevindingen (1):" in shown and "L-2  leerpunt (quick win)  [open]  lange wachttijd" in shown
    data = json.loads(run("meetings", "show", "M-1", "--json").stdout)
    assert data["participants"] == 4 and [f["id"] for f in data["findings"]] == ["L-2"] and data["advice"]
    done = run("meetings", "show", "L-1", ok=False)
    assert done.returncode == 1 and "L-1 is geen bijeenkomst" in done.stderr


def test_edit_fields_clear_one_and_a_stale_revision_is_a_conflict(run, two_units):
    run("meetings", "add", "--unit", "hoek", "--datum", "2026-11-02", "--terugkoppeling", "1-12")
    assert run("meetings", "edit", "M-1", "--terugkoppeling-verstuurd", "gisteren", "--gespreksleider", "Els",
               "--terugkoppeling", "-", "--rev", "1").stdout == "M-1 rev 2\n"
    m = Store(two_units.location).get("M-1")
    assert (m.feedback_sent, m.facilitator, m.feedback_due) == (dt.date(2026, 11, 22), "Els", None)
    done = run("meetings", "edit", "M-1", "--thema", "x", "--rev", "1", ok=False)
    assert done.returncode == 1 and "revisie 1" in done.stderr and Store(two_units.location).get("M-1").theme == ""
    run("meetings", "edit", "M-1", "--vraag", "Wat ging goed?", "--vraag", "Wat kan beter?")
    assert Store(two_units.location).get("M-1").questions == ["Wat ging goed?", "Wat kan beter?"]
    run("meetings", "edit", "M-1", "--vraag", "-")
    assert Store(two_units.location).get("M-1").questions == []
    nothing = run("meetings", "edit", "M-1", ok=False)
    assert nothing.returncode == 2 and "--veld" in nothing.stderr
    wrong = run("meetings", "edit", "A-1", "--thema", "x", ok=False)
    assert wrong.returncode == 1 and "geen bijeenkomst" in wrong.stderr


def test_hostile_text_round_trips_and_prints_without_escapes(run, two_units):
    run("meetings", "add", "--unit", "hoek", "--datum", "1-11", "--thema", HOSTILE, "--vraag", HOSTILE)
    theme = Store(two_units.location).get("M-1").theme
    assert "[b]x[/b] [@click=app.quit]q" in theme and "<script>1</script>" in theme and "\x1b" not in theme
    for args in (["meetings", "list"], ["meetings", "show", "M-1"]):
        out = run(*args).stdout
        assert "[b]x[/b] [@click=app.quit]q" in out and "\x1b" not in out and "\x07" not in out


def test_help_in_dutch_and_english(run, two_units):
    assert "Nieuwe bijeenkomst" in run("meetings", "add", "--help").stdout
    english = run("--lang", "en", "meetings", "add", "--help").stdout
    assert "A new meeting" in english and "Number of participants" in english


def test_organiser_afspiegeling_and_start_time_are_kept_shown_and_advised(run, two_units):
    """Seed 001: who organised it, how the participants mirror the target group, about
    1.5 hours, and an evening slot when working people belong to the target group."""
    done = run("meetings", "add", "--unit", "hoek", "--datum", "12-11", "--organisator", "hagro", "--duur", "120",
               "--afspiegeling", "jong en oud; weinig werkenden", "--werkenden", "ja", "--begintijd", "14.00",
               "--gespreksleider", "Els", "--notulist", "Bram")
    assert done.stdout == "M-1\n"
    advice = done.stderr.splitlines()
    assert any("120 minuten" in line and "1,5 uur" in line for line in advice)
    assert any("avonduren" in line for line in advice)
    shown = json.loads(run("meetings", "show", "M-1", "--json").stdout)
    assert (shown["organiser"], shown["afspiegeling"], shown["working_target"], shown["start_time"]) == (
        "hagro", "jong en oud; weinig werkenden", True, "14:00")
    plain = run("show", "M-1").stdout
    assert "Organisator: Hagro" in plain and "Afspiegeling: jong en oud; weinig werkenden" in plain
    evening = run("meetings", "edit", "M-1", "--begintijd", "19:30", "--duur", "90")
    assert "avond" not in evening.stderr and "1,5 uur" not in evening.stderr
