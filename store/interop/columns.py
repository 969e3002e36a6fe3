"""Which spreadsheet column is which field: the headers people write in Dutch and
English plans ("Verbeteractie", "Wie", "Wanneer", "Leerpunt"), and the headers
spiegel's own export writes (store/interop/exporter.py, in either language).

A header is normalised (case, accents, punctuation and spaces folded) before it is
looked up, so "Eigenaar:", "EIGENAAR" and "eigenaar " are one column.
"""

from __future__ import annotations

import re
import unicodedata

# field -> the headers that mean it. The first import kind that needs a field
# decides what it is for: "leerpunt" is a finding's text when importing findings
# and the leerpunt an action answers when importing actions (importer.py).
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "spiegel id", "nr spiegel"),
    "rev": ("rev", "revisie", "revision", "versie"),
    "title": ("actie", "acties", "verbeteractie", "verbeteracties", "action", "actions", "title", "titel",
              "wat", "maatregel", "verbetermaatregel", "improvement action"),
    "owner": ("eigenaar", "wie", "owner", "verantwoordelijke", "trekker", "door wie", "actiehouder", "who"),
    "deadline": ("deadline", "wanneer", "datum", "due", "due date", "einddatum", "gereed op", "klaar op",
                 "streefdatum", "uiterlijk", "when"),
    "status": ("status", "stand", "stand van zaken", "state"),
    "phase": ("fase", "phase"),
    "route": ("route",),
    "leerpunt": ("leerpunt", "leerpunten", "finding", "findings", "learning point", "bevinding", "bevindingen",
                 "knelpunt", "tekst", "text"),
    "kpi": ("kpi", "kpis", "indicator", "indicatoren", "meetbaar"),
    "description": ("omschrijving", "beschrijving", "description", "toelichting", "hoe", "how"),
    "progress": ("voortgang", "progress", "percentage", "% gereed"),
    "review_date": ("evaluatiedatum", "review", "review date", "evaluatie", "herbeoordeling"),
    "started_on": ("gestart", "gestart op", "started", "started on", "start"),
    "done_on": ("afgerond op", "done on", "klaar", "done"),
    "evaluated_on": ("geevalueerd", "geevalueerd op", "evaluated", "evaluated on"),
    "theme": ("thema", "theme", "onderwerp"),
    "kind": ("soort", "kind", "type"),
    "quick_win": ("quick win", "quickwin"),
    "reason": ("reden", "reason"),
    "unit": ("eenheid", "unit", "praktijk"),
    "meeting": ("bijeenkomst", "meeting"),
    # a meeting's fields of schema 7
    "organiser": ("organisator", "organiser", "organizer", "georganiseerd door", "organised by"),
    "afspiegeling": ("afspiegeling", "afspiegeling doelgroep", "representation"),
    "working_target": ("werkenden in doelgroep", "werkenden", "working people in target group", "working people"),
    "start_time": ("begintijd", "aanvang", "start time"),
}

_LOOKUP = {header: name for name, headers in HEADERS.items() for header in headers}


def normal(header: object) -> str:
    """'Eigenaar:' -> 'eigenaar'; 'Geëvalueerd op' -> 'geevalueerd op'; '' for None."""
    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text.casefold()).split())


def field_for(header: object) -> str | None:
    """The field a header names, or None for a column spiegel does not read."""
    key = normal(header)
    return _LOOKUP.get(key) or _LOOKUP.get(key.rstrip("s")) if key else None


def mapping(headers: list[object]) -> dict[int, str]:
    """Column index -> field, for the columns spiegel reads; a field named twice
    counts once (the leftmost column)."""
    found: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = field_for(header)
        if name and name not in found.values():
            found[index] = name
    return found


def looks_like_header(cells: list[object]) -> bool:
    """A row is the header when two or more of its cells name columns spiegel
    reads: a title row ("Verbeterplan 2026") or a note above the table is not."""
    return len(mapping(cells)) >= 2
