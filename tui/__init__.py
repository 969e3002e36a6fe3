"""The Textual app. Importing any part of it registers the app's own words (its
screens' texts in tui/catalog_*.py, Textual's own in tui/catalog_textual_*.py) with
store.i18n: they live with the app, and the CLI's `list` and `add` never load them."""

from store.i18n import register as _register
from tui.catalog_en import EN_TUI as _EN
from tui.catalog_eval_en import EVAL_EN_TUI as _EVAL_EN
from tui.catalog_eval_nl import EVAL_NL_TUI as _EVAL_NL
from tui.catalog_nl import NL_TUI as _NL
from tui.catalog_textual_en import TEXTUAL_EN as _TEXTUAL_EN
from tui.catalog_textual_nl import TEXTUAL_NL as _TEXTUAL_NL

_register({"nl": {**_NL, **_TEXTUAL_NL}, "en": {**_EN, **_TEXTUAL_EN}})
_register({"nl": _EVAL_NL, "en": _EVAL_EN})
