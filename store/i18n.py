"""The one catalog of user-facing words: Dutch (catalog_nl.py, with the app's
screen words in catalog_nl_tui.py) first, English (catalog_en.py and
catalog_en_tui.py) second, and the lookup everyone uses, `t(key, **values)`.

Kept in store/ (plain dicts, no dependencies) because the CLI, the TUI and the
store's own error messages all speak to users. Babel is not needed for this:
there are no plural rules beyond what the templates spell out.
"""

from __future__ import annotations

import os

from store.catalog_en import EN
from store.catalog_nl import NL

_LANG = ["nl"]
CATALOGS = {"nl": NL, "en": EN}


def set_language(lang: str | None) -> str:
    """Pick the UI language: 'nl' or 'en'. Unknown values fall back to Dutch."""
    code = (lang or "nl").lower()[:2]
    _LANG[0] = code if code in CATALOGS else "nl"
    return _LANG[0]


def language_from_env(explicit: str | None = None) -> str:
    """--lang wins, then SPIEGEL_LANG, then LANG/LC_ALL (en_* → English), else Dutch."""
    if explicit:
        return set_language(explicit)
    env = os.environ.get("SPIEGEL_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return set_language("en" if env.lower().startswith("en") else "nl")


def language() -> str:
    return _LANG[0]


def t(key: str, **values: object) -> str:
    """Look up `key` in the current language (Dutch as fallback) and fill it in."""
    template = CATALOGS[_LANG[0]].get(key) or NL.get(key) or key
    return template.format(**values) if values else template
