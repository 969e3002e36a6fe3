"""Turn what a user typed (CLI option, TUI input, import cell) into a field value.

One place for it, so `spiegel edit A-3 --deadline vr`, the TUI's deadline box and
imports agree on what `vr`, `ja` or `gepland` mean.
"""

from __future__ import annotations

import math

import datetime as dt

from store.errors import InvalidDate, InvalidValue
from store.i18n import t
from store.model.records import META_FIELDS, STATE_FIELDS, Record, field_kinds
from store.text import clean_line, clean_text
from store.model.vocab import Code

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Any

# Dutch (and short) names users may type for fields; English names work as they are.
ALIASES = {
    "titel": "title", "omschrijving": "description", "beschrijving": "description",
    "eigenaar": "owner", "wie": "owner", "due": "deadline", "einddatum": "deadline",
    "fase": "phase", "voortgang": "progress", "review": "review_date", "evaluatiedatum": "review_date",
    "leerpunten": "findings", "naam": "name", "soort": "kind", "thema": "theme", "datum": "date",
    "vorm": "format", "vragen": "questions", "deelnemers": "participants", "toehoorders": "listeners",
    "luisteraars": "listeners", "gespreksleider": "facilitator", "notulist": "minute_taker",
    "duur": "duration_min", "rondes": "rounds", "invoer": "inputs", "terugkoppeling": "feedback_due",
    "terugkoppeling_verstuurd": "feedback_sent", "tekst": "text", "quickwin": "quick_win",
    "quick-win": "quick_win", "toestand": "state", "reden": "reason", "richting": "direction",
    "eenheid": "measure_unit", "nulmeting": "baseline", "doel": "target", "streefwaarde": "target",
    "gestart": "started_on", "klaar": "done_on", "geevalueerd": "evaluated_on", "laatste_bezoek": "last_visit",
    "notities": "notes", "organisator": "organiser", "organizer": "organiser", "doelgroep_werkenden": "working_target",
    "werkenden": "working_target", "begintijd": "start_time", "aanvang": "start_time", "contactregel": "contact",
    "volgend_bezoek": "next_visit", "basis_tot": "baseline_end", "basisperiode_tot": "baseline_end",
    "basis_punten": "baseline_points", "basis_eerste": "baseline_points", "regels": "rules",
    "rm": "relatiemanager", "rm_login": "relatiemanager_login", "relatiemanager_login": "relatiemanager_login",
    "gemeente": "municipality", "fasen": "phases",
    "terugkoppeling_onbekend": "feedback_given_unknown", "coordinator": "coordinator",
    "coördinator": "coordinator", "zorgverleners": "providers", "patienten": "patients",
    "patiënten": "patients", "opdracht": "assignment",
    "cyclus": "review_cycle", "reviewcyclus": "review_cycle", "evaluatiecyclus": "review_cycle",
}
# How each date field reads a day and month typed without a year (store.dates.YEARLESS):
# what lies ahead takes the next such date, what already happened the most recent one.
# "measurement" is a KPI measurement's date (not a record field of its own).
DATE_RULES = {
    "deadline": "ahead", "review_date": "ahead", "feedback_due": "ahead",
    "date": "past", "feedback_sent": "past", "started_on": "past", "done_on": "past",
    "evaluated_on": "past", "last_visit": "past", "next_visit": "ahead", "measurement": "past", "baseline_end": "past",
}
# What already happened and can never lie ahead: a measurement is taken, not planned.
NEVER_AHEAD = {"measurement"}

_YES = {"ja", "j", "yes", "y", "true", "1", "waar", "x"}
_NO = {"nee", "n", "no", "false", "0", "onwaar", ""}


def field_name(cls: type[Record], name: str) -> str:
    """The record field a user means by `name` (`eigenaar`, `--due`, `review-date`)."""
    key = name.strip().lstrip("-").lower().replace("-", "_")
    key = ALIASES.get(key, key)
    if key not in field_kinds(cls) or key in META_FIELDS or key in STATE_FIELDS or key == "unit":
        editable = ", ".join(editable_fields(cls))
        raise InvalidValue(name, t("field.unknown", name=name, fields=editable))
    return key


def editable_fields(cls: type[Record]) -> list[str]:
    return [n for n in field_kinds(cls) if n not in META_FIELDS and n not in STATE_FIELDS and n != "unit"]


def parse_value(cls: type[Record], name: str, text: str, today: dt.date | None = None) -> Any:
    """Parse user text for field `name` of `cls`; InvalidValue says what is wrong."""
    kind = field_kinds(cls)[name]
    text = clean_text(text).strip() if isinstance(text, str) else text
    if name == "start_time":
        return start_time(text)
    parser = _PARSERS.get(kind)
    if parser is not None:
        return parser(name, text, today)
    from store.model import records

    code = getattr(records, kind, None)
    if isinstance(code, type) and issubclass(code, Code):
        return code.parse(text, name)
    raise InvalidValue(name, t("field.not_editable", name=name))


def start_time(text: str) -> str:
    """A meeting's start as typed ('19.30', '1930', '19u30', '19', '19:30 uur') ->
    '19:30'; '' or '-' is none. Anything else is left as typed, for the record's
    check to name."""
    import re

    if text in ("", "-", "geen", "none"):
        return ""
    found = re.fullmatch(r"([0-9]{1,2})(?:[:.u h]?([0-9]{2}))?\s*(?:u|uur|h)?", text.strip().lower())
    if not found:
        return text
    return f"{int(found.group(1)):02d}:{found.group(2) or '00'}"


def _opt_date(name: str, text: str, today: dt.date | None) -> dt.date | None:
    if text in ("", "-", "geen", "none"):
        return None
    return parse_field_date(name, text, today)


def parse_field_date(name: str, text: str, today: dt.date | None = None) -> dt.date:
    """A date typed into field `name`, read by the field's rule (DATE_RULES): ahead,
    a weekday or '15-3' is the next one; for what already happened the most recent
    one, today included. What already happened lies after today only when typed
    as a full date with its year (a meeting planned ahead, '11-12-2026'); a
    measurement never does. InvalidDate names the field and what was read."""
    from store.dates import parse_date

    today = today or dt.date.today()
    found = parse_date(text, today=today, field=name, yearless=DATE_RULES[name])
    if DATE_RULES[name] != "past" or found <= today:
        return found
    read = show_date(name, found, today)
    if name in NEVER_AHEAD:
        raise InvalidDate(name, t("date.future", text=_typed(text), date=read))
    from store.dates import names_its_year

    if not names_its_year(text):
        raise InvalidDate(name, t("date.ahead_needs_year", text=_typed(text), date=read,
                                  example=f"{found.day}-{found.month}-{found.year}"))
    return found


def is_ahead(name: str, value: dt.date | None, today: dt.date) -> bool:
    """Whether a date of something that already happens lies ahead (a meeting
    planned): screens say so beside it."""
    return value is not None and DATE_RULES.get(name) == "past" and value > today


def read_back(name: str, value: dt.date, today: dt.date) -> str:
    """What a form shows beside a date typed into field `name`: the day understood,
    and, for something that happens (a meeting) entered ahead, that it lies ahead."""
    shown = show_date(name, value, today)
    return f"{shown} ({t('date.ahead')})" if is_ahead(name, value, today) else shown


def _typed(text: str) -> str:
    from store.dates import typed_text

    return typed_text(str(text))


def show_date(name: str, value: dt.date, today: dt.date | None = None, weekday: bool = True) -> str:
    """A date of field `name` as screens show it ('vr 27 nov'), with the year
    whenever it is not within a few months of today or leaving it out would read
    back, by the field's rule, as another date."""
    from store.dates import describe_date

    return describe_date(value, today, yearless=DATE_RULES[name], weekday=weekday)


def _int(name: str, text: str, today: Any = None) -> int:
    try:
        return int(str(text).strip().rstrip("%"))
    except ValueError:
        raise InvalidValue(name, t("value.int", value=text)) from None


def _opt_int(name: str, text: str, today: Any = None) -> int | None:
    return None if text in ("", "-") else _int(name, text)


def _opt_float(name: str, text: str, today: Any = None) -> float | None:
    if text in ("", "-"):
        return None
    try:
        number = float(str(text).replace(",", "."))  # Dutch decimal comma
    except ValueError:
        number = math.nan
    if not math.isfinite(number):  # 'nan' and 'inf' parse as floats but are no measurement
        raise InvalidValue(name, t("value.number", value=text))
    return number


def _bool(name: str, text: str, today: Any = None) -> bool:
    word = str(text).strip().lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise InvalidValue(name, t("value.bool", value=text))


def _lines(name: str, text: str, today: Any = None) -> list[str]:
    parts = text if isinstance(text, list) else str(text).replace(";", ",").split(",")
    return [clean_line(p) for p in parts if clean_line(p)]


def _ids(name: str, text: str, today: Any = None) -> list[str]:
    return [p.upper() for p in _lines(name, text)]


def _phases(name: str, text: str, today: Any = None) -> dict[str, int]:
    """`2,1,1,3` gives the phase per route 1..4 in order."""
    parts = _lines(name, text)
    if len(parts) != 4 or any(p not in "1234" for p in parts):
        raise InvalidValue(name, t("value.phases"))
    return {str(route): int(p) for route, p in enumerate(parts, start=1)}


def _login(name: str, text: str, today: Any = None) -> str:
    from store.model.field_checks import login_problem

    login = clean_line(text).strip()
    problem = login_problem(login)
    if problem:
        raise InvalidValue(name, problem)
    return login


_PARSERS = {
    "Line": lambda name, text, today: clean_line(text),
    "Login": _login,
    "Text": lambda name, text, today: text,
    "OptDate": _opt_date,
    "int": _int,
    "OptInt": _opt_int,
    "OptFloat": _opt_float,
    "bool": _bool,
    "Lines": _lines,
    "Ids": _ids,
    "Phases": _phases,
}


def merged(value: dict | list, part: dict | list) -> dict | list:
    """A container field with a partial update: a dict's keys replaced, a list's
    missing items appended (in order, once)."""
    if isinstance(value, dict):
        return {**value, **part}
    if isinstance(value, list):
        return [*value, *(item for item in dict.fromkeys(part) if item not in value)]
    raise TypeError(f"cannot merge into {type(value).__name__}")
