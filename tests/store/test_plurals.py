"""Singular and plural: '1 onbehandeld leerpunt', 'over 1 meting', 'nulmeting 20'."""

from __future__ import annotations

import re

import pytest

import tui  # noqa: F401  (registers the app's words: they are checked too)
from store import i18n
from store.i18n import CATALOGS, t
from store.model.runchart import quantity

# Templates with a number before a word that need no singular: the number is never 1
# there (a shift is 6+ points, a trend 5+, "too many listeners" is more than 1, an
# ambiguous id matches 2+, a too long meeting is over 1 minute), or the word is no noun
# (a group head "(3) geen": the units counted stand in no group).
NEVER_ONE_OR_NO_NOUN = {
    "advice.listeners_too_many", "advice.duration_too_long", "kpi.signal.shift_above", "kpi.signal.shift_below",
    "kpi.signal.trend_up", "kpi.signal.trend_down", "tui.overdue_count", "tui.capture.waiting",
    "tui.dialog.link_ambiguous", "tui.dialog.more", "tui.portfolio.no_group_head",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_counted_noun_has_a_singular(lang):
    missing = [key for key, text in CATALOGS[lang].items()
               if not key.endswith(".one") and key not in NEVER_ONE_OR_NO_NOUN
               and re.search(r"\{(n|count|total|points)\}\)? ?[^\W\d]", text) and key + ".one" not in CATALOGS[lang]]
    assert not missing


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_plural_in_brackets_and_every_singular_has_its_plural(lang):
    catalog = CATALOGS[lang]
    assert not [k for k, v in catalog.items() if re.search(r"\((en|s|ies)\)", v)]
    assert all(key[:-4] in catalog for key in catalog if key.endswith(".one"))


@pytest.mark.parametrize("key, values, one, two", [
    ("tui.inbox.untreated", {}, "1 onbehandeld leerpunt", "2 onbehandelde leerpunten"),
    ("kpi.chart.facts", {"direction": "hoger is beter", "baseline": "1", "target": "2", "median": "3"},
     "(over 1 meting)", "(over 2 metingen)"),
    ("tui.actions.count", {"shown": 1}, "1 van 1 actie", "1 van 2 acties"),
    ("tui.portfolio.duties", {}, "! 1 plicht te laat", "! 2 plichten te laat"),
    ("advice.unit_feedback_overdue", {}, "bij 1 bijeenkomst", "bij 2 bijeenkomsten"),
    ("tui.board.status", {"flagged": 0, "route": "alle routes"}, "1 actie, 0 met", "2 acties, 0 met"),
])
def test_one_and_two(key, values, one, two):
    counted = next(name for name in i18n.COUNTED if "{" + name + "}" in CATALOGS["nl"][key])
    assert one in t(key, **values, **{counted: 1})
    assert two in t(key, **values, **{counted: 2})


def test_english_singular_too():
    i18n.set_language("en")
    try:
        assert t("tui.inbox.untreated", n=1) == "1 untreated learning point"
        assert t("value.measurements", count=1) == "1 measurement"
    finally:
        i18n.set_language("nl")


@pytest.mark.parametrize("value, unit, shown", [
    (20, "aantal", "20"), (20.0, "Aantal", "20"), (14, "min", "14 min"), (80, "%", "80%"), (12.5, "", "12,5"),
    (None, "min", "-"),
])
def test_a_count_needs_no_unit_word(value, unit, shown):
    assert quantity(value, unit) == shown
