"""One line of facts per unit for the portfolio, and the order "needs attention
first". `all_facts` reads every unit's figures where the backend keeps them cheaply
(store/model/figures.py; the files' list index), and a unit's records only when those are
missing, stale or not to be trusted; both ways count by the same rules (`facts_from`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import os

from store.model import rules
from store.errors import FileProblem
from store.model.figures import Figures, checked, figures_of
from store.model.records import Action, Finding, Meeting, Unit, Visit
from store.persistence.repository import Store, UnitEntry
from store.model.vocab import FindingKind, FindingState


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
    group_name: str = ""  # the Hagro or municipality the portfolio groups it under, if it does
    last_visit: dt.date | None = None  # the newest Visit (store/moments/visits.py: `last_visit`)
    readers: str | None = None  # the Unix group that can read the unit (files on a server)
    open_to_all: bool = False  # ...and that group is the whole shared group: anyone's unit

    @property
    def name(self) -> str:
        return self.unit.name if self.unit is not None else self.slug

def all_facts(store: Store, today: dt.date) -> list[UnitFacts]:
    """Facts for every unit file, readable or not (a file that cannot be used gives
    facts that say why). Runs in a worker: 100 units from their figures take a few
    milliseconds, parsed from their files well over a second."""
    found = []
    for slug in store.slugs():
        try:
            cached = store.unit_figures(slug)
        except FileProblem as problem:
            found.append(UnitFacts(slug, None, problem))
            continue
        if cached is not None:
            found.append(facts_from(slug, cached[0], cached[1], today))
            continue
        entry = UnitEntry(slug, store.unit_path(slug))
        try:
            entry.unit = store.unit(slug)
        except FileProblem as problem:
            entry.problem = problem
        found.append(portfolio_facts(store, entry, today))
    found.extend(UnitFacts(os.path.basename(p.path)[:-5], None, p) for p in store.backend.outside_units())
    _add_readers(store, found)
    return found


def _add_readers(store: Store, found: list[UnitFacts]) -> None:
    """Who can read each unit: a name is no identity (any member of the shared group
    may make a unit called "Praktijk A"), its group is."""
    from store.persistence.unit_names import unit_access

    for facts in found:
        facts.readers, facts.open_to_all = unit_access(store, facts.slug)


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
    """Facts from records (the records need not all be given: only open actions and
    untreated leerpunten count)."""
    return facts_from(slug, unit, checked(figures_of(unit, meetings, findings, actions, list(visits))), today)


def facts_from(slug: str, unit: Unit, figures: Figures, today: dt.date) -> UnitFacts:
    """Facts from a unit's figures, judged by today's date."""
    return UnitFacts(
        slug, unit,
        open_leerpunten=figures.leerpunten,
        open_actions=figures.open,
        overdue=figures.overdue(today),
        duties=figures.duties(today),
        last_meeting=figures.last_meeting(today),
        last_visit=figures.last_visit,
    )


# The openings of many practices' names, shortened for the portfolio's name column
# at 80 columns, longest first ("Huisartsenpraktijk De Linde" -> "Praktijk De Linde"):
# what tells units apart comes after them. The words stay recognisable, and a kind
# stays told apart from another (a Gezondheidscentrum is no Huisartsenpraktijk).
# Not "Hap.": in Dutch GP care that is the huisartsenpost (seed 002's "HAP
# dashboard"); not "Hag.": that reads as Hagro.
_SHORTER = (
    ("huisartsenpraktijken ", "Praktijken "), ("huisartsenpraktijk ", "Praktijk "),
    ("huisartsengroep ", "HA-groep "), ("huisartsen ", "Ha. "), ("gezondheidscentrum ", "GC "),
    ("medisch centrum ", "MC "), ("gemeente ", "Gem. "),
)


def column_name(name: str) -> str:
    """A unit's name for a narrow column: a common opening abbreviated, so the part
    that tells units apart stays visible. Screens show the whole name elsewhere
    (detail line, title) and filter on the whole name."""
    folded = name.casefold()
    for opening, short in _SHORTER:
        if folded.startswith(opening) and len(name) > len(opening):
            return short + name[len(opening):].lstrip()
    return name


def group_column_name(value: str) -> str:
    """A Hagro's or municipality's name under a column that says which it is:
    "Hagro Eindhoven-Noord" -> "Eindhoven-Noord", "Gemeente Best" -> "Best"."""
    first, _, rest = value.partition(" ")
    return rest.strip() if rest.strip() and first.casefold() in ("hagro", "gemeente") else value


def group_words(unit: Unit) -> str:
    """Words the portfolio's filter finds a unit by, besides its name: `hagro-noord`
    for the Hagro "Hagro Noord" (or "hagro-noord"), `gemeente-best` for Best."""
    from store.persistence.unit_names import slugify

    words = []
    for prefix, value in (("hagro-", unit.hagro), ("gemeente-", unit.municipality)):
        slug = slugify(value)
        if slug:
            words.append(prefix + slug.removeprefix(prefix))
    return " ".join(words)


def is_mine(unit: Unit | None, user: str) -> bool:
    """Whether the unit's relatiemanager logs in as `user` (Store.user)."""
    return unit is not None and bool(unit.relatiemanager_login) and unit.relatiemanager_login == user


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
