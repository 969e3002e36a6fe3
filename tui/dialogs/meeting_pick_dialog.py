"""Pick one meeting of a unit (to compare with): a list of the other meetings,
newest first; Enter picks, Escape goes back without a choice."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.i18n import t
from store.model.records import Meeting
from tui.bindings import localize_bindings
from tui.widgets.meeting_table import meeting_label


class MeetingPickDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.back", tooltip="tui.tip.close_dialog", id="pick.cancel"),
    ]
    DEFAULT_CSS = """
    MeetingPickDialog { align: center middle; }
    MeetingPickDialog > Vertical { width: 76; height: auto; max-height: 20; border: round $accent;
                                   background: $surface; padding: 0 1; }
    MeetingPickDialog OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, title: str, meetings: list[Meeting], today) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text, self.meetings, self.today = title, meetings, today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, markup=False)
            # Text prompts: a theme is user text, never markup.
            yield OptionList(*(Option(Text(f"{m.id:<6} {meeting_label(m, self.today)}"), id=m.id)
                               for m in self.meetings), id="pick-list")
            yield Static(t("tui.compare.pick_hint"), markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
