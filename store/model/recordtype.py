"""Record classes without `dataclasses`.

Why by hand: importing dataclasses (it imports inspect, ast, dis and tokenize),
typing, and building the record classes with it cost ~30 ms of every
`spiegel add` and `spiegel list`, a quarter of the whole command
(benchmarks/results.md; `python -c 'import dataclasses'` against `pass`). Records
need little of it: a keyword-only __init__ with defaults and default factories,
__slots__, and their fields in order with the kind each annotation names. That is
all this does.
"""

from __future__ import annotations

import datetime as _dt

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up; only type checkers need it
    from typing import Any

_MISSING = object()


class Field:
    """A record field: its name, its kind (the annotation, a string) and its default."""

    __slots__ = ("name", "kind", "default", "factory")

    def __init__(self, name: str, kind: str, default: object = _MISSING, factory=None) -> None:
        self.name, self.kind, self.default, self.factory = name, kind, default, factory


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make) -> None:
        self.make = make


def field(*, default_factory) -> _Factory:
    """A default made fresh for every record (a list, a dict), as in dataclasses."""
    return _Factory(default_factory)


def record_fields(cls: type) -> tuple[Field, ...]:
    return cls.__record_fields__


def record_class(cls: type) -> type:
    """Rebuild `cls` with __slots__ for its annotated fields and an __init__ taking
    every field (inherited first) by keyword. Annotations must be strings
    (`from __future__ import annotations`); `ClassVar[...]` ones are not fields."""
    namespace = dict(cls.__dict__)
    fields = list(getattr(cls, "__record_fields__", ()))
    own = []
    for name, kind in cls.__dict__.get("__annotations__", {}).items():
        if kind.startswith("ClassVar"):
            continue
        value = namespace.pop(name, _MISSING)
        if isinstance(value, _Factory):
            fields.append(Field(name, kind, factory=value.make))
        elif value is _MISSING:
            raise TypeError(f"{cls.__name__}.{name} needs a default")
        else:
            fields.append(Field(name, kind, default=value))
        own.append(name)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = tuple(own)
    namespace["__record_fields__"] = tuple(fields)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__init__ = _init_made_when_first_used(made, fields)
    return made


def _init_made_when_first_used(owner: type, fields: list[Field]):
    """A stand-in that compiles the class's real __init__ at its first record and
    puts it in its place: compiling all eight record classes' cost every CLI start
    ~2 ms (benchmarks/results.md), and `spiegel list` or `add` builds one or two kinds."""

    def __init__(self, **values) -> None:
        init = _make_init(owner.__qualname__, fields)
        if owner.__dict__.get("__init__") is __init__:  # not replaced since (a subclass's own stays)
            owner.__init__ = init
        init(self, **values)

    __init__.__qualname__ = f"{owner.__qualname__}.__init__"
    return __init__


def _make_init(qualname: str, fields: list[Field]):
    """One compiled __init__ per class, as dataclasses does: a loop over fields in
    a generic __init__ would make building thousands of records twice as slow."""
    scope: dict = {"_MISSING": _MISSING}
    params, body = [], []
    for f in fields:
        if f.factory is None:
            scope[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
            body.append(f"    self.{f.name} = {f.name}")
        else:
            scope[f"_f_{f.name}"] = f.factory
            params.append(f"{f.name}=_MISSING")
            body.append(f"    self.{f.name} = _f_{f.name}() if {f.name} is _MISSING else {f.name}")
    source = f"def __init__(self, *, {', '.join(params)}):\n" + "\n".join(body)
    exec(source, scope)  # noqa: S102 (source built from our own field names only)
    init = scope["__init__"]
    init.__qualname__ = f"{qualname}.__init__"
    return init


# What every record shares, and which fields a record class has -------------------------

META_FIELDS = ("id", "rev", "created_at", "created_by", "updated_at", "updated_by", "log")
# Logged like a user field (so undo reverses it) but set only by delete, never edited.
STATE_FIELDS = ("deleted",)

_KINDS: dict[type, dict[str, str]] = {}


def field_kinds(cls: type) -> dict[str, str]:
    """Field name -> kind name (the annotation string), cached per class."""
    kinds = _KINDS.get(cls)
    if kinds is None:
        kinds = _KINDS[cls] = {f.name: f.kind for f in record_fields(cls)}
    return kinds


# A KPI's measurement: a value inside a record, built by the load-time check
# (store/model/validate.py) and by the records (store/model/records.py). ------------------------------

class Measurement:
    """One point of a KPI's series."""

    __slots__ = ("date", "value", "note")

    def __init__(self, date: _dt.date, value: float, note: str = "") -> None:
        self.date, self.value, self.note = date, value, note

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Measurement):
            return NotImplemented
        return (self.date, self.value, self.note) == (other.date, other.value, other.note)

    __hash__ = None  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return f"Measurement({self.date!r}, {self.value!r}, {self.note!r})"

    def to_doc(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "value": self.value, "note": self.note}
