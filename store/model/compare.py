"""The repeat cycle (seed 004): two meetings of the same unit side by side. Which
themes came back, which leerpunten of the earlier meeting have since been solved
(every action that answers them done), which are still open, and what is new.

Matching is by theme words, not by exact text: a finding's `theme` and its text are
cut into words, folded (case, accents), short and common words dropped and simple
Dutch plural endings taken off. Two leerpunten match when their themes share a word,
or, when one has no theme, when their texts share at least two words, or one rare
content word: long (RARE_MIN_LENGTH letters or more) and found in few of the unit's
findings (RARE_SHARE), as 'keuzemenu' in "Het keuzemenu is onduidelijk" and
"Keuzemenu korter maken". Every match says which words it rests on (`Returned.words`),
so a reader can judge it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from store.model.records import Action, Finding, Meeting
from store.model.vocab import FindingKind, Status

MIN_TEXT_OVERLAP = 2
RARE_MIN_LENGTH = 7  # 'keuzemenu', 'wachttijd', 'uitslagen'; not 'balie' or 'arts'
RARE_SHARE = 0.2  # rare: in at most a fifth of the unit's findings (and at most 3 when there are few)

# Words that say nothing about a theme (Dutch first, a few English ones).
STOPWORDS = frozenset("""
de het een en of van voor met bij op in aan te is zijn was worden wordt niet geen wel
ook als dan dat die dit deze er naar om over uit tot door maar nog al veel meer
we wij ze zij ik je u hun hen mijn ons onze men kan kunnen moet moeten hebben heeft had
alleen soms heel even wat wie hoe waar wanneer omdat zonder tegen dus toch zo nu iets niets
altijd nooit vaak jij hij haar zich zelf kun kunt wil wilt zou zouden heb ben bent gaat gaan
doen doet komt komen weet weten zit zitten staat staan krijg krijgt krijgen mag mogen
andere anders eerst lang goed beter echt erg wordt zonder hele dag
the and for with not are was were have has this that from
""".split())


def words(text: str) -> frozenset[str]:
    """The theme words of a text: folded, without stopwords and short words, and
    with a plural ending taken off ('afspraken' and 'afspraak' stay apart, but
    'wachttijden' and 'wachttijd' meet)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    found = set()
    for word in re.findall(r"[a-z0-9]+", folded):
        if len(word) < 3 or word in STOPWORDS:
            continue
        found.add(_stem(word))
    return frozenset(found)


def _stem(word: str) -> str:
    for ending in ("en", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def own_theme(finding: Finding, meeting: Meeting) -> str:
    """The finding's theme when it says more than its meeting's (a minute-taker's
    'telefoon' under 'Bereikbaarheid'); '' when it only repeats the meeting's theme,
    which every finding of that meeting shares and so tells nothing apart."""
    return "" if words(finding.theme) == words(meeting.theme) else finding.theme


def similar(a: Finding, b: Finding, theme_a: str | None = None, theme_b: str | None = None,
            common: frozenset[str] | None = None) -> bool:
    """Whether two leerpunten are about the same thing (`shared_words` says why)."""
    return bool(shared_words(a, b, theme_a, theme_b, common))


def shared_words(a: Finding, b: Finding, theme_a: str | None = None, theme_b: str | None = None,
                 common: frozenset[str] | None = None) -> list[str]:
    """The words two leerpunten match on, sorted; [] when they do not: their own
    themes share a word, or their texts (with those themes) share at least two
    words, or one rare content word (long, and not in `common`: the words found in
    many of the unit's findings, `common_words`; None: no rare-word matching)."""
    theme_a = a.theme if theme_a is None else theme_a
    theme_b = b.theme if theme_b is None else theme_b
    if theme_a.strip() and theme_b.strip() and words(theme_a) & words(theme_b):
        return sorted(words(theme_a) & words(theme_b))
    both = words(f"{theme_a} {a.text}") & words(f"{theme_b} {b.text}")
    if len(both) >= MIN_TEXT_OVERLAP:
        return sorted(both)
    rare = [w for w in both if len(w) >= RARE_MIN_LENGTH and common is not None and w not in common]
    return sorted(rare)


def common_words(findings: list[Finding]) -> frozenset[str]:
    """The words too common in the unit's findings to match on alone: found in more
    than RARE_SHARE of them (at least 3 findings, so a small unit's words still can)."""
    counts: dict[str, int] = {}
    for finding in findings:
        for word in words(f"{finding.theme} {finding.text}"):
            counts[word] = counts.get(word, 0) + 1
    limit = max(3, RARE_SHARE * len(findings))
    return frozenset(w for w, n in counts.items() if n > limit)


@dataclass
class Returned:
    """A later leerpunt and the earlier ones it is about: a theme that came back."""

    later: Finding
    earlier: list[Finding]
    words: list[str] = field(default_factory=list)  # what they matched on (store/model/compare.py's doc)

    @property
    def theme(self) -> str:
        return self.later.theme or next((f.theme for f in self.earlier if f.theme), "")


@dataclass
class Comparison:
    first: Meeting  # the earlier meeting
    second: Meeting  # the later one
    returned: list[Returned] = field(default_factory=list)
    solved: list[Finding] = field(default_factory=list)  # earlier leerpunten: every action done
    still_open: list[Finding] = field(default_factory=list)  # earlier ones, neither solved nor back
    new: list[Finding] = field(default_factory=list)  # later leerpunten matching nothing earlier
    actions: dict[str, list[Action]] = field(default_factory=dict)  # finding id -> its actions


def compare(first: Meeting, second: Meeting, findings: list[Finding], actions: list[Action]) -> Comparison:
    """Compare two meetings of a unit; `findings` and `actions` are the unit's. The
    earlier meeting (by date, then id) comes first whatever the order given."""
    if _when(second) < _when(first):
        first, second = second, first
    earlier = [f for f in findings if f.meeting == first.id and f.kind == FindingKind.LEERPUNT]
    later = [f for f in findings if f.meeting == second.id and f.kind == FindingKind.LEERPUNT]
    answered: dict[str, list[Action]] = {}
    for action in actions:
        for finding_id in action.findings:
            answered.setdefault(finding_id, []).append(action)
    result = Comparison(first, second, actions=answered)
    common = common_words([f for f in findings if f.kind == FindingKind.LEERPUNT])
    came_back: set[str] = set()
    for point in later:
        mine = own_theme(point, second)
        why = {f.id: shared_words(f, point, own_theme(f, first), mine, common) for f in earlier}
        matches = [f for f in earlier if why[f.id]]
        if matches:
            matched = sorted({w for f in matches for w in why[f.id]})
            result.returned.append(Returned(point, matches, matched))
            came_back.update(f.id for f in matches)
        else:
            result.new.append(point)
    for point in earlier:
        if solved(point, answered.get(point.id, [])):
            result.solved.append(point)
        elif point.id not in came_back:
            result.still_open.append(point)
    return result


def solved(point: Finding, actions: list[Action]) -> bool:
    """Every action that answers the leerpunt is done (stopped ones do not count)."""
    counted = [a for a in actions if a.status != Status.STOPPED]
    return bool(counted) and all(a.status == Status.DONE for a in counted)


def compare_meetings(store, first_id: str, second_id: str) -> Comparison:
    """Read both meetings and their unit's findings and actions; InvalidValue when
    they are not two different meetings of one unit."""
    from store.errors import InvalidValue
    from store.i18n import t
    from store.model.records import record_type

    for record_id in (first_id, second_id):
        if record_type(record_id) is not Meeting:
            raise InvalidValue("id", t("compare.not_meeting", id=record_id))
    first, second = store.get(first_id), store.get(second_id)
    if first.id == second.id:
        raise InvalidValue("id", t("compare.same"))
    if first.unit != second.unit:
        raise InvalidValue("id", t("compare.other_unit", first=first.id, second=second.id))
    unit = first.unit
    return compare(first, second, store.records(Finding, unit), store.records(Action, unit))


def _when(meeting: Meeting) -> tuple:
    return (meeting.date or dt.date.min, _number(meeting.id))


def _number(record_id: str) -> int:
    tail = record_id.partition("-")[2]
    return int(tail) if tail.isdigit() else 0


def comparison_lines(found: Comparison, today: dt.date) -> list[str]:
    """The comparison as plain lines (the CLI prints them; the app shows the same
    sections): each section a heading with its count, then one line per leerpunt."""
    from store.model.fields import show_date
    from store.i18n import t
    from store.text import visible_line

    def meeting(m: Meeting) -> str:
        when = show_date("date", m.date, today, weekday=False) if m.date else ""
        return t("compare.meeting", id=m.id, date=when, theme=visible_line(m.theme) or "-")

    def point(f: Finding, indent: str = "  ") -> str:
        return f"{indent}{f.id}  {visible_line(f.text)}"

    lines = [t("compare.earlier", meeting=meeting(found.first)), t("compare.later", meeting=meeting(found.second)), ""]
    lines.append(t("compare.returned", n=len(found.returned)))
    for item in found.returned:
        shown = item.theme and words(item.theme) != words(found.second.theme)  # only a theme of its own
        lines.append(point(item.later) + (f"  [{visible_line(item.theme)}]" if shown else ""))
        if item.words:
            lines.append(t("compare.matched", words=", ".join(item.words)))
        lines.extend(t("compare.was", point=point(f, "")) for f in item.earlier)
    sections = (("compare.solved", found.solved), ("compare.still_open", found.still_open), ("compare.new", found.new))
    for key, points in sections:
        lines += ["", t(key, n=len(points))]
        for f in points:
            lines.append(point(f))
            if key == "compare.solved":
                done = ", ".join(visible_line(a.title) for a in found.actions.get(f.id, []) if a.status == Status.DONE)
                lines.append(t("compare.done_by", actions=done))
    return lines
