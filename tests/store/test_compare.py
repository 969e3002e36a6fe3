"""The repeat cycle: two meetings of a unit compared (store/model/compare.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.model.compare import compare, compare_meetings, comparison_lines, similar, words
from store.errors import InvalidValue
from store.model.records import Action, Finding, Meeting, Unit
from store.model.vocab import FindingKind, Status
from tests.conftest import TODAY

FIRST = Meeting(id="M-1", date=dt.date(2025, 10, 1), theme="Bereikbaarheid")
SECOND = Meeting(id="M-4", date=dt.date(2026, 10, 1), theme="Bereikbaarheid")


def point(fid: str, meeting: str, text: str, theme: str = "Bereikbaarheid") -> Finding:
    return Finding(id=fid, meeting=meeting, text=text, theme=theme, kind=FindingKind.LEERPUNT)


FINDINGS = [
    point("L-1", "M-1", "Lang in de wacht bij het bellen"),
    point("L-2", "M-1", "Uitslagen komen pas na een week", theme="uitslagen"),
    point("L-3", "M-1", "Het keuzemenu is onduidelijk"),
    point("L-4", "M-1", "Geen uitleg over het portaal"),
    Finding(id="L-5", meeting="M-1", text="Vriendelijke assistentes", kind=FindingKind.POSITIVE),
    point("L-10", "M-4", "Nog steeds lang in de wacht bij het bellen 's ochtends"),
    point("L-11", "M-4", "Wachten op uitslagen duurt te lang", theme="Uitslagen"),
    point("L-12", "M-4", "De parkeerplaats is te klein", theme="parkeren"),
]
ACTIONS = [
    Action(id="A-1", title="Keuzemenu vereenvoudigen", status=Status.DONE, findings=["L-3"]),
    Action(id="A-2", title="Terugbelservice", status=Status.IN_PROGRESS, findings=["L-1"]),
    Action(id="A-3", title="Uitleg portaal", status=Status.DONE, findings=["L-4"]),
    Action(id="A-4", title="Folder portaal", status=Status.STOPPED, findings=["L-4"]),
]


def test_words_fold_case_accents_plurals_and_drop_small_words():
    assert words("De Wachttijden bij de Huisarts") == words("wachttijd huisarts")
    assert words("Patiëntportaal") == {"patientportaal"}
    assert not words("de en het van")


def test_returned_solved_still_open_and_new():
    found = compare(SECOND, FIRST, FINDINGS, ACTIONS)  # either order: the earlier comes first
    assert (found.first.id, found.second.id) == ("M-1", "M-4")
    assert [(r.later.id, [f.id for f in r.earlier]) for r in found.returned] == [("L-10", ["L-1"]), ("L-11", ["L-2"])]
    assert [f.id for f in found.solved] == ["L-3", "L-4"]  # every action done (a stopped one does not count)
    assert [f.id for f in found.still_open] == []
    assert [f.id for f in found.new] == ["L-12"]


def test_the_meetings_own_theme_does_not_make_everything_match():
    a = point("L-1", "M-1", "Het keuzemenu is onduidelijk")
    b = point("L-9", "M-4", "De parkeerplaats is te klein")
    assert similar(a, b)  # the shared theme word alone
    found = compare(FIRST, SECOND, [a, b], [])
    assert [f.id for f in found.new] == ["L-9"] and [f.id for f in found.still_open] == ["L-1"]


def test_lines_name_each_section_with_its_count():
    lines = comparison_lines(compare(FIRST, SECOND, FINDINGS, ACTIONS), TODAY)
    text = "\n".join(lines)
    assert "Thema's die terugkwamen (2)" in text and "Nieuw (1)" in text
    assert "afgerond: Uitleg portaal" in text and "      eerder: L-2  Uitslagen komen pas na een week" in text


def test_compare_meetings_reads_the_store_and_refuses_what_cannot_be_compared(store, unit):
    first = store.add(Meeting(date=TODAY - dt.timedelta(days=300), theme="Bereikbaarheid"), unit.id)
    second = store.add(Meeting(date=TODAY - dt.timedelta(days=10), theme="Bereikbaarheid"), unit.id)
    store.add(Finding(text="Lang in de wacht bij het bellen", meeting=first.id), unit.id)
    store.add(Finding(text="Nog steeds lang in de wacht bij het bellen", meeting=second.id), unit.id)
    found = compare_meetings(store, second.id, first.id)
    assert found.first.id == first.id and len(found.returned) == 1
    other = store.create_unit(Unit(name="Elders"))
    elsewhere = store.add(Meeting(date=TODAY), other.id)
    for args, message in (((first.id, elsewhere.id), "verschillende eenheden"), ((first.id, first.id), "twee verschillende"),
                          ((first.id, "A-1"), "geen bijeenkomst")):
        with pytest.raises(InvalidValue, match=message):
            compare_meetings(store, *args)


def test_one_shared_rare_word_is_enough_and_the_lines_say_which():
    """Issue 28: 'Keuzemenu korter maken' was new while 'Het keuzemenu is onduidelijk'
    stayed open: without a theme of their own they share one word, a long and rare one."""
    later = point("L-13", "M-4", "Keuzemenu korter maken")
    found = compare(FIRST, SECOND, [*FINDINGS, later], [])
    back = next(r for r in found.returned if r.later.id == "L-13")
    assert [f.id for f in back.earlier] == ["L-3"] and back.words == ["keuzemenu"]
    assert "      gemeenschappelijk: keuzemenu" in "\n".join(comparison_lines(found, TODAY))
    assert "L-13" not in [f.id for f in found.new]


def test_a_common_or_short_shared_word_alone_does_not_match():
    # 'telefoon' is long but in most of this unit's findings: it tells nothing apart
    earlier = [point(f"L-{i}", "M-1", f"Telefoon {w}") for i, w in enumerate(("bezet", "stuk", "traag", "kwijt"), 1)]
    later = [point("L-9", "M-4", "Telefoon onvriendelijk"), point("L-10", "M-4", "Balie rommelig")]
    found = compare(FIRST, SECOND, [*earlier, *later, point("L-8", "M-1", "Balie vol")], [])
    assert [f.id for f in found.new] == ["L-9", "L-10"]  # 'balie' is short, 'telefoon' common
