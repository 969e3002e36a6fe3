"""Issue 29: text is stored as typed (only control characters dropped) and shown by
one function that marks hidden and look-alike characters; a schema step turns the
joiners older versions stored as marks back into joiners where they join."""

from __future__ import annotations

import copy

import pytest

from store.model import schema
from store.model.records import Action, Unit
from store.persistence.repository import Store
from store.text import clean_line, clean_text, restore_joiners, visible, visible_line

DOCTOR = "👩\u200d⚕️ huisarts"  # as pasted from a phone
PERSIAN = "می\u200cخواهم"  # ZWNJ inside a Persian word
HINDI = "क्\u200dष"  # ZWJ after a virama
ENGLAND = "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
RAINBOW = "🏳️\u200d🌈"
WELL_FORMED = [DOCTOR, PERSIAN, HINDI, ENGLAND, RAINBOW, "👨🏽\u200d💻", "Zoë Ünal-Çelik"]


@pytest.mark.parametrize("text", WELL_FORMED)
def test_joined_emoji_and_joining_scripts_are_stored_and_shown_as_typed(text):
    assert clean_text(text) == text and clean_line(text) == text
    assert visible(text) == text and visible_line(text) == text


@pytest.mark.parametrize("char", ["\u2063", "\u180e", "\u00ad", "\u2028", "\u2029", "\u3164", "\ufeff", "\u200b",
                                  "\u202e", "\u2066", "\u200e", "\u061c", "\u2060", "\U000E0067", "\u115f", "\uffa0"])
def test_hidden_and_look_alike_characters_are_stored_but_shown_marked(char):
    text = f"De{char}Hoek"
    assert clean_text(text) == text  # kept as typed
    assert visible(text) == f"De⟨U+{ord(char):04X}⟩Hoek"
    assert visible_line(text) == f"De⟨U+{ord(char):04X}⟩Hoek"


@pytest.mark.parametrize("text", ["a\u200db", "\u200dx", "x\u200c", "De\u200dHoek", "1\u200d2", "🙂\u200ca"])
def test_a_joiner_outside_an_emoji_or_a_joining_script_is_marked(text):
    shown = visible(text)
    assert "⟨U+200" in shown and "\u200d" not in shown and "\u200c" not in shown


def test_control_characters_are_dropped_everywhere():
    assert clean_text("a\x1b]0;x\x07b\x9b\tc\n") == "a]0;xb\tc\n"
    assert visible("a\x1b[2Jb") == "a[2Jb" and visible_line("a\tb\nc") == "a b c"


def test_a_stored_title_round_trips_unchanged(tmp_path):
    store = Store(tmp_path / "data", user="tester")
    store.create_unit(Unit(name=f"Praktijk {DOCTOR}"))
    slug = store.units()[0].slug
    for title in WELL_FORMED + ["x\u2063y", "a\u00adb"]:
        saved = store.add(Action(title=title), slug)
        assert store.get(saved.id).title == title
    reopened = Store(tmp_path / "data", user="other")
    assert [a.title for a in reopened.records(Action, slug)][:len(WELL_FORMED)] == WELL_FORMED


def test_schema_7_to_8_turns_joiner_marks_back_where_they_join():
    data = schema.new_file()
    data["_meta"]["1"]["schema"] = 7
    data["actions"]["1"] = {"id": "A-1", "title": "👩⟨U+200D⟩⚕️ huisarts", "owner": "می⟨U+200C⟩خواهم",
                            "pdsa": {"plan": "क्⟨U+200D⟩ष en a⟨U+200D⟩b"}, "rev": 1}
    data["findings"]["1"] = {"id": "L-1", "text": "x⟨U+202E⟩y ⟨U+200D⟩", "rev": 1}
    before = copy.deepcopy(data)
    migrated = schema.migrate(data, "de-hoek")
    assert schema.version_of(migrated) == 8 == schema.SCHEMA_VERSION
    action = migrated["actions"]["1"]
    assert action["title"] == DOCTOR and action["owner"] == PERSIAN
    assert action["pdsa"]["plan"] == f"{HINDI} en a⟨U+200D⟩b"  # between Latin letters: stays a mark
    assert migrated["findings"]["1"] == before["findings"]["1"]  # other marks stay as stored


def test_restore_joiners_leaves_plain_text_alone():
    assert restore_joiners("geen markering") == "geen markering"
    assert restore_joiners("⟨U+200D⟩") == "⟨U+200D⟩"


def test_an_edit_field_shows_hidden_characters_marked_and_saves_what_it_showed():
    from store.text import edited, for_editing

    stored = "De \u202eHoek\u202c\u200b 👩\u200d⚕️ ⟨U+202E⟩ al zo opgeslagen"
    shown = for_editing(stored)
    assert "\u202e" not in shown and "\u200b" not in shown and "👩\u200d⚕️" in shown
    assert edited(shown, stored) == stored  # untouched: the stored value, even its literal old mark
    changed = edited(shown + "!", stored)
    assert changed == "De \u202eHoek\u202c\u200b 👩\u200d⚕️ \u202e al zo opgeslagen!"  # marks back to characters
    assert edited("regel ⟨U+0041⟩ ⟨U+DC80⟩ ⟨U+200C⟩", "") == "regel ⟨U+0041⟩ ⟨U+DC80⟩ \u200c"  # only hidden ones
    assert edited("gewoon", "anders") == "gewoon"


def test_the_fast_path_of_showing_agrees_with_looking_at_each_character():
    """`visible`/`visible_line` return text unchanged, without looking at each
    character, when it is printable and holds no printable hidden character (a list
    shows thousands of cells). For every code point, next to an accent as in a Dutch
    name: whenever that shortcut is taken, the character by character way (what
    decides) would have changed nothing either; and it is taken for plain text."""
    from store.text import _CONTROL, _CONTROL_LINE, _marked, _nothing_to_mark

    shortcut = 0
    for code in range(0x110000):
        text = f"é{chr(code)}x"
        if _nothing_to_mark(text):
            shortcut += 1
            assert _marked(text, _CONTROL) == text and _marked(text, _CONTROL_LINE) == text, hex(code)
    assert shortcut > 100_000  # printable characters: letters of every script, emoji, ...
    assert _nothing_to_mark("Zoë Ünal-Çelik") and _nothing_to_mark("Folder voor de balie")
    assert not _nothing_to_mark("De\u3164Hoek") and not _nothing_to_mark("a\tb")
    assert visible("a\udc80b") == visible_line("a\udc80b") == "a⟨U+DC80⟩b"  # a lone surrogate: marked
