"""Tab and shift+tab on a form's screen, as priority bindings.

Textual hands each key to the focused field and runs an ordinary binding only
after the key has bubbled up from there; in a burst (a paste, typing over SSH) the
keys after a Tab have by then already gone to the old field, so `26-11 Tab Tab
thema` ended up in one field. A priority binding runs in the app's own loop before
the next key is handed on, so focus has moved by the time that key arrives."""

from __future__ import annotations

from textual.binding import Binding

FIELD_KEYS = [
    Binding("tab", "app.focus_next", "tui.key.focus_next", tooltip="tui.tip.focus_next", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "tui.key.focus_previous", tooltip="tui.tip.focus_previous",
            show=False, priority=True),
]
