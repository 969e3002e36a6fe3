"""Modal dialogs (ModalScreen subclasses that return their result through `dismiss`)."""
