"""`spiegel findings`: capture what a meeting yielded and decide on each leerpunt.

    spiegel findings capture M-3 "- lange wachttijd aan de telefoon" "+ vriendelijke balie"
    spiegel findings capture M-3 - < notulen.txt          # one finding per line from stdin
    spiegel findings list [--unit linde] [--state open] [--meeting M-3] [--json]
    spiegel findings act L-7 [--title …]… [--owner Sanne] [--due "wk 12"]
    spiegel findings link L-7 A-12
    spiegel findings park L-7 --reason "eerst de nieuwe telefooncentrale"
    spiegel findings decline L-7 --reason "valt buiten de praktijk"

Lines are read as in the app's fast capture (store/moments/capture.py); every decision is
one store workflow (store/moments/workflows.py), with `--rev` checked under the unit's lock.
Help texts: cli/words/ (`meetings`, `findings` and `serve`)."""

from __future__ import annotations

import click

from cli.params import data_dir_option, options, settings
from cli.settings import make_store
from cli.spec import JSON

rev_option = click.option("--rev", type=int, metavar="N")


@click.group()
def findings():
    """Findings of meetings (help: cli.help.findings)."""


class LineArguments(click.Command):
    """A typed line may start with '-' ("- lange wachttijd", "-5 minuten"): an argument
    that starts with a dash and then no letter or dash is a line, never an option.
    ("-lange" is click's to judge as an option; `--` before it makes it a line.)"""

    MARK = "\0line:"  # argv cannot hold NUL, so nothing typed looks like this

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        marked = [self.MARK + a if len(a) > 1 and a[0] == "-" and not (a[1].isalpha() or a[1] == "-") else a
                  for a in args]
        return super().parse_args(ctx, marked)


@findings.command("capture", cls=LineArguments)
@click.argument("meeting_id", metavar="BIJEENKOMST")
@click.argument("lines", nargs=-1, required=True, metavar="REGEL...")
@click.option("--soort", "--kind", "kind", default=None, metavar="SOORT")
@data_dir_option
@click.pass_context
def capture(ctx, meeting_id, lines, kind, data_dir):
    """Each LINE a finding of the meeting; '-' reads lines from stdin."""
    from cli.output import echo
    from store.moments.capture import capture_lines
    from store.i18n import t
    from store.model.vocab import FindingKind

    store = make_store(settings(ctx, data_dir))
    default = FindingKind.parse(kind, "kind") if kind else FindingKind.LEERPUNT
    typed: list[str] = []
    for line in (line.removeprefix(LineArguments.MARK) for line in lines):
        typed.extend(_stdin_lines() if line == "-" else line.splitlines())
    saved = capture_lines(store, meeting_id, typed, default)
    for finding in saved:
        quick = f" ({t('cli.work.quick_win')})" if finding.quick_win else ""
        echo(f"{finding.id}  {finding.kind.label}{quick}  {finding.text}")


def _stdin_lines() -> list[str]:
    """stdin as lines; bytes that are not UTF-8 are a clear error, not a traceback."""
    import sys

    from store.errors import InvalidValue
    from store.i18n import t

    try:
        return sys.stdin.buffer.read().decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InvalidValue("stdin", t("cli.work.stdin_not_utf8")) from None


@findings.command("list")
@click.option("--unit", metavar="EENHEID")
@click.option("--state", "--toestand", "states", multiple=True, metavar="TOESTAND")
@click.option("--soort", "--kind", "kinds", multiple=True, metavar="SOORT")
@click.option("--meeting", "--bijeenkomst", "meeting_id", metavar="BIJEENKOMST")
@data_dir_option
@options((JSON,))
@click.pass_context
def list_findings(ctx, unit, states, kinds, meeting_id, data_dir, as_json):
    """Findings, by meeting; --state open gives the untreated ones."""
    from cli.output import fail
    from store.model.records import Finding, id_number
    from store.model.vocab import FindingKind, FindingState

    store = make_store(settings(ctx, data_dir))
    slug = store.resolve_unit(unit) if unit else None
    wanted_states = {FindingState.parse(s, "state") for s in states}
    wanted_kinds = {FindingKind.parse(k, "kind") for k in kinds}
    if meeting_id:
        from store.moments.capture import find_meeting

        meeting_id = find_meeting(store, meeting_id).id
    skipped: list = []
    found = [f for f in store.records(Finding, slug, skipped=skipped)
             if (not wanted_states or f.state in wanted_states) and (not wanted_kinds or f.kind in wanted_kinds)
             and (not meeting_id or f.meeting == meeting_id)]
    for problem in skipped:
        fail(str(problem))
    found.sort(key=lambda f: id_number(f.id))
    if as_json:
        from cli.output import print_json

        print_json([{**f.to_doc(), "unit": f.unit} for f in found])
        return
    from cli.work_render import finding_rows

    finding_rows(found, show_unit=slug is None)


@findings.command("act")
@click.argument("finding_id", metavar="LEERPUNT")
@click.option("--title", "--titel", "titles", multiple=True, metavar="TITEL")
@click.option("--owner", "--eigenaar", "owner", default=None, metavar="NAAM")
@click.option("--due", "--deadline", "due", default=None, metavar="DATUM")
@click.option("--route", type=click.IntRange(1, 4), default=None, metavar="1-4")
@click.option("--fase", "--phase", "phase", type=click.IntRange(1, 4), default=None, metavar="1-4")
@rev_option
@data_dir_option
@click.pass_context
def act(ctx, finding_id, titles, owner, due, route, phase, rev, data_dir):
    """Turn a leerpunt into actions (one per --title 'titel;eigenaar;deadline'; without:
    its own text). --route and --fase for all of them; the phase defaults to the
    unit's phase for the route."""
    from store.model.fields import parse_value
    from store.model.records import Action, Finding, record_type
    from store.moments.workflows import actions_from_finding, parse_action_line

    store = make_store(settings(ctx, data_dir))
    deadline = parse_value(Action, "deadline", due, store.today()) if due else None
    owner = parse_value(Action, "owner", owner) if owner else None
    actions = [parse_action_line(title, store.today()).action() for title in titles]
    if not titles and record_type(finding_id) is Finding:  # as the app's dialog starts: the leerpunt itself
        actions = [Action(title=parse_value(Action, "title", store.get(finding_id).text))]
    created = actions_from_finding(store, finding_id, actions, rev=rev, owner=owner, deadline=deadline, route=route,
                                   phase=phase)
    click.echo(" ".join(action.id for action in created))


@findings.command("link")
@click.argument("finding_id", metavar="LEERPUNT")
@click.argument("action_id", metavar="ACTIE")
@rev_option
@data_dir_option
@click.pass_context
def link(ctx, finding_id, action_id, rev, data_dir):
    """Link a leerpunt to an existing action of its unit."""
    from store.moments.workflows import link_finding

    action = link_finding(make_store(settings(ctx, data_dir)), finding_id, action_id, rev=rev)
    click.echo(f"{finding_id.strip().upper()} → {action.id}")


@findings.command("park")
@click.argument("finding_id", metavar="LEERPUNT")
@click.option("--reason", "--reden", "reason", required=True, metavar="TEKST")
@rev_option
@data_dir_option
@click.pass_context
def park(ctx, finding_id, reason, rev, data_dir):
    """Put a leerpunt aside, with the reason participants hear."""
    from store.moments.workflows import park_finding

    _closed(park_finding(make_store(settings(ctx, data_dir)), finding_id, reason, rev=rev))


@findings.command("decline")
@click.argument("finding_id", metavar="LEERPUNT")
@click.option("--reason", "--reden", "reason", required=True, metavar="TEKST")
@rev_option
@data_dir_option
@click.pass_context
def decline(ctx, finding_id, reason, rev, data_dir):
    """Decide not to act on a leerpunt, with the reason participants hear."""
    from store.moments.workflows import decline_finding

    _closed(decline_finding(make_store(settings(ctx, data_dir)), finding_id, reason, rev=rev))


def _closed(finding) -> None:
    from cli.output import echo

    echo(f"{finding.id} {finding.state.label} rev {finding.rev}")
