"""Plain and JSON output. Everything printed passes `clean_line`/`clean_text`
(no escape sequence from the data reaches the terminal)."""

from __future__ import annotations

import shutil
import sys
from typing import Iterable

from store.text import clean_line, clean_text


def echo(text: str = "") -> None:
    sys.stdout.write(clean_text(text) + "\n")


def print_json(value: object) -> None:
    import orjson

    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")


def table(headers: list[str], rows: Iterable[list[str]], shrink: tuple[int, ...] = ()) -> None:
    """Columns sized to their content. On a terminal that is too narrow, the columns
    in `shrink` (free text: names, titles) give way, widest first, cut with …; the
    others (ids, status, dates with their 'te laat' mark) are never cut. Piped
    output is never cut."""
    rows = [[clean_line(str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    if sys.stdout.isatty():
        _fit(widths, shutil.get_terminal_size().columns, shrink)
    lines = ["  ".join(h[:w].ljust(w) for h, w in zip(headers, widths)).rstrip()]
    for row in rows:
        cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")


def _fit(widths: list[int], columns: int, shrink: tuple[int, ...], floor: int = 8) -> None:
    """Shrink the widest shrinkable column one step at a time until the row fits."""
    while shrink and sum(widths) + 2 * (len(widths) - 1) > columns:
        widest = max(shrink, key=lambda i: widths[i])
        if widths[widest] <= floor:
            return
        widths[widest] -= 1


def fail(message: str) -> None:
    """One line on stderr."""
    sys.stderr.write(f"spiegel: {clean_line(message)}\n")
