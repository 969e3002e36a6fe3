"""Fast capture: what a typed line means, and saving captured findings.

The app's capture screen and `spiegel findings capture` read a line the same way
(one place for the rule):
`+` positief punt, `-` (or nothing: the default kind) leerpunt, `?` or `t:` tip,
`a:` aanbeveling; a leading or trailing `!` marks a quick win."""

from __future__ import annotations

from store.errors import InvalidValue
from store.i18n import t
from store.model.records import Finding, Meeting, record_type
from store.text import clean_line
from store.model.vocab import FindingKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.persistence.repository import Store

PREFIXES = (
    ("t:", FindingKind.TIP),
    ("a:", FindingKind.RECOMMENDATION),
    ("+", FindingKind.POSITIVE),
    ("-", FindingKind.LEERPUNT),
    ("?", FindingKind.TIP),
)


class Captured:
    """What one typed line stands for."""

    __slots__ = ("kind", "quick_win", "text")

    def __init__(self, kind: FindingKind, quick_win: bool, text: str) -> None:
        self.kind, self.quick_win, self.text = kind, quick_win, text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Captured):
            return NotImplemented
        return (self.kind, self.quick_win, self.text) == (other.kind, other.quick_win, other.text)

    __hash__ = None

    def __repr__(self) -> str:
        return f"Captured({self.kind!r}, {self.quick_win!r}, {self.text!r})"


def parse_capture(line: str, default: FindingKind) -> Captured | None:
    """The finding a typed line stands for; None when nothing but marks is left."""
    text = clean_line(line)
    kind: FindingKind | None = None
    quick = False
    while text:
        if text.startswith("!"):
            quick, text = True, text[1:].lstrip()
            continue
        if kind is None:
            low = text.casefold()
            hit = next(((p, k) for p, k in PREFIXES if low.startswith(p)), None)
            if hit is not None:
                kind, text = hit[1], text[len(hit[0]):].lstrip()
                continue
        break
    if text.endswith("!"):
        quick, text = True, text.rstrip("!").rstrip()
    if not text:
        return None
    return Captured(kind or default, quick, text)


def finding_from_line(meeting: Meeting, line: str, default: FindingKind = FindingKind.LEERPUNT) -> Finding | None:
    """A new (unsaved) finding of `meeting` for a typed line; None for a line of marks only.
    It takes the meeting's theme, as the minute-taker means it."""
    captured = parse_capture(line, default)
    if captured is None:
        return None
    return Finding(meeting=meeting.id, kind=captured.kind, text=captured.text,
                   quick_win=captured.quick_win, theme=clean_line(meeting.theme))


def save_findings(store: Store, meeting: Meeting, findings: list[Finding]) -> list[Finding]:
    """Store findings of one meeting in one transaction of its unit."""
    with store.transaction(meeting.unit) as txn:
        return txn.add_many(findings)


def capture_lines(store: Store, meeting_id: str, lines: list[str],
                  default: FindingKind = FindingKind.LEERPUNT) -> list[Finding]:
    """Capture typed lines as findings of a meeting, all in one transaction (or none).
    Empty lines are skipped; InvalidValue when no line holds a finding."""
    meeting = find_meeting(store, meeting_id)
    findings = [f for f in (finding_from_line(meeting, line, default) for line in lines) if f is not None]
    if not findings:
        raise InvalidValue("text", t("capture.nothing"))
    return save_findings(store, meeting, findings)


def find_meeting(store: Store, meeting_id: str) -> Meeting:
    """The meeting with this id; InvalidValue if the id is no meeting's (L-3, A-1)."""
    if record_type(meeting_id) is not Meeting:
        raise InvalidValue("meeting", t("meeting.expected", id=clean_line(meeting_id)))
    return store.get(meeting_id)  # type: ignore[return-value]
