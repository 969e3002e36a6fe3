"""The portfolio's pure decisions about names and groups (store/moments/portfolio.py)."""

from __future__ import annotations

import pytest

from store.moments.portfolio import column_name, group_column_name, group_words, is_mine
from store.model.records import Unit


@pytest.mark.parametrize("name, shown", [
    ("Huisartsenpraktijk De Linde", "Praktijk De Linde"),  # never "Hap.": that is a huisartsenpost
    ("huisartsenpraktijk  Het Kastanjehof", "Praktijk Het Kastanjehof"),
    ("Huisartsenpraktijken Noord", "Praktijken Noord"),
    ("Huisartsengroep De Molen", "HA-groep De Molen"),  # never "Hag.": that reads as Hagro
    ("Huisartsen Maasoever", "Ha. Maasoever"),
    ("Gezondheidscentrum Veldhoven-Zuid", "GC Veldhoven-Zuid"),
    ("Medisch Centrum De Eik", "MC De Eik"),
    ("Gemeente Best", "Gem. Best"),
    ("Hagro Eindhoven-Noord", "Hagro Eindhoven-Noord"),  # no common opening among Hagros to save
    ("Huisartsenpraktijk", "Huisartsenpraktijk"),  # nothing would be left
    ("Praktijk Huisartsenpraktijk X", "Praktijk Huisartsenpraktijk X"),  # only an opening
    ("[b]Huisartsenpraktijk[/b] x", "[b]Huisartsenpraktijk[/b] x"),
])
def test_a_common_opening_is_shortened_and_what_tells_units_apart_stays(name, shown):
    assert column_name(name) == shown


def test_group_names_under_their_column_and_filter_words():
    assert group_column_name("Hagro Eindhoven-Noord") == "Eindhoven-Noord"
    assert group_column_name("Gemeente Best") == "Best"
    assert group_column_name("Hagro") == "Hagro" and group_column_name("Best") == "Best"
    unit = Unit(name="x", hagro="Hagro Noord", municipality="Gemeente Den Bosch")
    assert group_words(unit) == "hagro-noord gemeente-den-bosch"
    assert group_words(Unit(name="x", hagro="hagro-eindhoven-noord")) == "hagro-eindhoven-noord"
    assert group_words(Unit(name="x")) == ""


def test_mine_is_by_login_and_nobody_owns_a_unit_without_one():
    assert is_mine(Unit(name="x", relatiemanager_login="inge"), "inge")
    assert not is_mine(Unit(name="x", relatiemanager_login="inge"), "piet")
    assert not is_mine(Unit(name="x"), "")
    assert not is_mine(None, "inge")
