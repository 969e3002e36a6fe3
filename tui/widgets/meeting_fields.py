"""What the meeting form knows about its fields, with no widgets in it: which
fields are typed text, how a record becomes the text in the boxes, and how that
text is parsed back (through `store.model.fields.parse_value`, so Dutch date phrases,
`12`, `-` and empty mean what they mean in the CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from store.model.fields import read_back
from store.errors import InvalidValue
from store.model.fields import parse_value
from store.i18n import t
from store.model.records import Meeting
from store.text import clean_line
from store.model.vocab import INPUTS, MeetingFormat, Organiser


@dataclass(frozen=True)
class TypedField:
    name: str
    kind: str  # "date", "int" or "line"


# The typed fields in form order; format, questions, inputs and notes are widgets of their own.
TYPED = {
    f.name: f
    for f in (
        TypedField("date", "date"),
        TypedField("theme", "line"),
        TypedField("participants", "int"),
        TypedField("listeners", "int"),
        TypedField("facilitator", "line"),
        TypedField("minute_taker", "line"),
        TypedField("duration_min", "int"),
        TypedField("start_time", "line"),
        TypedField("afspiegeling", "line"),
        TypedField("rounds", "int"),
        TypedField("feedback_due", "date"),
        TypedField("feedback_sent", "date"),
    )
}
ORDER = (
    "date", "format", "theme", "questions", "participants", "listeners", "facilitator",
    "minute_taker", "organiser", "duration_min", "start_time", "working_target", "afspiegeling", "rounds", "inputs",
    "feedback_due", "feedback_sent", "feedback_given_unknown", "notes",
)


@dataclass
class FormValues:
    """The raw state of the form: what the user typed and chose."""

    typed: dict[str, str]
    format: MeetingFormat
    questions: str
    inputs: tuple[str, ...]
    notes: str
    given_unknown: bool = False  # feedback given, date unknown (closes the duty)
    organiser: Organiser = Organiser.UNKNOWN
    working_target: bool = False  # working people belong to the target group

    def key(self) -> tuple:
        """Comparable snapshot, to tell whether anything changed since the last save."""
        return (tuple(sorted(self.typed.items())), self.format, self.questions, self.inputs, self.notes,
                self.given_unknown, self.organiser, self.working_target)


def values_of(meeting: Meeting) -> FormValues:
    """The form's text for a record, as stored (dates as d-m-yyyy, which parse_value
    reads back); the fields show the text `for_editing` (the screen does that)."""
    typed = {}
    for name, spec in TYPED.items():
        value = getattr(meeting, name)
        if value is None:
            typed[name] = ""
        elif spec.kind == "date":
            typed[name] = f"{value.day}-{value.month}-{value.year}"
        else:
            typed[name] = str(value)
    return FormValues(
        typed=typed,
        format=meeting.format,
        questions="\n".join(meeting.questions),
        inputs=tuple(i for i in INPUTS if i in meeting.inputs),
        notes=meeting.notes,
        given_unknown=meeting.feedback_given_unknown,
        organiser=meeting.organiser,
        working_target=meeting.working_target,
    )


def parse_form(values: FormValues, today: dt.date) -> tuple[dict[str, Any], dict[str, str]]:
    """(field -> parsed value, field -> error message) for everything in the form."""
    parsed: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, text in values.typed.items():
        try:
            parsed[name] = parse_value(Meeting, name, text, today)
        except InvalidValue as problem:
            errors[name] = problem.message
    for name in ("participants", "listeners", "duration_min", "rounds"):
        if (parsed.get(name) or 0) < 0:
            errors[name] = t("value.not_negative")
            del parsed[name]
    if "date" in parsed and parsed["date"] is None:
        errors["date"] = t("value.required")
        del parsed["date"]
    parsed["format"] = values.format
    parsed["organiser"] = values.organiser
    parsed["working_target"] = values.working_target
    parsed["questions"] = [q for q in (clean_line(line) for line in values.questions.splitlines()) if q]
    parsed["inputs"] = list(values.inputs)
    parsed["notes"] = values.notes.strip()
    # A sent date says more than "given, date unknown": typing one clears the box's meaning.
    parsed["feedback_given_unknown"] = values.given_unknown and not parsed.get("feedback_sent")
    return parsed, errors


def apply(meeting: Meeting | None, parsed: dict[str, Any]) -> Meeting:
    """A new record, or a copy of `meeting` (same id and rev) with the form's values."""
    if meeting is None:
        return Meeting(**parsed)
    edited = Meeting.from_doc(meeting.to_doc(), meeting.unit)
    for name, value in parsed.items():
        setattr(edited, name, value)
    return edited


def hint(name: str, text: str, parsed: dict[str, Any], errors: dict[str, str], advised: set[str],
         today: dt.date) -> str:
    """The short text beside a field: its error, the date understood, or a warning mark."""
    if name in errors:
        return f"! {errors[name]}"
    if TYPED[name].kind == "date" and parsed.get(name) is not None and text.strip():
        return t("tui.form.date_hint", date=read_back(name, parsed[name], today))
    if name in advised:
        return t("tui.form.advice_mark")
    return ""


def duty_line(parsed: dict[str, Any], today: dt.date) -> str:
    """'Terugkoppeling: te laat (uiterlijk 29 okt)': the duty in words, from what is typed."""
    from store.model.feedback_duty import duty_words

    return f"{t('tui.meeting.duty')}: {duty_words(Meeting(**parsed), today)}"
