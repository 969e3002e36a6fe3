"""`spiegel visit`: add, list, show and report, run as a relatiemanager runs them."""

from __future__ import annotations

import re

from store.model.records import Action, Visit


def test_add_with_agreements_and_a_phase_change_then_list_and_show(run, two_units):
    made = run("visit", "add", "hoek", "--datum", "20 nov", "--aanwezig", "Els", "--aanwezig", "dr. Jansen",
               "--notities", "Goed gesprek", "--afspraak", "Terugbelservice;Sanne;15 jan", "--afspraak", "Folder",
               "--fase", "1=2")
    assert made.stdout == "B-1\n"
    store = two_units
    visit = store.get("B-1")
    assert isinstance(visit, Visit) and str(visit.date) == "2026-11-20" and visit.present == ["Els", "dr. Jansen"]
    action = store.get(visit.agreements[0]["action"])
    assert isinstance(action, Action) and action.owner == "Sanne" and str(action.deadline) == "2027-01-15"
    assert store.unit("praktijk-de-hoek").phase(1) == 2
    listed = run("visit", "list").stdout
    assert re.search(r"B-1\s+2026-11-20\s+praktijk-de-hoek\s+Els, dr\. Jansen\s+2", listed)
    shown = run("visit", "show", "B-1").stdout
    assert "Terugbelservice → A-1" in shown and "Route 1: fase 1 → 2" in shown
    assert "Nieuwe acties:" in shown
    generic = run("show", "B-1").stdout  # the record as any record: its agreements and phase changes in words
    assert "Afspraken: Terugbelservice → A-1; Folder → A-2" in generic and "route 1: fase 1 → 2" in generic


def test_report_writes_markdown_and_html(run, two_units, tmp_path):
    run("visit", "add", "hoek", "--afspraak", "<script>alert(1)</script>;Piet")
    md, html = tmp_path / "b.md", tmp_path / "b.html"
    assert run("visit", "report", "B-1", "--format", "md", "-o", str(md)).stdout.strip() == str(md)
    run("visit", "report", "B-1", "--format", "html", "-o", str(html))
    assert "Bezoekverslag Praktijk De Hoek" in md.read_text() and "\\<script\\>" in md.read_text()
    page = html.read_text()
    assert "<script" not in page and "&lt;script&gt;" in page
    english = run("--lang", "en", "visit", "report", "B-1", "-o", str(md))
    assert english.returncode == 0 and "Visit report" in md.read_text()


def test_report_without_a_name_writes_beside_you(run, two_units, tmp_path, monkeypatch):
    import subprocess
    import sys

    run("visit", "add", "hoek")
    done = subprocess.run([sys.executable, "-m", "cli", "visit", "report", "B-1"], capture_output=True, text=True,
                          env=run.env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "bezoekverslag-praktijk-de-hoek-B-1.md").exists()


def test_mistakes_are_one_line_and_write_nothing(run, two_units):
    for args, word in ((("visit", "add", "hoek", "--afspraak", ";Piet"), "afspraak"),
                       (("visit", "add", "hoek", "--fase", "5=1"), "fase"),
                       (("visit", "add", "hoek", "--datum", "gisteravond"), "datum"),
                       (("visit", "show", "A-1"), "bezoek"),
                       (("visit", "add", "nergens"), "nergens")):
        done = run(*args, ok=False)
        assert done.returncode != 0 and word in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert two_units.records(Visit, "praktijk-de-hoek") == []
    assert run("visit", "list", "hoek").stdout == "Geen bezoeken.\n"


def test_a_next_visit_date_is_kept_and_shown_in_words_and_in_json(run, two_units):
    import json

    made = run("visit", "add", "hoek", "--aanwezig", "Els", "--volgend-bezoek", "15-3", "--afspraak", "Folder;Sanne;1-2")
    visit_id = made.stdout.strip()
    shown = run("visit", "show", visit_id).stdout
    assert "Volgend bezoek: 2027-03-15." in shown
    doc = json.loads(run("show", visit_id, "--json").stdout)
    assert doc["next_visit"] == "2027-03-15"
    bad = run("visit", "add", "hoek", "--volgend-bezoek", "ooit", ok=False)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1 and "ooit" in bad.stderr


def test_an_agreement_without_owner_or_deadline_is_saved_and_said_plainly(run, two_units):
    done = run("visit", "add", "hoek", "--afspraak", "Folder maken", "--afspraak", "Scherm;Els;1-2")
    assert done.stdout.startswith("B-")
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Folder maken" in lines[0] and "zonder eigenaar" in lines[0] and "geen deadline" in lines[0]
