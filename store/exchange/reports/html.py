"""A Document as one self-contained HTML file that prints well on A4.

Everything is inline (styles, SVG charts); the Content-Security-Policy forbids the
browser to fetch anything at all, so a report opened on a practice's PC reaches no
network even if a future change forgot that rule. User text goes through
`html.escape`: `<script>` and `&` stay text."""

from __future__ import annotations

import html
import re

from store.i18n import t
from store.exchange.reports.blocks import Bullets, Chart, Heading, Paragraph, Table

TYPE_CHECKING = False
if TYPE_CHECKING:  # the renderers read a Document; it imports them when asked to render
    from store.exchange.reports.document import Document

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
@page { size: A4; margin: 14mm 15mm; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt;
       line-height: 1.4; color: #1a1a1a; max-width: 178mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 13.5pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #bbb; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.1em 0 .3em; break-after: avoid; }
.subtitle, .quiet { color: #555; }
.quiet { font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 10pt; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
tr, figure, li { break-inside: avoid; }
figure { margin: .3em 0 .4em; }
figure svg { width: 100%; height: auto; max-height: 80mm; }
figcaption { font-size: 9pt; color: #444; }
figure + ul { font-size: 9.5pt; margin: .2em 0 .6em; }
p, li { white-space: pre-wrap; }
footer { margin-top: 1em; font-size: 9pt; color: #777; }
"""


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def render(doc: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(doc.title)}</h1>",
    ]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{escape(doc.subtitle)}</p>')
    parts += [_block(block) for block in doc.blocks]
    if doc.made_on:
        from store.dates import long_date

        parts.append(f"<footer>{escape(t('report.made_on', date=long_date(doc.made_on)))}</footer>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _block(block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 2), 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        css = ' class="quiet"' if block.quiet else ""
        return f"<p{css}>{escape(block.text.strip())}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Chart):
        return f'<figure>{_inline_svg(block.svg)}<figcaption>{escape(block.caption)}</figcaption></figure>'
    raise TypeError(block)


_PROLOGUE = re.compile(r"\A\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def _inline_svg(svg: str) -> str:
    """An SVG document as an element inside HTML: without its XML declaration,
    doctype and RDF metadata (namespace URLs only, but a report should hold none). The SVG comes from charts.py (no user text), never from a file."""
    return _METADATA.sub("", _PROLOGUE.sub("", svg))
