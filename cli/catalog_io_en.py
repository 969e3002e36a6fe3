"""English help of `spiegel import`, `export` and `ical` (cli/io_commands.py)."""

IO_EN: dict[str, str] = {
    "cli.help.import": "Put actions, findings, meetings or KPI measurements from a spreadsheet (CSV or XLSX) into a "
                       "unit.\n\n"
                       "First come the columns: each column with the field it fills, or 'ignored', and a line for "
                       "every ignored column that holds dates, names or statuses. Headers are recognised by their "
                       "words ('Due by', 'Date done', '% done'); --kolom \"HEADER=FIELD\" maps one by hand. A row "
                       "with a spiegel id updates that record; if it also changed in spiegel since the export, what "
                       "changed only there stays, what changed only in the file is applied, and a field changed on "
                       "both sides is a conflict. Rows with errors are skipped and reported by row number; the rest "
                       "goes in at once. Exit 1 if rows were skipped.",
    "cli.opt.import.unit": "The unit to import into.",
    "cli.opt.import.kind": "What the rows are: actions (default), findings, meetings (with their findings) or measurements (KPI values: a "
                            "row per value, or a row per KPI and a column per period such as jan 2026, 2026-02, "
                            "feb, Q1 2026).",
    "cli.opt.import.meeting": "Meeting new findings belong to (else spiegel makes a meeting 'imported from FILE').",
    "cli.opt.import.dry_run": "Only show what would happen; save nothing.",
    "cli.opt.import.kolom": "Map a column by hand: \"HEADER=FIELD\", for example \"Due by=deadline\" or "
                            "\"Remarks=ignored\". May be repeated.",
    "cli.opt.import.tab": "Only this sheet of an Excel file (else every sheet with a table, with a line per sheet).",
    "cli.opt.import.action": "With --kind measurements: the action a new KPI belongs to (a KPI the unit does not know "
                             "is only made this way, or with an action id column).",
    "cli.metavar.\"KOP=VELD\"": "\"HEADER=FIELD\"",
    "cli.metavar.BLAD": "SHEET",
    "cli.metavar.A-NR": "A-NR",
    "cli.help.export": "Actions, findings, meetings or KPI measurements as CSV, XLSX or JSON.\n\n"
                       "Without --unit: every unit you may read. CSV is for Dutch Excel (; and UTF-8 with BOM); a "
                       "cell starting with =, +, -, @ gets a ' in front so Excel never runs it as a formula (import "
                       "takes it off again). Files are created 0600.",
    "cli.opt.export.fmt": "Format: csv, xlsx or json (default: the extension of -o, else csv).",
    "cli.opt.export.what": "What: actions (default), findings, meetings or measurements.",
    "cli.opt.export.unit": "Only this unit.",
    "cli.opt.export.output": "File to write (else standard output; xlsx needs a file).",
    "cli.help.ical": "Every duty spiegel shows as a calendar file (iCalendar, .ics): deadlines, review dates, "
                     "the end of a pilot's year and feedback due dates (planned, or the default date after a "
                     "meeting).\n\n"
                     "Every event has a stable UID, so importing again updates events. Events hold only the title "
                     "and the unit's name: no descriptions, findings or notes.",
    "cli.opt.ical.unit": "Only this unit.",
    "cli.opt.ical.owner": "Only actions of this owner.",
    "cli.opt.ical.output": "File to write (else standard output).",
}
