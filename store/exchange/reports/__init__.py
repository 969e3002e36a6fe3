"""Documents spiegel writes for people outside the terminal: the visit summary for
the practice's development plan, the evaluation meeting's decisions, the feedback to
participants.

A report is built once as a `Document` (document.py: headings, paragraphs, lists,
tables, charts) and rendered twice: Markdown (markdown.py) and one self-contained
HTML file that prints on A4 (html.py). User text is data in both: escaped, never
markup, and nothing in a report reaches the network (no CDN, no remote fonts: a
Content-Security-Policy that allows nothing from outside says so to the browser too).

Charts are SVG drawn by matplotlib (charts.py), imported only when a report with a
chart is written: never on the CLI's `list`/`add` path.
"""

from store.exchange.reports.document import Document  # noqa: F401
from store.exchange.reports.output import write_report  # noqa: F401
