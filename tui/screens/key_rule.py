"""The one key rule of every list screen, the terminal convention (less, mutt):
`/` starts the filter, letters are commands, and a letter that is no command here
shows a one-line hint and does nothing else. Leaving the app is ctrl+q.

Keys typed in a burst (a paste, a fast typist over SSH) are forwarded by Textual
to the widget that had focus when they arrived, which may be before `/` moved focus
to the filter. Every key that widget leaves unhandled bubbles up to the screen, in
the order typed; so the screen itself starts the filter on `/` (moving focus at
once with `set_focus`, not later like `Widget.focus`) and sends those late keys on
to the filter.

A mixin for `Screen` subclasses that compose an `Input` with id `filter` and a
status `Static` (`HINT_AT`); they give the widget the filter narrows (`filtered`)
and implement `restore_status()`.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Input, Static

from store.i18n import t

HINT_SECONDS = 4.0


class KeyRule:
    HINT_AT = "#status"

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)  # type: ignore[attr-defined]

    def on_key(self, event: events.Key) -> None:
        field = self.filter_input
        if self.focused is field:  # type: ignore[attr-defined]
            self._to_filter(field, event)
        elif event.key == "slash":
            event.stop()
            self.start_filter()
        elif event.is_printable and not self.is_command(event):
            event.stop()
            event.prevent_default()
            self.show_key_hint()

    def _to_filter(self, field: Input, event: events.Key) -> None:
        """A key that reached the screen while the filter has focus: typed for it."""
        if event.is_printable and event.character:
            field.insert_text_at_cursor(event.character)
        elif event.key == "backspace":
            field.action_delete_left()
        else:
            return  # Enter, Escape, arrows: their bindings act, from the field's place
        event.stop()
        event.prevent_default()

    def start_filter(self) -> None:
        self.set_focus(self.filter_input)  # type: ignore[attr-defined]

    def action_focus_filter(self) -> None:
        self.start_filter()

    def leave_filter(self) -> bool:
        """Escape's first steps: clear the filter, else leave its field. False when
        there was nothing to leave (the next step is going back)."""
        field = self.filter_input
        if not field.value and self.focused is not field:  # type: ignore[attr-defined]
            return False
        field.value = ""
        self.set_focus(self.filtered)  # type: ignore[attr-defined]
        return True

    @property
    def filtered(self):
        """The list the filter narrows; it has the keys when the filter is left."""
        raise NotImplementedError

    def is_command(self, event: events.Key) -> bool:
        """Whether the key runs something on this screen (or is the app's, like ?)."""
        bound = self.active_bindings  # type: ignore[attr-defined]
        return any(name in bound for name in (event.key, *event.aliases))

    # the hint --------------------------------------------------------------------
    def show_key_hint(self) -> None:
        self.query_one(self.HINT_AT, Static).update(Text(t("tui.keys.filter_hint")))  # type: ignore[attr-defined]
        timer = getattr(self, "_hint_timer", None)
        if timer is not None:
            timer.stop()
        self._hint_timer = self.set_timer(HINT_SECONDS, self.restore_status)  # type: ignore[attr-defined]

    def restore_status(self) -> None:
        """Put the status line back as it was before the hint."""
        raise NotImplementedError
