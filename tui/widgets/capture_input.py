"""The capture field: Enter and the kind keys are handled inside the field itself.

A plain `Input` submits through a binding, which runs only after the Enter key has
bubbled up to the app; keys typed right after it (a fast typist, or a burst over
SSH) reach the field first and end up in the wrong finding. Here the field takes
the line and clears itself while handling that very key, in the order the keys
came, and it posts the line with the kind chosen at that moment. A hidden character
typed or pasted shows as its mark (MarkingInput) and is posted as typed."""

from __future__ import annotations

from textual import events
from textual.message import Message
from store.model.vocab import FindingKind
from store.text import edited
from tui.widgets.marking_input import MarkingInput

KIND_KEYS = {
    "f2": FindingKind.POSITIVE,
    "f3": FindingKind.LEERPUNT,
    "f4": FindingKind.TIP,
    "f5": FindingKind.RECOMMENDATION,
}


class CaptureInput(MarkingInput):
    class Captured(Message):
        """A line was entered; `kind` is the default kind when Enter was pressed."""

        def __init__(self, line: str, kind: FindingKind) -> None:
            super().__init__()
            self.line, self.kind = line, kind

    class KindChosen(Message):
        def __init__(self, kind: FindingKind) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = FindingKind.LEERPUNT

    def choose(self, kind: FindingKind) -> None:
        self.kind = kind
        self.post_message(self.KindChosen(kind))

    def on_key(self, event: events.Key) -> None:
        """Runs before Input's own key handling (a subclass's handler comes first);
        `prevent_default` keeps Input from handling the keys taken here."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            line, self.value = edited(self.value, ""), ""  # a hidden character typed: shown marked, kept
            if line.strip():
                self.post_message(self.Captured(line, self.kind))
        elif event.key in KIND_KEYS:
            event.stop()
            event.prevent_default()
            self.choose(KIND_KEYS[event.key])
