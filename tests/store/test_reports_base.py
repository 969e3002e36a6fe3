"""The report base (store/exchange/reports/): user text stays text in Markdown and HTML,
nothing reaches the network, charts are deterministic and name months in the UI's
language, and report files are written safely."""

import datetime as dt
import os
import re
import stat

import pytest

from store.errors import FileProblem
from store.i18n import set_language
from store.model.kpis import analyse_kpi
from store.model.records import Kpi, Measurement
from store.exchange.reports import Document, write_report
from store.exchange.reports.charts import run_chart_svg
from store.exchange.reports.markdown import escape

HOSTILE = '<script>alert(1)</script> & "q" [b]vet[/b] **x** \x1b]8;;http://e\x07 \u202e'


def kpi(points: int = 14) -> Kpi:
    start = dt.date(2025, 1, 15)
    return Kpi(name="Terugbellen", action="A-1", target=80.0, measurements=[
        Measurement(start + dt.timedelta(days=30 * i), 50 + i + (i % 3)) for i in range(points)])


def document() -> Document:
    doc = Document(HOSTILE, subtitle=HOSTILE, made_on=dt.date(2026, 11, 29))
    doc.heading(HOSTILE).paragraph(HOSTILE).bullets([HOSTILE, "1. lijst"]).table([HOSTILE], [[HOSTILE]])
    k = kpi()
    return doc.chart(run_chart_svg(k, analyse_kpi(k)), HOSTILE)


def test_html_keeps_user_text_as_text():
    page = document().to_html()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;" in page
    assert "\x1b" not in page and "\x07" not in page and "⟨U+202E⟩" in page


def test_html_reaches_no_network():
    page = document().to_html()
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    urls = set(re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", page))
    # only XML namespace names (identifiers, never fetched) and the user's own escaped text
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://e"}
    assert not re.search(r"<(link|script|img|iframe)\b", page)
    assert "@import" not in page and not re.search(r"url\((?!#)", page)  # only the SVG's own clip paths


def test_markdown_escapes_markup():
    text = document().to_markdown()
    assert "\\<script\\>" in text and "\\*\\*x\\*\\*" in text and "\\[b\\]" in text
    assert "- 1\\. lijst" in text  # an ordered-list marker inside an item stays text
    assert escape("- a") == "\\- a" and escape("a - b") == "a - b"


def test_chart_is_deterministic_and_uses_the_ui_language():
    k = kpi()
    first = run_chart_svg(k, analyse_kpi(k))
    assert first == run_chart_svg(k, analyse_kpi(k))
    assert "jan 2025" in first and "mrt 2025" in first
    try:
        set_language("en")
        english = run_chart_svg(k, analyse_kpi(k))
    finally:
        set_language("nl")
    assert "Mar 2025" in english and "mrt 2025" not in english


def test_chart_of_no_or_few_points_draws():
    for points in (0, 1, 3):
        k = kpi(points)
        assert run_chart_svg(k, analyse_kpi(k)).rstrip().endswith("</svg>")


def test_report_file_is_private_and_replaced_whole(tmp_path):
    target = tmp_path / "verslag.html"
    write_report(target, "een")
    write_report(target, "twee")
    assert target.read_text() == "twee"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.html"]


@pytest.mark.parametrize("plant", ["symlink", "fifo"])
def test_report_never_follows_a_planted_name(tmp_path, plant):
    victim = tmp_path / "victim"
    victim.write_text("keep")
    target = tmp_path / "verslag.md"
    if plant == "symlink":
        target.symlink_to(victim)
    else:
        os.mkfifo(target)
    with pytest.raises(FileProblem, match="ander"):
        write_report(target, "x")
    assert victim.read_text() == "keep"


def test_report_in_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileProblem) as caught:
        write_report(tmp_path / "nergens" / "v.md", "x")
    assert "nergens" in str(caught.value) or "nergens" in caught.value.path
