"""The store's words, one dict per language (nl.py, en.py, the same keys); store/i18n.py
looks them up. A language's module is imported only when that language is used."""


def load(lang: str) -> dict[str, str]:
    if lang == "en":
        from store.words.en import WORDS
    else:
        from store.words.nl import WORDS
    return WORDS
