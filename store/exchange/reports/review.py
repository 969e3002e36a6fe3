"""The evaluation meeting's overview: what was decided about each action in the
review queue (store/moments/reviews.py), and what was skipped, as Markdown or HTML."""

from __future__ import annotations

import datetime as dt

from store.i18n import language, t
from store.exchange.reports.document import Document
from store.moments.reviews import Outcome
from store.model.runchart import quantity
from store.model.vocab import Status


def meeting_outcomes(store, slug: str, held: dt.date) -> list[Outcome]:
    """The meeting of `held` as the store keeps it, for `spiegel review -o`: the
    unit's actions evaluated that day (with the KPI values dated that day), then
    those still due for review, as not yet decided."""
    from store.model.queries import sort_key
    from store.model.records import Action, Kpi
    from store.moments.reviews import queue

    kpis: dict[str, list[Kpi]] = {}
    for kpi in store.records(Kpi, slug):
        kpis.setdefault(kpi.action, []).append(kpi)
    outcomes = []
    for action in sorted(store.records(Action, slug), key=sort_key):
        if action.evaluated_on == held:
            values = [(kpi.name, quantity(m.value, kpi.measure_unit)) for kpi in kpis.get(action.id, [])
                      for m in kpi.measurements if m.date == held]
            outcomes.append(Outcome(action, values=values))
    decided = {o.action.id for o in outcomes}
    return outcomes + [Outcome(i.action, skipped=True) for i in queue(store, slug) if i.action.id not in decided]


def review_document(unit_name: str, held: dt.date, outcomes: list[Outcome], made_on: dt.date) -> Document:
    """The overview of one meeting: a table of the decisions, then per action its
    study and act notes and the values entered; skipped actions last."""
    from store.dates import month_name

    def day(d: dt.date | None) -> str:  # a document outlives the meeting: always with its year
        return f"{d.day} {month_name(d.month, short=False)} {d.year}" if d else t("report.review.none")

    doc = Document(t("report.review.title", unit=unit_name), subtitle=t("report.review.held", date=day(held)),
                   made_on=made_on, lang=language())
    decided = [o for o in outcomes if not o.skipped]
    skipped = [o for o in outcomes if o.skipped]
    doc.heading(t("report.review.decisions"))
    if not decided:
        doc.paragraph(t("report.review.no_decisions"), quiet=True)
    else:
        doc.table([t("report.review.col.action"), t("report.review.col.status"), t("report.review.col.progress"),
                   t("report.review.col.next")],
                  [[f"{o.action.id} {o.action.title}", o.action.status.label, f"{o.action.progress}%",
                    day(o.action.review_date)] for o in decided])
        for outcome in decided:
            action = outcome.action
            doc.heading(f"{action.id} {action.title}", level=3)
            items = []
            if action.owner:
                items.append(t("report.review.owner", owner=action.owner))
            if outcome.verdict in ("continue", "adjust"):
                items.append(t(f"report.review.verdict.{outcome.verdict}"))
            if action.status == Status.STOPPED:
                items.append(t("report.review.stopped", reason=action.pdsa.get("act", "")))
            else:
                if action.status in (Status.PLANNED, Status.IN_PROGRESS) and action.review_date is None:
                    items.append(t("report.review.no_next"))
                for part in ("study", "act"):
                    if action.pdsa.get(part):
                        items.append(t(f"report.review.{part}", text=action.pdsa[part]))
            items += [t("report.review.value", kpi=name, value=value) for name, value in outcome.values]
            doc.bullets(items) if items else doc.paragraph(t("report.review.unchanged"), quiet=True)
    if skipped:
        doc.heading(t("report.review.skipped"))
        doc.bullets([f"{o.action.id} {o.action.title}" for o in skipped])
    return doc
