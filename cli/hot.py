"""The bodies of `spiegel list` and `spiegel add`, shared by the click commands and
the click-free fast path (cli.fast). Nothing here imports click."""

from __future__ import annotations

import sys

from cli.settings import Settings, make_store, today as settings_today


class UsageProblem(Exception):
    """The command line is incomplete; shown as one line with a pointer to --help."""

    def __init__(self, message: str, command: str) -> None:
        super().__init__(message)
        self.command = command


def run_list(settings: Settings, unit=None, overdue=False, owner=None, statuses=(), phase=None, route=None,
             search="", as_json=False) -> None:
    """Actions, by deadline; records that cannot be read are named on stderr."""
    from store.model.queries import ActionFilter, select
    from store.model.records import Action
    from store.model.vocab import Status

    # The input checked before the store is opened: bad input never reaches the data.
    flt = ActionFilter(
        text=search, owner=owner or "", status=tuple(Status.parse(s, "status") for s in statuses),
        phase=phase, route=route, overdue=overdue,
    )
    store = make_store(settings)
    slug = store.resolve_unit(unit) if unit else None
    today = store.today()
    skipped: list = []
    where = flt.doc_prefilter(today)
    if as_json:  # every field, so the records themselves
        found = store.records(Action, slug, where=where, skipped=skipped)
    else:
        found = store.listed_actions(slug, where=where, skipped=skipped)
    actions = select(found, flt, today)
    from cli.output import fail

    for problem in skipped:  # on stderr, so a script reading stdout still gets clean data
        fail(str(problem))
    if as_json:
        from cli.output import print_json
        from store.model import rules

        print_json([{**a.to_doc(), "unit": a.unit, "overdue": rules.is_overdue(a, today)} for a in actions])
        return
    from cli.render import action_rows

    action_rows(actions, today, show_unit=slug is None)


def run_add(settings: Settings, title: str, unit=None, owner="", due=None, phase=1, route=1, from_id=None) -> None:
    """A new action, durable when this returns; prints its id."""
    from store.model.fields import parse_value
    from store.model.records import Action

    action = Action(title=title, owner=owner, phase=phase, route=route)
    if due:  # checked before the store is opened: bad input never reaches the data
        action.deadline = parse_value(Action, "deadline", due, settings_today(settings))
    store = make_store(settings)
    if from_id:
        from store.moments.workflows import actions_from_finding

        created = actions_from_finding(store, from_id, [action])[0]
    else:
        created = store.add(action, _unit_for_add(store, unit))
    sys.stdout.write(created.id + "\n")


def _unit_for_add(store, unit: str | None) -> str:
    if unit:
        return store.resolve_unit(unit)
    slugs = store.slugs()
    if len(slugs) == 1:
        return slugs[0]
    from store.i18n import t

    raise UsageProblem(t("add.unit_needed"), "add")
