"""Which spreadsheet column is which field, decided by words and shown before
anything is written (store/exchange/interop/column_report.py says it to the user).

Precedence, per header:
1. spiegel's own export headers (store/exchange/interop/exporter.py, Dutch and English),
   exactly: an exported file always comes back column for column;
2. a phrase of `VOCABULARY` that is the whole header ("Wie", "Datum");
3. the longest phrase of `VOCABULARY` contained in the header as whole words
   ("Datum afgerond" -> done_on, "% gereed" -> progress, "Gereed per (datum)"
   -> deadline). A generic word (`GENERIC`: datum, wie, wat, start …) counts
   only as the whole header: in "Datum evaluatie" it says nothing.

A header is folded before it is looked up (case, accents, punctuation and spaces),
so "Eigenaar:", "EIGENAAR" and "Geëvalueerd op" are found. Which fields a column
may fill depends on what is imported (`KIND_FIELDS`): "datum" is a deadline in a
plan of actions and the day of a measurement in a KPI sheet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# field -> the phrases that name it, Dutch and English, as people write them. ONE
# table: a phrase that fits more than one field belongs to the field of the kind
# being imported (`KIND_FIELDS` keeps them apart).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "id": ("id", "spiegel id", "nr spiegel", "spiegel nr", "spiegel nummer"),
    "rev": ("rev", "revisie", "revision", "versie"),
    "title": ("actie", "acties", "verbeteractie", "verbeteracties", "action", "actions", "title", "titel", "wat",
              "maatregel", "maatregelen", "verbetermaatregel", "verbetermaatregelen", "improvement action",
              "wat gaan we doen", "activiteit", "activiteiten", "taak", "taken", "task", "interventie", "to do"),
    "owner": ("eigenaar", "wie", "owner", "verantwoordelijke", "verantwoordelijk", "trekker", "door wie",
              "actiehouder", "who", "uitvoerder", "uitvoering door", "contactpersoon", "aanspreekpunt",
              "responsible", "probleemeigenaar", "wie doet het", "wie pakt het op"),
    "deadline": ("deadline", "wanneer", "datum", "due", "due date", "einddatum", "gereed op", "klaar op", "gereed per",
                 "klaar per", "gereed voor", "klaar voor", "streefdatum", "streef datum", "uiterlijk", "when",
                 "wanneer klaar", "wanneer gereed", "wanneer af", "target date", "afronden voor", "afronden per",
                 "termijn", "opleverdatum", "uiterste datum", "datum gereed", "datum klaar"),
    "status": ("status", "stand", "stand van zaken", "state", "actiestatus", "hoe staat het"),
    "phase": ("fase", "phase", "pdsa fase", "pdca fase"),
    "route": ("route", "verbeterroute"),
    "leerpunt": ("leerpunt", "leerpunten", "finding", "findings", "learning point", "learning points", "bevinding",
                 "bevindingen", "knelpunt", "knelpunten", "tekst", "text", "verbeterpunt", "verbeterpunten",
                 "probleem", "aanleiding", "leerpunt uit spiegel"),
    "kpi": ("kpi", "kpis", "indicator", "indicatoren", "meetbaar", "kwaliteitsindicator", "kengetal", "meetpunt"),
    "kpi_name": ("kpi naam", "kpi name", "naam kpi", "naam indicator", "indicator naam", "indicatornaam"),
    "action": ("actie id", "action id", "bij actie", "hoort bij actie", "actie", "action", "verbeteractie", "actienummer"),
    "description": ("omschrijving", "beschrijving", "description", "toelichting", "hoe", "how", "uitwerking",
                    "aanpak", "details", "werkwijze"),
    "progress": ("voortgang", "progress", "percentage", "% gereed", "% klaar", "% af", "% done", "procent gereed",
                 "percentage gereed", "percent complete", "voortgang %"),
    "review_date": ("evaluatiedatum", "review", "review date", "evaluatie", "herbeoordeling", "evalueren op",
                    "evaluatie op", "datum evaluatie", "evalueren", "evaluatiemoment"),
    "started_on": ("gestart", "gestart op", "started", "started on", "start", "startdatum", "start datum",
                   "begonnen op", "begindatum", "datum gestart", "datum start", "start op"),
    "done_on": ("afgerond op", "done on", "klaar", "done", "datum afgerond", "afgerond per", "afgerond d d",
                "completed on", "date done", "opgeleverd op", "afgehandeld op", "datum afgehandeld"),
    "evaluated_on": ("geevalueerd", "geevalueerd op", "evaluated", "evaluated on", "datum geevalueerd"),
    "theme": ("thema", "theme", "onderwerp", "topic", "categorie"),
    "kind": ("soort", "kind", "type"),
    "quick_win": ("quick win", "quickwin", "quick wins"),
    "reason": ("reden", "reason", "waarom"),
    "unit": ("eenheid", "unit", "praktijk"),
    "meeting": ("bijeenkomst", "meeting"),
    "date": ("datum", "date", "meetdatum", "peildatum", "periode", "maand", "month", "gemeten op", "meetmoment",
             "datum bijeenkomst", "datum meting"),
    "value": ("waarde", "value", "score", "uitkomst", "resultaat", "meting", "meetwaarde", "gemeten waarde"),
    "note": ("notitie", "note", "opmerking", "opmerkingen", "toelichting", "remarks"),
    "measure_unit": ("meeteenheid", "measure unit", "eenheid meting"),
    "format": ("vorm", "format", "werkvorm"),
    "participants": ("deelnemers", "participants", "aantal deelnemers"),
    "listeners": ("toehoorders", "listeners"),
    "facilitator": ("gespreksleider", "facilitator", "voorzitter"),
    "minute_taker": ("notulist", "minute taker", "notulen door"),
    "duration_min": ("duur", "duur min", "duration", "duration min", "minuten"),
    "feedback_due": ("terugkoppeling voor", "feedback due", "terugkoppelen voor"),
    "feedback_sent": ("terugkoppeling verstuurd", "feedback sent", "teruggekoppeld op"),
    "notes": ("notities", "notes", "verslag"),
    "questions": ("vragen", "questions", "spiegelvragen", "vraag"),
    # a meeting's fields of schema 7
    "organiser": ("organisator", "organiser", "organizer", "georganiseerd door", "organised by"),
    "afspiegeling": ("afspiegeling", "afspiegeling doelgroep", "representation"),
    "working_target": ("werkenden in doelgroep", "werkenden", "working people in target group", "working people"),
    "start_time": ("begintijd", "aanvang", "start time"),
}

# Words that say too little on their own inside a longer header.
GENERIC = frozenset({"datum", "date", "wie", "wat", "start", "hoe", "how", "klaar", "done", "tekst", "text",
                     "stand", "type", "soort", "kind", "id", "rev", "due", "when", "wanneer", "state", "unit", "review",
                     "evaluatie", "meting", "periode", "duur", "score", "aantal"})

# What each import kind reads; a column naming another field is ignored.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "actions": ("id", "rev", "unit", "title", "description", "owner", "deadline", "status", "phase", "route",
                "progress", "review_date", "leerpunt", "started_on", "done_on", "evaluated_on", "kpi"),
    "findings": ("id", "rev", "unit", "meeting", "kind", "leerpunt", "theme", "quick_win", "status", "reason"),
    "measurements": ("kpi", "kpi_name", "action", "unit", "date", "value", "measure_unit", "note"),
    "meetings": ("id", "rev", "unit", "date", "format", "theme", "participants", "listeners", "facilitator",
                 "minute_taker", "duration_min", "feedback_due", "feedback_sent", "questions", "notes", "leerpunt",
                 "organiser", "afspiegeling", "working_target", "start_time"),
}
# The export's column -> the field import fills (findings export their text as "text").
_EXPORT_FIELD = {"text": "leerpunt"}
IGNORED = "-"  # `--kolom "Opmerkingen=-"`: a column left out on purpose
PERIOD = "period"  # a column of a wide KPI sheet: one period's values (store/exchange/interop/periods.py)


def normal(header: object) -> str:
    """'Eigenaar:' -> 'eigenaar'; 'Geëvalueerd op' -> 'geevalueerd op'; '%gereed' -> '% gereed'."""
    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9%]+", " ", text.casefold()).replace("%", " % ")
    return " ".join(text.split())


@lru_cache(maxsize=8)
def _export_headers(kind: str) -> dict[str, str]:
    """Normal export header (both languages) -> field, for one kind."""
    from store.words import load
    from store.exchange.interop.exporter import COLUMNS

    found: dict[str, str] = {}
    for column in COLUMNS.get(kind, ()):
        for catalog in (load("nl"), load("en")):
            header = catalog.get(f"interop.col.{column}")
            if header:
                found.setdefault(normal(header), _EXPORT_FIELD.get(column, column))
    return found


@lru_cache(maxsize=8)
def _phrases(kind: str) -> tuple[tuple[str, str], ...]:
    """(normal phrase, field) for the fields of one kind, longest first."""
    fields = KIND_FIELDS.get(kind, KIND_FIELDS["actions"])
    pairs = [(normal(p), f) for f in fields for p in VOCABULARY.get(f, ())]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def field_for(header: object, kind: str = "actions") -> str | None:
    """The field a header names when importing `kind`, or None (not read)."""
    key = normal(header)
    if not key:
        return None
    exported = _export_headers(kind)
    if key in exported:
        return exported[key]
    phrases = _phrases(kind)
    for candidate in (key, key.rstrip("s")):
        for phrase, name in phrases:
            if phrase == candidate:
                return name
    padded = f" {key} "
    for phrase, name in phrases:  # longest first: the most specific phrase wins
        if phrase not in GENERIC and f" {phrase} " in padded:
            return name
    return None


def field_named(word: str, kind: str = "actions") -> str | None:
    """A field as a user names it by hand: its code ('deadline', 'done_on'), a word
    for it ('eigenaar', 'gereed per'), or `IGNORED`/'genegeerd' to leave it out."""
    key = normal(word).replace(" ", "_")
    if key in ("", "genegeerd", "negeren", "ignored", "ignore", "geen", "none") or word.strip() == IGNORED:
        return IGNORED
    if key in KIND_FIELDS.get(kind, ()):
        return key
    return field_for(word, kind)


class ColumnMap:
    """Every column of a header row: its header, the field it fills (None:
    ignored), how that was decided, and the fields two columns claimed."""

    def __init__(self, headers: list[object], kind: str = "actions", by_hand: dict[str, str] | None = None) -> None:
        self.raw = list(headers)  # as the cells hold them (a date cell of a wide KPI sheet)
        self.headers = [_header_text(h) for h in headers]
        self.kind = kind
        self.fields: list[str | None] = []
        self.doubles: list[tuple[str, int, int]] = []  # (field, column used, column ignored)
        hand = {normal(k): v for k, v in (by_hand or {}).items()}
        self.by_hand = {i for i, h in enumerate(self.headers) if normal(h) in hand}  # chosen, not guessed
        # A column mapped by hand wins its field from one matched by words.
        used: dict[str, int] = {hand[normal(h)]: i for i, h in enumerate(self.headers)
                                if normal(h) in hand and hand[normal(h)] != IGNORED}
        for index, header in enumerate(self.headers):
            name = hand.get(normal(header)) if normal(header) in hand else field_for(header, kind)
            if name is None and kind == "measurements" and _is_period(headers[index]):
                name = PERIOD  # one column per period (a wide KPI sheet): many may fill it
            if name == IGNORED:
                name = None
            if name and name != PERIOD and used.get(name, index) != index:
                self.doubles.append((name, used[name], index))
                name = None
            if name:
                used[name] = index
            self.fields.append(name)
        if PERIOD in self.fields:  # a wide sheet: the periods are the dates and values; one note has no period
            self.fields = [None if name in ("date", "value", "note") else name for name in self.fields]

    @property
    def columns(self) -> dict[int, str]:
        return {i: name for i, name in enumerate(self.fields) if name}

    def ignored(self) -> list[int]:
        return [i for i, name in enumerate(self.fields) if name is None and self.headers[i]]


def _is_period(header: object) -> bool:
    from store.exchange.interop.periods import period

    return period(header) is not None


def _header_text(value: object) -> str:
    import datetime as dt

    from store.text import clean_line

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m") if value.day == 1 else value.isoformat()
    return clean_line(str(value)) if value is not None else ""


def mapping(headers: list[object], kind: str = "actions", by_hand: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field, for the columns spiegel reads; a field named twice
    counts once (the leftmost column; ColumnMap.doubles reports the other)."""
    return ColumnMap(headers, kind, by_hand).columns


def looks_like_header(cells: list[object], kind: str = "actions", by_hand: dict[str, str] | None = None) -> bool:
    """A row is the header when two or more of its cells name columns spiegel
    reads: a title row ("Verbeterplan 2026") or a note above the table is not,
    nor a title merged over the columns (one text in every cell: counted once)."""
    distinct = list({normal(c): c for c in cells if normal(c)}.values())
    return len(mapping(distinct, kind, by_hand)) >= 2
