"""store.dates: every phrase family in Dutch and English, errors, and properties."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import i18n
from store.dates import describe_date, format_date, parse_date
from store.errors import InvalidDate

TODAY = date(2026, 11, 23)  # a Monday, ISO week 48 of 2026 (which has 53 weeks)
FRIDAY = date(2026, 11, 27)
SATURDAY = date(2026, 11, 28)




def p(text: str, today: date = TODAY) -> date:
    return parse_date(text, today=today)


@pytest.mark.parametrize(
    "text, expected",
    [
        # ISO and numeric day-month(-year)
        ("2027-03-15", date(2027, 3, 15)),
        ("15-3-2027", date(2027, 3, 15)),
        ("15/3/2027", date(2027, 3, 15)),
        ("15.3.2027", date(2027, 3, 15)),
        ("15-3-27", date(2027, 3, 15)),
        ("15-3", date(2026, 3, 15)),  # no year: this year, even though it has passed
        ("15/3", date(2026, 3, 15)),
        ("  15-3  ", date(2026, 3, 15)),
        # month names, Dutch
        ("15 maart", date(2026, 3, 15)),
        ("15 maart 2027", date(2027, 3, 15)),
        ("15 mrt", date(2026, 3, 15)),
        ("15 MRT.", date(2026, 3, 15)),
        ("maart 15", date(2026, 3, 15)),
        ("1 mei", date(2026, 5, 1)),
        ("3 okt 2027", date(2027, 10, 3)),
        ("15e maart", date(2026, 3, 15)),
        # month names, English
        ("15 March 2027", date(2027, 3, 15)),
        ("March 15 2027", date(2027, 3, 15)),
        ("March 15, 2027", date(2027, 3, 15)),
        ("15 mar", date(2026, 3, 15)),
        ("1 may", date(2026, 5, 1)),
        ("sept 3", date(2026, 9, 3)),
        ("3 oct 27", date(2027, 10, 3)),
        ("1st december", date(2026, 12, 1)),
    ],
)
def test_absolute_dates(text, expected):
    assert p(text) == expected


@pytest.mark.parametrize(
    "month, names",
    [
        (1, "januari january jan"), (2, "februari february feb"), (3, "maart march mrt mar"),
        (4, "april apr"), (5, "mei may"), (6, "juni june jun"), (7, "juli july jul"),
        (8, "augustus august aug"), (9, "september sep sept"), (10, "oktober october okt oct"),
        (11, "november nov"), (12, "december dec"),
    ],
)
def test_every_month_name(month, names):
    for name in names.split():
        assert p(f"2 {name}") == date(2026, month, 2)
        assert p(f"{name.upper()} 2 2030") == date(2030, month, 2)


@pytest.mark.parametrize(
    "text, delta",
    [
        ("vandaag", 0), ("today", 0), ("VANDAAG", 0), (" Today ", 0),
        ("morgen", 1), ("tomorrow", 1), ("overmorgen", 2),
        ("gisteren", -1), ("yesterday", -1),
    ],
)
def test_relative_words(text, delta):
    assert p(text) == TODAY + timedelta(days=delta)


@pytest.mark.parametrize(
    "names, weekday",
    [
        ("ma maandag mon monday", 0), ("di dinsdag tue tuesday", 1),
        ("wo woensdag wed wednesday", 2), ("do donderdag thu thursday", 3),
        ("vr vrijdag fri friday", 4), ("za zaterdag sat saturday", 5),
        ("zo zondag sun sunday", 6),
    ],
)
def test_weekdays_are_strictly_after_today(names, weekday):
    for today in (TODAY, FRIDAY, SATURDAY):
        for name in names.split():
            for text in (name, name.capitalize(), f"volgende {name}", f"next {name}"):
                got = p(text, today)
                assert got.weekday() == weekday, text
                assert today < got <= today + timedelta(days=7), text


def test_weekday_examples():
    assert p("ma") == date(2026, 11, 30)  # on a Monday, 'ma' is next Monday
    assert p("vr") == FRIDAY
    assert p("vr", FRIDAY) == date(2026, 12, 4)
    assert p("next fri", FRIDAY) == date(2026, 12, 4)
    assert p("zondag") == date(2026, 11, 29)


@pytest.mark.parametrize(
    "text, today, expected",
    [
        ("volgende week", TODAY, date(2026, 11, 30)),
        ("next week", SATURDAY, date(2026, 11, 30)),
        ("volgende maand", TODAY, date(2026, 12, 1)),
        ("next month", date(2026, 12, 31), date(2027, 1, 1)),
        ("eind van de week", TODAY, FRIDAY),
        ("end of week", TODAY, FRIDAY),
        ("end of the week", FRIDAY, FRIDAY),
        ("eind van de week", SATURDAY, SATURDAY),  # past Friday: today
        ("eind van de maand", TODAY, date(2026, 11, 30)),
        ("einde maand", date(2028, 2, 3), date(2028, 2, 29)),
        ("end of month", TODAY, date(2026, 11, 30)),
        ("EOM", TODAY, date(2026, 11, 30)),
    ],
)
def test_week_and_month_phrases(text, today, expected):
    assert p(text, today) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("+3d", date(2026, 11, 26)),
        ("+2w", date(2026, 12, 7)),
        ("+1m", date(2026, 12, 23)),
        ("+1j", date(2027, 11, 23)),
        ("+1y", date(2027, 11, 23)),
        ("-2d", date(2026, 11, 21)),
        ("-1m", date(2026, 10, 23)),
        ("+2 weken", date(2026, 12, 7)),
        ("+3 dagen", date(2026, 11, 26)),
        ("over 2 weken", date(2026, 12, 7)),
        ("over 3 maanden", date(2027, 2, 23)),
        ("in 2 weeks", date(2026, 12, 7)),
        ("in 3 days", date(2026, 11, 26)),
        ("2 weken", date(2026, 12, 7)),
        ("+ 1 jaar", date(2027, 11, 23)),
    ],
)
def test_offsets(text, expected):
    assert p(text) == expected


def test_month_offsets_clamp_to_month_end():
    assert p("+1m", date(2027, 1, 31)) == date(2027, 2, 28)
    assert p("+1m", date(2028, 1, 31)) == date(2028, 2, 29)
    assert p("+1j", date(2028, 2, 29)) == date(2029, 2, 28)
    assert p("-1m", date(2027, 3, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "text, today, expected",
    [
        ("wk 12", TODAY, date(2027, 3, 22)),  # week 12 of 2026 is over: next year's
        ("wk12", TODAY, date(2027, 3, 22)),
        ("week 12", TODAY, date(2027, 3, 22)),
        ("W12", TODAY, date(2027, 3, 22)),
        ("wk 12 2027", TODAY, date(2027, 3, 22)),
        ("2027-W12", TODAY, date(2027, 3, 22)),
        ("2027W12", TODAY, date(2027, 3, 22)),
        ("wk 48", TODAY, TODAY),  # the current week has not ended
        ("wk 48", date(2026, 11, 29), TODAY),  # still not: Sunday is its last day
        ("wk 53", TODAY, date(2026, 12, 28)),  # 2026 has 53 ISO weeks
        ("wk 12", date(2026, 1, 5), date(2026, 3, 16)),
        ("wk 1", date(2025, 12, 30), date(2025, 12, 29)),  # ISO year 2026 began already
    ],
)
def test_iso_weeks(text, today, expected):
    assert p(text, today) == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("31-2", "calendar"),
        ("30 februari 2027", "calendar"),
        ("wk 60", "calendar"),
        ("wk 0", "calendar"),
        ("2027-W53", "calendar"),  # 2027 has only 52 ISO weeks
        ("gisteravond", "example"),
        ("", "example"),
        ("   ", "example"),
        ("[b]x", "example"),
        ("15", "example"),  # a bare number is not guessed as a day of this month
        ("ma 27 nov", "example"),  # 27 Nov 2026 is a Friday: refuse rather than guess
        ("over -2d", "example"),
    ],
)
def test_errors_name_the_text_and_hint(text, kind):
    with pytest.raises(InvalidDate) as caught:
        parse_date(text, today=TODAY, field="deadline")
    err = caught.value
    assert err.field == "deadline"
    assert f"'{text.strip()}'" in err.message
    assert ("kalender" if kind == "calendar" else "2027-03-15") in err.message
    assert str(err).startswith("Deadline: ")  # the field named as the screen names it


def test_error_escapes_control_characters():
    with pytest.raises(InvalidDate) as caught:
        p("\x1b[2J")
    message = caught.value.message
    assert "\x1b" not in message
    assert "'\\x1b[2J'" in message
    assert "2027-03-15" in message


def test_error_is_in_english_when_asked():
    i18n.set_language("en")
    with pytest.raises(InvalidDate, match="'gisteravond' is not a date; try"):
        p("gisteravond")
    with pytest.raises(InvalidDate, match="'31-2' does not exist in the calendar"):
        p("31-2")


def test_long_input_is_cut_short_in_the_message():
    with pytest.raises(InvalidDate) as caught:
        p("x" * 10_000)
    assert len(caught.value.message) < 300


def test_out_of_range_is_an_invalid_date_not_an_overflow():
    for text in ("-999999d", "+999999j", "0000-01-01", "+999999m", "+8000j"):
        with pytest.raises(InvalidDate, match="kalender"):
            p(text)


def test_format_date():
    assert format_date(date(2027, 3, 5)) == "2027-03-05"
    assert format_date(None) == ""


def test_describe_date_dutch_and_english():
    assert describe_date(FRIDAY, TODAY) == "vr 27 nov"
    assert describe_date(FRIDAY, date(2027, 1, 1)) == "vr 27 nov 2026"
    assert describe_date(date(2027, 3, 15), TODAY) == "ma 15 mrt 2027"
    i18n.set_language("en")
    assert describe_date(FRIDAY, TODAY) == "Fri 27 Nov"
    assert describe_date(date(2027, 5, 2), TODAY) == "Sun 2 May 2027"


def test_import_does_not_load_dateutil():
    root = Path(__file__).resolve().parents[2]
    code = "import sys, store.dates; sys.exit('dateutil' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


# --- properties -------------------------------------------------------------

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=500)
@given(st.text())
def test_arbitrary_text_raises_only_invalid_date(text):
    try:
        got = p(text)
    except InvalidDate as err:
        assert all(c.isprintable() for c in err.message)
    else:
        assert isinstance(got, date)


@given(st.text(alphabet="0123456789+-/.wkdmjy ", max_size=12))
def test_date_shaped_text_raises_only_invalid_date(text):
    try:
        p(text)
    except InvalidDate:
        pass


@given(dates)
def test_iso_round_trip(d):
    assert p(format_date(d)) == d


@given(dates, dates, st.sampled_from(["nl", "en"]))
def test_describe_round_trip(d, today, lang):
    i18n.set_language(lang)
    assert p(describe_date(d, today), today) == d


def test_plus_n_days():
    for n in range(1001):
        assert p(f"+{n}d") == TODAY + timedelta(days=n)


def test_days_in_month_agrees_with_the_calendar_module():
    import calendar

    from store.dates import _days_in

    assert all(_days_in(y, m) == calendar.monthrange(y, m)[1] for y in (1, 1900, 2000, 2024, 2026, 2100, 9999)
               for m in range(1, 13))


def test_a_bare_weekday_without_its_pattern_means_what_the_pattern_says():
    """parse_date answers a bare weekday ('vr') before compiling its patterns (every
    `spiegel add --due vr` pays for them): the same day the weekday pattern gives,
    under every rule and on every day of the week, in both languages."""
    import re as _re

    from store.dates import _RE, WEEKDAY, YEARLESS, _weekday, parse_date

    for offset in range(7):
        today = TODAY + timedelta(days=offset)
        for name in WEEKDAY:
            for rule in YEARLESS:
                by_pattern = _weekday(_re.fullmatch(_RE["weekday"], name, _re.ASCII), today, rule)
                assert parse_date(name, today, yearless=rule) == by_pattern, (name, rule, today)
                assert parse_date(f" {name.upper()} ", today, yearless=rule) == by_pattern
