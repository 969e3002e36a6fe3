"""The feedback document for the participants of a meeting (*terugkoppeling*): what
goes well, each leerpunt with what is being done about it (its actions: title,
status in plain words, deadline), the first quick wins, the participants' tips, and
the points parked or declined with their reasons. Written for patients: plain words,
no ids, no owners, no staff-internal notes (meeting notes, PDSA notes and action
descriptions stay out).

`feedback_document` is a pure function of records (golden-file tested);
`write_feedback` reads the store and writes Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
import os

from store.model.compare import own_theme
from store.i18n import language, t
from store.model.records import Action, Finding, Meeting, Unit, id_number
from store.exchange.reports.document import Document
from store.exchange.reports.output import write_report
from store.model.vocab import FindingKind, FindingState, Status

FORMATS = ("md", "html")


def feedback_document(meeting: Meeting, unit: Unit, findings: list[Finding], actions: list[Action],
                      today: dt.date) -> Document:
    """The document for `meeting`; `findings` and `actions` may be the whole unit's."""
    held = _long_date(meeting.date) if meeting.date else ""
    theme = meeting.theme.strip()
    doc = Document(
        t("feedback.title", theme=theme) if theme else t("feedback.title_plain"),
        subtitle=t("feedback.subtitle", unit=unit.name, format=meeting.format.label, date=held),
        made_on=today, lang=language(),
    )
    doc.paragraph(t("feedback.intro", format=meeting.format.label, date=held))
    if meeting.participants:
        doc.paragraph(t("feedback.participants", n=meeting.participants))
    own = sorted((f for f in findings if f.meeting == meeting.id), key=lambda f: id_number(f.id))
    by_finding: dict[str, list[Action]] = {}
    for action in sorted(actions, key=lambda a: id_number(a.id)):
        for finding_id in action.findings:
            by_finding.setdefault(finding_id, []).append(action)

    # Quick wins first, of every kind (a tip can be one as well as a leerpunt): what
    # participants see changing soonest (domain.md: "the first quick wins").
    quick = [f.text for f in own if f.quick_win and f.state not in _NOT_NOW]
    if quick:
        doc.heading(t("feedback.quick_wins")).bullets(quick)

    positive = [f.text for f in own if f.kind == FindingKind.POSITIVE]
    doc.heading(t("feedback.positive"))
    doc.bullets(positive) if positive else doc.paragraph(t("feedback.positive_none"), quiet=True)

    points = [f for f in own if f.kind == FindingKind.LEERPUNT and f.state not in _NOT_NOW]
    doc.heading(t("feedback.points"))
    if not points:
        doc.paragraph(t("feedback.points_none"), quiet=True)
    for number, point in enumerate(points, 1):
        title = own_theme(point, meeting).strip()  # the meeting's own theme is the title already
        doc.heading(t("feedback.point_theme", number=number, theme=title) if title
                    else t("feedback.point", number=number), level=3)
        doc.paragraph(point.text)
        answered = [_action_line(a, today) for a in by_finding.get(point.id, [])]
        doc.bullets(answered) if answered else doc.paragraph(t("feedback.no_action_yet"), quiet=True)

    tips = [f.text for f in own if f.kind in (FindingKind.TIP, FindingKind.RECOMMENDATION)]
    if tips:
        doc.heading(t("feedback.tips")).bullets(tips)
    not_now = [f for f in own if f.kind == FindingKind.LEERPUNT and f.state in _NOT_NOW]
    if not_now:
        doc.heading(t("feedback.not_now")).bullets([
            t("feedback.parked" if f.state == FindingState.PARKED else "feedback.declined",
              text=f.text, reason=mid_sentence(f.reason.strip())) for f in not_now])
    doc.paragraph(t("feedback.closing"))
    if unit.contact.strip():
        doc.paragraph(t("feedback.contact", contact=unit.contact.strip()))
    return doc


def mid_sentence(text: str) -> str:
    """A reason typed as a sentence ('Eerst de telefoon') continues one ('voorlopig
    niet: eerst de telefoon'): its capital goes, unless the word is all capitals or
    a name-like word with more capitals ('NPA', 'PoZoB')."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


_NOT_NOW = (FindingState.PARKED, FindingState.DECLINED)


def _action_line(action: Action, today: dt.date) -> str:
    status = t(f"feedback.status.{action.status.value}")
    if action.deadline and action.status not in (Status.DONE, Status.STOPPED):
        return t("feedback.action_deadline", title=action.title, status=status, date=_long_date(action.deadline))
    return t("feedback.action", title=action.title, status=status)


def _long_date(day: dt.date) -> str:
    """'12 november 2026': a letter to patients names the year (store.dates' months)."""
    from store.dates import long_date

    return long_date(day)


def document_for(store, meeting_id: str) -> Document:
    from store.model.feedback_duty import meeting_of

    meeting = meeting_of(store, meeting_id)
    unit = meeting.unit
    return feedback_document(meeting, store.unit(unit), store.records(Finding, unit),
                             store.records(Action, unit), store.today())


def write_feedback(store, meeting_id: str, path: str | os.PathLike, fmt: str = "md") -> str:
    """Write the feedback of a meeting to `path` as Markdown or HTML; the path written."""
    return write_report(path, document_for(store, meeting_id).render(fmt))


def write_both(store, meeting_id: str, folder: str | os.PathLike) -> tuple[str, str]:
    """The app's way: Markdown and HTML side by side in `folder`, named after the meeting."""
    doc = document_for(store, meeting_id)
    base = os.path.join(os.fspath(folder), t("feedback.file", id=meeting_id.strip().upper()))
    return write_report(base + ".md", doc.render("md")), write_report(base + ".html", doc.render("html"))
