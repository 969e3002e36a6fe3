"""Hostile text is data: markup and RTL kept literally, control characters stripped,
100 kB strings intact — through the store and through the CLI."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.model.records import Action
from store.text import clean_text

HOSTILE = [
    "[@click=app.quit]x",
    "[b]y[/b] [/] [/oops [link=https://x]z",
    "שלום עולם مرحبا",  # RTL
    "C:\\pad\\naar\\bestand",
    "emoji 🩺 en combining é",
]
CONTROL = "\x1b[2J\x1b]0;pwn\x07\x1b]52;c;ZXZpbA==\x07\x00\x7f\x9b31m\r\x08"


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_and_rtl_round_trip_literally(store, unit, text):
    action = store.add(Action(title=text, description=text + "\nregel 2", owner=text), unit.id)
    loaded = store.get(action.id)
    assert (loaded.title, loaded.owner, loaded.description) == (text, text, text + "\nregel 2")


def test_control_characters_are_stripped_at_the_store_boundary(store, unit):
    action = store.add(Action(title="a" + CONTROL + "b", description="x\ty\n" + CONTROL), unit.id)
    loaded = store.get(action.id)
    assert loaded.title == "a[2J]0;pwn]52;c;ZXZpbA==31mb"
    assert loaded.description == "x\ty\n[2J]0;pwn]52;c;ZXZpbA==31m"
    edited = store.change(action.id, {"owner": "\x1b[31mrood"})
    assert edited.owner == "[31mrood"


def test_strings_up_to_the_limit_round_trip_and_longer_ones_are_refused(store, unit):
    from store.errors import InvalidRecord
    from store.model.limits import MAX_TEXT

    big = ("Lange tekst [b]ok[/b] שלום " * 4000)[:MAX_TEXT]
    action = store.add(Action(title="groot", description=big), unit.id)
    assert store.get(action.id).description == big
    with pytest.raises(InvalidRecord, match=f"Omschrijving: te lang \\({MAX_TEXT + 1} tekens\\); het maximum is {MAX_TEXT}"):
        store.add(Action(title="te groot", description=big + "x"), unit.id)


@given(st.text())
def test_clean_text_leaves_no_control_characters(text):
    cleaned = clean_text(text)
    assert not any(ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert cleaned == clean_text(cleaned)


def test_hostile_text_through_the_cli(run, two_units):
    title = "[@click=app.quit]x [b]y[/b] " + "שלום" + CONTROL.replace("\x00", "")  # argv cannot hold NUL
    assert run("add", title, "-u", "hoek", "--owner", "[red]Sanne[/]").returncode == 0
    shown = json.loads(run("show", "A-1", "--json").stdout)
    assert shown["title"] == "[@click=app.quit]x [b]y[/b] שלום[2J]0;pwn]52;c;ZXZpbA==31m"
    listing = run("list").stdout
    assert "[@click=app.quit]x [b]y[/b]" in listing and "\x1b" not in listing
    assert "[red]Sanne[/]" in run("show", "A-1").stdout
