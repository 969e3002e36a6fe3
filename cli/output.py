"""Plain and JSON output. Everything printed passes `visible_line`/`visible`
(no escape sequence from the data reaches the terminal, and hidden or look-alike
characters are marked); JSON carries the stored text as it is."""

from __future__ import annotations

import sys

from store.text import visible, visible_line

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Iterable


def echo(text: str = "") -> None:
    sys.stdout.write(visible(text) + "\n")


def print_json(value: object) -> None:
    import orjson

    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")


def table(headers: list[str], rows: Iterable[list[str]], shrink: tuple[int, ...] = ()) -> None:
    """Columns sized to their content. On a terminal that is too narrow, the columns
    in `shrink` (free text: names, titles) give way, widest first, cut with …; the
    others (ids, status, dates with their 'te laat' mark) are never cut. Piped
    output is never cut."""
    rows = [[visible_line(c if isinstance(c, str) else str(c)) for c in row] for row in rows]
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    widths = list(natural)
    if sys.stdout.isatty():  # shutil only then: its import (bz2, lzma) costs a piped list
        import shutil

        _fit(widths, shutil.get_terminal_size().columns, shrink)
    cut = [i for i, (w, n) in enumerate(zip(widths, natural)) if w < n]
    line = "  ".join(f"{{:<{w}}}" for w in widths)  # one format call per row
    lines = [line.format(*(h[:w] for h, w in zip(headers, widths))).rstrip()]
    for row in rows:
        for i in cut:
            if len(row[i]) > widths[i]:
                row[i] = row[i][: widths[i] - 1] + "…"
        lines.append(line.format(*row).rstrip())
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
    sys.stderr.write(f"spiegel: {visible_line(message)}\n")


def fail_usage(message: str, command: str) -> None:
    """One line on stderr, pointing to the command's --help ('' for spiegel's own)."""
    from store.i18n import t

    fail(t("usage.see_help", message=message, command=f"spiegel {command}".rstrip()))
