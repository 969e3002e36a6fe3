"""A unit's names: the slug a display name becomes (its directory and address,
which never change), and the unit a user means by what they type (`--unit noord`,
`spiegel units edit linde`)."""

from __future__ import annotations

import re

from store.errors import Ambiguous, FileProblem, NoAccess, NotFound
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from store.persistence.repository import Store


def slugify(name: str) -> str:
    """`Huisartsenpraktijk De Hoek` -> `huisartsenpraktijk-de-hoek` (ASCII, for file names)."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64]


def resolve_unit(store: Store, text: str) -> str:
    """A unit's slug from its slug, its name, or a part of either, when that fits one
    unit this user may read. A name is not an identity: any member of a shared
    group may make a unit and call it anything (issue 26), so text that fits more
    than one unit is refused with every candidate and the group that can read it.
    One exception: the exact slug of a unit closed to the shared group, or its exact
    name when no other unit has that name, wins over units the text is only part
    of, since only members of that unit's own group (trusted with its data anyway)
    or the admin can make such a unit."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        raise NotFound(t("unit.not_found", text=text))
    slugs = store.slugs()
    if wanted in slugs and not unit_access(store, wanted)[1]:
        return wanted  # a slug only its own group (or the admin) could have made: no scan on `add`
    exact, partial, names = [], [], {}
    for slug in slugs:
        name = _readable_name(store, slug)
        names[slug] = name
        if name is False:  # no access: only its exact slug names it
            if wanted == slug:
                exact.append(slug)
            continue
        folded = " ".join((name or "").split()).casefold()
        if wanted in (slug, folded):
            exact.append(slug)
        elif wanted in f"{slug} {folded}":
            partial.append(slug)
    fits = exact + partial
    if len(fits) == 1:
        return fits[0]
    if not fits:
        raise NotFound(t("unit.not_found", text=text))
    if len(exact) == 1 and not unit_access(store, exact[0])[1]:
        return exact[0]
    raise Ambiguous(t("unit.ambiguous_place", text=clean_line(text), hits="; ".join(
        describe_candidate(store, slug, names[slug]) for slug in fits[:8])))


def _readable_name(store: Store, slug: str) -> str | None | bool:
    """The unit's name; None if its file has a problem (matched by its slug only:
    lists and the portfolio report the file); False if this user may not read it."""
    try:
        return unit_name(store, slug)
    except NoAccess:
        return False
    except FileProblem:
        return None


def describe_candidate(store: Store, slug: str, name: str | None | bool) -> str:
    """`aaa ("Praktijk A", groep spgl-gedeeld, open voor de hele groep)`."""
    group, open_to_all = unit_access(store, slug)
    parts = [f'"{clean_line(name)}"' if isinstance(name, str) else t("unit.name_unknown")]
    if group:
        parts.append(t("unit.group_open", group=group) if open_to_all else t("unit.group_of", group=group))
    return f"{slug} ({', '.join(parts)})"


def unit_access(store: Store, slug: str) -> tuple[str | None, bool]:
    """(the group that can read the unit, whether that is the whole shared group of
    the data directory); (None, False) where the OS does not decide (a database)."""
    files = store.files
    if files is None:
        return None, False
    return files.unit_readers(slug), files.open_to_everyone(slug) is not None


def clean_line(text: str) -> str:
    from store.text import clean_line as clean

    return clean(text)


def unit_name(store: Store, slug: str) -> str:
    """From what the backend has at hand (the files' list index header): parsing
    every unit file to match `--unit noord` took 0.4 s with 10k actions. Else from
    the list rows (the files' index is rebuilt: lists need it too); a unit with a
    bad record has none, its name still counts."""
    name = store.backend.unit_name(slug)
    if name is not None:
        return name
    try:
        return store.list_index(slug)[0]
    except FileProblem:
        return store.unit(slug).name
