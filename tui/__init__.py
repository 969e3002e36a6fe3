"""The Textual app. Importing any part of it adds the app's own words (tui/words/:
its screens' texts and Textual's own) to store.i18n: they live with the app, and the
CLI's `list` and `add` never load them."""

from store.i18n import add_layer as _add_layer
from tui import words as _words

_add_layer(_words.load)
