"""`spiegel meetings`: add, list, show and edit the meetings of a unit.

    spiegel meetings add --unit linde --datum "12 nov" --thema Bereikbaarheid --deelnemers 9
    spiegel meetings list [--unit linde] [--json]
    spiegel meetings show M-3 [--json]
    spiegel meetings edit M-3 --terugkoppeling-verstuurd vandaag [--rev 2]

Every field of a meeting has its option; dates follow store/model/fields.py (a meeting
date without a year is the latest such date, a feedback due date the next one).
The rules of thumb (store/model/advice.py) are printed as advice on stderr: they never
stop a save. Help texts: cli/words/ (`meetings`, `findings` and `serve`)."""

from __future__ import annotations

import click

from cli.params import data_dir_option, options, settings
from cli.settings import make_store
from cli.spec import JSON

# (flags, field): every Meeting field a user types. Dutch flag first, English beside it.
MEETING_OPTIONS = (
    (("--datum", "--date"), "date"),
    (("--vorm", "--format"), "format"),
    (("--thema", "--theme"), "theme"),
    (("--deelnemers", "--participants"), "participants"),
    (("--toehoorders", "--listeners"), "listeners"),
    (("--gespreksleider", "--facilitator"), "facilitator"),
    (("--notulist", "--minute-taker"), "minute_taker"),
    (("--duur", "--duration"), "duration_min"),
    (("--rondes", "--rounds"), "rounds"),
    (("--invoer", "--inputs"), "inputs"),
    (("--terugkoppeling", "--feedback-due"), "feedback_due"),
    (("--terugkoppeling-verstuurd", "--feedback-sent"), "feedback_sent"),
    (("--notities", "--notes"), "notes"),
    (("--organisator", "--organiser"), "organiser"),
    (("--afspiegeling", "--representation"), "afspiegeling"),
    (("--werkenden", "--working-target"), "working_target"),
    (("--begintijd", "--start-time"), "start_time"),
)


def meeting_options(func):
    """Every meeting field as an option, plus the repeatable --vraag (one question each:
    a question may hold a comma)."""
    for flags, name in reversed(MEETING_OPTIONS):
        func = click.option(*flags, name, metavar=_METAVARS.get(name, "TEKST"))(func)
    return click.option("--vraag", "--question", "questions", multiple=True, metavar="TEKST")(func)


_METAVARS = {"date": "DATUM", "feedback_due": "DATUM", "feedback_sent": "DATUM", "participants": "N",
             "listeners": "N", "duration_min": "MIN", "rounds": "N", "format": "VORM",
             "organiser": "WIE", "working_target": "JA|NEE", "start_time": "UU:MM"}


@click.group()
def meetings():
    """Meetings of a unit (help: cli.help.meetings)."""


@meetings.command("add")
@click.option("--unit", metavar="EENHEID")
@meeting_options
@data_dir_option
@click.pass_context
def add_meeting(ctx, unit, data_dir, questions, **typed):
    """A new meeting; prints its id, then any advice on stderr."""
    from store.model.records import Meeting

    from store.i18n import t

    store = make_store(settings(ctx, data_dir))
    if typed["date"] is None:
        raise click.UsageError(t("cli.work.date_needed"))
    values = _parsed(store, typed, questions)
    slug = _unit(store, unit)
    saved = store.add(Meeting(**values), slug)
    click.echo(saved.id)
    _advise(saved, store.today())


@meetings.command("edit")
@click.argument("meeting_id", metavar="ID")
@meeting_options
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def edit_meeting(ctx, meeting_id, rev, data_dir, questions, **typed):
    """Change fields of a meeting as it is now (or at --rev: else a conflict)."""
    from store.moments.capture import find_meeting
    from store.i18n import t

    store = make_store(settings(ctx, data_dir))
    find_meeting(store, meeting_id)  # an A- or L-id is told so, not edited
    values = _parsed(store, typed, questions)
    if not values:
        raise click.UsageError(t("edit.nothing"))
    saved = store.change(meeting_id, values, rev=rev)
    click.echo(f"{saved.id} rev {saved.rev}")
    _advise(saved, store.today())


@meetings.command("list")
@click.option("--unit", metavar="EENHEID")
@data_dir_option
@options((JSON,))
@click.pass_context
def list_meetings(ctx, unit, data_dir, as_json):
    """Meetings, the latest first."""
    from cli.output import fail
    from store.model.records import Finding, Meeting

    store = make_store(settings(ctx, data_dir))
    slug = store.resolve_unit(unit) if unit else None
    skipped: list = []
    found = store.records(Meeting, slug, skipped=skipped)
    counts: dict[str, int] = {}
    for finding in store.records(Finding, slug, skipped=[]):
        counts[finding.meeting] = counts.get(finding.meeting, 0) + 1
    for problem in skipped:
        fail(str(problem))
    found.sort(key=lambda m: (m.date is not None, m.date, m.id), reverse=True)
    if as_json:
        from cli.output import print_json

        print_json([{**m.to_doc(), "unit": m.unit, "findings": counts.get(m.id, 0)} for m in found])
        return
    from cli.work_render import meeting_rows

    meeting_rows(found, counts, store.today(), show_unit=slug is None)


@meetings.command("show")
@click.argument("meeting_id", metavar="ID")
@data_dir_option
@options((JSON,))
@click.pass_context
def show_meeting(ctx, meeting_id, data_dir, as_json):
    """Every field, the advice, the meeting's findings and the change log."""
    from store.model.advice import meeting_advice
    from store.moments.capture import find_meeting
    from store.model.records import Finding

    store = make_store(settings(ctx, data_dir))
    meeting = find_meeting(store, meeting_id)
    findings = store.records(Finding, meeting.unit, where=lambda doc: doc.get("meeting") == meeting.id)
    advice = meeting_advice(meeting, store.today())
    if as_json:
        from cli.output import print_json

        print_json({**meeting.to_doc(), "unit": meeting.unit, "advice": [a.message for a in advice],
                    "findings": [{**f.to_doc(), "unit": f.unit} for f in findings]})
        return
    from cli.work_render import meeting_details

    meeting_details(meeting, findings, advice, store.today())


def _parsed(store, typed: dict, questions: tuple[str, ...]) -> dict:
    """The options that were given, parsed by the store's field parsers (one rule for
    every date, number and choice: store/model/fields.py)."""
    from store.model.fields import parse_value
    from store.model.records import Meeting

    today = store.today()
    values = {name: parse_value(Meeting, name, text, today) for name, text in typed.items() if text is not None}
    if questions:
        values["questions"] = parse_value(Meeting, "questions", [q for q in questions if q != "-"], today)
    return values


def _unit(store, unit: str | None) -> str:
    """The unit named (or part of its name), or the only one there is."""
    if unit:
        return store.resolve_unit(unit)
    slugs = store.slugs()
    if len(slugs) == 1:
        return slugs[0]
    from store.i18n import t

    raise click.UsageError(t("add.unit_needed"))


def _advise(meeting, today) -> None:
    """The rules of thumb the meeting does not follow, one line each on stderr."""
    from cli.output import fail
    from store.model.advice import meeting_advice
    from store.i18n import t

    for advice in meeting_advice(meeting, today):
        fail(t("cli.work.advice", text=advice.message))
