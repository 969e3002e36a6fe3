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


def table(headers: list[str], rows: Iterable[list[str]], wrap_last: bool = True) -> None:
    """Columns sized to their content; on a terminal the last column is cut to fit."""
    rows = [[clean_line(str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    if sys.stdout.isatty() and wrap_last:
        room = shutil.get_terminal_size().columns - sum(w + 2 for w in widths[:-1])
        widths[-1] = max(10, min(widths[-1], room))
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    for row in rows:
        cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")


def fail(message: str) -> None:
    """One line on stderr."""
    sys.stderr.write(f"spiegel: {clean_line(message)}\n")
