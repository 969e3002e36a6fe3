"""The lookup of user-facing words, `t(key, **values)`, in the language chosen with
`set_language` (Dutch by default, and Dutch where a key has no English).

The words live in one dict per layer and language (docs/architecture.md, "Words"):
store/words/{nl,en}.py always; the app adds tui/words/ when it is imported and the
click command line cli/words/ (`add_layer`), so the CLI's `list` and `add` never load
the app's words. A language's words are read when it is first used: a Dutch run
never reads the English ones.

Plurals: a message about a number has its singular beside it under `<key>.one` ("1
onbehandeld leerpunt" next to "{n} onbehandelde leerpunten"); `t` takes it when the
number that counts (`n`, `count`, `total` or `points`, the first given) is 1. Dutch
and English need no other forms.
"""

from __future__ import annotations

from store import words as _store_words

LANGUAGES = ("nl", "en")
_LANG = ["nl"]
# Each layer's words: a function from a language to that layer's dict.
_LAYERS = [_store_words.load]


class _Catalogs(dict):
    """Language -> every added layer's words in it, read on first use."""

    def __missing__(self, lang: str) -> dict[str, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        words: dict[str, str] = {}
        for load in _LAYERS:
            words.update(load(lang))
        self[lang] = words
        return words


CATALOGS: dict[str, dict[str, str]] = _Catalogs()
NL = CATALOGS["nl"]  # the fallback, always read (and kept up to date by add_layer)


def add_layer(load) -> None:
    """Add a layer's words (`load(lang)` -> its dict for that language) to every
    language, read now for the languages already in use and later for the rest."""
    if load in _LAYERS:
        return
    _LAYERS.append(load)
    for lang, words in CATALOGS.items():
        words.update(load(lang))


def set_language(lang: str | None) -> str:
    """Pick the UI language: 'nl' or 'en'. Unknown values fall back to Dutch."""
    code = (lang or "nl").lower()[:2]
    _LANG[0] = code if code in LANGUAGES else "nl"
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
