"""The capture line rule and saving captured findings (store/moments/capture.py), shared by
the app's fast capture and `spiegel findings capture`; and the make-actions
workflow's owner and deadline. Store behaviour runs on files and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from store.moments.capture import Captured, capture_lines, finding_from_line, parse_capture
from store.errors import Conflict, InvalidValue, NotFound
from store.model.records import Action, Finding, Meeting
from store.model.vocab import FindingKind, FindingState
from store.moments.workflows import actions_from_finding
from tests.conftest import stored

P, L, T, R = FindingKind.POSITIVE, FindingKind.LEERPUNT, FindingKind.TIP, FindingKind.RECOMMENDATION


@pytest.mark.parametrize("line, expected", [
    ("+ Vriendelijke assistentes", Captured(P, False, "Vriendelijke assistentes")),
    ("- Lang wachten", Captured(L, False, "Lang wachten")),
    ("Lang wachten", Captured(L, False, "Lang wachten")),
    ("? Terugbelknop", Captured(T, False, "Terugbelknop")),
    ("t: Terugbelknop", Captured(T, False, "Terugbelknop")),
    ("T:Terugbelknop", Captured(T, False, "Terugbelknop")),
    ("a: Meer spreekuren", Captured(R, False, "Meer spreekuren")),
    ("! Bordje bij de deur", Captured(L, True, "Bordje bij de deur")),
    ("Bordje bij de deur!", Captured(L, True, "Bordje bij de deur")),
    ("!- Bordje", Captured(L, True, "Bordje")),
    ("+! Koffie", Captured(P, True, "Koffie")),
    ("  -  spaties  ", Captured(L, False, "spaties")),
    ("[/b] [@click=app.quit]", Captured(L, False, "[/b] [@click=app.quit]")),
])
def test_parse_capture(line, expected):
    assert parse_capture(line, FindingKind.LEERPUNT) == expected


@pytest.mark.parametrize("line", ["", "   ", "+", "!", "a: !", "- !"])
def test_nothing_left_is_not_a_finding(line):
    assert parse_capture(line, FindingKind.LEERPUNT) is None


def test_default_kind_applies_without_prefix():
    assert parse_capture("Fijne sfeer", FindingKind.POSITIVE).kind == P


@pytest.fixture
def meeting(store, unit) -> Meeting:
    return store.add(Meeting(date=dt.date(2026, 11, 10), theme="Bereikbaarheid"), unit.id)


def test_captured_lines_are_saved_together_with_the_meetings_theme(store, meeting):
    saved = capture_lines(store, meeting.id, ["- lange wachttijd", "", "+ vriendelijke balie !", "!!", "a: avondspreekuur"])
    assert [(f.kind, f.quick_win, f.text) for f in saved] == [
        (L, False, "lange wachttijd"), (P, True, "vriendelijke balie"), (R, False, "avondspreekuur")]
    found = store.records(Finding, meeting.unit)
    assert sorted(f.id for f in found) == sorted(f.id for f in saved)
    assert {(f.meeting, f.theme, f.state) for f in found} == {(meeting.id, "Bereikbaarheid", FindingState.OPEN)}


def test_a_default_kind_for_lines_without_a_mark(store, meeting):
    assert [f.kind for f in capture_lines(store, meeting.id, ["Fijne sfeer", "- toch een leerpunt"], P)] == [P, L]


def test_hostile_text_is_stored_literally_without_control_characters(store, meeting):
    line = "- [b]vet[/b] [@click=app.quit]x \x1b]0;titel\x07 <script>alert(1)</script>"
    [saved] = capture_lines(store, meeting.id, [line])
    text = store.get(saved.id).text
    assert "[b]vet[/b] [@click=app.quit]x" in text and "<script>alert(1)</script>" in text
    assert "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize("lines", [[], ["", "  "], ["!", "+"]])
def test_nothing_to_capture_is_refused_and_nothing_written(store, meeting, lines):
    before = stored(store, meeting.unit)
    with pytest.raises(InvalidValue):
        capture_lines(store, meeting.id, lines)
    assert stored(store, meeting.unit) == before


def test_only_a_meeting_takes_findings(store, meeting):
    action = store.add(Action(title="x"), meeting.unit)
    with pytest.raises(InvalidValue, match="geen bijeenkomst"):
        capture_lines(store, action.id, ["- x"])
    with pytest.raises(NotFound):
        capture_lines(store, "M-999", ["- x"])


def test_finding_from_line_is_unsaved_and_none_for_marks_only(meeting):
    finding = finding_from_line(meeting, "? terugbelknop")
    assert (finding.id, finding.kind, finding.meeting) == ("", T, meeting.id)
    assert finding_from_line(meeting, "- !") is None


def test_make_actions_with_owner_and_deadline(store, meeting):
    [leerpunt] = capture_lines(store, meeting.id, ["- slecht bereikbaar"])
    due = dt.date(2027, 1, 15)
    created = actions_from_finding(store, leerpunt.id, [Action(title="Terugbellen"), Action(title="Lijn", owner="Piet")],
                                   rev=leerpunt.rev, owner="Sanne", deadline=due)
    assert [(a.owner, a.deadline) for a in (store.get(c.id) for c in created)] == [("Sanne", due), ("Piet", due)]
    assert store.get(leerpunt.id).state == FindingState.ACTIONS


def test_make_actions_at_a_stale_revision_writes_nothing(store, meeting):
    [leerpunt] = capture_lines(store, meeting.id, ["- slecht bereikbaar"])
    before = stored(store, meeting.unit)
    with pytest.raises(Conflict):
        actions_from_finding(store, leerpunt.id, [Action(title="x")], rev=leerpunt.rev + 1, owner="Sanne")
    assert stored(store, meeting.unit) == before
