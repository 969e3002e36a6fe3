"""The one catalog of user-facing words: Dutch (catalog_nl.py) first, English
(catalog_en.py) second, and the lookup everyone uses, `t(key, **values)`. The app
registers its own screen words (tui/catalog_*.py) with `register` when it is
imported: they live with the app, and the CLI never loads them.

Kept in store/ (plain dicts, no dependencies) because the CLI, the TUI and the
store's own error messages all speak to users. Plurals: a message about a number
has its singular beside it under `<key>.one` ("1 onbehandeld leerpunt" next to "{n}
onbehandelde leerpunten"); `t` takes it when the number that counts (`n`, `count`,
`total` or `points`, the first given) is 1. Dutch and English need no other forms.
"""

from __future__ import annotations


from store.catalog_en import EN
from store.catalog_nl import NL

_LANG = ["nl"]
CATALOGS = {"nl": NL, "en": EN}


def register(words: dict[str, dict[str, str]]) -> None:
    """Add a part's own words ({"nl": {...}, "en": {...}}) to the catalogs; a key
    that is already there is a mistake (two parts would fight over it)."""
    for lang, catalog in words.items():
        clash = set(catalog) & set(CATALOGS[lang]) - {k for k, v in catalog.items() if CATALOGS[lang].get(k) == v}
        if clash:
            raise KeyError(f"catalog keys registered twice: {sorted(clash)[:3]}")
        CATALOGS[lang].update(catalog)


def set_language(lang: str | None) -> str:
    """Pick the UI language: 'nl' or 'en'. Unknown values fall back to Dutch."""
    code = (lang or "nl").lower()[:2]
    _LANG[0] = code if code in CATALOGS else "nl"
    return _LANG[0]


def language() -> str:
    return _LANG[0]


# The value that decides singular or plural, by its name in the template.
COUNTED = ("n", "count", "total", "points")


def t(key: str, **values: object) -> str:
    """Look up `key` in the current language (Dutch as fallback) and fill it in;
    `<key>.one` when the counted value is 1 and the catalog has a singular."""
    counted = next((values[name] for name in COUNTED if name in values), None)
    if counted == 1 and key + ".one" in NL:
        key += ".one"
    template = CATALOGS[_LANG[0]].get(key) or NL.get(key) or key
    return template.format(**values) if values else template


def _register_store_parts() -> None:
    """The store's words kept in modules of their own (one per topic)."""
    from store.catalog_units_en import UNITS_EN
    from store.catalog_units_nl import UNITS_NL
    from store.catalog_visit_en import VISIT_EN
    from store.catalog_visit_nl import VISIT_NL

    register({"nl": UNITS_NL, "en": UNITS_EN})
    register({"nl": VISIT_NL, "en": VISIT_EN})
    from store.catalog_eval_en import EVAL_EN
    from store.catalog_eval_nl import EVAL_NL

    register({"nl": EVAL_NL, "en": EVAL_EN})


_register_store_parts()
