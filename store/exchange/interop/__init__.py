"""Import, export and the calendar: spreadsheets in (CSV, XLSX), files out (CSV,
XLSX, JSON, iCalendar). The store does the work; the CLI and the app call it.

    columns.py     which header is which field: export headers, then words (one table)
    column_report.py  the columns as the dry run shows them; --kolom by hand
    read_table.py  CSV/XLSX (every sheet) to rows, the header found below title rows
    cells.py       one cell to one value (dates, status words, numbers)
    periods.py     'jan 2026', 'Q1 2026', 'feb' to the one day a period is stored on
    guard.py       the formula-injection guard and its undoing
    plan.py        what each row would do; importer.py does it in one transaction
    plan_meetings.py, plan_measurements.py   the same for meetings and KPI values
    merge.py       a row of an older revision merged field by field with the log
    exporter.py    records to rows, written as CSV, XLSX or JSON
    ical.py        every duty spiegel shows as iCalendar
    outfile.py     output files created 0600, never through a planted link
"""
