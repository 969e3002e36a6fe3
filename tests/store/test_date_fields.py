"""Dates by field: a day and month without a year mean the next such date for what
lies ahead and the most recent one for what already happened; every date a screen
shows reads back, by its field's rule, to the same date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import i18n
from store.dates import describe_date, parse_date
from store.errors import InvalidDate
from store.model.fields import DATE_RULES, NEVER_AHEAD, parse_field_date, parse_value, show_date
from store.model.records import RECORD_TYPES, Action, Meeting, field_kinds

ISSUE_DAY = date(2026, 11, 29)  # the day the issue was filed

DATE_FIELDS = [(cls, name) for cls in RECORD_TYPES.values() for name, kind in field_kinds(cls).items()
               if kind == "OptDate"] + [(None, "measurement")]


def test_every_date_field_of_every_record_type_has_a_rule():
    names = {name for _, name in DATE_FIELDS}
    assert names == set(DATE_RULES)
    assert {"deadline", "date", "started_on", "feedback_sent", "last_visit"} <= names


@pytest.mark.parametrize("text", ["15-3", "15 maart", "1 april", "15/3", "maart 15"])
def test_a_deadline_without_a_year_lies_ahead(text):
    found = parse_value(Action, "deadline", text, ISSUE_DAY)
    assert found.year == 2027 and found > ISSUE_DAY


@pytest.mark.parametrize("text", ["15-3", "15 maart", "1 april"])
def test_a_meeting_date_without_a_year_already_happened(text):
    found = parse_value(Meeting, "date", text, ISSUE_DAY)
    assert found.year == 2026 and found < ISSUE_DAY


@pytest.mark.parametrize("field, text, expected", [
    ("review_date", "15-3", date(2027, 3, 15)),
    ("feedback_due", "2 jan", date(2027, 1, 2)),
    ("feedback_sent", "2 jan", date(2026, 1, 2)),
    ("evaluated_on", "31-12", date(2025, 12, 31)),
    ("measurement", "30-11", date(2025, 11, 30)),
    ("deadline", "29-11", ISSUE_DAY),  # today is both the next and the most recent
    ("done_on", "29-11", ISSUE_DAY),
    ("deadline", "29-2", date(2028, 2, 29)),  # the next leap day
    ("started_on", "29-2", date(2024, 2, 29)),
    ("deadline", "15-3-2026", date(2026, 3, 15)),  # a year typed is a year kept
])
def test_rule_per_field(field, text, expected):
    assert parse_field_date(field, text, ISSUE_DAY) == expected


def test_fields_without_a_rule_keep_this_years_reading():
    assert parse_date("15-3", ISSUE_DAY) == date(2026, 3, 15)


def test_31_april_is_in_no_year():
    with pytest.raises(Exception) as problem:
        parse_field_date("deadline", "31-4", ISSUE_DAY)
    assert "31-4" in str(problem.value)


def test_an_overdue_deadline_is_shown_with_its_year():
    overdue = date(2026, 3, 15)
    assert show_date("deadline", overdue, ISSUE_DAY).endswith("2026")
    assert not show_date("date", date(2026, 9, 15), ISSUE_DAY).endswith("2026")  # a recent meeting: no year needed


def test_a_date_months_away_carries_its_year_even_when_the_rule_reads_it_back():
    # Issue 29: '15-12' in a measurement field read back 'ma 15 dec' -- that is 2025.
    today = date(2026, 12, 7)
    assert parse_field_date("measurement", "15-12", today) == date(2025, 12, 15)
    assert show_date("measurement", date(2025, 12, 15), today) == "ma 15 dec 2025"
    assert show_date("date", date(2026, 3, 15), today) == "zo 15 mrt 2026"
    assert show_date("deadline", date(2027, 3, 15), date(2026, 11, 29)) == "ma 15 mrt"  # within a few months


def test_new_year_dates_need_no_year_when_the_rule_reads_them_right():
    assert show_date("deadline", date(2027, 1, 5), ISSUE_DAY) == "di 5 jan"
    assert show_date("date", date(2025, 12, 20), date(2026, 1, 5)) == "za 20 dec"


# Past and future dates, and the weeks around New Year, seen from days around New Year too.
near_new_year = st.builds(lambda y, d: date(y, 12, 15) + timedelta(days=d),
                          st.integers(2020, 2035), st.integers(0, 35))
any_day = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize("cls, field", DATE_FIELDS, ids=[name for _, name in DATE_FIELDS])
@given(value=st.one_of(any_day, near_new_year), today=st.one_of(any_day, near_new_year),
       lang=st.sampled_from(["nl", "en"]))
def test_every_shown_date_reads_back_by_its_fields_rule(cls, field, value, today, lang):
    i18n.set_language(lang)
    try:
        for weekday in (True, False):
            shown = show_date(field, value, today, weekday=weekday)
            if field in NEVER_AHEAD and value > today:  # a measurement is never ahead: refused
                with pytest.raises(InvalidDate):
                    parse_field_date(field, shown, today)
            elif cls is None:
                assert parse_field_date(field, shown, today) == value
            else:
                assert parse_value(cls, field, shown, today) == value
    finally:
        i18n.set_language("nl")


@given(value=any_day, today=any_day)
def test_describe_date_reads_back_under_every_rule(value, today):
    for rule in ("ahead", "past", "year"):
        assert parse_date(describe_date(value, today, rule), today, yearless=rule) == value
