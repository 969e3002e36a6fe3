"""The portfolio's figures kept in each unit's list index (store/model/figures.py): the
same facts as counting the records, kept current by writes, judged by today's date
when read, and never trusted: the index is writable by every member of the group."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from store.text import visible_line

from store.model import figures
from store.persistence.files import listing
from store.moments.portfolio import all_facts, portfolio_facts
from store.model.records import Action, Finding, Meeting, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

DAY = dt.timedelta(days=1)


def counted(store: Store, today=TODAY) -> dict:
    """What the portfolio shows of each unit, counted from the records themselves."""
    return {entry.slug: summary(portfolio_facts(store, entry, today)) for entry in store.units()}


def summary(facts) -> tuple:
    unit = facts.unit
    shown = (unit.name, unit.phases, unit.relatiemanager_login, unit.hagro, facts.last_visit) if unit else None
    return (shown, facts.open_leerpunten, facts.open_actions, facts.overdue, facts.duties, facts.last_meeting,
            facts.bad_records, type(facts.problem).__name__)


def cached(store: Store, today=TODAY) -> dict:
    return {facts.slug: summary(facts) for facts in all_facts(store, today)}


@pytest.fixture
def busy(store, unit):
    """A unit with something in every figure: overdue and open actions, a pilot past
    its year, feedback owed, an untreated leerpunt, meetings before and after today."""
    store.add(Meeting(date=TODAY - 40 * DAY, feedback_due=TODAY - 3 * DAY), unit.id)
    store.add(Meeting(date=TODAY + 10 * DAY), unit.id)
    store.add(Finding(text="Wachttijd telefoon"), unit.id)
    store.add(Finding(text="Parkeerplaats", state="parked", reason="gemeente"), unit.id)
    store.add(Action(title="Te laat", deadline=TODAY - 2 * DAY), unit.id)
    store.add(Action(title="Morgen", deadline=TODAY + DAY), unit.id)
    store.add(Action(title="Pilot", phase=2, status="in_progress", started_on=TODAY - 400 * DAY), unit.id)
    store.add(Action(title="Klaar", status="done", deadline=TODAY - 9 * DAY), unit.id)
    return unit


def test_the_figures_say_what_the_records_say(store, busy):
    found = cached(store)
    assert found == counted(store)
    assert found[busy.id][1:6] == (1, 3, 1, 2, TODAY - 40 * DAY)


def test_writes_keep_the_figures_current(store, busy):
    cached(store)  # the figures are kept now
    store.add(Action(title="Nog een te late", deadline=TODAY - DAY), busy.id)
    assert cached(store)[busy.id][3] == 2
    from store.moments.units import change_unit

    change_unit(store, busy.id, name="HAP De Hoek", route_phases={3: 4}, hagro="hagro-noord")
    assert cached(store)[busy.id][0][:4] == ("HAP De Hoek", {"1": 1, "2": 1, "3": 4, "4": 1}, "", "hagro-noord")
    assert cached(store) == counted(store)


def test_overdue_is_judged_by_today_not_frozen_when_written(store, busy):
    cached(store)
    later = TODAY + 5 * DAY  # "Morgen" is overdue by then; the meeting in 10 days is not held yet
    assert cached(store, later) == counted(store, later)
    assert cached(store, later)[busy.id][3] == 2


@pytest.mark.files_only
def test_the_index_holds_the_figures_and_the_portfolio_reads_no_unit_file(store, busy, monkeypatch):
    cached(store)
    header = json.loads(index(store, busy.id).read_bytes().partition(b"\n")[0])
    assert header[3]["open"] == 3 and header[3]["unit"]["name"] == busy.name
    fresh = Store(store.dir, user="tester", today=TODAY)
    monkeypatch.setattr(type(fresh.backend), "read", lambda *a: pytest.fail("a unit file was parsed"))
    assert cached(fresh)[busy.id][1:4] == (1, 3, 1)


@pytest.mark.files_only
def test_a_stale_index_is_rebuilt_and_a_missing_one_made(store, busy):
    cached(store)
    path = index(store, busy.id)
    path.unlink()
    assert cached(Store(store.dir, user="tester", today=TODAY)) == counted(store)
    assert path.exists()
    # Changed behind spiegel's back (the stat key differs): rebuilt, not believed.
    unit_file = store.data_dir / busy.id / "unit.json"
    data = json.loads(unit_file.read_bytes())
    morgen = next(doc for doc in data["actions"].values() if doc["title"] == "Morgen")
    morgen["deadline"] = (TODAY - 30 * DAY).isoformat()
    unit_file.write_text(json.dumps(data))
    assert cached(Store(store.dir, user="tester", today=TODAY))[busy.id][3] == 2


FORGED = [
    None, [], "x", {"v": 1},
    {"open": -1}, {"open": "3"}, {"open": True}, {"leerpunten": 2**80},
    {"deadlines": [["2026-11-01", 99]]},  # more overdue than open actions
    {"deadlines": [["gisteren", 1]]}, {"deadlines": [["2026-02-30", 1]]}, {"deadlines": [[1, 1, 1]]},
    {"deadlines": "2026-11-01"}, {"feedback": ["2026-11-01"]}, {"feedback": [["2026-11-01T00:00", None]]}, {"pilots": [None]},
    {"meetings": {"a": 1}}, {"extra": 1}, {"v": 2},
    {"unit": {"name": 5}}, {"unit": {"name": "x", "phases": {"1": 9}}}, {"unit": {"name": "x", "id": "y",
                                                                                  "relatiemanager_login": "a b"}},
    {"unit": []},
]


@pytest.mark.parametrize("forgery", FORGED, ids=range(len(FORGED)))
def test_a_forged_figure_is_no_figure(store, busy, forgery):
    truth = counted(store)
    cached(store)
    forge(store, busy.id, lambda figures: {**figures, **forgery} if isinstance(forgery, dict) else forgery)
    assert cached(Store(store.location, user="tester", today=TODAY)) == truth


def forge(store, slug, change):
    """Change the unit's kept figures as a colleague with write access could: the
    files' index header, or the database's figures record (its version kept current)."""
    if store.files is not None:
        path = index(store, slug)
        header_line, _, rows = path.read_bytes().partition(b"\n")
        header = json.loads(header_line)
        header[3] = change(header[3])
        path.write_bytes(json.dumps(header).encode() + b"\n" + rows)
        return
    conn = store.backend.conn
    doc = json.loads(conn.execute("SELECT doc::text FROM spiegel.records WHERE unit = %s"
                                  " AND kind = 'portfolio_figures'", (slug,)).fetchone()[0])
    doc["figures"] = change(doc["figures"])
    conn.execute("UPDATE spiegel.records SET doc = %s::json WHERE unit = %s AND kind = 'portfolio_figures'",
                 (json.dumps(doc), slug))


@pytest.mark.database_only
def test_the_database_keeps_figures_as_a_record_of_the_unit_it_never_loads(store, busy):
    cached(store)
    version = store.fingerprint(busy.id)
    assert store.backend.conn.execute("SELECT count(*) FROM spiegel.records WHERE kind = 'portfolio_figures'"
                                      ).fetchone()[0] == 1
    assert "portfolio_figures" not in Store(store.location, user="tester").backend.read(busy.id)
    assert store.fingerprint(busy.id) == version  # keeping a cache is no write: nobody is told


def test_hostile_text_in_a_forged_figure_is_cleaned_like_stored_text(store, busy):
    cached(store)
    forge(store, busy.id, lambda figures: {**figures, "unit": {**figures["unit"], "name": "[b]x\x1b]0;pwned\x07 \u202e"}})
    name = cached(Store(store.location, user="tester", today=TODAY))[busy.id][0][0]
    assert "\x1b" not in name and "\x07" not in name and "[b]x" in name
    assert name.endswith("\u202e") and visible_line(name).endswith("⟨U+202E⟩")  # kept as stored; marked when shown


def test_a_bad_record_keeps_no_figures_and_is_counted(store, busy):
    truth = counted(store)[busy.id]
    bad_meeting(store, busy.id)
    found = cached(Store(store.location, user="tester", today=TODAY))[busy.id]
    assert found[-2] == 1 and found[1:3] == truth[1:3]


@pytest.mark.files_only  # a database unit has no file to break
def test_a_unit_that_cannot_be_read_is_a_row_that_says_why(store, busy):
    other = store.create_unit(Unit(name="Gezondheidscentrum Noord"))
    (store.data_dir / other.id / "unit.json").write_text("{nope")
    found = cached(Store(store.dir, user="tester", today=TODAY))
    assert found[other.id][-1] == "CorruptFile" and found[busy.id][1] == 1


def test_figures_of_no_records_are_zero_and_none(store, unit):
    assert cached(store)[unit.id][1:6] == (0, 0, 0, 0, None)


def test_checked_takes_what_figures_of_writes():
    made = figures.figures_of(Unit(name="x"), [], [], [Action(title="a", deadline=TODAY)], [])
    assert figures.checked(json.loads(json.dumps(made))).deadlines == [(TODAY, 1)]


def index(store, slug):
    return store.data_dir / slug / "index"


def bad_meeting(store, slug):
    """A meeting document a colleague broke by hand (participants as text)."""
    if store.files is not None:
        path = store.data_dir / slug / "unit.json"
        data = json.loads(path.read_bytes())
        next(iter(data["meetings"].values()))["participants"] = "veel"
        path.write_text(json.dumps(data))
        return
    store.backend.conn.execute(
        "UPDATE spiegel.records SET doc = (doc::jsonb || '{\"participants\": \"veel\"}')::json"
        " WHERE unit = %s AND kind = 'meetings' AND number = 1", (slug,))
    store.backend.conn.execute("UPDATE spiegel.units SET version = version + 1 WHERE slug = %s", (slug,))


assert listing.FORMAT >= 4  # the header's fourth field is what these tests forge


def test_the_feedback_duty_rule_is_the_same_from_figures(store, unit):
    """A meeting without a planned date is due four weeks after it (meetings of the
    last three months only); 'given, date unknown' closes it: figures and records agree,
    also on a later day when the meeting has left the three-month window."""
    store.add(Meeting(date=TODAY - 35 * DAY), unit.id)  # default due 7 days ago: late
    store.add(Meeting(date=TODAY - 60 * DAY, feedback_given_unknown=True), unit.id)
    store.add(Meeting(date=TODAY - 200 * DAY), unit.id)  # older: not planned, not late
    for day in (TODAY, TODAY + 80 * DAY):
        assert cached(store, day) == counted(store, day)
    assert cached(store)[unit.id][4] == 1
    assert cached(store, TODAY + 80 * DAY)[unit.id][4] == 0
