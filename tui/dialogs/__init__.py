"""Modal dialogs, each a typed ModalScreen that returns its result through `dismiss`."""
