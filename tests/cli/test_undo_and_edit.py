"""`spiegel undo` says whose change it reverts and, with --rev, refuses a change the
user never saw; `spiegel edit --plan/--do/…` merges into the notes as stored."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from store import i18n
from store.model.changes import when_text
from store.persistence.repository import Store

TODAY = dt.date(2026, 11, 23)  # SPIEGEL_TODAY of the `run` fixture


@pytest.fixture
def colleague(two_units) -> Store:
    return Store(two_units.data_dir, user="karim", today=TODAY)


def show(run, record_id: str) -> dict:
    return json.loads(run("show", record_id, "--json").stdout)


def test_undo_says_whose_change_it_reverted(run, two_units, colleague):
    run("add", "Folder", "-u", "hoek")
    changed = colleague.change("A-1", {"owner": "Karim", "progress": 30})
    when = when_text(changed.log[-1]["at"], TODAY)
    assert run("undo", "A-1").stdout == f"A-1: wijziging van karim ({when}) teruggedraaid: Eigenaar, Voortgang; nu revisie 3\n"
    assert (show(run, "A-1")["owner"], show(run, "A-1")["progress"]) == ("", 0)


def test_undo_in_english(run, two_units, colleague):
    run("add", "Folder", "-u", "hoek")
    changed = colleague.change("A-1", {"owner": "Karim"})
    i18n.set_language("en")
    when = when_text(changed.log[-1]["at"], TODAY)
    assert run("--lang", "en", "undo", "A-1", "--rev", "2").stdout == (
        f"A-1: undid the change by karim ({when}): Owner; now revision 3\n"
    )


def test_undo_at_a_stale_revision_refuses_in_one_line(run, two_units, colleague):
    run("add", "Folder", "-u", "hoek")
    run("edit", "A-1", "--owner", "Anna")
    changed = colleague.change("A-1", {"deadline": TODAY})
    done = run("undo", "A-1", "--rev", "2", ok=False)
    when = when_text(changed.log[-1]["at"], TODAY)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"spiegel: A-1 staat niet meer op revisie 2 maar op 3: karim wijzigde Deadline ({when}); "
        "er is niets teruggedraaid — bekijk eerst de nieuwe versie\n"
    )
    action = show(run, "A-1")
    assert (action["rev"], action["owner"], action["deadline"]) == (3, "Anna", "2026-11-23")


def test_edit_merges_pdsa_notes_into_the_stored_ones(run, two_units, colleague):
    run("add", "Folder", "-u", "hoek")
    run("edit", "A-1", "--plan", "folder maken")
    colleague.change("A-1", {}, merge={"pdsa": {"study": "minder vragen"}})
    assert run("edit", "A-1", "--do", "gedrukt", "--eigenaar", "Sanne").stdout == "A-1 rev 4\n"
    action = show(run, "A-1")
    assert action["pdsa"] == {"plan": "folder maken", "study": "minder vragen", "do": "gedrukt"}
    assert action["owner"] == "Sanne"


def test_pdsa_notes_on_a_record_without_them_are_refused(run, two_units):
    done = run("edit", "L-1", "--plan", "x", ok=False)
    assert done.returncode != 0 and done.stderr.count("\n") == 1
    assert "'plan' is geen veld" in done.stderr and "Traceback" not in done.stderr
