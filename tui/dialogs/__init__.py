"""Modal dialogs, each a typed `ModalScreen` returning its result through `dismiss`
(older ones still live in tui/widgets/*_dialog(s).py). Styles: tui/styles/dialogs.tcss."""
