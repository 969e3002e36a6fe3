"""A report as a list of blocks, rendered to Markdown or HTML.

Written by hand rather than with a template engine: five kinds of block, each with
two renderings, and the escaping of user text decided in one place per format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The blocks live in store/exchange/reports/blocks.py, which the renderers read; importable from here too.
from store.exchange.reports.blocks import Block, Bullets, Chart, Heading, Paragraph, Table  # noqa: F401
from store.text import visible


@dataclass
class Document:
    title: str
    subtitle: str = ""
    made_on: dt.date | None = None
    lang: str = "nl"
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:  # every block's text is cleaned as it is added
        self.title, self.subtitle = visible(self.title), visible(self.subtitle)

    def heading(self, text: str, level: int = 2) -> "Document":
        self.blocks.append(Heading(visible(text), level))
        return self

    def paragraph(self, text: str, quiet: bool = False) -> "Document":
        self.blocks.append(Paragraph(visible(text), quiet))
        return self

    def bullets(self, items: list[str]) -> "Document":
        if items:
            self.blocks.append(Bullets([visible(i) for i in items]))
        return self

    def table(self, headers: list[str], rows: list[list[str]]) -> "Document":
        self.blocks.append(Table([visible(h) for h in headers], [[visible(str(c)) for c in r] for r in rows]))
        return self

    def chart(self, svg: str, caption: str) -> "Document":
        self.blocks.append(Chart(svg, visible(caption)))
        return self

    def to_markdown(self) -> str:
        from store.exchange.reports.markdown import render

        return render(self)

    def to_html(self) -> str:
        from store.exchange.reports.html import render

        return render(self)

    def render(self, fmt: str) -> str:
        """`fmt`: "md" or "html"."""
        return self.to_html() if fmt == "html" else self.to_markdown()
