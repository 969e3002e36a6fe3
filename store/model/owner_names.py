"""An owner's name for a narrow column: the role words Dutch practices put before a
name are abbreviated first ("praktijkmanager Ruud" -> "PM Ruud", "doktersassistente
Fleur" -> "DA Fleur", "Projectteam bereikbaarheid" -> "PT bereikbaarheid"), so the
part that says who it is stays and the title beside it keeps its room. The whole
name is shown wherever there is room (detail lines, the action itself)."""

from __future__ import annotations

# role word (folded) -> its abbreviation, as care staff write them
ROLES = {
    "praktijkmanager": "PM", "praktijkondersteuner": "POH", "doktersassistente": "DA", "doktersassistent": "DA",
    "praktijkverpleegkundige": "PVK", "verpleegkundige": "VK", "verpleegkundig": "VK", "huisarts": "HA",
    "projectteam": "PT", "kernteam": "KT", "assistente": "ass.", "fysiotherapeut": "fysio", "apotheker": "apoth.",
    "coordinator": "coörd.", "coördinator": "coörd.", "secretaresse": "secr.", "doktersassistentes": "DA's",
}


def short_owner(name: str) -> str:
    """The owner with a leading role word abbreviated; the name as it is when it is
    the role alone ('Kernteam') or starts with none."""
    first, _, rest = name.strip().partition(" ")
    short = ROLES.get(first.casefold())
    return f"{short} {rest.strip()}" if short and rest.strip() else name.strip()
