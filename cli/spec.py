"""The options of the hot commands (`list`, `add`) as plain data. click builds those
commands from it (help, errors), and `cli.fast` parses the everyday forms from it
without importing click, whose import is a third of a `spiegel add`
(benchmarks/results.md). One table, so the two can never disagree."""

from __future__ import annotations


class Opt:
    """One option. kind: "text", "flag", "multi" (repeatable text) or "1-4" (an int)."""

    __slots__ = ("dest", "flags", "kind", "metavar", "help", "default")

    def __init__(self, dest: str, *flags: str, kind: str = "text", metavar: str | None = None,
                 help: str = "", default: object = None) -> None:
        self.dest, self.flags, self.kind = dest, flags, kind
        self.metavar, self.help = metavar, help
        self.default = () if kind == "multi" else False if kind == "flag" else default


DATA_DIR = Opt("data_dir", "--data-dir", metavar="MAP", help="Datamap voor deze opdracht.")
JSON = Opt("as_json", "--json", kind="flag", help="Uitvoer als JSON (voor scripts).")
LANGUAGES = ("nl", "en")

GLOBAL = (
    Opt("data_dir", "--data-dir", metavar="MAP", help="Datamap (anders $SPIEGEL_DATA of de standaardmap)."),
    Opt("db", "--db", metavar="URL", help="PostgreSQL-database in plaats van een datamap (anders $SPIEGEL_DB)."),
    Opt("lang", "--lang", kind="nl|en", help="Taal van de uitvoer (standaard nl; LANG=en… geeft Engels)."),
)

LIST = (
    Opt("unit", "--unit", "-u", metavar="EENHEID", help="Alleen deze eenheid (naam of deel ervan)."),
    Opt("overdue", "--overdue", kind="flag", help="Alleen acties over hun deadline."),
    Opt("owner", "--owner", metavar="NAAM", help="Alleen acties van deze eigenaar (deel van de naam)."),
    Opt("statuses", "--status", kind="multi", metavar="STATUS",
        help="gepland, in uitvoering, afgerond, gestopt (herhaalbaar)."),
    Opt("phase", "--phase", kind="1-4", help="Fase 1–4."),
    Opt("route", "--route", kind="1-4", help="Route 1–4."),
    Opt("search", "--search", "-s", metavar="TEKST", default="", help="Woorden in id, titel, eigenaar of omschrijving."),
    DATA_DIR,
    JSON,
)

ADD = (
    Opt("unit", "--unit", "-u", metavar="EENHEID",
        help="Eenheid (naam of deel ervan); niet nodig met --from of bij één eenheid."),
    Opt("owner", "--owner", "-o", metavar="NAAM", default="", help="Eigenaar: persoon of team."),
    Opt("due", "--due", "-d", metavar="DATUM",
        help="Deadline: vr, volgende week, +2w, wk 12, 15-3, 15 maart 2027, 2027-03-15."),
    Opt("phase", "--phase", kind="1-4", default=1, help="Fase 1–4."),
    Opt("route", "--route", kind="1-4", default=1, help="Route 1–4."),
    Opt("from_id", "--from", metavar="L-ID", help="Het leerpunt waar deze actie antwoord op is."),
    DATA_DIR,
)
