"""The evaluation meeting's form for one action (tui/screens/review_screen.py): a
run chart with its legend and a value field per KPI, then the decision (continue,
adjust, done, stop), progress, PDSA study and act, a new owner or deadline and the
next review date. An empty owner, deadline or next review keeps what is stored or
planned, and its placeholder says what that is. Built here so the screen keeps to
walking the queue."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from store.errors import InvalidValue
from store.model.fields import parse_value, show_date
from store.i18n import t
from store.model.records import Action, Kpi
from store.moments.reviews import VERDICTS, Decision
from store.model.runchart import quantity
from store.text import edited, for_editing, visible_line
from tui.widgets.form_row import FormRow
from tui.widgets.run_chart import RunChart
from tui.widgets.marking_input import line_input

def kpi_line(kpi: Kpi, today: dt.date) -> Text:
    """'laatste 7,5 min (1 nov) · doel 5 min': what a value is entered beside, on
    one line (the KPI's name has a line of its own: kpi_name)."""
    last = kpi.measurements[-1] if kpi.measurements else None
    seen = (t("tui.review.last", value=quantity(last.value, kpi.measure_unit),
              date=show_date("measurement", last.date, today)) if last else t("tui.review.no_last"))
    target = t("tui.review.target", target=quantity(kpi.target, kpi.measure_unit))
    return Text(f"{seen} · {target}", no_wrap=True, overflow="ellipsis")


def kpi_name(kpi: Kpi, classes: str = "rv-kpi-name") -> Static:
    """The KPI's id and whole name above its value field (wrapped, never cut)."""
    return Static(Text.assemble((kpi.id, "bold"), " ", visible_line(kpi.name)), classes=classes)


def next_hint(action: Action, today: dt.date) -> str:
    """What an empty next review field means, as its placeholder: the planned date
    kept, the cycle's next date, or plainly none (store.moments.reviews.planned_next)."""
    from store.moments.reviews import planned_next

    when, source = planned_next(action, today)
    if when is None:
        return t("tui.review.next_none")
    key = "tui.review.next_kept" if source == "planned" else "tui.review.next_from_cycle"
    return t(key, date=show_date("review_date", when, today))


def kept_hint(value: str, empty_key: str) -> str:
    """An owner or deadline field's placeholder: empty keeps what is stored."""
    return t("tui.review.kept", value=value) if value else t(empty_key)


def review_widgets(action: Action, kpis: list[Kpi], today: dt.date) -> list[Widget]:
    widgets: list[Widget] = []
    if kpis:
        widgets.append(RunChart(id="rv-chart"))
        widgets.append(Static("", id="rv-legend", markup=False))
        for kpi in kpis:
            field = field_input(f"kpi-{kpi.id}", "", t("tui.review.value_placeholder"), "rv-kpi-in")
            widgets += [kpi_name(kpi), FormRow(f"kpi-{kpi.id}", t("tui.review.value"), field, aside=True)]
    else:
        widgets.append(Static(t("tui.review.no_kpis"), classes="rv-note", markup=False))
    verdicts = [(Text(t(f"tui.review.verdict.{v}")), v) for v in VERDICTS]
    deadline = show_date("deadline", action.deadline, today) if action.deadline else ""
    return widgets + [
        FormRow("verdict", t("tui.review.verdict"),
                Select(verdicts, value="continue", allow_blank=False, id="in-verdict", compact=True)),
        FormRow("progress", t("tui.review.progress"), field_input("progress", str(action.progress), "0–100")),
        FormRow("study", t("tui.review.study"), line_input("study", for_editing(action.pdsa.get("study", "")))),
        FormRow("act", t("tui.review.act"), line_input("act", for_editing(action.pdsa.get("act", "")))),
        FormRow("owner", t("tui.review.owner"),
                field_input("owner", "", kept_hint(visible_line(action.owner), "tui.review.no_owner"), "rv-next-in")),
        FormRow("deadline", t("tui.review.deadline"),
                field_input("deadline", "", kept_hint(deadline, "tui.review.no_deadline"), "rv-next-in"), aside=True),
        FormRow("next", t("tui.review.next"), field_input("next", "", next_hint(action, today), "rv-next-in"),
                aside=True),
    ]


def form_decision(root: Widget, action: Action, today: dt.date) -> tuple[Decision | None, dict[str, str]]:
    """The decision typed into the form under `root` (made by `review_widgets` for
    `action`), or None and {row: problem}."""
    errors: dict[str, str] = {}
    values: dict = {}
    for name, field in (("progress", "progress"), ("next", "review_date"), ("deadline", "deadline")):
        try:
            values[name] = parse_value(Action, field, root.query_one(f"#in-{name}", Input).value, today)
        except InvalidValue as problem:
            errors[name] = problem.message
    if values.get("progress") is not None and not 0 <= values["progress"] <= 100:
        errors["progress"] = t("value.range", low=0, high=100)
    verdict = str(root.query_one("#in-verdict", Select).value)
    act = parse_value(Action, "description", edited(root.query_one("#in-act", Input).value, action.pdsa.get("act", "")))
    if verdict == "stop" and not act.strip():
        errors["act"] = t("review.stop_reason")
    if errors:
        return None, errors
    study = parse_value(Action, "description",
                        edited(root.query_one("#in-study", Input).value, action.pdsa.get("study", "")))
    owner = parse_value(Action, "owner", root.query_one("#in-owner", Input).value)
    return Decision(verdict=verdict, progress=values["progress"], study=study or None, act=act or None,
                    next_review=values["next"], owner=owner or None, deadline=values["deadline"]), {}


def field_input(name: str, value: str = "", placeholder: str = "", classes: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=f"in-{name}", classes=classes, select_on_focus=False, compact=True)
