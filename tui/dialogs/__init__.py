"""Modal dialogs: typed `ModalScreen[Result]` classes that return their answer
through `dismiss` (frogmouth's dialogs/). Older ones still live in tui/widgets/."""
