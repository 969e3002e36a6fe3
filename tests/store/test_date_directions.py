"""Issue 29: one date rule for every phrase and every date field. What lies ahead
takes the next such day (a weekday strictly after today); what already happened
the most recent one, today included -- weekday names, week numbers, 'vorige vr',
'afgelopen vrijdag', 'vorige week', 'N dagen/weken geleden', 'gisteren' and a day
and month without a year alike. Against fixed days: the issue's Monday 7 December
2026, and New Year's Day 2027, which lies in ISO week 53 of 2026."""

from __future__ import annotations

from datetime import date

import pytest

from store.errors import InvalidDate, InvalidValue
from store.model.fields import DATE_RULES, NEVER_AHEAD, parse_field_date, parse_value, read_back
from store.exchange.interop import cells
from store.model.kpis import measurement_date
from store.model.records import RECORD_TYPES, field_kinds

ISSUE_DAY = date(2026, 12, 7)  # Monday, ISO 2026-W50
NEW_YEAR = date(2027, 1, 1)    # Friday, ISO 2026-W53 (2026 has 53 ISO weeks)

PAST_FIELDS = sorted(name for name, rule in DATE_RULES.items() if rule == "past")
AHEAD_FIELDS = sorted(name for name, rule in DATE_RULES.items() if rule == "ahead")

# phrase -> (what already happened, what lies ahead), seen from ISSUE_DAY
FROM_ISSUE_DAY = {
    "vr": (date(2026, 12, 4), date(2026, 12, 11)),
    "vrijdag": (date(2026, 12, 4), date(2026, 12, 11)),
    "Vrijdag": (date(2026, 12, 4), date(2026, 12, 11)),
    "fri": (date(2026, 12, 4), date(2026, 12, 11)),
    "ma": (ISSUE_DAY, date(2026, 12, 14)),  # on a Monday: today / next Monday
    "zo": (date(2026, 12, 6), date(2026, 12, 13)),
    "vorige vr": (date(2026, 12, 4), date(2026, 12, 4)),
    "afgelopen vrijdag": (date(2026, 12, 4), date(2026, 12, 4)),
    "vorige ma": (ISSUE_DAY, ISSUE_DAY),
    "wk 49": (date(2026, 11, 30), date(2027, 12, 6)),
    "week 49": (date(2026, 11, 30), date(2027, 12, 6)),
    "wk 50": (ISSUE_DAY, ISSUE_DAY),  # the current week: today
    "wk 1": (date(2025, 12, 29), date(2027, 1, 4)),
    "vorige week": (date(2026, 11, 30), date(2026, 11, 30)),
    "3 dagen geleden": (date(2026, 12, 4), date(2026, 12, 4)),
    "2 weken geleden": (date(2026, 11, 23), date(2026, 11, 23)),
    "1 week geleden": (date(2026, 11, 30), date(2026, 11, 30)),
    "gisteren": (date(2026, 12, 6), date(2026, 12, 6)),
    "vandaag": (ISSUE_DAY, ISSUE_DAY),
    "15-12": (date(2025, 12, 15), date(2026, 12, 15)),
    "7-12": (ISSUE_DAY, ISSUE_DAY),
    "1 dec": (date(2026, 12, 1), date(2027, 12, 1)),
    "20 nov": (date(2026, 11, 20), date(2027, 11, 20)),
}
# ... and from New Year's Day 2027, a Friday in ISO week 53 of 2026
FROM_NEW_YEAR = {
    "vr": (NEW_YEAR, date(2027, 1, 8)),
    "ma": (date(2026, 12, 28), date(2027, 1, 4)),
    "do": (date(2026, 12, 31), date(2027, 1, 7)),
    "afgelopen donderdag": (date(2026, 12, 31), date(2026, 12, 31)),
    "wk 53": (NEW_YEAR, date(2026, 12, 28)),  # the current week; ahead: it has not ended
    "week 52": (date(2026, 12, 21), date(2027, 12, 27)),
    "wk 1": (date(2025, 12, 29), date(2027, 1, 4)),  # ISO 2026's week 1 began in 2025
    "wk 2": (date(2026, 1, 5), date(2027, 1, 11)),
    "vorige week": (date(2026, 12, 21), date(2026, 12, 21)),
    "3 dagen geleden": (date(2026, 12, 29), date(2026, 12, 29)),
    "gisteren": (date(2026, 12, 31), date(2026, 12, 31)),
    "31-12": (date(2026, 12, 31), date(2027, 12, 31)),
    "1-1": (NEW_YEAR, NEW_YEAR),
    "2-1": (date(2026, 1, 2), date(2027, 1, 2)),
}
CASES = [(ISSUE_DAY, text, *when) for text, when in FROM_ISSUE_DAY.items()] + \
        [(NEW_YEAR, text, *when) for text, when in FROM_NEW_YEAR.items()]
IDS = [f"{today}-{text}" for today, text, *_ in CASES]


def test_every_date_field_has_a_direction():
    kinds = {name for cls in RECORD_TYPES.values() for name, kind in field_kinds(cls).items() if kind == "OptDate"}
    assert kinds | {"measurement"} == set(PAST_FIELDS) | set(AHEAD_FIELDS)


@pytest.mark.parametrize("field", PAST_FIELDS)
@pytest.mark.parametrize("today, text, past, ahead", CASES, ids=IDS)
def test_what_happened_is_the_most_recent_such_day(field, today, text, past, ahead):
    assert parse_field_date(field, text, today) == past


@pytest.mark.parametrize("field", AHEAD_FIELDS)
@pytest.mark.parametrize("today, text, past, ahead", CASES, ids=IDS)
def test_what_lies_ahead_keeps_its_rule(field, today, text, past, ahead):
    assert parse_field_date(field, text, today) == ahead


@pytest.mark.parametrize("today, text, past, ahead", CASES, ids=IDS)
def test_every_record_field_reads_the_same_through_the_app_and_cli_parser(today, text, past, ahead):
    for cls in RECORD_TYPES.values():
        for name, kind in field_kinds(cls).items():
            if kind == "OptDate":
                expected = past if DATE_RULES[name] == "past" else ahead
                assert parse_value(cls, name, text, today) == expected, (cls.__name__, name)


@pytest.mark.parametrize("today, text, past, ahead", CASES, ids=IDS)
def test_the_w_pass_and_a_measurement_read_the_same(today, text, past, ahead):
    assert measurement_date(text, today) == past


@pytest.mark.parametrize("today, text, past, ahead", CASES, ids=IDS)
def test_an_import_reads_the_same(today, text, past, ahead):
    assert cells.date(text, "date", today) == past
    assert cells.date(text, "deadline", today) == ahead


@pytest.mark.parametrize("text", ["volgende vr", "+2d", "morgen", "8-12-2026", "2026-12-11", "volgende week"])
def test_a_measurement_ahead_is_refused_naming_the_field_in_dutch_and_what_was_read(text):
    with pytest.raises(InvalidDate) as caught:
        measurement_date(text, ISSUE_DAY)
    message = str(caught.value)
    assert message.startswith("Meetdatum: ") and f"'{text}'" in message
    assert "2026" in message and "toekomst" in message


@pytest.mark.parametrize("field", sorted(set(PAST_FIELDS) - NEVER_AHEAD))
def test_something_that_happens_lies_ahead_only_with_a_full_date(field):
    assert parse_field_date(field, "11-12-2026", ISSUE_DAY) == date(2026, 12, 11)
    assert parse_field_date(field, "2026-12-11", ISSUE_DAY) == date(2026, 12, 11)
    assert parse_field_date(field, "vr 11 dec 2026", ISSUE_DAY) == date(2026, 12, 11)
    for text in ("volgende vr", "+4d", "morgen", "volgende week"):
        with pytest.raises(InvalidDate) as caught:
            parse_field_date(field, text, ISSUE_DAY)
        assert "11-12-2026" in str(caught.value) or "jaar" in str(caught.value)


def test_the_form_says_a_meeting_lies_ahead():
    assert read_back("date", date(2026, 12, 11), ISSUE_DAY) == "vr 11 dec 2026 (ligt vooruit)"
    assert read_back("date", date(2026, 12, 4), ISSUE_DAY) == "vr 4 dec"
    assert read_back("deadline", date(2026, 12, 11), ISSUE_DAY) == "vr 11 dec"


def test_hints_for_what_happened_suggest_only_what_such_a_field_accepts():
    with pytest.raises(InvalidValue) as caught:
        measurement_date("ooit", ISSUE_DAY)
    hint = caught.value.message
    examples = [part.split("'")[0] for part in hint.split("'")[3::2]]
    assert "volgende week" not in hint and "+2w" not in hint
    for example in hint.split("'")[3::2]:  # every quoted example after the text itself
        measurement_date(example, ISSUE_DAY)  # raises if a suggestion is refused
    assert examples


def test_dutch_and_english_words_for_the_past():
    assert parse_field_date("date", "last friday", ISSUE_DAY) == date(2026, 12, 4)
    assert parse_field_date("date", "3 days ago", ISSUE_DAY) == date(2026, 12, 4)
    assert parse_field_date("date", "last week", ISSUE_DAY) == date(2026, 11, 30)
    assert parse_field_date("date", "vorige maand", ISSUE_DAY) == date(2026, 11, 1)


def test_week_53_looks_back_to_the_last_year_that_had_one():
    assert parse_field_date("measurement", "wk 53", ISSUE_DAY) == date(2020, 12, 28)
    assert parse_field_date("measurement", "wk 53", date(2027, 3, 1)) == date(2026, 12, 28)
