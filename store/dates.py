"""Date phrases as people type them at a counter: 'vr', '+2w', 'wk 12', '15 mrt'.

Everything is hand-written regexes over a normalised string, not dateutil.parser:
dateutil guesses (a bare '15' becomes the 15th of this month, 'mar' keeps today's
day, fuzzy mode drops words it does not know), and a plausible wrong date is worse
here than an error. The grammar is small, so an explicit table is easier to
check. dateutil is therefore not needed at all; nothing here imports it, which
also keeps CLI start-up cheap.
"""

from __future__ import annotations

import datetime as _dt
import re

from store.errors import InvalidDate
from store.i18n import language, t

_WEEKDAYS = {  # Monday = 0, as date.weekday()
    0: "ma maandag mon monday",
    1: "di dinsdag tue tues tuesday",
    2: "wo woensdag wed wednesday",
    3: "do donderdag thu thur thurs thursday",
    4: "vr vrijdag fri friday",
    5: "za zaterdag sat saturday",
    6: "zo zondag sun sunday",
}
WEEKDAY = {name: n for n, names in _WEEKDAYS.items() for name in names.split()}

_MONTHS = {
    1: "januari january jan", 2: "februari february feb", 3: "maart march mrt mar",
    4: "april apr", 5: "mei may", 6: "juni june jun", 7: "juli july jul",
    8: "augustus august aug", 9: "september sep sept", 10: "oktober october okt oct",
    11: "november nov", 12: "december dec",
}
MONTH = {name: n for n, names in _MONTHS.items() for name in names.split()}

_SHORT = {  # what describe_date writes; hard-coded so the OS locale cannot change it
    "nl": ("ma di wo do vr za zo".split(), "jan feb mrt apr mei jun jul aug sep okt nov dec".split()),
    "en": ("Mon Tue Wed Thu Fri Sat Sun".split(), "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()),
}

_KEYWORDS = {
    "vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2,
    "gisteren": -1, "yesterday": -1, "eergisteren": -2,
}
_UNITS = {  # unit word -> (days per unit, months per unit); 'm' is month, never minute
    **dict.fromkeys("d dag dagen day days".split(), (1, 0)),
    **dict.fromkeys("w wk week weken weeks".split(), (7, 0)),
    **dict.fromkeys("m mnd maand maanden month months".split(), (0, 1)),
    **dict.fromkeys("j jr jaar jaren y yr year years".split(), (0, 12)),
}



def _WORD_ALT(names) -> str:
    """Regex alternation, longest first, so 'sept' is not matched as 'sep' + 't'."""
    return "|".join(sorted(names, key=len, reverse=True))


_MON = rf"(?P<mon>{_WORD_ALT(MONTH)})\.?"
_DAY = r"(?P<day>\d{1,2})(?:e|ste|de|st|nd|rd|th)?"
_YEAR = r"(?:\s+(?P<year>\d{4}|\d{2}))?"
# Pattern sources, compiled on first use by re's own cache: compiling all of them
# cost ~7 ms of every `spiegel add`, which mostly needs one ('vr').
# re.ASCII: \d must not match Arabic or full-width digits, which int() would accept.
_RE = {
    "iso": r"(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})",
    "dmy": r"(?P<day>\d{1,2})[-/.](?P<mon>\d{1,2})(?:[-/.](?P<year>\d{4}|\d{2}))?",
    "d_mon": rf"{_DAY}\s*{_MON}{_YEAR}",
    "mon_d": rf"{_MON}\s+{_DAY}{_YEAR}",
    "isoweek": r"(?P<year>\d{4})-?w(?P<week>\d{1,2})(?:-?(?P<wd>[1-7]))?",
    "week": r"(?:week|wk|w)\s*(?P<week>\d{1,2})(?:\s+(?P<year>\d{4}))?",
    "offset": rf"(?:(?:over|in)\s+|(?P<sign>[+-])\s*)?(?P<n>\d{{1,6}})\s*(?P<unit>{_WORD_ALT(_UNITS)})",
    "ago": rf"(?P<n>\d{{1,6}})\s*(?P<unit>{_WORD_ALT(_UNITS)})\s+(?:geleden|ago)",
    "weekday": rf"(?:(?P<ahead>volgende|komende|aanstaande|next)\s+)?(?P<wd>{_WORD_ALT(WEEKDAY)})\.?",
    "last_weekday": rf"(?:vorige|afgelopen|laatste|last|previous|past)\s+(?P<wd>{_WORD_ALT(WEEKDAY)})\.?",
    "previous": r"(?:vorige|afgelopen|last|previous)\s+(?P<what>week|maand|month)",
    "this": r"(?:deze|this)\s+week",
    "end": r"(?:einde?(?:\s+van)?(?:\s+de)?|end\s+of(?:\s+the)?)\s+(?P<what>week|maand|month)|eow|eom",
    "next": r"(?:volgende|next)\s+(?P<what>week|maand|month)",
    # 'vr 27 nov' as describe_date writes it: a weekday in front of an absolute date.
    "prefixed": rf"(?P<wd>{_WORD_ALT(WEEKDAY)})\.?\s+(?P<rest>\d.*|(?:{_WORD_ALT(MONTH)})\b.*)",
}


_NEEDS_DIGIT = {"iso", "dmy", "d_mon", "mon_d", "isoweek", "week", "offset", "ago", "prefixed"}


class _Nonexistent(Exception):
    """Well-formed but not in the calendar (31-2, wk 60); turned into InvalidDate."""


# Which way a phrase without a year or a direction points (`yearless`). "ahead":
# what lies ahead -- a day and month is the next such date from today on (a
# deadline typed in November as '15-3' is next March), a weekday the next one
# strictly after today. "past": what already happened -- a day and month, a
# weekday ('vr', 'vrijdag') and a week number ('wk 49') are the most recent such
# day, today included; a week gives its Monday, or today for the current week.
# "year": a day and month in this calendar year, weekdays and weeks ahead.
# Which field uses which is decided in store/model/fields.py (DATE_RULES). Phrases that
# say their direction ('vorige vr', 'afgelopen vrijdag', 'vorige week',
# '3 dagen geleden', 'gisteren', 'volgende week', '+2w') mean the same everywhere.
YEARLESS = ("ahead", "past", "year")


def parse_date(text: str, today: _dt.date | None = None, field: str = "datum",
               yearless: str = "year") -> _dt.date:
    """Turn a Dutch or English date phrase into a date, relative to `today`.

    Accepts ISO dates, day-month(-year) with - / or ., day + month name (either
    order), today/yesterday/tomorrow words, weekdays, 'vorige vr'/'afgelopen
    vrijdag' (the most recent one, today included), 'volgende/vorige week/maand',
    'deze week', 'eind van de week/maand', offsets like '+2w', 'over 3 dagen',
    '-1m', '3 dagen geleden', and ISO weeks ('wk 12', '2027-W12' -> that Monday).

    Ambiguity rules follow `yearless` (see YEARLESS): a day and month without a
    year ('15-3', '15 maart'), a bare weekday and a week without a year. Ahead
    (and "year"), a weekday is strictly after today and a week is this ISO
    year's unless it has ended, then next year's; in the past both are the most
    recent one, today included. A two-digit year is 20xx. Month offsets clamp
    the day ('31-1' + 1m -> 28/29 feb).

    Raises InvalidDate (and nothing else) for anything else, naming the text.
    """
    _check_rule(yearless)
    today = today or _dt.date.today()
    raw = text if isinstance(text, str) else ""
    # Commas are noise ('March 15, 2027'); case and whitespace runs never matter.
    phrase = " ".join(raw.replace(",", " ").split()).casefold()
    try:
        found = _parse(phrase, today, yearless=yearless)
    except (_Nonexistent, ValueError, OverflowError):
        raise InvalidDate(field, t("date.nonexistent", text=typed_text(raw))) from None
    if found is None:
        raise InvalidDate(field, t("date.invalid.past" if yearless == "past" else "date.invalid",
                                   text=typed_text(raw)))
    return found


def names_its_year(text: str) -> bool:
    """Whether a date phrase says its year ('15-3-2027', '2027-W12', '15 maart
    2027'): only such a full date may put something that already happened, like a
    meeting, ahead of today (store/model/fields.py)."""
    phrase = " ".join(str(text).replace(",", " ").split()).casefold()
    m = re.fullmatch(_RE["prefixed"], phrase, re.A)
    if m:
        phrase = m["rest"]
    for name in ("iso", "dmy", "d_mon", "mon_d", "isoweek", "week"):
        m = re.fullmatch(_RE[name], phrase, re.A)
        if m:
            return m["year"] is not None
    return False


def _parse(s: str, today: _dt.date, families: tuple[str, ...] | None = None,
           yearless: str = "year") -> _dt.date | None:
    """Try each phrase family in turn; None means 'not a date phrase at all'."""
    if s in _KEYWORDS and families is None:
        return today + _dt.timedelta(days=_KEYWORDS[s])
    if s in WEEKDAY and families is None:  # 'vr', the phrase typed most: what the weekday
        # pattern below would find, without compiling the patterns (~0.4 ms of an `add`)
        return _weekday({"wd": s, "ahead": None}, today, yearless)
    has_digit = any(c in "0123456789" for c in s)
    for name, build in _BUILDERS:
        if families is not None and name not in families or name in _NEEDS_DIGIT and not has_digit:
            continue
        m = re.fullmatch(_RE[name], s, re.A)
        if m:
            return build(m, today, yearless)
    return None


def _absolute(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    mon = m["mon"]
    month = int(mon) if mon.isdigit() else MONTH[mon]
    year = m["year"]
    if year is None:
        return day_month(int(m["day"]), month, today, yearless)
    y = int(year) + (2000 if len(year) == 2 else 0)
    return _dt.date(y, month, int(m["day"]))  # ValueError for 31-2 -> nonexistent


def _check_rule(yearless: str) -> None:
    if yearless not in YEARLESS:  # a programming error, never the user's: not an InvalidDate
        raise TypeError(f"unknown yearless rule {yearless!r}")


def day_month(day: int, month: int, today: _dt.date, yearless: str = "year") -> _dt.date:
    """The date a day and month without a year mean under rule `yearless`.
    29-2 under "ahead"/"past" is the next/last leap day; ValueError if it never is."""
    if yearless == "year":
        return _dt.date(today.year, month, day)
    step = 1 if yearless == "ahead" else -1
    for years in range(9):  # a leap day is at most 8 years away (2096 -> 2104)
        try:
            found = _dt.date(today.year + step * years, month, day)
        except ValueError:
            if day > _days_in(2000, month):  # 31-4: in no year at all
                raise
            continue
        if (found >= today) if step == 1 else (found <= today):
            return found
    raise ValueError("no such date")


def _prefixed(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date | None:
    found = _parse(m["rest"], today, families=("iso", "dmy", "d_mon", "mon_d"), yearless=yearless)
    if found is None or found.weekday() != WEEKDAY[m["wd"]]:
        return None  # 'ma 27 nov' when the 27th is a Friday: refuse, don't guess which one
    return found


def _iso_week(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    week, year = int(m["week"]), m["year"]
    if year is None and yearless == "past":
        return _week_gone_by(week, today)
    if year is None:
        year = today.isocalendar().year
        if week > _weeks_in(year) or _dt.date.fromisocalendar(year, week, 7) < today:
            year += 1
    if not 1 <= week <= _weeks_in(int(year)):
        raise _Nonexistent
    return _dt.date.fromisocalendar(int(year), week, int(m.groupdict().get("wd") or 1))


def _week_gone_by(week: int, today: _dt.date) -> _dt.date:
    """Week `week` as something that already happened: the most recent one that has
    begun (a week 53 may be years back), its Monday, or today for the current week."""
    if not 1 <= week <= 53:
        raise _Nonexistent
    year = today.isocalendar().year
    for _ in range(8):  # a year with an ISO week 53 comes at least every 7 years
        if week <= _weeks_in(year):
            monday = _dt.date.fromisocalendar(year, week, 1)
            if monday <= today:
                return today if today - monday < _dt.timedelta(days=7) else monday
        year -= 1
    raise _Nonexistent


def _weeks_in(year: int) -> int:
    return _dt.date(year, 12, 28).isocalendar().week  # 28 Dec is always in the last week


def _offset(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    n = int(m["n"]) * (-1 if m["sign"] == "-" else 1)
    days, months = _UNITS[m["unit"]]
    return add_months(today, n * months) if months else today + _dt.timedelta(days=n * days)


def add_months(d: _dt.date, n: int) -> _dt.date:
    """Calendar month arithmetic, clamping the day to the target month's length."""
    y, m0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    return _dt.date(y, m0 + 1, min(d.day, _days_in(y, m0 + 1)))


def _days_in(year: int, month: int) -> int:
    """Days in a month. Not calendar.monthrange: importing calendar (and locale)
    cost every `spiegel add` ~3 ms."""
    if month == 12:
        return 31
    return (_dt.date(year, month + 1, 1) - _dt.timedelta(days=1)).day


def _weekday(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    if yearless == "past" and not m["ahead"]:
        return _last_weekday(m, today)
    # Ahead strictly after today: on a Friday 'vr' for a deadline means next
    # week's, since nobody types a weekday to mean today.
    ahead = (WEEKDAY[m["wd"]] - today.weekday() - 1) % 7 + 1
    return today + _dt.timedelta(days=ahead)


def _last_weekday(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    """The most recent such weekday, today included: a meeting held 'vr', typed on
    that Friday evening, was today."""
    return today - _dt.timedelta(days=(today.weekday() - WEEKDAY[m["wd"]]) % 7)


def _ago(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    days, months = _UNITS[m["unit"]]
    n = -int(m["n"])
    return add_months(today, n * months) if months else today + _dt.timedelta(days=n * days)


def _previous(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    """'vorige week': that week's Monday; 'vorige maand': its first day."""
    if m["what"] == "week":
        return today - _dt.timedelta(days=today.weekday() + 7)
    return add_months(today.replace(day=1), -1)


def _this_week(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    """'deze week': today when it already happened, else the end of the week."""
    return today if yearless == "past" else max(today, today + _dt.timedelta(days=4 - today.weekday()))


def _end_of(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    if (m["what"] or m[0]) in ("week", "eow"):  # Friday, or today at the weekend
        return max(today, today + _dt.timedelta(days=4 - today.weekday()))
    return today.replace(day=_days_in(today.year, today.month))


def _next(m: re.Match, today: _dt.date, yearless: str = "year") -> _dt.date:
    if m["what"] == "week":
        return today + _dt.timedelta(days=7 - today.weekday())
    return add_months(today.replace(day=1), 1)


_BUILDERS = [
    ("iso", _absolute), ("dmy", _absolute), ("d_mon", _absolute), ("mon_d", _absolute),
    ("isoweek", _iso_week), ("week", _iso_week), ("offset", _offset), ("ago", _ago),
    ("weekday", _weekday), ("last_weekday", _last_weekday), ("previous", _previous), ("this", _this_week),
    ("end", _end_of), ("next", _next), ("prefixed", _prefixed),
]


def typed_text(text: str, limit: int = 40) -> str:
    """The text as it may appear in a message: control characters escaped, so an
    ESC from a paste cannot drive the terminal, and long input cut short."""
    text = text.strip()
    safe = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text[: limit + 1])
    return safe[:limit] + "…" if len(text) > limit else safe


def format_date(d: _dt.date | None) -> str:
    """ISO 'YYYY-MM-DD' (what files store and parse_date reads back); '' for None."""
    return "" if d is None else d.isoformat()


# A date shown without its year lies within this many days of today (about four
# months either way): further off, '15 dec' alone leaves a reader guessing which
# December, even when the field's rule would read it back right.
NEAR_DAYS = 122


def describe_date(d: _dt.date, today: _dt.date | None = None, yearless: str = "year", weekday: bool = True) -> str:
    """Short text for screens: 'vr 27 nov', with the year ('vr 27 nov 2026') when
    the date is not within a few months of today (NEAR_DAYS) or the day and month
    alone would be read (under the same `yearless` rule) as another date. parse_date
    with that rule reads it back to the same date."""
    _check_rule(yearless)
    today = today or _dt.date.today()
    days, months = _SHORT.get(language(), _SHORT["nl"])
    text = f"{d.day} {months[d.month - 1]}"
    if weekday:  # narrow table columns leave it out; either form reads back
        text = f"{days[d.weekday()]} {text}"
    try:
        same = day_month(d.day, d.month, today, yearless) == d
    except ValueError:
        same = False
    near = abs((d - today).days) <= NEAR_DAYS
    return text if same and near else f"{text} {d.year:04d}"


_LONG_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "en": "January February March April May June July August September October November December".split(),
}


def month_name(month: int, short: bool = True) -> str:
    """Month name in the UI language: 'mrt' / 'Mar' for chart axes, 'maart' / 'March'
    in sentences. Never from the OS locale."""
    if short:
        return _SHORT.get(language(), _SHORT["nl"])[1][month - 1]
    return _LONG_MONTHS.get(language(), _LONG_MONTHS["nl"])[month - 1]


def short_date(d: _dt.date, today: _dt.date | None = None) -> str:
    """Narrow date for a table column: '9 nov' in `today`'s year, else 'nov 2025'."""
    today = today or _dt.date.today()
    return f"{d.day} {month_name(d.month)}" if d.year == today.year else f"{month_name(d.month)} {d.year:04d}"


def long_date(day: _dt.date) -> str:
    """'12 november 2026': a report is read later and by others, so the month is
    written out in the UI language and the year always named (never ISO)."""
    return f"{day.day} {month_name(day.month, short=False)} {day.year}"
