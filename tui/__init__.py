"""The Textual app. Importing any part of it registers the app's own words (its
screens' texts in tui/catalog_*.py, Textual's own in tui/catalog_textual_*.py) with
store.i18n: they live with the app, and the CLI's `list` and `add` never load them."""

from store.i18n import register as _register
from tui.catalog_after_en import AFTER_TUI_EN as _AFTER_EN
from tui.catalog_after_nl import AFTER_TUI_NL as _AFTER_NL
from tui.catalog_en import EN_TUI as _EN
from tui.catalog_keys_en import EN_KEYS as _EN_KEYS
from tui.catalog_keys_nl import NL_KEYS as _NL_KEYS
from tui.catalog_io_en import EN_IO as _EN_IO
from tui.catalog_io_nl import NL_IO as _NL_IO
from tui.catalog_eval_en import EVAL_EN_TUI as _EVAL_EN
from tui.catalog_eval_nl import EVAL_NL_TUI as _EVAL_NL
from tui.catalog_nl import NL_TUI as _NL
from tui.catalog_portfolio_en import EN_PORTFOLIO as _EN_PORTFOLIO
from tui.catalog_portfolio_nl import NL_PORTFOLIO as _NL_PORTFOLIO
from tui.catalog_textual_en import TEXTUAL_EN as _TEXTUAL_EN
from tui.catalog_textual_nl import TEXTUAL_NL as _TEXTUAL_NL
from tui.catalog_visit_en import EN_VISIT as _EN_VISIT
from tui.catalog_visit_nl import NL_VISIT as _NL_VISIT

_register({"nl": {**_NL, **_NL_KEYS, **_TEXTUAL_NL}, "en": {**_EN, **_EN_KEYS, **_TEXTUAL_EN}})
_register({"nl": _NL_IO, "en": _EN_IO})  # import and export (tui/catalog_io_*.py)
_register({"nl": _NL_PORTFOLIO, "en": _EN_PORTFOLIO})
_register({"nl": _NL_VISIT, "en": _EN_VISIT})
_register({"nl": _AFTER_NL, "en": _AFTER_EN})
_register({"nl": _EVAL_NL, "en": _EVAL_EN})
