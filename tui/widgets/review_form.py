"""The evaluation meeting's form for one action (tui/screens/review_screen.py): a
run chart and a value field per KPI, then status, progress, PDSA study and act and
the next review date. Built here so the screen keeps to walking the queue."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from store.errors import InvalidValue
from store.fields import show_date
from store.i18n import t
from store.records import Action, Kpi
from store.runchart import quantity
from store.text import visible_line
from store.vocab import Status
from tui.widgets.form_row import FormRow
from tui.widgets.run_chart import RunChart

CHOICES = (Status.PLANNED, Status.IN_PROGRESS, Status.DONE)  # stopping needs a reason: ctrl+t


def kpi_line(kpi: Kpi, today: dt.date) -> Text:
    """'laatste 7,5 min (1 nov) · doel 5 min · Wachttijd…': what a value is entered
    beside, on one line (the name last: it is what may be cut)."""
    last = kpi.measurements[-1] if kpi.measurements else None
    seen = (t("tui.review.last", value=quantity(last.value, kpi.measure_unit),
              date=show_date("measurement", last.date, today)) if last else t("tui.review.no_last"))
    target = t("tui.review.target", target=quantity(kpi.target, kpi.measure_unit))
    return Text(f"{seen} · {target} · {visible_line(kpi.name)}", no_wrap=True, overflow="ellipsis")


def cycle_hint(action: Action, today: dt.date) -> str:
    """The next review field's placeholder: the cycle's next date, when it has one."""
    if not action.review_cycle:
        return t("tui.review.next_placeholder")
    from store.cycles import next_review

    try:
        when = next_review(action.review_cycle, today)
    except InvalidValue:  # a hand-edited cycle: the field works without it
        return t("tui.review.next_placeholder")
    return t("tui.review.next_from_cycle", date=show_date("review_date", when, today))


def review_widgets(action: Action, kpis: list[Kpi], next_hint: str) -> list[Widget]:
    widgets: list[Widget] = []
    if kpis:
        widgets.append(RunChart(id="rv-chart"))
        for kpi in kpis:
            field = field_input(f"kpi-{kpi.id}", "", t("tui.review.value_placeholder"), "rv-kpi-in")
            widgets.append(FormRow(f"kpi-{kpi.id}", kpi.id, field, aside=True))
    else:
        widgets.append(Static(t("tui.review.no_kpis"), classes="rv-note", markup=False))
    statuses = [(Text(s.label), s.value) for s in CHOICES]
    status = action.status.value if action.status in CHOICES else Status.IN_PROGRESS.value
    return widgets + [
        FormRow("status", t("tui.review.status"),
                Select(statuses, value=status, allow_blank=False, id="in-status", compact=True)),
        FormRow("progress", t("tui.review.progress"), field_input("progress", str(action.progress), "0–100")),
        FormRow("study", t("tui.review.study"), field_input("study", action.pdsa.get("study", ""))),
        FormRow("act", t("tui.review.act"), field_input("act", action.pdsa.get("act", ""))),
        FormRow("next", t("tui.review.next"), field_input("next", "", next_hint, "rv-next-in"), aside=True),
    ]


def field_input(name: str, value: str = "", placeholder: str = "", classes: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=f"in-{name}", classes=classes, select_on_focus=False, compact=True)
