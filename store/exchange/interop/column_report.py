"""What an import says about the columns before anything else: each column, the
field it fills or "genegeerd", two columns claiming one field, and a plain line
for every ignored column that holds dates, names or statuses, so a deadline
column with an unknown header is never dropped in silence.

`by_hand` reads `--kolom "Gereed per=deadline"` (and the same typed in the app's
preview) into the override store/exchange/interop/columns.py applies.
"""

from __future__ import annotations

import datetime as dt
import re

from store.errors import InvalidValue, SpiegelError
from store.i18n import t
from store.exchange.interop.columns import IGNORED, KIND_FIELDS, PERIOD, field_named, normal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.exchange.interop.read_table import Sheet

_DATE_TEXT = re.compile(r"\s*\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{2,4})?\s*")
_NAME = re.compile(r"[A-ZÀ-Þ][\w'.-]*(\s+(van|de|der|den|ter|ten|het|[A-ZÀ-Þ][\w'.-]*)){0,3}")


def by_hand(specs: list[str] | tuple[str, ...], kind: str = "actions") -> dict[str, str]:
    """'Gereed per=deadline' -> {'Gereed per': 'deadline'}; a field may be named by
    its code, a word for it, or 'genegeerd'. InvalidValue names a bad spec."""
    found: dict[str, str] = {}
    for spec in specs:
        header, sep, word = spec.rpartition("=")
        if not sep or not normal(header):
            raise InvalidValue("--kolom", t("interop.bad_kolom", spec=spec))
        name = field_named(word, kind)
        if name is None or (name != IGNORED and name not in KIND_FIELDS.get(kind, ())):
            allowed = ", ".join(field_label(name) for name in KIND_FIELDS.get(kind, ()))
            raise InvalidValue("--kolom", t("interop.bad_kolom_field", field=word.strip(), allowed=allowed))
        found[header.strip()] = name
    return found


def check_headers(wanted: dict[str, str], sheets: list[Sheet]) -> None:
    """Every header named by hand is a column of the file: a typo maps nothing."""
    present = {normal(h) for sheet in sheets if sheet.map for h in sheet.map.headers}
    for header in wanted:
        if normal(header) not in present:
            shown = ", ".join(f"'{h}'" for sheet in sheets if sheet.map for h in sheet.map.headers if h)
            raise InvalidValue("--kolom", t("interop.kolom_not_found", header=header, headers=shown))


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as the spreadsheet shows it."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def field_label(name: str) -> str:
    key = f"interop.col.{name}"
    label = t(key)
    return name if label == key else label


def lines(sheet: Sheet, today: dt.date | None = None) -> list[str]:
    """The mapping, the doubles and the ignored columns that hold something; a
    period column with the day its values are stored on (`today` given)."""
    found = sheet.map
    if found is None:
        return []
    shown = []
    for index, header in enumerate(found.headers):
        name = found.fields[index]
        if not header and not name:
            continue
        target = field_label(name) if name else t("interop.map.ignored")
        if name == PERIOD:
            target = _period_target(sheet, index, today)
        shown.append(t("interop.map.column", col=letter(index), header=header, field=target))
    if PERIOD in found.fields:
        shown.append(t("interop.map.period_rule"))
    for name, used, other in found.doubles:
        shown.append(t("interop.map.double", field=field_label(name), used=letter(used), other=letter(other),
                       header=found.headers[other]))
    doubled = {other for _name, _used, other in found.doubles} | found.by_hand  # said above, or chosen
    for index in (i for i in found.ignored() if i not in doubled):  # a double is said above
        holds = contents([cells[index] if index < len(cells) else None for _n, cells in sheet.rows])
        if holds:
            shown.append(t("interop.map.ignored_holds", col=letter(index), header=found.headers[index],
                           holds=t(f"interop.map.holds.{holds}"), header_raw=found.headers[index]))
    return shown


def _period_target(sheet: Sheet, index: int, today: dt.date | None) -> str:
    from store.exchange.interop.periods import period

    found = period(sheet.map.raw[index])
    if found is None or today is None:
        return PERIOD
    try:
        return t("interop.map.period", date=found.day(today).isoformat())
    except SpiegelError as problem:
        return str(problem.message if hasattr(problem, "message") else problem)


def contents(values: list[object]) -> str:
    """'dates', 'statuses' or 'names' when most filled cells are that; else ''."""
    from store.exchange.interop import cells

    filled = [v for v in values if v is not None and str(v).strip()]
    if not filled:
        return ""
    counts = {"dates": 0, "statuses": 0, "names": 0}
    for value in filled:
        if isinstance(value, (dt.date, dt.datetime)) or (isinstance(value, str) and _DATE_TEXT.fullmatch(value)):
            counts["dates"] += 1
            continue
        if not isinstance(value, str):
            continue
        try:
            if cells.status(value) is not None:
                counts["statuses"] += 1
                continue
        except SpiegelError:
            pass
        if len(value) <= 40 and _NAME.fullmatch(value.strip()):
            counts["names"] += 1
    kind, most = max(counts.items(), key=lambda pair: pair[1])
    return kind if most * 2 >= len(filled) else ""
