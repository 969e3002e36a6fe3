"""The visit summary (store/exchange/reports/visit.py): golden Markdown and HTML of a fixed
small unit, in Dutch and English; user text stays text; nothing reaches the
network; the chart is drawn once per KPI with signals in words.

Regenerate the golden files with SPIEGEL_GOLDEN=update (and read the diff)."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from store.i18n import set_language
from store.model.records import Action, Finding, Kpi, Measurement, Meeting, Unit, Visit
from store.exchange.reports.visit import visit_document, visit_report
from store.moments.since import changes_since
from store.moments.visits import ActionDraft, record_visit
from store.model.vocab import Status

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 23)
SINCE = dt.date(2026, 9, 14)
AFTER = "2026-10-20T10:00:00+00:00"
BEFORE = "2026-09-01T10:00:00+00:00"
SCRIPT = "<script>alert(1)</script>"


def stamped(record, at):
    record.created_at, record.log = at, [{"at": at, "by": "els", "op": "create"}]
    return record


def dataset():
    unit = Unit(id="de-hoek", name='Praktijk "De Hoek" & Zn', relatiemanager="Els", phases={"1": 2, "2": 1, "3": 1, "4": 3})
    unit.log = [{"at": AFTER, "by": "els", "op": "update", "changes": {"phases": [{"1": 1, "4": 3}, {"1": 2, "4": 3}]}}]
    actions = [
        stamped(Action(id="A-1", title="Terugbelservice", owner="Sanne", deadline=dt.date(2026, 11, 1), route=4,
                       phase=2, status=Status.IN_PROGRESS, started_on=dt.date(2025, 11, 1)), BEFORE),
        stamped(Action(id="A-2", title=SCRIPT, owner="Piet", deadline=dt.date(2027, 1, 15)), AFTER),
        stamped(Action(id="A-3", title="Wachtkamerscherm", owner="Els", status=Status.DONE,
                       done_on=dt.date(2026, 10, 2)), BEFORE),
        stamped(Action(id="A-4", title="Folder zonder eigenaar"), BEFORE),
    ]
    meetings = [Meeting(id="M-1", date=dt.date(2026, 10, 8), theme="Bereikbaarheid", feedback_due=dt.date(2026, 11, 5))]
    findings = [stamped(Finding(id="L-1", text=SCRIPT), AFTER)]
    start = dt.date(2026, 2, 1)  # every two weeks; the last three after the last visit
    kpi = Kpi(id="K-1", action="A-1", name="Teruggebeld binnen een dag", measure_unit="%", target=80.0,
              measurements=[Measurement(start + dt.timedelta(days=14 * i), 40 + (i % 3) if i < 11 else 70 + (i % 4))
                            for i in range(20)])
    visit = Visit(id="B-2", date=TODAY, present=["Els", "dr. Jansen", SCRIPT], notes='Afspraak: "alles" & meer',
                  agreements=[{"text": "Terugbelservice uitbreiden", "action": "A-1", "finding": "L-1"},
                              {"text": SCRIPT, "action": ""}],
                  phase_moves=[{"route": 1, "from": 1, "to": 2}], next_visit=dt.date(2027, 2, 22))
    since = changes_since(SINCE, unit, meetings, findings, actions, [kpi], TODAY)
    return unit, visit, since, actions, [kpi]


def agenda_of(actions, kpis):
    """What there was to discuss: the previous visit (B-1) agreed A-3 (done since) and A-4."""
    from store.moments.visit_agenda import visit_agenda

    previous = Visit(id="B-1", date=SINCE, agreements=[{"text": "Wachtkamerscherm plaatsen", "action": "A-3"},
                                                      {"text": "Folder maken", "action": "A-4", "finding": "L-1"},
                                                      {"text": "Nog uitzoeken", "action": ""}])
    actions[0].findings = ["L-1"]
    findings = [stamped(Finding(id="L-1", text=SCRIPT), AFTER)]
    return visit_agenda(previous, actions, findings, kpis, TODAY)


def rendered(fmt: str, lang: str = "nl", charts: bool = False) -> str:
    set_language(lang)
    try:
        unit, visit, since, actions, kpis = dataset()
        return visit_document(unit, visit, since, actions, kpis, TODAY, charts=charts,
                              agenda=agenda_of(actions, kpis)).render(fmt)
    finally:
        set_language("nl")


def without_svg(text: str) -> str:
    return re.sub(r"<svg.*?</svg>", "<svg>…</svg>", text, flags=re.S)


@pytest.mark.parametrize("fmt,lang", [("md", "nl"), ("html", "nl"), ("md", "en")])
def test_golden(fmt, lang):
    text = without_svg(rendered(fmt, lang, charts=True))
    path = GOLDEN / f"visit_summary_{lang}.{fmt}"
    if os.environ.get("SPIEGEL_GOLDEN") == "update":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_html_keeps_user_text_as_text_and_reaches_no_network():
    page = rendered("html", charts=True)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Praktijk &quot;De Hoek&quot; &amp; Zn" in page
    assert "default-src 'none'" in page and not re.search(r"<(link|img|iframe)\b", page)
    urls = set(re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", page))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert page.count("<svg") == 1  # one chart per measured KPI


def test_summary_says_what_a_relatiemanager_hands_over():
    text = rendered("md")
    assert "van fase 1 naar 2" in text  # the phase changed during this visit
    assert "Terugbelservice uitbreiden (actie A-1, Sanne, 1 november 2026) (voor leerpunt L-1)" in text
    assert "1 november 2026 (te laat)" in text  # overdue, by owner
    assert "- verschuiving: " in text  # the run chart's signal in words, under its chart
    assert "M-1" in text and "terugkoppeling te laat" in text
    assert "Volgend bezoek: 22 februari 2027." in text


def test_the_summary_says_what_became_of_the_previous_visits_agreements():
    text = rendered("md")
    part = text.split("### Afspraken van het vorige bezoek (14 september 2026)")[1].split("###")[0]
    assert "Wachtkamerscherm plaatsen: A-3 afgerond (Els)" in part
    assert "Folder maken (L-1): A-4 loopt (zonder eigenaar)" in part
    assert "Nog uitzoeken: geen actie van gemaakt" in part


def test_the_summary_lists_every_overdue_action_and_open_leerpunt_not_only_the_new_ones():
    text = rendered("md")
    overdue = text.split("### Alle acties over de deadline")[1].split("##")[0]
    assert "A-1 Terugbelservice (Sanne, 1 november 2026)" in overdue
    assert "### Open leerpunten" in text and "L-1 " in text.split("### Open leerpunten")[1]


def test_each_kpi_has_its_latest_value_baseline_target_and_leerpunt_in_one_table():
    text = rendered("md")
    table = text.split("## Indicatoren")[1].split("###")[0]
    assert "| Indicator | Laatste | Nulmeting | Doel | Stand | Leerpunt |" in table
    assert "| K-1 Teruggebeld binnen een dag | 73% (25 okt 2026) | 42% | 80% | beter dan de nulmeting | L-1 |" in table


def test_the_rules_text_is_printed_once_in_an_appendix():
    from store.model.runchart import rules_line
    from store.model.kpis import analyse_kpi

    set_language("nl")
    unit, visit, since, actions, kpis = dataset()
    twins = [kpis[0], Kpi(**{**{n: getattr(kpis[0], n) for n in ("action", "name", "measure_unit", "target",
                                                                  "measurements")}, "id": "K-2"})]
    text = visit_document(unit, visit, since, actions, twins, TODAY, charts=False).render("md")
    rules = rules_line(analyse_kpi(kpis[0])).split(";")[0]  # its start: Markdown escapes the rest's '&'
    assert text.count(rules) == 1 and text.index("## Bijlage: zo lees je een runchart") < text.index(rules)


def test_visit_report_reads_a_saved_visit(store, unit):
    made = record_visit(store, unit.id, Visit(date=dt.date(2026, 11, 20), present=["Els"]),
                        [ActionDraft("Nieuwe afspraak", "Sanne", dt.date(2027, 1, 10))], {2: 2})
    text = visit_report(store, made.id, charts=False).render("md")
    assert "Nieuwe afspraak (actie A-" in text and "van fase 1 naar 2" in text and "Sanne" in text
