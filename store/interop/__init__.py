"""Import, export and the calendar: spreadsheets in (CSV, XLSX), files out (CSV,
XLSX, JSON, iCalendar). The store does the work; the CLI and the app call it.

    columns.py     which header is which field
    read_table.py  CSV/XLSX to rows, the header found below title rows
    cells.py       one cell to one value (dates, status words, numbers)
    guard.py       the formula-injection guard and its undoing
    plan.py        what each row would do; importer.py does it in one transaction
    exporter.py    records to rows, written as CSV, XLSX or JSON
    ical.py        deadlines, review dates and feedback due dates as iCalendar
    outfile.py     output files created 0600, never through a planted link
"""

from store.catalog_interop_en import INTEROP_EN as _EN
from store.catalog_interop_nl import INTEROP_NL as _NL
from store.i18n import register as _register

_register({"nl": _NL, "en": _EN})
