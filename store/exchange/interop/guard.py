"""Formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return is run as a formula by Excel and LibreOffice when a CSV is opened
(OWASP "CSV Injection"). Export puts a `'` before such a cell; import takes it off
again, so export -> import changes nothing. A text that itself starts with `'` and
one of those characters gets a second `'`, so it too comes back as it was."""

from __future__ import annotations

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def guard(value: str) -> str:
    if value.startswith(DANGEROUS) or (value.startswith("'") and value[1:].startswith(DANGEROUS)):
        return "'" + value
    return value


def unguard(value: str) -> str:
    if value.startswith("'") and value[1:].startswith((*DANGEROUS, "'")) and _guarded(value):
        return value[1:]
    return value


def _guarded(value: str) -> bool:
    """`''=x` (a guarded `'=x`) and `'=x` (a guarded `=x`) lose one `'`; `''x` is text."""
    rest = value[1:]
    return rest.startswith(DANGEROUS) or (rest.startswith("'") and rest[1:].startswith(DANGEROUS))
