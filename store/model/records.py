"""The record types, their stored form, and user-text coercion.

Each field's annotation names its kind (`Line`, `Text`, `OptDate`, …); one table
below says how each kind is cleaned, parsed from user text, stored and loaded, so
adding a field is one line. Documents store dates as ISO strings and codes as their
English value; records hold `datetime.date` and enum members.
"""

from __future__ import annotations

import datetime as dt
from functools import cache


from store.errors import BadRecord, InvalidValue
from store.i18n import t
# Measurement, field_kinds and the meta fields live in store/model/recordtype.py (below
# store/model/limits.py and store/model/validate.py, which need them); importable from here too.
from store.model.recordtype import META_FIELDS, STATE_FIELDS, Measurement, field, field_kinds, record_class  # noqa: F401
from store.text import clean_line, clean_text
from store.model.limits import PDSA_KEYS, input_problems
from store.model.field_checks import CODES as _CODES
from store.model.validate import loaded_values
from store.model.vocab import Code, Direction, FindingKind, FindingState, MeetingFormat, Organiser, Status, TeamKind, UnitKind

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Any, ClassVar

# Annotation aliases: the name (a string, thanks to __future__ annotations) is the kind.
Line = str  # one line of user text
Text = str  # free text, newlines kept
OptDate = dt.date | None
OptInt = int | None
OptFloat = float | None
Lines = list  # list of one-line strings
Ids = list  # list of record ids such as "L-7"
Phases = dict  # route number (as str) -> phase 1..4
Login = str  # a login name (Unix user or database role), as Store.user knows it
Pdsa = dict  # plan/do/study/act -> text
Measurements = list  # list[Measurement]
Agreements = list  # list of {"text": line, "action": id or "", "finding"?: L-id}: a visit's agreements (store/moments/visits.py)
PhaseMoves = list  # list of {"route": 1..4, "from": 1..4, "to": 1..4}: phase changes made during a visit


@record_class
class Record:
    """Fields every record has. `unit` is the file it lives in, not stored in it."""

    PREFIX: ClassVar[str] = ""
    TABLE: ClassVar[str] = ""
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    id: str = ""
    unit: str = ""
    rev: int = 0
    created_at: str = ""
    created_by: str = ""
    updated_at: str = ""
    updated_by: str = ""
    log: list = field(default_factory=list)
    # When the record was deleted (schema 6): a tombstone stays stored, keeping its id
    # and log, so undo restores it and no id is reused; readers leave it out.
    deleted: str = ""

    def to_doc(self) -> dict[str, Any]:
        """The full stored form: JSON-ready, without `unit`."""
        kinds = field_kinds(type(self))
        return {name: _dump(kinds[name], getattr(self, name)) for name in kinds if name != "unit"}

    def to_compact_doc(self) -> dict[str, Any]:
        """What goes in the file: fields at their default are left out (`from_doc`
        restores them), which halves the file and the parse time of `spiegel list`."""
        defaults = _defaults(type(self))
        return {k: v for k, v in self.to_doc().items() if k not in defaults or defaults[k] != v}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r}, rev={self.rev})"

    @classmethod
    def from_doc(cls, doc: dict[str, Any], unit: str = "") -> "Record":
        """Build from a stored document, checked field by field and cleaned
        (store/model/validate.py); BadRecord if any field is wrong. Hot path of `spiegel
        list`: containers are copied so a record never shares a list with the read
        cache."""
        values, problems = loaded_values(cls, doc)
        if problems:  # named by its id as written, whatever that is
            raise BadRecord(unit, clean_line(str(doc.get("id", "?"))) or "?", problems)
        return cls(unit=unit, **values)

    def problems(self) -> list[InvalidValue]:
        """Every field that cannot be saved as it is (empty list: fine)."""
        found = [InvalidValue(name, t("value.required")) for name in self.REQUIRED if not getattr(self, name)]
        return found + input_problems(self) + self._extra_problems()

    def _extra_problems(self) -> list[InvalidValue]:
        return []

    def cleaned(self) -> "Record":
        """Strip control characters from every text field and turn code strings into
        their enum (InvalidValue if unknown), in place; returns self."""
        for name, kind in field_kinds(type(self)).items():
            value = getattr(self, name)
            if kind in _CLEAN and value:
                setattr(self, name, _CLEAN[kind](value))
            elif kind in _CODES and not isinstance(value, _CODES[kind]):
                setattr(self, name, _CODES[kind].parse(value, name))
        return self

    def fields_doc(self) -> dict[str, Any]:
        """Stored form of the user-editable fields only (for diffs and the change log)."""
        doc = self.to_doc()
        for name in META_FIELDS:
            doc.pop(name, None)
        return doc




@record_class
class Unit(Record):
    PREFIX: ClassVar[str] = "U"
    TABLE: ClassVar[str] = "unit"
    REQUIRED: ClassVar[tuple[str, ...]] = ("name",)
    name: Line = ""
    kind: UnitKind = UnitKind.PRACTICE
    relatiemanager: Line = ""
    phases: Phases = field(default_factory=lambda: {"1": 1, "2": 1, "3": 1, "4": 1})
    last_visit: OptDate = None
    # Schema 3: whose unit it is by login (Store.user: "my units"), and the Hagro and
    # municipality a practice belongs to (their slug or name, as typed).
    relatiemanager_login: Login = ""
    hagro: Line = ""
    municipality: Line = ""
    # Schema 7: who participants and the practice reach with questions ("Vragen? Bel
    # Anja Smit, 040-123 45 67"), printed under the feedback document.
    contact: Line = ""

    def _extra_problems(self) -> list[InvalidValue]:
        from store.model.field_checks import login_problem

        bad = {r: p for r, p in self.phases.items() if r not in "1234" or p not in (1, 2, 3, 4)}
        found = [InvalidValue("phases", t("value.phases"))] if bad else []
        login = login_problem(self.relatiemanager_login)
        return found + ([InvalidValue("relatiemanager_login", login)] if login else [])

    def phase(self, route: int) -> int:
        return self.phases.get(str(route), 1)


@record_class
class Meeting(Record):
    PREFIX: ClassVar[str] = "M"
    TABLE: ClassVar[str] = "meetings"
    REQUIRED: ClassVar[tuple[str, ...]] = ("date",)
    date: OptDate = None
    format: MeetingFormat = MeetingFormat.SPIEGELGESPREK
    theme: Line = ""
    questions: Lines = field(default_factory=list)
    participants: OptInt = None
    listeners: OptInt = None
    facilitator: Line = ""
    minute_taker: Line = ""
    duration_min: OptInt = None
    rounds: OptInt = None
    inputs: Lines = field(default_factory=list)
    feedback_due: OptDate = None
    feedback_sent: OptDate = None
    # Feedback was given but nobody knows when (schema 5): closes the duty honestly
    # for older meetings (store/model/feedback_duty.py).
    feedback_given_unknown: bool = False
    notes: Text = ""
    # Schema 7 (seed 001): who organised it, how well the participants mirror the
    # target group (afspiegeling), whether working people belong to it, and when it
    # starts ("19:30"): working people need an evening slot (store/model/advice.py).
    organiser: Organiser = Organiser.UNKNOWN
    afspiegeling: Line = ""
    working_target: bool = False
    start_time: Line = ""

    def _extra_problems(self) -> list[InvalidValue]:
        from store.model.field_checks import start_time_problem

        problem = start_time_problem(self.start_time)
        return [InvalidValue("start_time", problem)] if problem else []


@record_class
class Finding(Record):
    PREFIX: ClassVar[str] = "L"
    TABLE: ClassVar[str] = "findings"
    REQUIRED: ClassVar[tuple[str, ...]] = ("text",)
    meeting: Line = ""
    kind: FindingKind = FindingKind.LEERPUNT
    text: Text = ""
    theme: Line = ""
    quick_win: bool = False
    state: FindingState = FindingState.OPEN
    reason: Text = ""

    def _extra_problems(self) -> list[InvalidValue]:
        needs_reason = self.state in (FindingState.PARKED, FindingState.DECLINED)
        return [InvalidValue("reason", t("finding.reason_required"))] if needs_reason and not self.reason.strip() else []


@record_class
class Action(Record):
    PREFIX: ClassVar[str] = "A"
    TABLE: ClassVar[str] = "actions"
    REQUIRED: ClassVar[tuple[str, ...]] = ("title",)
    title: Line = ""
    description: Text = ""
    owner: Line = ""
    deadline: OptDate = None
    status: Status = Status.PLANNED
    phase: int = 1
    route: int = 1
    progress: int = 0
    review_date: OptDate = None
    review_cycle: Line = ""  # "kwartaal", "6 weken", …: the next review follows it (store/model/cycles.py). Schema 6.
    findings: Ids = field(default_factory=list)
    pdsa: Pdsa = field(default_factory=dict)
    started_on: OptDate = None
    done_on: OptDate = None
    evaluated_on: OptDate = None

    def _extra_problems(self) -> list[InvalidValue]:  # phase, route, progress: limits.BOUNDS
        found = [InvalidValue("pdsa", t("value.pdsa"))] if set(self.pdsa) - set(PDSA_KEYS) else []
        if self.review_cycle:  # only then: the cycle words are not on `add`'s path
            from store.model.cycles import cycle_problem

            found += [p for p in [cycle_problem(self.review_cycle)] if p is not None]
        return found


@record_class
class Kpi(Record):
    PREFIX: ClassVar[str] = "K"
    TABLE: ClassVar[str] = "kpis"
    REQUIRED: ClassVar[tuple[str, ...]] = ("name", "action")
    action: Line = ""
    name: Line = ""
    measure_unit: Line = ""
    direction: Direction = Direction.HIGHER
    baseline: OptFloat = None
    target: OptFloat = None
    measurements: Measurements = field(default_factory=list)
    # The baseline period of the run chart (store/model/kpis.py): the first N points,
    # else the points up to a date, else up to the action's start. Schema 2.
    baseline_points: OptInt = None
    baseline_end: OptDate = None
    rules: Line = ""  # "ihi", "anhoej", or "" for the setting (SPIEGEL_RUN_RULES)

    def _extra_problems(self) -> list[InvalidValue]:
        from store.model.kpi_values import kpi_problems  # the KPI rules live there

        return kpi_problems(self)


@record_class
class Visit(Record):
    """A relatiemanager's visit to a unit (B for *bezoek*). Staff are named; no
    patient names. Each agreement may name the action it became; phase changes
    made during the visit are also logged on the Unit itself. Schema 4."""

    PREFIX: ClassVar[str] = "B"
    TABLE: ClassVar[str] = "visits"
    REQUIRED: ClassVar[tuple[str, ...]] = ("date",)
    date: OptDate = None
    present: Lines = field(default_factory=list)
    notes: Text = ""
    agreements: Agreements = field(default_factory=list)
    phase_moves: PhaseMoves = field(default_factory=list)
    next_visit: OptDate = None  # schema 7: the date agreed for the next visit


@record_class
class Team(Record):
    """A core team or a project team that can own actions (seed 004). Care providers
    and the coordinator are named (staff); patients and partners are only counted:
    spiegel stores no patient names. Schema 5."""

    PREFIX: ClassVar[str] = "T"
    TABLE: ClassVar[str] = "teams"
    REQUIRED: ClassVar[tuple[str, ...]] = ("name",)
    name: Line = ""
    kind: TeamKind = TeamKind.PROJECT
    coordinator: Line = ""
    providers: Lines = field(default_factory=list)  # care providers, by name
    patients: int = 0  # counted, never named
    partners: int = 0  # counted, never named
    assignment: Text = ""  # the team's opdracht


RECORD_TYPES: dict[str, type[Record]] = {c.PREFIX: c for c in (Unit, Meeting, Finding, Action, Kpi, Visit, Team)}
TABLES = [c.TABLE for c in RECORD_TYPES.values()]

_DEFAULTS: dict[type, dict[str, Any]] = {}


def _defaults(cls: type[Record]) -> dict[str, Any]:
    """Stored form of each field's default, computed once from a blank record."""
    found = _DEFAULTS.get(cls)
    if found is None:
        blank = cls().to_doc()
        found = _DEFAULTS[cls] = {k: v for k, v in blank.items() if k not in ("id", "rev")}
    return found


@cache
def blank_action() -> dict:
    """A new action's document: what a list row falls back on where a stored
    document leaves a default out. Shared: do not change it."""
    return Action().to_doc()


def record_type(record_id: str) -> type[Record]:
    """The record class for an id such as `A-12`; InvalidValue if it is not one (a
    unit has no such id: it is named by its slug)."""
    prefix, _, number = record_id.strip().upper().partition("-")
    if prefix == Unit.PREFIX:  # `U-1` would be document 1 of every unit: units go by name
        raise InvalidValue("id", t("id.unit", id=record_id))
    if prefix not in RECORD_TYPES or not number.isdigit():
        raise InvalidValue("id", t("id.invalid", id=record_id))
    return RECORD_TYPES[prefix]


def id_number(record_id: str) -> int:
    """The number of an id such as `A-12` (12), for ordering by creation; 0 if none."""
    tail = record_id.partition("-")[2]
    return int(tail) if tail.isdigit() else 0


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def _dump(kind: str, value: Any) -> Any:
    if kind == "OptDate":
        return _iso(value)
    if kind == "Measurements":
        return [m.to_doc() for m in value]
    if kind in ("Agreements", "PhaseMoves"):
        return [dict(item) for item in value]
    if isinstance(value, Code):
        return value.value
    return value


_CLEAN = {
    "Line": clean_line,
    "Login": clean_line,
    "Text": clean_text,
    "Lines": lambda items: [clean_line(str(i)) for i in items],
    "Pdsa": lambda notes: {k: clean_text(str(v)) for k, v in notes.items()},
    "Agreements": lambda items: [{"text": clean_line(str(i.get("text", ""))), "action": clean_line(str(i.get("action", ""))),
                                  **({"finding": clean_line(str(i["finding"]))} if i.get("finding") else {})}
                                 for i in items],
}
