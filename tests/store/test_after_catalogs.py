"""The words of the time after a meeting: the same keys in Dutch and English, and a
singular beside every counted noun (the rule tests/store/test_plurals.py checks)."""

from __future__ import annotations

import re

import pytest

from cli.catalog_after_en import CLI_AFTER_EN
from cli.catalog_after_nl import CLI_AFTER_NL
from store.catalog_after_en import AFTER_EN
from store.catalog_after_nl import AFTER_NL
from store.exchange.reports.catalog_feedback_en import FEEDBACK_EN
from store.exchange.reports.catalog_feedback_nl import FEEDBACK_NL
from tui.catalog_after_en import AFTER_TUI_EN
from tui.catalog_after_nl import AFTER_TUI_NL

PAIRS = [(AFTER_NL, AFTER_EN), (FEEDBACK_NL, FEEDBACK_EN), (AFTER_TUI_NL, AFTER_TUI_EN), (CLI_AFTER_NL, CLI_AFTER_EN)]


@pytest.mark.parametrize("nl, en", PAIRS)
def test_same_keys_and_placeholders(nl, en):
    assert set(nl) == set(en)
    for key in nl:
        assert set(re.findall(r"\{(\w+)\}", nl[key])) == set(re.findall(r"\{(\w+)\}", en[key])), key


@pytest.mark.parametrize("catalog", [c for pair in PAIRS for c in pair])
def test_every_counted_noun_has_a_singular(catalog):
    missing = [key for key, text in catalog.items() if not key.endswith(".one")
               and re.search(r"\{(n|count|total|points)\}\)? ?[^\W\d]", text) and key + ".one" not in catalog]
    assert not missing
