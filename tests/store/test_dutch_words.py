"""Issue 29: Dutch throughout. A word that a Dutch text shares with its English
translation was usually left untranslated ('PDSA: study', 'Burn-up', 'moving
range'); the test fails on any such word outside the allowed list below: loanwords
Dutch uses as they are, names, commands, keys and file formats, and Dutch words
that happen to be spelled like English ones. Text in quotes or backticks, option
names and `spiegel ...` commands are literal and not judged; the English term
once in quotes ('moving range') is fine. Option values typed as they are
(`--soort actions`) are in the list too."""

from __future__ import annotations

import re

import pytest

# Every part that registers words of its own, so the test sees all of them whatever ran before
import cli.backup_commands  # noqa: F401
import cli.group  # noqa: F401
import cli.io_commands  # noqa: F401
import cli.visit_commands  # noqa: F401
import store.moments.capture  # noqa: F401
import store.exchange.interop  # noqa: F401
import store.exchange.reports  # noqa: F401
import store.exchange.reports.feedback  # noqa: F401
import tui.app  # noqa: F401
from cli import click_words  # noqa: F401
from store.i18n import CATALOGS

ALLOWED = set("""
actions add anh anhoej app argument back basis benchmarks best bezoekverslag bin browser bytes
calendar config conflict csv ctrl cursor custom dashboard data database deadline deadlines demo dir
document dump dumpall edit eisenhart enter esc escape excel exit export extra false filter findings
focusgroep gisteren hagro help host html ics ids ihi import indicator inge inloopavond install jan
json kern kpi lang laptop later leerpunt leerpunten letters lib linde link links log login machine
manifest markdown maximum measurements meetings menu min murray nov npa null open other over
parameter partn partners pat per percentage perla pilot pilots pip plan postgre postgresql prem prog
project provost quick record records relatiemanager rest restore rev root route routes run runs
sanne schema scripts server setgid settings sha sharing shift slug spiegel spiegelgesprek
spreadsheet ssh start status stderr stdin swed tab tar team teams terminal textual themabijeenkomst
tip tips token toml trend true unix usr version was week win xlsx
bit chmod contact etc evaluatie feb fstab gid gpasswd hand hardlinks hidepid invisible kernel logind
migrate monitoring mount polkit proc protected public regular remount sticky superuser sysctl systemd
""".split())
# Run-chart and PDSA terms that were English on Dutch screens (issue 29)
NEVER = {"study", "act", "burn", "moving", "range", "chart", "charts", "outlier", "shift"}


def _words(text: str) -> set[str]:
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"'[^']*'|`[^`]*`|\"[^\"]*\"", "", text)
    text = re.sub(r"--?[a-z][a-z-]*", "", text)
    text = re.sub(r"spiegel \w+( \w+)?", "", text)
    return {w.lower() for w in re.findall(r"[A-Za-z][a-z]{2,}", text)}


def _shared() -> dict[str, list[str]]:
    nl, en = CATALOGS["nl"], CATALOGS["en"]
    found: dict[str, list[str]] = {}
    for key, text in nl.items():
        if key in en and isinstance(text, str):
            for word in _words(text) & _words(en[key]):
                found.setdefault(word, []).append(key)
    return found


def test_no_english_word_left_in_the_dutch_catalogs():
    english = {w: keys[:3] for w, keys in _shared().items() if w not in ALLOWED}
    assert english == {}


@pytest.mark.parametrize("word", sorted(NEVER - {"shift"}))
def test_run_chart_and_pdsa_terms_are_dutch(word):
    found = [k for k, text in CATALOGS["nl"].items() if isinstance(text, str) and word in _words(text)]
    assert found == []


def test_pdsa_steps_and_chart_titles_in_dutch():
    nl = CATALOGS["nl"]
    assert [nl[f"field.pdsa.{s}"] for s in ("plan", "do", "study", "act")] == [
        "Plannen (P)", "Doen (D)", "Bestuderen (S)", "Aanpassen (A)"]
    assert nl["tui.dash.burnup_chart"].startswith("Verloop:")
    assert nl["vreport.chart_caption"].startswith("Runchart van")
