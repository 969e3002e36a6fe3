"""The feedback document for participants (store/exchange/reports/feedback.py): golden files
of a fixed small meeting in Markdown and HTML (SPIEGEL_GOLDEN=1 rewrites them), user
text kept as text, nothing from outside, and no staff-internal notes."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from store.i18n import set_language
from store.model.records import Action, Finding, Meeting, Unit
from store.exchange.reports.feedback import feedback_document, write_feedback
from store.model.vocab import FindingKind, FindingState, MeetingFormat, Status

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 29)
SCRIPT = "<script>alert(1)</script>"


def sample() -> tuple[Meeting, Unit, list[Finding], list[Action]]:
    meeting = Meeting(id="M-3", date=dt.date(2026, 10, 9), format=MeetingFormat.SPIEGELGESPREK,
                      theme='Bereikbaarheid & "terugbellen"', participants=9, notes="INTERN: Karim was te laat")
    unit = Unit(name='Huisartsenpraktijk De Hoek & "Zn"', contact="Vragen? Bel Anja Smit, 040-123 45 67")
    findings = [
        Finding(id="L-1", meeting="M-3", kind=FindingKind.POSITIVE, text="De assistentes zijn vriendelijk."),
        Finding(id="L-2", meeting="M-3", text=SCRIPT, quick_win=True, state=FindingState.ACTIONS),
        Finding(id="L-3", meeting="M-3", text="Uitslagen komen laat.", theme="uitslagen"),
        Finding(id="L-4", meeting="M-3", text="Meer avondspreekuren.", state=FindingState.PARKED,
                reason="Eerst de telefoon beter regelen."),
        Finding(id="L-5", meeting="M-3", text="Een eigen parkeerplaats.", state=FindingState.DECLINED,
                reason="De gemeente gaat over de straat."),
        Finding(id="L-6", meeting="M-3", kind=FindingKind.TIP, text="Een aparte toets voor uitslagen."),
        Finding(id="L-7", meeting="M-3", kind=FindingKind.TIP, text="Zet de openingstijden op de deur.", quick_win=True),
        Finding(id="L-9", meeting="M-1", text="Van een andere bijeenkomst."),
    ]
    actions = [
        Action(id="A-1", title="Keuzemenu vereenvoudigen", status=Status.IN_PROGRESS, deadline=dt.date(2027, 1, 15),
               findings=["L-2"], owner="Team balie", description="INTERN: offerte KPN", pdsa={"plan": "PDSA-cyclus"}),
        Action(id="A-2", title="Terugbelservice op de website", status=Status.DONE, findings=["L-2"]),
    ]
    return meeting, unit, findings, actions


def rendered(fmt: str) -> str:
    text = feedback_document(*sample(), TODAY).render(fmt)
    return re.sub(r"<svg.*?</svg>", "<svg/>", text, flags=re.S)  # no charts here; kept out if ever added


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden(fmt):
    path = GOLDEN / f"feedback.{fmt}"
    text = rendered(fmt)
    if os.environ.get("SPIEGEL_GOLDEN") == "1":  # regenerate, then look at the diff
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_plain_words_for_patients_and_nothing_internal():
    text = rendered("md")
    for shown in ("Wat goed gaat", "we zijn ermee bezig, klaar uiterlijk 15 januari 2027", "Terugbelservice op de website: gedaan",
                  "Hier beginnen we als eerste mee", "voorlopig niet: eerst de telefoon beter regelen.",
                  "dit doen we niet: de gemeente gaat over de straat.", "Een aparte toets voor uitslagen.",
                  "Er deden 9 mensen mee.", "Punt 2: uitslagen", "We bekijken nog wat we hieraan gaan doen."):
        assert shown in text, shown
    for hidden in ("INTERN", "PDSA", "Team balie", "A-1", "L-2", "M-3", "Van een andere bijeenkomst"):
        assert hidden not in text, hidden


def test_quick_wins_of_every_kind_come_first_and_the_contact_line_last():
    text = rendered("md")
    quick = text.split("## Hier beginnen we als eerste mee")[1].split("##")[0]
    assert "Zet de openingstijden op de deur." in quick and "alert(1)" in quick  # a tip and a leerpunt
    assert text.index("Hier beginnen we als eerste mee") < text.index("Wat goed gaat")
    assert text.rstrip().endswith("Contact: Vragen? Bel Anja Smit, 040-123 45 67")


def test_a_reason_continues_the_sentence_but_capitals_of_names_stay():
    from store.exchange.reports.feedback import mid_sentence

    assert [mid_sentence(x) for x in ("Eerst de telefoon", "NPA eerst", "PoZoB beslist", "E", "")] == [
        "eerst de telefoon", "NPA eerst", "PoZoB beslist", "E", ""]


def test_the_html_footer_writes_its_date_in_dutch():
    page = rendered("html")
    assert "Gemaakt met spiegel op 29 november 2026." in page and "2026-11-29" not in page


def test_html_keeps_user_text_as_text_and_reaches_nothing_outside():
    page = rendered("html")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp; &quot;terugbellen&quot;" in page and "De Hoek &amp; &quot;Zn&quot;" in page
    urls = set(re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", page))
    assert not urls and not re.search(r"<(link|img|iframe)\b", page) and "@import" not in page
    assert "@page { size: A4" in page


def test_in_english():
    set_language("en")
    try:
        text = rendered("md")
    finally:
        set_language("nl")
    assert "What goes well" in text and "we are working on it, to be finished by 15 January 2027" in text


def test_written_from_the_store(store, unit, tmp_path):
    meeting = store.add(Meeting(date=dt.date(2026, 11, 1), theme="Telefoon"), unit.id)
    store.add(Finding(text="Lang in de wacht", meeting=meeting.id), unit.id)
    path = write_feedback(store, meeting.id, tmp_path / "t.html", "html")
    page = Path(path).read_text(encoding="utf-8")
    assert "Lang in de wacht" in page and "Terugkoppeling: Telefoon" in page
    assert (os.stat(path).st_mode & 0o777) == 0o600
