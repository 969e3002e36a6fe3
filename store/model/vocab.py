"""Closed vocabularies: stored as stable English codes, shown with catalog labels.

Users may type a code or a label in either language (`gepland`, `planned`,
`in uitvoering`); `parse` finds the member or says which values are allowed.
"""

from __future__ import annotations

from enum import Enum

from store.errors import InvalidValue
from store.i18n import CATALOGS, LANGUAGES, language, t


class Code(str, Enum):
    """A stored code with a translatable label (catalog key `ClassName.code`)."""

    @property
    def label(self) -> str:
        return t(f"{type(self).__name__}.{self.value}")

    @classmethod
    def parse(cls, text: object, field: str) -> "Code":
        if isinstance(text, cls):
            return text
        wanted = str(text).strip().lower().replace("-", "_")
        # The language in use first: the other's words are read only for a word it lacks.
        for languages in ((language(),), LANGUAGES):
            for member in cls:
                names = {member.value, member.name.lower()}
                names |= {CATALOGS[lang].get(f"{cls.__name__}.{member.value}", "").lower() for lang in languages}
                if wanted in {n.replace("-", "_") for n in names} or wanted.replace("_", " ") in names:
                    return member
        allowed = ", ".join(m.label for m in cls)
        raise InvalidValue(field, t("value.choice", value=text, allowed=allowed))


class Status(Code):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    STOPPED = "stopped"


class UnitKind(Code):
    PRACTICE = "practice"
    HAGRO = "hagro"
    MUNICIPALITY = "municipality"


class MeetingFormat(Code):
    SPIEGELGESPREK = "spiegelgesprek"
    FOCUSGROEP = "focusgroep"
    INLOOPAVOND = "inloopavond"
    THEMABIJEENKOMST = "themabijeenkomst"


class Organiser(Code):
    """Who organised a meeting (seed 001): one practice, several together, the
    Hagro, or the municipality. Unknown for meetings stored before schema 7."""

    UNKNOWN = "unknown"
    PRACTICE = "practice"
    PRACTICES = "practices"
    HAGRO = "hagro"
    MUNICIPALITY = "municipality"


class FindingKind(Code):
    POSITIVE = "positive"
    LEERPUNT = "leerpunt"
    TIP = "tip"
    RECOMMENDATION = "recommendation"


class FindingState(Code):
    OPEN = "open"
    ACTIONS = "actions"
    PARKED = "parked"
    DECLINED = "declined"


class TeamKind(Code):
    """A core team (kernteam) coordinates; project teams implement improvements (seed 004)."""

    CORE = "core"
    PROJECT = "project"


class Direction(Code):
    HIGHER = "higher"
    LOWER = "lower"


PHASES = (1, 2, 3, 4)
ROUTES = (1, 2, 3, 4)
INPUTS = ("npa", "prem", "other")


def phase_label(phase: int) -> str:
    return t(f"phase.{phase}")


def route_label(route: int) -> str:
    return t(f"route.{route}")


def route_short_label(route: int) -> str:
    """The route in a word or two, for a narrow column ('Ander gesprek', 'E-health')."""
    return t(f"route_short.{route}")

