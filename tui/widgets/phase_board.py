"""`PhaseBoard`: four columns, one per implementation phase, with a unit's actions
as one- or two-line cards. Keyboard only: arrows move the cursor, `<`/`>` (or
shift+left/right) ask to move the highlighted action one phase; the screen saves.

At 80 columns a column is about 19 cells: a title that does not fit goes on over a
second line (then cut with an ellipsis), and the screen shows the highlighted action
whole below the board. Every signal is a marker plus a word on the card's last line
("! te laat", "! evalueren"), never colour alone. Drawn as one `Text` per frame:
only the visible cards are built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from store.model.advice import pilot_ending_soon, pilot_overdue
from store.i18n import t
from store.model.queries import sort_key
from store.model.records import Action
from store.model.rules import is_overdue
from store.text import visible_line
from store.model.vocab import PHASES, Status, phase_label
from tui.bindings import localize_bindings
from tui.widgets.table_model import fit

HEADER_LINES = 3  # phase name, counts, rule
STATUS_MARK = {Status.DONE: "✓", Status.STOPPED: "×"}
_STATUS_ORDER = {Status.PLANNED: 0, Status.IN_PROGRESS: 0, Status.DONE: 1, Status.STOPPED: 2}


@dataclass(frozen=True)
class Card:
    action: Action
    flags: tuple[str, ...]  # words, e.g. ("te laat", "evalueren")

    def head(self, gutter: str) -> str:
        return f"{gutter}{STATUS_MARK.get(self.action.status, '')}{self.action.id} {visible_line(self.action.title)}"

    def lines(self, width: int, gutter: str = "  ") -> list[str]:
        """The card in a column `width` wide: its title over at most two lines, then
        its signals in words."""
        head = self.head(gutter)
        found = [fit(head, width, "left")]
        if len(head) > width:  # the rest of the title on a second line, indented
            cut = head.rfind(" ", len(gutter) + 1, width + 1)  # between words: read, not puzzled out
            cut = cut if cut > len(gutter) + len(self.action.id) + 1 else width
            found = [fit(head[:cut], width, "left"), fit("   " + head[cut:].lstrip(), width, "left")]
        if self.flags:
            found.append(fit("   ! " + ", ".join(self.flags), width, "left"))
        return found

    def height(self, width: int) -> int:
        return len(self.lines(width))


def make_card(action: Action, today: dt.date) -> Card:
    flags = []
    if is_overdue(action, today):
        flags.append(t("tui.board.late"))
    if pilot_overdue(action, today):
        flags.append(t("tui.board.evaluate"))
    elif pilot_ending_soon(action, today):
        flags.append(t("tui.board.evaluate_soon"))
    return Card(action, tuple(flags))


def board_columns(actions: list[Action], today: dt.date, route: int | None = None) -> list[list[Card]]:
    """Cards per phase: open actions by deadline, then done, then stopped."""
    chosen = [a for a in actions if route is None or a.route == route]
    ordered = sorted(chosen, key=lambda a: (_STATUS_ORDER[a.status], *sort_key(a)))
    return [[make_card(a, today) for a in ordered if a.phase == phase] for phase in PHASES]


class PhaseBoard(Widget, can_focus=True):
    BINDINGS = [
        Binding("left", "column(-1)", "tui.key.left", tooltip="tui.tip.board_left", show=False),
        Binding("right", "column(1)", "tui.key.right", tooltip="tui.tip.board_right", show=False),
        Binding("up", "row(-1)", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "row(1)", "tui.key.down", tooltip="tui.tip.down", show=False),
        Binding("home", "row(-100000)", "tui.key.first", tooltip="tui.tip.first", show=False),
        Binding("end", "row(100000)", "tui.key.last", tooltip="tui.tip.last", show=False),
        Binding("pageup", "page(-1)", "tui.key.page_up", tooltip="tui.tip.page_up", show=False),
        Binding("pagedown", "page(1)", "tui.key.page_down", tooltip="tui.tip.page_down", show=False),
        Binding("less_than_sign", "move(-1)", "tui.key.move_back", tooltip="tui.tip.move_back", id="board.back"),
        Binding("greater_than_sign", "move(1)", "tui.key.move_on", tooltip="tui.tip.move_on", id="board.on"),
        Binding("shift+left", "move(-1)", "tui.key.move_back", tooltip="tui.tip.move_back", show=False),
        Binding("shift+right", "move(1)", "tui.key.move_on", tooltip="tui.tip.move_on", show=False),
        Binding("enter", "open", "tui.key.open", tooltip="tui.tip.board_open", id="board.open"),
    ]
    DEFAULT_CSS = """
    PhaseBoard { height: 1fr; }
    PhaseBoard > .phase-board--cursor { text-style: bold reverse; }
    """
    COMPONENT_CLASSES = {"phase-board--cursor"}

    column: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        def __init__(self, card: Card | None, phase: int) -> None:
            super().__init__()
            self.card, self.phase = card, phase

    class MoveRequested(Message):
        def __init__(self, action: Action, phase: int) -> None:
            super().__init__()
            self.action, self.phase = action, phase

    class Opened(Message):
        def __init__(self, action: Action) -> None:
            super().__init__()
            self.action = action

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.BINDING_GROUP_TITLE = t("tui.board.title")
        self.columns: list[list[Card]] = [[] for _ in PHASES]
        self.rows = [0] * len(PHASES)  # cursor row per column, kept while moving across
        self.tops = [0] * len(PHASES)  # first card shown per column

    # public API --------------------------------------------------------------
    @property
    def current(self) -> Card | None:
        cards = self.columns[self.column]
        return cards[self.rows[self.column]] if cards else None

    def set_columns(self, columns: list[list[Card]], keep: str | None = None) -> None:
        """Show new cards; the cursor stays on action `keep` (or the current one) if present."""
        keep = keep or (self.current.action.id if self.current else None)
        self.columns = columns
        self.rows = [min(r, max(0, len(c) - 1)) for r, c in zip(self.rows, columns)]
        for index, cards in enumerate(columns):
            for row, card in enumerate(cards):
                if card.action.id == keep:
                    self.column, self.rows[index] = index, row
        self._changed()

    # drawing -------------------------------------------------------------------
    @property
    def _body_height(self) -> int:
        return max(1, self.size.height - HEADER_LINES)

    def _widths(self) -> list[int]:
        inner = max(len(PHASES) * 6, self.size.width - (len(PHASES) - 1))  # 1-cell separators
        base, extra = divmod(inner, len(PHASES))
        return [base + (1 if i < extra else 0) for i in range(len(PHASES))]

    def _card_lines(self, cards: list[Card], index: int, width: int) -> list[tuple[str, bool]]:
        """(text, is_cursor) per line of column `index`, scrolled so its cursor shows."""
        row = self.rows[index]
        if row < self.tops[index]:
            self.tops[index] = row
        # Every card takes at least one line: jump close first, so End on 10k cards is not quadratic.
        self.tops[index] = max(self.tops[index], row - self._body_height + 1)
        while sum(c.height(width) for c in cards[self.tops[index]:row + 1]) > self._body_height:
            self.tops[index] += 1
        lines: list[tuple[str, bool]] = []
        for n in range(self.tops[index], len(cards)):
            card, chosen = cards[n], n == row and index == self.column
            lines.extend((line, chosen) for line in card.lines(width, "> " if chosen else "  "))
            if len(lines) >= self._body_height:
                break
        return lines[: self._body_height]

    def render(self) -> Text:
        widths = self._widths()
        cursor = self.get_component_rich_style("phase-board--cursor")
        heads, counts = [], []
        for index, (phase, cards) in enumerate(zip(PHASES, self.columns)):
            flagged = sum(bool(c.flags) for c in cards)
            heads.append(fit(f"F{phase} {phase_label(phase)}", widths[index], "left"))
            count = t("tui.board.count", n=len(cards))
            if flagged:  # the cards and the status line say why in words
                count += f" · {flagged} !"
            counts.append(fit(count, widths[index], "left"))
        text = Text()
        text.append("│".join(heads) + "\n", style="bold")
        text.append("│".join(counts) + "\n")
        text.append("┼".join("─" * w for w in widths) + "\n")
        columns = [self._card_lines(cards, i, widths[i]) for i, cards in enumerate(self.columns)]
        for y in range(self._body_height):
            for i, lines in enumerate(columns):
                if i:
                    text.append("│")
                line, chosen = lines[y] if y < len(lines) else (" " * widths[i], False)
                text.append(line, style=cursor if chosen else "")
            if y < self._body_height - 1:
                text.append("\n")
        return text

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self.current, PHASES[self.column]))

    # actions ---------------------------------------------------------------------
    def action_column(self, step: int) -> None:
        self.column = max(0, min(len(PHASES) - 1, self.column + step))
        self._changed()

    def action_row(self, step: int) -> None:
        cards = self.columns[self.column]
        self.rows[self.column] = max(0, min(len(cards) - 1, self.rows[self.column] + step))
        self._changed()

    def action_page(self, direction: int) -> None:
        self.action_row(direction * max(1, self._body_height // 2))

    def action_move(self, step: int) -> None:
        card = self.current
        if card is None:
            return
        target = card.action.phase + step
        if target in PHASES:
            self.post_message(self.MoveRequested(card.action, target))
            return
        phase = card.action.phase
        key = "tui.board.no_phase_before" if step < 0 else "tui.board.no_phase_after"
        self.notify(t(key, id=card.action.id, phase=phase, label=phase_label(phase)), severity="warning", markup=False)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current.action))

