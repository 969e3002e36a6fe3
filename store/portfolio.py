"""One line of facts per unit for the portfolio, and the order "needs attention
first". Pure over records except `portfolio_facts`, which reads one unit's file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from store import advice, rules
from store.dashboard import last_meeting
from store.errors import FileProblem
from store.records import Action, Finding, Meeting, Unit, Visit
from store.repository import Store, UnitEntry
from store.visits import last_visit
from store.vocab import FindingKind, FindingState


@dataclass
class UnitFacts:
    slug: str
    unit: Unit | None  # None: the file could not be read (see `problem`)
    problem: FileProblem | None = None
    open_leerpunten: int = 0
    open_actions: int = 0
    overdue: int = 0
    duties: int = 0  # feedback to participants overdue + pilots past their year
    last_meeting: dt.date | None = None
    bad_records: int = 0  # records that fail the load-time check, left out of the counts
    last_visit: dt.date | None = None  # the newest Visit (store/visits.py: `last_visit`)

    @property
    def name(self) -> str:
        return self.unit.name if self.unit is not None else self.slug


def portfolio_facts(store: Store, entry: UnitEntry, today: dt.date) -> UnitFacts:
    """Facts for one unit file; a file that cannot be read gives facts that say why."""
    if entry.problem is None and entry.unit is not None:
        try:
            # Only open actions and untreated leerpunten are built: the portfolio is the
            # first screen, and building every record of every unit doubled its wait.
            found = facts(entry.slug, entry.unit, store.records(Meeting, entry.slug),
                          store.records(Finding, entry.slug, where=_untreated_doc),
                          store.records(Action, entry.slug, where=rules.open_doc), today,
                          store.records(Visit, entry.slug))
            found.bad_records = len(store.bad_records(entry.slug))
            return found
        except FileProblem as problem:  # changed between units() and records()
            entry.problem = problem
    return UnitFacts(entry.slug, None, entry.problem)


def _untreated_doc(doc: dict) -> bool:
    return doc.get("kind", FindingKind.LEERPUNT.value) == FindingKind.LEERPUNT.value \
        and doc.get("state", FindingState.OPEN.value) == FindingState.OPEN.value


def facts(slug: str, unit: Unit, meetings: list[Meeting], findings: list[Finding], actions: list[Action],
          today: dt.date, visits: list[Visit] = ()) -> UnitFacts:
    open_actions = [a for a in actions if rules.is_open(a)]
    return UnitFacts(
        slug, unit,
        open_leerpunten=sum(f.kind == FindingKind.LEERPUNT and f.state == FindingState.OPEN for f in findings),
        open_actions=len(open_actions),
        overdue=sum(rules.is_overdue(a, today) for a in open_actions),
        duties=sum(advice.feedback_overdue(m, today) for m in meetings)
        + sum(advice.pilot_overdue(a, today) for a in open_actions),
        last_meeting=last_meeting(meetings, today),
        last_visit=last_visit(unit, list(visits)),
    )


# Words that open many units' names and so tell them apart least ("Huisartsenpraktijk
# De Linde", "Huisartsenpraktijk Het Kastanjehof"): a narrow column leaves them out.
_GENERIC_WORDS = {"huisartsenpraktijk", "huisartsen", "huisartsenpraktijken", "gezondheidscentrum",
                  "praktijk", "hagro", "gemeente", "zorggroep", "medisch", "centrum"}


def short_unit_name(name: str) -> str:
    """The part of a unit's name that tells it apart, for a narrow column ("Het
    Kastanjehof", "Best"); the whole name when nothing would be left."""
    words = name.split()
    start = 0
    while start < len(words) - 1 and words[start].casefold() in _GENERIC_WORDS:
        start += 1
    return " ".join(words[start:]) or name


def natural_key(name: str) -> list:
    """'Praktijk 5' before 'Praktijk 12', as people count."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]


def attention_key(unit: UnitFacts) -> tuple:
    """Most overdue actions first, then most overdue duties (feedback, pilots), then
    most untreated leerpunten, then the longest since the last visit (never visited
    first); unreadable files last, so they do not push every practice down a line."""
    if unit.unit is None:
        return (1, 0, 0, 0, dt.date.max, natural_key(unit.slug))
    visit = unit.last_visit or dt.date.min
    return (0, -unit.overdue, -unit.duties, -unit.open_leerpunten, visit, natural_key(unit.name))
