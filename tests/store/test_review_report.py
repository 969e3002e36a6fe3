"""The evaluation meeting's overview (store/exchange/reports/review.py) against golden files.
Regenerate with SPIEGEL_REGEN_GOLDEN=1 after an intended change, and read the diff."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from store.i18n import set_language
from store.model.records import Action
from store.exchange.reports.review import review_document
from store.moments.reviews import Outcome
from store.model.vocab import Status

GOLDEN = Path(__file__).parent / "golden"
DAY = dt.date(2026, 11, 23)


def outcomes() -> list[Outcome]:
    decided = Action(id="A-1", title='Terugbellen & "snel"', owner="Sanne", status=Status.IN_PROGRESS, progress=40,
                     review_date=dt.date(2027, 2, 23), pdsa={"study": "<script>alert(1)</script>", "act": "doorgaan"})
    stopped = Action(id="A-2", title="Folder", status=Status.STOPPED, pdsa={"act": "geen budget"})
    skipped = Action(id="A-3", title="Website [b]vet[/b]")
    return [Outcome(decided, values=[("Binnen een dag (%)", "65")]), Outcome(stopped), Outcome(skipped, skipped=True)]


@pytest.mark.parametrize("lang, fmt", [("nl", "md"), ("nl", "html"), ("en", "md")])
def test_the_review_overview_matches_its_golden_file(lang, fmt):
    set_language(lang)
    text = review_document('Praktijk "De Hoek" & co', DAY, outcomes(), DAY).render(fmt)
    path = GOLDEN / f"review_{lang}.{fmt}"
    if os.environ.get("SPIEGEL_REGEN_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_the_review_overview_in_html_keeps_user_text_as_text():
    page = review_document("De Hoek", DAY, outcomes(), DAY).render("html")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Terugbellen &amp; &quot;snel&quot;" in page
    assert not re.search(r"""(?:https?:)?//(?!www\.w3\.org)""", page)


def test_the_overview_names_the_decision_and_warns_when_no_next_review_is_planned():
    from store.exchange.reports.review import review_document

    adjusted = Action(id="A-4", title="Folder", status=Status.IN_PROGRESS, progress=20, pdsa={"act": "kleiner"})
    text = review_document("De Hoek", DAY, [Outcome(adjusted, verdict="adjust")], DAY).render("md")
    assert "Besluit: bijstellen" in text and "geen volgende evaluatie gepland" in text
