"""Going to a screen from anywhere (the command palette): the one place that knows
which screens a unit has and how to build them."""

from __future__ import annotations

import importlib

from textual.app import App
from textual.screen import Screen

from store.i18n import t

# kind -> catalog key of its name in the palette ("Acties: De Hoek")
UNIT_SCREENS = {
    "dashboard": "tui.palette.dashboard",
    "actions": "tui.palette.actions",
    "meetings": "tui.palette.meetings",
    "inbox": "tui.palette.inbox",
    "kpis": "tui.palette.kpis",
    "board": "tui.palette.board",
    "visit": "visit.palette",
    "teams": "tui.palette.teams",
    "review": "tui.palette.review",
}


# kind -> the screen's class as "module:Class", imported when it is opened: the screens
# use this module (OpensUnitScreens) and it names them without importing them, so the
# app has no import circle (docs/architecture.md) and opening the app imports no screen
# before it is shown.
SCREEN_CLASSES = {
    "dashboard": "tui.screens.dashboard_screen:DashboardScreen",
    "board": "tui.screens.board_screen:BoardScreen",
    "actions": "tui.screens.actions_screen:ActionsScreen",
    "meetings": "tui.screens.meetings_screen:MeetingsScreen",
    "inbox": "tui.screens.inbox_screen:InboxScreen",
    "kpis": "tui.screens.kpi_screen:KpiListScreen",
    "visit": "tui.screens.visit_screen:VisitScreen",
    "teams": "tui.screens.teams_screen:TeamsScreen",
    "review": "tui.screens.review_screen:ReviewScreen",
}
# Screens whose third argument is not the unit's name take it by keyword.
_NAME_KEYWORD = {"kpis": "unit_name"}


def build_unit_screen(app: App, kind: str, slug: str, name: str) -> Screen:
    if kind not in SCREEN_CLASSES:
        raise ValueError(f"no unit screen {kind!r}")
    module, _, cls = SCREEN_CLASSES[kind].partition(":")
    screen_class = getattr(importlib.import_module(module), cls)
    if kind in _NAME_KEYWORD:
        return screen_class(app.store, slug, **{_NAME_KEYWORD[kind]: name})
    return screen_class(app.store, slug, name)


class OpensUnitScreens:
    """For a screen of one unit (it has `slug` and `unit_name`): the action
    `open('meetings')` puts that screen of the same unit on top."""

    def action_open(self, kind: str) -> None:
        self.app.push_screen(build_unit_screen(self.app, kind, self.slug, self.unit_name))  # type: ignore[attr-defined]


def open_unit_screen(app: App, kind: str, slug: str, name: str) -> None:
    _go(app, build_unit_screen(app, kind, slug, name))


def open_all_inbox(app: App) -> None:
    from tui.screens.inbox_screen import InboxScreen

    _go(app, InboxScreen(app.store, None, t("tui.inbox.all_units")))


def open_portfolio(app: App) -> None:
    """Back to the first screen, closing every other one: asked first when any of
    them holds typed edits."""
    if not has_unsaved(app):
        _back_to_portfolio(app)
        return
    from tui.dialogs.yes_no_dialog import YesNoDialog

    question = YesNoDialog(t("tui.palette.ask_close"), t("tui.confirm.discard"), t("tui.confirm.stay"))
    app.push_screen(question, lambda yes: _back_to_portfolio(app) if yes else None)


def _go(app: App, screen: Screen) -> None:
    """Open `screen` on top of the one the user is on: Escape leads back there, and
    nothing open is closed, so no typed edit is lost on the way."""
    app.push_screen(screen)


def _back_to_portfolio(app: App) -> None:
    while len(app.screen_stack) > 2:  # [default screen, portfolio, ...]
        app.pop_screen()


def has_unsaved(app: App) -> bool:
    """Whether any open screen holds typed edits that are not saved."""
    return any(getattr(s, "has_unsaved_changes", lambda: False)() for s in app.screen_stack)
