"""Each kind of stored field's check, as the load-time check (store/model/validate.py)
applies it: a value of the right type and within its bounds comes back as the record
holds it (text cleaned of control characters, an ISO date as a date, a code as its
enum), anything else raises `Bad`, which `reason` puts in words. The kinds are the
annotations of store/model/records.py; the bounds are store/model/limits.py's.
"""

from __future__ import annotations

import datetime as dt
import re

from store.i18n import t
from store.model.recordtype import Measurement
from store.model.limits import BOUNDS, MAX_INT, MAX_NUMBER, MAX_YEAR, MIN_YEAR, PDSA_KEYS, is_number
from store.text import clean_line, clean_text
from store.model.vocab import Direction, FindingKind, FindingState, MeetingFormat, Organiser, Status, TeamKind, UnitKind

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Any, Callable

LOG_OPS = ("create", "update", "undo", "delete")
CODES = {c.__name__: c for c in (Status, UnitKind, MeetingFormat, FindingKind, FindingState, Direction, TeamKind,
                                 Organiser)}


class Bad(Exception):
    """One field's problem: a catalog key (`load.*`) and its values."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


class _Pattern:
    """An ASCII regular expression compiled at its first `fullmatch`: compiling this
    module's patterns cost every `spiegel add` and `list` ~0.5 ms (benchmarks/results.md),
    and most commands use one or two of them. After the first use `fullmatch` is the
    compiled pattern's own method, found without a call through this class."""

    __slots__ = ("fullmatch", "source")

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str):  # only while `fullmatch` is unset
        if name != "fullmatch":
            raise AttributeError(name)
        self.fullmatch = re.compile(self.source, re.ASCII).fullmatch
        return self.fullmatch


def check_for(cls: type, name: str, kind: str) -> Callable[[str, Any], Any]:
    """The check of field `name` (of kind `kind`) of record class `cls`."""
    if name == "id":
        return _unit_id if cls.PREFIX == "U" else _record_id(cls.PREFIX)
    if name == "log":
        return _log
    if kind in ("int", "OptInt"):
        return _int(*BOUNDS.get(name, (0, MAX_INT)), optional=kind == "OptInt")
    if kind in CODES:
        return _code(CODES[kind])
    return _BY_KIND[kind]


def reason(bad: Bad, value: Any) -> str:
    """`Bad` in words, with the value found (shortened, control characters shown)."""
    return t(bad.key, found=_shown(value), **bad.values)


def _shown(value: Any) -> str:
    import json  # only when a document is bad

    text = json.dumps(value, ensure_ascii=False, default=str)
    return clean_line(text if len(text) <= 40 else text[:39] + "…")


def _line(name: str, value: Any) -> str:
    if type(value) is not str:
        raise Bad("load.text")
    return value if value.isprintable() else clean_line(value)


def _text(name: str, value: Any) -> str:
    if type(value) is not str:
        raise Bad("load.text")
    return value if value.isprintable() else clean_text(value)


def _record_id(prefix: str) -> Callable[[str, Any], str]:
    pattern = _Pattern(rf"{prefix}-[0-9]+")

    def check(name: str, value: Any) -> str:
        if type(value) is not str or not pattern.fullmatch(value):
            raise Bad("load.id", example=f"{prefix}-12")
        return value

    return check


def _unit_id(name: str, value: Any) -> str:
    if type(value) is not str or not value or not value.isprintable():
        raise Bad("load.text")
    return value


# A login name as useradd and PostgreSQL accept one (letters, digits, `_ . @ -`,
# not starting with `-`): shown in lists and compared with Store.user, never run.
LOGIN = _Pattern(r"[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}\$?")


def login_problem(value: object) -> str | None:
    """Why `value` is no login name (words for the user), or None ("" is no login)."""
    if type(value) is not str:
        return t("load.text", found=_shown(value))
    return None if not value or LOGIN.fullmatch(value) else t("value.login", found=_shown(value))


START_TIME = _Pattern(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")


def start_time_problem(value: object) -> str | None:
    """Why `value` is no start time 'HH:MM' (words for the user), or None ("" is none)."""
    if type(value) is not str:
        return t("load.text", found=_shown(value))
    return None if not value or START_TIME.fullmatch(value) else t("value.start_time", found=_shown(value))


def _login(name: str, value: Any) -> str:
    if type(value) is not str:
        raise Bad("load.text")
    if value and not LOGIN.fullmatch(value):
        raise Bad("value.login")
    return value


def _int(low: int, high: int, optional: bool) -> Callable[[str, Any], Any]:
    def check(name: str, value: Any) -> Any:
        if type(value) is not int or not low <= value <= high:
            if value is None and optional:
                return None
            raise Bad("load.opt_int" if optional else "load.int", low=low, high=high)
        return value

    return check


def _opt_float(name: str, value: Any) -> Any:
    if value is not None and not is_number(value):
        raise Bad("load.number", high=f"{MAX_NUMBER:.0e}")
    return value


def _bool(name: str, value: Any) -> bool:
    if type(value) is not bool:
        raise Bad("load.bool")
    return value


def _date(value: Any) -> dt.date:
    """A stored date is exactly `YYYY-MM-DD` (fromisoformat also takes `20261231`
    and week dates, which spiegel never writes)."""
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise ValueError(value)
    date = dt.date.fromisoformat(value)
    if not MIN_YEAR <= date.year <= MAX_YEAR:  # 0001-01-01 or 9999-12-31 crashed ical and charts
        raise ValueError(value)
    return date


def _opt_date(name: str, value: Any) -> dt.date | None:
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":  # _date, inline: hot
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if MIN_YEAR <= date.year <= MAX_YEAR:  # 0001-01-01 or 9999-12-31 crashed ical and charts
                return date
            raise Bad("load.date_range", low=MIN_YEAR, high=MAX_YEAR)
    elif value is None:
        return None
    raise Bad("load.date")


def _code(code: type) -> Callable[[str, Any], Any]:
    members = {member.value: member for member in code}  # a dict lookup: Enum's call is slow

    def check(name: str, value: Any) -> Any:
        found = members.get(value) if type(value) is str else None
        if found is None:
            raise Bad("load.code", allowed=", ".join(members))
        return found

    return check


def _lines(name: str, value: Any) -> list[str]:
    if type(value) is not list or not set(map(type, value)) <= _STR:
        raise Bad("load.lines")
    if "".join(value).isprintable():
        return value[:]  # a copy: records never share a list with the read cache
    return [clean_line(item) for item in value]


def _ids(name: str, value: Any) -> list[str]:
    try:  # join refuses anything but strings
        if type(value) is list and _IDS.fullmatch(",".join(value)):
            return value[:]  # ids such as L-7: nothing to clean
    except TypeError:
        pass
    raise Bad("load.ids")


_STR = {str}
_IDS = _Pattern(r"(?:[A-Z]-[0-9]+(?:,[A-Z]-[0-9]+)*)?")


def _phases(name: str, value: Any) -> dict[str, int]:
    if type(value) is not dict or any(k not in ("1", "2", "3", "4") or type(p) is not int or not 1 <= p <= 4
                                      for k, p in value.items()):
        raise Bad("load.phases")
    return dict(value)


def _pdsa(name: str, value: Any) -> dict[str, str]:
    if type(value) is not dict or not value.keys() <= _PDSA or not set(map(type, value.values())) <= _STR:
        raise Bad("load.pdsa")
    if "".join(value.values()).isprintable():
        return dict(value)
    return {k: clean_text(v) for k, v in value.items()}


_PDSA = frozenset(PDSA_KEYS)


def _measurements(name: str, value: Any) -> list:
    if type(value) is not list:
        raise Bad("load.measurements")
    points = []
    for item in value:
        if type(item) is not dict or type(item.get("note", "")) is not str or type(item.get("value")) not in _SCALARS:
            raise Bad("load.measurements")
        try:
            date = _date(item.get("date"))
        except ValueError:
            raise Bad("load.measurements") from None
        # A value no chart can use (text, null, 1e308) is the KPI's problem, not the
        # record's: store.model.kpis.measurement_problems lists it and the chart draws the
        # rest (issue 18). Its text is cleaned like any other.
        number = item["value"]
        points.append(Measurement(date, clean_line(number) if type(number) is str else number,
                                  clean_text(item.get("note", ""))))
    return points


_SCALARS = (int, float, str, bool, type(None))


def _log(name: str, value: Any) -> list[dict]:
    """The change log: who changed what when. Shown in `show` and the app, and read
    by undo, so its shape is checked and its words cleaned like any text."""
    if type(value) is not list:
        raise Bad("load.log")
    if len(value) == 1 and _plain_creation(value[0]):
        return value[:]  # most records: created, never changed
    return [entry if _plain_creation(entry) else _log_entry(entry) for entry in value]


def _plain_creation(entry: Any) -> bool:
    """Most entries: `{"at", "by", "op": "create"}` with printable words (fast path)."""
    return (type(entry) is dict and len(entry) == 3 and entry.get("op") == "create"
            and type(entry.get("at")) is str and type(entry.get("by")) is str
            and (entry["at"] + entry["by"]).isprintable())


def _log_entry(entry: Any) -> dict:
    if (type(entry) is not dict or type(entry.get("at")) is not str or type(entry.get("by")) is not str
            or entry.get("op") not in LOG_OPS or type(entry.get("changes", {})) is not dict
            or type(entry.get("undoes", 0)) is not int):
        raise Bad("load.log")
    changes = entry.get("changes", {})
    if any(type(k) is not str or type(pair) is not list or len(pair) != 2 for k, pair in changes.items()):
        raise Bad("load.log")
    if entry["at"].isprintable() and entry["by"].isprintable() and not changes:
        return entry  # the common case: nothing to clean, shared like every read-only document
    cleaned = {**entry, "at": clean_line(entry["at"]), "by": clean_line(entry["by"])}
    if changes:
        cleaned["changes"] = {clean_line(k): [_cleaned(old), _cleaned(new)] for k, (old, new) in changes.items()}
    return cleaned


def _cleaned(value: Any) -> Any:
    """Every string inside a stored value, cleaned (the log keeps old values as stored)."""
    if type(value) is str:
        return clean_text(value)
    if type(value) is list:
        return [_cleaned(v) for v in value]
    if type(value) is dict:
        return {k: _cleaned(v) for k, v in value.items()}
    return value


def _agreements(name: str, value: Any) -> list[dict]:
    """A visit's agreements: [{"text": line, "action": "" or an action id}]."""
    if type(value) is not list or any(
            type(item) is not dict or set(item) - {"text", "action", "finding"} or type(item.get("text")) is not str
            or type(item.get("action", "")) is not str or not _AGREED.fullmatch(item.get("action", ""))
            or type(item.get("finding", "")) is not str or not _ANSWERED.fullmatch(item.get("finding", ""))
            for item in value):
        raise Bad("load.agreements")
    return [_agreement(clean_line(item["text"]), item.get("action", ""), item.get("finding", "")) for item in value]


def _agreement(text: str, action: str, finding: str) -> dict:
    """An agreement as stored: the leerpunt it answers (schema 7) only when it names one,
    so an older agreement stays as it was."""
    return {"text": text, "action": action, **({"finding": finding} if finding else {})}


_AGREED = _Pattern(r"(?:A-[0-9]+)?")
_ANSWERED = _Pattern(r"(?:L-[0-9]+)?")


def _phase_moves(name: str, value: Any) -> list[dict]:
    """A visit's phase changes: [{"route": 1..4, "from": 1..4, "to": 1..4}]."""
    if type(value) is not list or any(
            type(item) is not dict or set(item) != {"route", "from", "to"}
            or any(type(v) is not int or not 1 <= v <= 4 for v in item.values()) for item in value):
        raise Bad("load.phase_moves")
    return [dict(item) for item in value]


_BY_KIND: dict[str, Callable[[str, Any], Any]] = {
    "Line": _line, "Text": _text, "str": _line, "Login": _login, "OptDate": _opt_date, "OptFloat": _opt_float, "bool": _bool,
    "Lines": _lines, "Ids": _ids, "Phases": _phases, "Pdsa": _pdsa, "Measurements": _measurements,
    "Agreements": _agreements, "PhaseMoves": _phase_moves,
}
