"""The inbox's modals, each about one leerpunt: turn it into actions (one title
per line), link it to an existing action, or give the reason to park or decline it.
Every text from the store is shown literally (Text, markup=False)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from store.i18n import t
from store.model.records import Action, Finding
from store.persistence.repository import Store
from store.text import clean_line, edited, for_editing, visible_line
from tui.bindings import localize_bindings
from tui.dialogs.discard_dialog import KeepsTypedWork


class FindingDialog(KeepsTypedWork, ModalScreen):
    """Title, the leerpunt quoted, an editor, a line for errors and one for keys."""

    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="dialog.cancel")]
    HINT = ""

    def __init__(self, title: str, finding: Finding) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text = title
        self.finding = finding

    def compose(self) -> ComposeResult:
        with Vertical(classes="sp-dialog"):
            yield Static(Text(self.title_text), classes="sp-dialog-title")
            yield Static(Text(visible_line(self.finding.text)), classes="sp-dialog-quote")
            yield from self.editor()
            yield Static("", classes="sp-dialog-error", markup=False)
            yield Static(t(self.HINT), classes="sp-dialog-hint", markup=False)

    def editor(self) -> ComposeResult:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one(".sp-dialog-error", Static).update(Text(message))

    def action_cancel(self) -> None:
        self.cancel_keeping_work()


class TitlesDialog(FindingDialog):
    """Returns the action titles (one per non-empty line), or None."""

    BINDINGS = [Binding("ctrl+s", "confirm", "tui.key.create", tooltip="tui.tip.create_actions", id="dialog.create")]
    HINT = "tui.dialog.titles_hint"

    def editor(self) -> ComposeResult:
        self.source = clean_line(self.finding.text)  # shown marked, read back as shown (store.text.edited)
        yield TextArea(for_editing(self.source), id="titles", soft_wrap=True, tab_behavior="focus",
                       show_line_numbers=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_confirm(self) -> None:
        typed = edited(self.query_one(TextArea).text, self.source)
        titles = [line for line in (clean_line(x) for x in typed.splitlines()) if line]
        if not titles:
            self.show_error(t("tui.dialog.titles_required"))
            return
        self.dismiss(titles)


class ReasonDialog(FindingDialog):
    """Returns the reason to park or decline (never empty), or None."""

    HINT = "tui.dialog.reason_hint"

    def editor(self) -> ComposeResult:
        yield Input(placeholder=t("tui.dialog.reason_placeholder"), id="reason")

    @on(Input.Submitted)
    def _confirm(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self.show_error(t("tui.dialog.reason_required"))
            return
        self.dismiss(reason)


class LinkDialog(FindingDialog):
    """Returns the id of an existing action of the same unit, or None. Type its id
    (A-12, or just 12) or words of its title; Enter links when one action fits."""

    HINT = "tui.dialog.link_hint"

    def __init__(self, title: str, finding: Finding, store: Store) -> None:
        super().__init__(title, finding)
        self.store = store
        self.actions: dict[str, str] | None = None

    def editor(self) -> ComposeResult:
        yield Input(placeholder=t("tui.dialog.link_placeholder"), id="action-id")
        yield Static("", classes="sp-dialog-matches", markup=False)

    def on_mount(self) -> None:
        self.load()

    class ActionsLoaded(Message):
        def __init__(self, titles: dict[str, str]) -> None:
            super().__init__()
            self.titles = titles

    @work(thread=True, exclusive=True, exit_on_error=False, group="link-actions")
    def load(self) -> None:
        actions = self.store.records(Action, unit=self.finding.unit)
        self.post_message(self.ActionsLoaded({a.id: visible_line(a.title) for a in actions}))

    def on_link_dialog_actions_loaded(self, message: ActionsLoaded) -> None:
        self.actions = message.titles
        self._show_matches(self.query_one(Input).value)

    def matches(self, text: str) -> list[str]:
        """Ids of the actions `text` may mean: its id exactly, else every title word."""
        wanted = normalise_id(text)
        if self.actions is None or not text.strip():
            return []
        if wanted in self.actions:
            return [wanted]
        words = text.casefold().split()
        return [i for i, title in self.actions.items() if all(w in title.casefold() for w in words)]

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.show_error("")
        self._show_matches(event.value)

    def _show_matches(self, text: str) -> None:
        found = self.matches(text)
        lines = [f"{i}  {self.actions[i]}" for i in found[:3]] if self.actions else []
        if len(found) > 3:
            lines.append(t("tui.dialog.more", n=len(found) - 3))
        self.query_one(".sp-dialog-matches", Static).update(Text("\n".join(lines)))

    @on(Input.Submitted)
    def _confirm(self, event: Input.Submitted) -> None:
        found = self.matches(event.value)
        if len(found) == 1:
            self.dismiss(found[0])
        elif self.actions is None and event.value.strip():
            self.dismiss(normalise_id(event.value))  # not loaded yet: the store checks it
        elif found:
            self.show_error(t("tui.dialog.link_ambiguous", n=len(found)))
        else:
            self.show_error(t("tui.dialog.link_unknown", text=visible_line(event.value)))


def normalise_id(text: str) -> str:
    """'a-12', 'A12' and '12' all mean A-12."""
    raw = text.strip().upper().replace(" ", "")
    if raw.isdigit():
        return f"A-{raw}"
    if raw.startswith("A") and raw[1:].lstrip("-").isdigit():
        return f"A-{raw[1:].lstrip('-')}"
    return raw
