"""The options of the hot commands (`list`, `add`) as plain data. click builds those
commands from it (help, errors), and `cli.fast` parses the everyday forms from it
without importing click, whose import is a third of a `spiegel add`
(benchmarks/results.md). One table, so the two can never disagree."""

from __future__ import annotations


class Opt:
    """One option. kind: "text", "flag", "multi" (repeatable text) or "1-4" (an int)."""

    __slots__ = ("dest", "flags", "kind", "metavar", "default")

    def __init__(self, dest: str, *flags: str, kind: str = "text", metavar: str | None = None,
                 default: object = None) -> None:
        self.dest, self.flags, self.kind = dest, flags, kind
        self.metavar = metavar  # its help text: cli/words/ (cli.opt.<dest>)
        self.default = () if kind == "multi" else False if kind == "flag" else default


DATA_DIR = Opt("data_dir", "--data-dir", metavar="MAP")
JSON = Opt("as_json", "--json", kind="flag")
LANGUAGES = ("nl", "en")

GLOBAL = (
    Opt("data_dir", "--data-dir", metavar="MAP"),
    Opt("db", "--db", metavar="URL"),
    Opt("lang", "--lang", kind="nl|en"),
)

LIST = (
    Opt("unit", "--unit", "-u", metavar="EENHEID"),
    Opt("overdue", "--overdue", kind="flag"),
    Opt("owner", "--owner", metavar="NAAM"),
    Opt("statuses", "--status", kind="multi", metavar="STATUS"),
    Opt("phase", "--phase", kind="1-4"),
    Opt("route", "--route", kind="1-4"),
    Opt("search", "--search", "-s", metavar="TEKST", default=""),
    DATA_DIR,
    JSON,
)

ADD = (
    Opt("unit", "--unit", "-u", metavar="EENHEID"),
    Opt("owner", "--owner", "-o", metavar="NAAM", default=""),
    Opt("due", "--due", "-d", metavar="DATUM"),
    Opt("phase", "--phase", kind="1-4", default=1),
    Opt("route", "--route", kind="1-4", default=1),
    Opt("from_id", "--from", metavar="L-ID"),
    DATA_DIR,
)
