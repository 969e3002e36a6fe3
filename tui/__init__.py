"""The Textual app. Importing any part of it registers the app's own words (its
screens' texts and Textual's own, in tui/catalog_*.py) with store.i18n: they live
with the app, and the CLI's `list` and `add` never load them."""

from store.i18n import register as _register
from tui.catalog_en import EN_TUI as _EN
from tui.catalog_nl import NL_TUI as _NL

_register({"nl": _NL, "en": _EN})
