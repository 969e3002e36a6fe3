"""The spiegel terminal app. Screens live in tui/screens, widgets in tui/widgets;
everything the app knows about data comes from `store.persistence.repository.Store`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding

from store.i18n import set_language, t
from store.persistence.repository import Store
from tui.bindings import localize_bindings
from tui.textual_words import textual_word, translate_textual

STYLES = Path(__file__).parent / "styles"


class SpiegelApp(App[None]):
    TITLE = "spiegel"
    CSS_PATH = [STYLES / "app.tcss", STYLES / "table_screen.tcss", STYLES / "help.tcss", STYLES / "action_detail.tcss",
                STYLES / "meetings.tcss", STYLES / "capture.tcss", STYLES / "inbox.tcss",
                STYLES / "dashboard.tcss", STYLES / "board.tcss", STYLES / "kpi.tcss", STYLES / "io.tcss",
                STYLES / "dialogs.tcss", STYLES / "review.tcss"]
    BINDINGS = [
        # ctrl+q only: a single letter on a list is a command or a hint, never a way out.
        Binding("ctrl+q", "quit", "tui.key.quit", tooltip="tui.tip.quit", id="app.quit", priority=True),
        Binding("question_mark,f1", "help", "tui.key.help", tooltip="tui.tip.help", id="app.help"),
    ]

    # Ours replace Textual's system commands (English-only, and themes/screenshots
    # are not what a practice visit needs); imported when the palette first opens.
    COMMANDS = {lambda: _spiegel_commands()}

    def __init__(self, store: Store) -> None:
        super().__init__()
        localize_bindings(self)
        self.store = store

    typed_ahead: list[tuple[str, str | None]] = []  # (key, character) typed before the app was up (cli/typeahead.py)

    def on_load(self) -> None:
        """Keys typed while spiegel loaded, posted as Textual's driver posts keys and
        before it reads any: the first screen gets them in the order typed."""
        for key, character in self.typed_ahead:
            self.post_message(events.Key(key, character))

    def on_mount(self) -> None:
        from tui.screens.portfolio_screen import PortfolioScreen

        # NO_COLOR: Textual draws in shades of grey, so a highlight that is only a
        # background colour vanishes on a projector; app.tcss marks focus by style.
        self.set_class(self.no_color, "-no-color")

        self.push_screen(PortfolioScreen(self.store))

    def push_screen(self, screen, *args, **kwargs):
        """Every screen: Textual's words of the widget classes its module brought in
        are put into the UI language before its widgets are made (tui/textual_words.py)."""
        translate_textual()
        return super().push_screen(screen, *args, **kwargs)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A steady cursor in text fields: a blinking one redraws its line twice a
        second, ~3 KB per 10 idle seconds over SSH (benchmarks/idle_traffic.py)."""
        if hasattr(event.widget, "cursor_blink"):  # Input, TextArea (public reactives)
            event.widget.cursor_blink = False

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: Textual's own hint how to quit, in our words."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(textual_word("Press {key} to quit the app").format(key=self.get_key_display(active.binding)),
                            title=textual_word("Do you want to quit?"), markup=False)
                return

    async def action_quit(self) -> None:
        """ctrl+q: ask first when a screen holds typed edits that are not saved."""
        from tui.navigation import has_unsaved
        from tui.dialogs.yes_no_dialog import YesNoDialog

        if isinstance(self.screen, YesNoDialog):
            return  # already asking
        if has_unsaved(self):
            question = YesNoDialog(t("tui.detail.ask_quit"), t("tui.confirm.quit"), t("tui.confirm.stay"))
            self.push_screen(question, lambda yes: self.exit() if yes else None)
            return
        self.exit()

    def action_command_palette(self) -> None:
        from tui.commands import SpiegelPalette

        if self.use_command_palette and not SpiegelPalette.is_open(self):
            self.push_screen(SpiegelPalette(id="--command-palette", placeholder=t("tui.palette.placeholder")))

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen, help_entries

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_entries(self, self.screen.active_bindings)))


def _spiegel_commands():
    from tui.commands import SpiegelCommands

    return SpiegelCommands


def make_app(
    data_dir: Path | str,
    *,
    today: dt.date | None = None,
    user: str | None = None,
    lang: str = "nl",
) -> SpiegelApp:
    """Build the app for the CLI and the tests alike (one factory, like posting's)."""
    set_language(lang)  # before any screen is built: bindings translate at __init__
    translate_textual()  # Textual's own key descriptions too, before any widget copies them
    # As given: a data directory, or a database URL that Path would mangle.
    return SpiegelApp(Store(data_dir, user=user, today=today))
