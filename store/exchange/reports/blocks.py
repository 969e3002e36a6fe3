"""The five kinds of block a report is made of (store/exchange/reports/document.py gathers
them into a Document; store/exchange/reports/markdown.py and html.py render each)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Paragraph:
    text: str
    quiet: bool = False  # a remark (smaller, grey in HTML; italic in Markdown)


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Chart:
    """An SVG drawing (from store/exchange/reports/charts.py, holding no user text) and the
    words that say what it shows, for the Markdown file and screen readers."""

    svg: str
    caption: str


Block = Heading | Paragraph | Bullets | Table | Chart
