"""Textual's footer, showing only the keys that fit whole.

At 80 columns Textual's footer cut its last key mid-word ("q ▏", "? H▏", "f1 He▏")
under the command-palette key docked on the right. This one keeps the palette key,
then the screen's keys in their order (most important first) as long as each fits
with its whole description; the rest are left to the help screen (f1), which lists
every key. It recomposes on a resize, so a wider terminal shows more.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.widget import Widget
from textual.widgets import Footer


class FittingFooter(Footer):
    def compose(self):
        items = list(super().compose())
        palette = [w for w in items if w.has_class("-command-palette")]
        room = self.app.size.width - sum(_width(w) + 1 for w in palette)  # +1: its border
        kept: list[Widget] = []
        for item in items:
            if item in palette:
                continue
            room -= _width(item)
            if room < 0:
                break
            kept.append(item)
        yield from kept + palette

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)


def _width(item: Widget) -> int:
    """Cells a footer item takes: ' key description ' (padding 1 each side)."""
    key = cell_len(getattr(item, "key_display", "") or "")
    text = cell_len(getattr(item, "description", "") or "")
    return key + text + (3 if text else 2) if key else cell_len(str(getattr(item, "renderable", ""))) + 2
