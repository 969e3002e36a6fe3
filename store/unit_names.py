"""A unit's names: the slug a display name becomes (its directory and address,
which never change), and the unit a user means by what they type (`--unit noord`,
`spiegel units edit linde`)."""

from __future__ import annotations

import re

from store.errors import Ambiguous, FileProblem, NotFound
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/recordtype.py); only type checkers need it
    from store.repository import Store


def slugify(name: str) -> str:
    """`Huisartsenpraktijk De Hoek` -> `huisartsenpraktijk-de-hoek` (ASCII, for file names)."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64]


def resolve_unit(store: Store, text: str) -> str:
    """A unit's slug from its slug, its name, or a part of either that fits one unit."""
    wanted = text.strip().casefold()
    slugs = store.slugs()
    if wanted in slugs:
        return wanted
    names = {s: s for s in slugs}
    for slug in slugs:
        try:
            name = unit_name(store, slug)
        except FileProblem:
            continue  # matched by its slug only; lists and the portfolio report the file
        names[slug] = f"{slug} {name}".casefold()
        if name.casefold() == wanted:
            return slug
    hits = [s for s, name in names.items() if wanted and wanted in name]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFound(t("unit.not_found", text=text))
    raise Ambiguous(t("unit.ambiguous", text=text, hits=", ".join(hits[:8])))


def unit_name(store: Store, slug: str) -> str:
    """From what the backend has at hand (the files' list index header): parsing
    every unit file to match `--unit noord` took 0.4 s with 10k actions. Else from
    the list rows (the files' index is rebuilt: lists need it too); a unit with a
    bad record has none, its name still counts."""
    name = store.backend.unit_name(slug)
    if name is not None:
        return name
    try:
        return store._list_index(slug)[0]
    except FileProblem:
        return store.unit(slug).name
