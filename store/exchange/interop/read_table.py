"""Reading a spreadsheet into rows of cells: CSV (as Dutch Excel writes it, or
any other) and XLSX (openpyxl, imported only here and only when an XLSX is read).

The result is a `Sheet`: the header row found below any title rows and empty
rows, and the data rows, each with the row number the spreadsheet shows, so an
error can say "rij 7". Cells are str, int, float, datetime or None.
"""

from __future__ import annotations

import csv
import io
import os

from store.errors import InvalidValue
from store.i18n import t
from store.exchange.interop.columns import ColumnMap, looks_like_header

MAX_BYTES = 64 * 1024 * 1024  # a plan of 100k rows is a few MB; refuse a runaway file
HEADER_SEARCH = 30  # rows above the header: a title, a date, a note; not pages of them


class Sheet:
    """The table in a file: `columns` maps column index -> field, `rows` holds
    (row number as shown, cells) for every row below the header that is not empty;
    `map` is the whole header row as read (store/exchange/interop/columns.py), `tab` the
    XLSX sheet's name ("" for a CSV)."""

    def __init__(self, name: str, columns: dict[int, str], rows: list[tuple[int, list]],
                 map: ColumnMap | None = None, tab: str = "") -> None:
        self.name, self.columns, self.rows, self.map, self.tab = name, columns, rows, map, tab

    def values(self, cells: list) -> dict[str, object]:
        """A row's cells by field name (missing cells are None)."""
        return {name: (cells[i] if i < len(cells) else None) for i, name in self.columns.items()}


def read_sheet(path: str, data: bytes | None = None, kind: str = "actions",
               by_hand: dict[str, str] | None = None) -> Sheet:
    """The (first) sheet in the CSV or XLSX file at `path` (or its bytes, `data`)."""
    return read_sheets(path, data, kind, by_hand, first_only=True)[0][1]


def read_sheets(path: str, data: bytes | None = None, kind: str = "actions", by_hand: dict[str, str] | None = None,
                tab: str | None = None, first_only: bool = False) -> list[tuple[str, Sheet | None]]:
    """(sheet name, its table or None: no header found) for every sheet of an XLSX
    (or only `tab`), or the one table of a CSV. InvalidValue when no sheet has a table."""
    name = os.path.basename(path)
    if data is None:
        data = read_bytes(path)
    if data[:4] == b"PK\x03\x04":  # a zip: XLSX, whatever the file is called
        grids = _xlsx_sheets(data, name, tab)
    elif path.lower().endswith((".xlsx", ".xlsm")):
        raise InvalidValue(name, t("interop.not_xlsx"))
    else:
        grids = [("", _csv_rows(data))]
    if first_only:
        grids = grids[:1]
    found = [(title, _find_table(name, raw, kind, by_hand, title, required=False)) for title, raw in grids]
    if not any(sheet for _title, sheet in found):
        raise InvalidValue(name, t("interop.no_header"))
    return found


def read_bytes(path: str) -> bytes:
    """A file's bytes, refusing anything but a regular file: a FIFO named by mistake
    must not hang the import (O_NONBLOCK), a device must not be read forever. A
    symlink the user names is followed: it is their own choice of file to read."""
    name = os.path.basename(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InvalidValue(name, t("interop.file_missing")) from None
    except OSError:
        raise InvalidValue(name, t("interop.file_unreadable")) from None
    try:
        import stat

        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InvalidValue(name, t("interop.file_unreadable"))
        if st.st_size > MAX_BYTES:
            raise InvalidValue(name, t("interop.file_too_large"))
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def decode(data: bytes) -> str:
    """Text of a CSV: a BOM says which encoding (UTF-8, UTF-16); else UTF-8 if it
    decodes, else Windows-1252, which is what Dutch Excel writes by default."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_rows(data: bytes) -> list[tuple[int, list]]:
    text = decode(data)
    dialect = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows, number = [], 0
    for cells in reader:
        number = reader.line_num  # a quoted cell may hold a newline: the row starts earlier
        rows.append((number, list(cells)))
    return _renumber(rows)


def _renumber(rows: list[tuple[int, list]]) -> list[tuple[int, list]]:
    """Row numbers as a spreadsheet shows them: 1, 2, 3 … in order of the records
    (csv's line_num counts lines, which differ where a cell holds a newline)."""
    return [(index, cells) for index, (_line, cells) in enumerate(rows, start=1)]


def _sniff(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The separator: `;` (Dutch Excel), `,`, or tab, chosen by what the first lines
    hold most consistently; csv.Sniffer alone guesses wrong on one-column title rows."""
    lines = [line for line in text.splitlines()[:HEADER_SEARCH + 20] if line.strip()]
    best, best_score = ",", -1
    for sep in (";", ",", "\t"):
        counts = [line.count(sep) for line in lines]
        score = sum(1 for c in counts if c and c == max(counts, default=0))
        if score > best_score:
            best, best_score = sep, score

    class Dialect(csv.excel):
        delimiter = best

    return Dialect


def _xlsx_sheets(data: bytes, name: str, tab: str | None) -> list[tuple[str, list[tuple[int, list]]]]:
    """Every sheet's rows (or only the one named `tab`). Merged cells hold their
    value in every cell they cover: a leerpunt merged over its three actions
    belongs to each of them."""
    import openpyxl  # heavy: only an XLSX import pays for it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        raise InvalidValue(name, t("interop.not_xlsx")) from exc
    except Exception as exc:  # zipfile.BadZipFile and friends: a broken file, not a bug of ours
        raise InvalidValue(name, t("interop.not_xlsx")) from exc
    sheets = book.worksheets
    if tab is not None:
        sheets = [s for s in sheets if s.title.casefold() == tab.strip().casefold()]
        if not sheets:
            names = ", ".join(f"'{s.title}'" for s in book.worksheets)
            raise InvalidValue("--sheet", t("interop.no_such_sheet", sheet=tab, sheets=names))
    return [(sheet.title, _grid(sheet)) for sheet in sheets]


def _grid(sheet) -> list[tuple[int, list]]:
    grid = [[cell.value for cell in row] for row in sheet.iter_rows()]
    for merged in sheet.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = top
    return [(number, cells) for number, cells in enumerate(grid, start=1)]


def _empty(cells: list) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _find_table(name: str, raw: list[tuple[int, list]], kind: str = "actions", by_hand: dict | None = None,
                tab: str = "", required: bool = True) -> Sheet | None:
    """The first row that looks like a header within the first rows, and the
    non-empty rows below it."""
    for position, (_number, cells) in enumerate(raw[:HEADER_SEARCH]):
        if looks_like_header(cells, kind, by_hand):
            found = ColumnMap(cells, kind, by_hand)
            rows = [(n, c) for n, c in raw[position + 1:] if not _empty(c)]
            return Sheet(name, found.columns, rows, found, tab)
    if required:
        raise InvalidValue(name, t("interop.no_header"))
    return None
