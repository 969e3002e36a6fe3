"""A Document as Markdown (CommonMark). User text is escaped so that nothing in it
becomes markup: `<script>` stays text, `**`, `[x](y)` and a leading `-` or `1.` too."""

from __future__ import annotations

import re

from store.exchange.reports.blocks import Bullets, Chart, Heading, Paragraph, Table

TYPE_CHECKING = False
if TYPE_CHECKING:  # the renderers read a Document; it imports them when asked to render
    from store.exchange.reports.document import Document

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that
# can start markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_{}\[\]<>|#~&!])")
# ... and these only at the start of a line (lists, quotes, headings, thematic breaks).
_LINE_START = re.compile(r"^(\s*)(\d*)([-+=>.)])", re.MULTILINE)


def escape(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    # `1.` escapes its dot (a backslash before a digit would be shown as is)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)


def _one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def render(doc: Document) -> str:
    out = [f"# {_one_line(doc.title)}", ""]
    if doc.subtitle:
        out += [escape(doc.subtitle), ""]
    for block in doc.blocks:
        out += _block(block) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _block(block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * min(block.level, 6) + " " + _one_line(block.text)]
    if isinstance(block, Paragraph):
        text = escape(block.text.strip()).replace("\n", "  \n")
        return [f"*{text}*" if block.quiet and text else text]
    if isinstance(block, Bullets):
        return ["- " + escape(item).replace("\n", "\n  ") for item in block.items]
    if isinstance(block, Table):
        def row(cells: list[str]) -> str:
            return "| " + " | ".join(_one_line(c) or " " for c in cells) + " |"

        return [row(block.headers), "|" + "---|" * len(block.headers), *(row(r) for r in block.rows)]
    if isinstance(block, Chart):  # Markdown has no inline SVG worth relying on: the words
        return [f"*{escape(block.caption)}*"]
    raise TypeError(block)
