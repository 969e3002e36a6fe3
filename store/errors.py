"""Errors the store raises. Every message names what was wrong and how to fix it.

The CLI prints ``str(error)`` as one line on stderr; the TUI shows it as a
notification or a field error. None of these should ever reach a user as a traceback.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Any



class SpiegelError(Exception):
    """Base class: something a user can cause and fix."""


class InvalidValue(SpiegelError, ValueError):
    """A field got a value it cannot hold."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field_label(field)}: {message}")
        self.field = field  # the field's own name, for code; the text names it as screens do
        self.message = message


def field_label(name: str) -> str:
    """A field as the screens name it ('date' -> 'Datum'), in the UI language; a
    name without a label stays as it is."""
    from store.i18n import CATALOGS, language

    key = f"field.{name}"
    return CATALOGS[language()].get(key) or CATALOGS["nl"].get(key) or name


class InvalidDate(InvalidValue):
    """A date phrase could not be understood."""


class NotFound(SpiegelError, LookupError):
    """No record or unit with that id or name."""


class Ambiguous(SpiegelError, LookupError):
    """A name matches more than one unit."""


class Conflict(SpiegelError):
    """Someone else saved the record since the writer read it.

    Carries both versions so the caller can show them and let the user choose.
    """

    def __init__(self, mine: Any, theirs: Any) -> None:
        from store.i18n import t

        super().__init__(
            t("conflict", id=theirs.id, who=theirs.updated_by, mine=mine.rev, theirs=theirs.rev)
        )
        self.mine = mine
        self.theirs = theirs


class StaleUndo(SpiegelError):
    """An undo asked for at a revision the record has left: someone changed it since
    the user saw it. Nothing is undone; the message names who changed what, when."""

    def __init__(self, message: str, current: Any) -> None:
        super().__init__(message)
        self.current = current


class FileProblem(SpiegelError, OSError):
    """A unit's data that cannot be used (a file, or the unit in a database; `path`
    says which). It is never overwritten."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    @property
    def place(self) -> str:
        """The path short enough for a screen: a unit's own files with their unit's
        directory (`de-hoek/unit.json`), anything else by its name."""
        import os

        head, name = os.path.split(self.path)
        if name in ("unit.json", "index", "lock"):
            return os.path.join(os.path.basename(head), name)
        return name


class BadRecordsInUnit(FileProblem):
    """Raised by the list index's check while a bad action exists: no index is
    written, and lists read the unit file (leaving the bad action out)."""


class CorruptFile(FileProblem):
    """The file exists but is empty, truncated, not JSON or not a spiegel file."""


class NoAccess(FileProblem):
    """The operating system does not let this user read (or write) the file."""


class WriteFailed(FileProblem):
    """The disk is full, read-only or failing: nothing was saved."""


class Busy(FileProblem):
    """Another writer holds the lock for too long."""


class AlreadyExists(FileProblem):
    """A new unit (file) was asked for under a name that is taken."""


class IdTaken(SpiegelError):
    """A new record's id is in use already: the id counter is behind the data."""


class BadRecord(SpiegelError, ValueError):
    """A stored document that fails the load-time check (store/model/validate.py), edited
    by hand, say. Readers skip it and report it; the rest of its unit keeps working;
    editing it is refused until the field is repaired where it is stored (`repair`
    says how: a text editor for a file, SQL for a database)."""

    def __init__(self, unit: str, record_id: str, problems: list[InvalidValue], path: str = "",
                 repair: str = "") -> None:
        from store.i18n import t

        # The stored key ('progress'), not the screen's label: the message says to
        # fix that field in the file, where the key is what one finds.
        detail = "; ".join(f"{p.field}: {p.message}" for p in problems)
        repair = repair or t("repair.file", path=path or unit)
        super().__init__(t("record.bad", id=record_id, unit=unit, detail=detail, repair=repair))
        self.unit, self.record_id, self.problems, self.path = unit, record_id, problems, path


class InvalidRecord(SpiegelError, ValueError):
    """A record with one or more fields that cannot be saved; `problems` lists them."""

    def __init__(self, problems: list[InvalidValue]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
