"""Stored documents checked field by field when they are loaded.

A unit file is readable by every member of its group, and any of them can edit it
by hand. So a document is never trusted: `loaded_values` checks each field against
its kind (the annotation in store/model/records.py), cleans text of control characters
(store/text.py), and converts only what the stored form defines (an ISO date string
to a date, a code to its enum, measurement dicts to Measurements). It never turns
one type into another: `"50"` is not 50, `1` is not `true`, `"L-1"` is not a list.
Whatever is wrong comes back as `InvalidValue`s naming the field, and the record
is a bad record (`BadRecord`): skipped and reported by readers, refused by editors.

The bounds are store/model/limits.py's, which input (`Record.problems`) keeps too, so a
value spiegel saved always loads again.
"""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidValue
from store.i18n import t
from store.model.field_checks import Bad, check_for, reason
from store.model.recordtype import field_kinds
from store.model.limits import BOUNDS, MAX_INT

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable


# --- reading ------------------------------------------------------------------------

def loaded_values(cls: type, doc: dict) -> tuple[dict, list[InvalidValue]]:
    """The keyword arguments for `cls(...)` from a stored document, checked and
    cleaned, and the problems found (an empty list: the document is fine). Fields
    the record does not have are ignored; fields left out take their default."""
    try:
        values = _fast_check(cls)(doc)
    except (Bad, ValueError):
        values = None
    return (values, []) if values is not None else _checked(cls, doc)


def _checked(cls: type, doc: dict) -> tuple[dict, list[InvalidValue]]:
    """Field by field, saying what is wrong: the path of a document `_fast_check`
    has a doubt about."""
    plain, checks = _tables(cls)
    values: dict = {}
    problems: list[InvalidValue] = []
    for name, value in doc.items():
        rule = plain.get(name)
        if rule is str and type(value) is str and value.isprintable():
            values[name] = value
            continue
        check = checks.get(name)
        if check is not None:
            try:
                values[name] = check(name, value)
            except Bad as bad:
                problems.append(InvalidValue(name, reason(bad, value)))
    if "id" not in doc:  # never left out of a stored document (nor of a list row)
        problems.append(InvalidValue("id", t("load.missing")))
    return values, problems


_FAST: dict[type, Callable[[dict], dict | None]] = {}


def _fast_check(cls: type) -> Callable[[dict], dict | None]:
    """Per record class, one compiled function over its fields in a straight line:
    the values if every field is plainly right, else None (or Bad/ValueError).

    Why compiled: `spiegel list --json` and every screen build thousands of records,
    and a loop over each document's fields with a check per field made `from_doc`
    60 % slower than it was without checks. Straight-line code per field (a dict
    lookup, a type test) is what recordtype.py does for `__init__`, for the same
    reason; the checks themselves stay the functions below."""
    found = _FAST.get(cls)
    if found is None:
        found = _FAST[cls] = _compile_fast_check(cls)
    return found


def _compile_fast_check(cls: type) -> Callable[[dict], dict | None]:
    plain, checks = _tables(cls)
    scope: dict = {"_M": object(), "_KNOWN": frozenset(checks), "_iso": dt.date.fromisoformat}
    body = ["    if not _KNOWN >= doc.keys() or 'id' not in doc:", "        return None", "    values = dict(doc)"]
    for name in checks:
        rule = plain.get(name)
        body.append(f"    v = doc.get({name!r}, _M)")
        if rule is str:
            test = "v.__class__ is str and v.isprintable()"
        elif type(rule) is tuple:
            test = f"(v.__class__ is int and {rule[0]} <= v <= {rule[1]})"
            test += " or v is None" if name in _OPTIONAL_INTS.get(cls, ()) else ""
        else:
            scope[f"_c_{name}"] = checks[name]
            body += ["    if v is not _M:", f"        values[{name!r}] = _c_{name}({name!r}, v)"]
            continue
        body += [f"    if v is not _M and not ({test}):", "        return None"]
    source = "def fast(doc):\n" + "\n".join(body) + "\n    return values"
    exec(source, scope)  # noqa: S102 (source built from our own field names and bounds only)
    return scope["fast"]


_OPTIONAL_INTS: dict[type, set[str]] = {}
_TABLES: dict[type, tuple[dict, dict]] = {}


def _tables(cls: type) -> tuple[dict, dict]:
    """Per record class: the fields decided without a call (name -> str for text,
    or the (low, high) range of an int), and every field's check."""
    found = _TABLES.get(cls)
    if found is None:
        kinds = {n: k for n, k in field_kinds(cls).items() if n != "unit"}
        plain = {n: str for n, k in kinds.items() if k in ("Line", "Text", "str") and n != "id"}
        _OPTIONAL_INTS[cls] = {n for n, k in kinds.items() if k == "OptInt"}
        plain.update({n: BOUNDS.get(n, (0, MAX_INT)) for n, k in kinds.items() if k in ("int", "OptInt")})
        found = _TABLES[cls] = plain, {n: check_for(cls, n, k) for n, k in kinds.items()}
    return found
