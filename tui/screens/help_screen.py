"""Help built from the bindings that are active where `?` was pressed, so it
cannot drift from the real keys (posting's help_screen.py does the same)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import t
from tui.bindings import localize_bindings


@dataclass(frozen=True)
class HelpEntry:
    keys: str
    description: str
    tooltip: str


def help_entries(app: App, active: dict[str, ActiveBinding]) -> list[HelpEntry]:
    """One entry per distinct command; keys of the same command are joined ('? f1')."""
    merged: dict[tuple[str, str], list[str]] = {}
    tips: dict[tuple[str, str], str] = {}
    for active_binding in active.values():
        binding = active_binding.binding
        if binding.system or not binding.description:
            continue  # Textual's own ctrl+q / ctrl+c / palette keys
        ident = (binding.action, binding.description)
        shown = app.get_key_display(binding)
        if "super+" in shown:  # the Mac's cmd key, which a terminal does not pass on
            continue
        merged.setdefault(ident, []).append(shown)
        tips.setdefault(ident, active_binding.tooltip or binding.tooltip)
    return [HelpEntry(" ".join(keys), ident[1], tips[ident]) for ident, keys in merged.items()]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "tui.key.close", tooltip="tui.tip.close"),
    ]

    def __init__(self, entries: list[HelpEntry]) -> None:
        super().__init__()
        localize_bindings(self)
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("tui.help.title"), id="help-title", markup=False)
            with VerticalScroll(id="help-body"):
                yield Static(self._body(), markup=False)
            yield Static(t("tui.help.hint"), id="help-hint", markup=False)

    def _body(self) -> Table:
        # A grid keeps wrapped explanations indented under their own column.
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for entry in self.entries:
            tip = entry.tooltip if entry.tooltip != entry.description else ""
            grid.add_row(Text(entry.keys), Text(entry.description), Text(tip))
        return grid

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
