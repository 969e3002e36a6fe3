"""Keys typed before the app is up are kept, Enter included.

A user on SSH types `/maasoever` Enter while `spiegel` loads on a busy server. Until
the terminal is in raw mode, the terminal driver echoes those keys and turns Enter
(CR) into LF, which the app would read as ctrl+j; whatever is typed while Python
and Textual load waits in the terminal's queue. So, before anything slow, `hold()`
puts the terminal in raw mode without flushing its queue (echo, line editing and
the CR->LF translation off; ctrl+c still interrupts until the app takes over).
When the app starts, `typed_ahead()` reads what waits in the queue; every LF in it
was an Enter (nobody types ctrl+j before the first screen), so it becomes CR again.
`keys()` turns that text into the key events Textual's own driver would post, and
the app posts them before its driver reads anything (tui/app.py). The terminal's
settings from before are put back when spiegel ends.
"""

from __future__ import annotations

import os
import sys

_HELD: list = []  # [fd, attributes before]

# Options of the command group that take a value (cli/spec.py GLOBAL)
_VALUED = {"--data-dir", "--db", "--lang"}


def opens_app(argv: list[str]) -> bool:
    """Whether this command line opens the app: no command, or `demo`; never for --help."""
    words = iter(argv)
    for arg in words:
        if arg in ("--help", "-h", "--version"):
            return False
        if arg in _VALUED:
            next(words, None)
        elif not arg.startswith("-"):
            return arg == "demo" and "--help" not in argv
    return True


def hold() -> None:
    """Raw mode now, keeping whatever is already typed; restored at exit."""
    if _HELD or not sys.stdin.isatty():
        return
    import termios

    fd = sys.stdin.fileno()
    try:
        before = termios.tcgetattr(fd)
    except termios.error:
        return
    raw = termios.tcgetattr(fd)
    raw[0] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR | termios.IXON | termios.IXOFF)
    raw[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN)
    raw[6][termios.VMIN], raw[6][termios.VTIME] = 1, 0
    termios.tcsetattr(fd, termios.TCSANOW, raw)  # TCSANOW: TCSAFLUSH would drop the typed keys
    _HELD[:] = [fd, before]
    import atexit  # here, not at the top: `list` and `add` end without exit handlers (cli/fast.py)

    atexit.register(release)


def release() -> None:
    """The terminal's settings from before `hold`."""
    if _HELD:
        import termios

        fd, before = _HELD
        try:
            termios.tcsetattr(fd, termios.TCSANOW, before)
        except termios.error:
            pass


def typed_ahead() -> str:
    """What waits in the terminal's queue now, LF read as the Enter it was."""
    if not _HELD:
        return ""
    import select

    fd, chunks = _HELD[0], []
    while select.select([fd], [], [], 0)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace").replace("\n", "\r")


_SEQUENCES = {"\x1b[A": "up", "\x1b[B": "down", "\x1b[C": "right", "\x1b[D": "left", "\x1b[H": "home",
              "\x1b[F": "end", "\x1b[5~": "pageup", "\x1b[6~": "pagedown"}
_CONTROL = {"\r": "enter", "\t": "tab", "\x7f": "backspace", "\x08": "backspace", "\x1b": "escape"}


def keys(text: str) -> list[tuple[str, str | None]]:
    """(Textual key name, character) for each key in `text`, named as Textual's
    driver names them: letters and digits as themselves, other characters by their
    Unicode name with textual.keys' replacements ('/' is 'slash'), Enter, Tab,
    Backspace, Escape and arrows by name. Other control characters are dropped."""
    import unicodedata

    from textual.keys import KEY_NAME_REPLACEMENTS

    found: list[tuple[str, str | None]] = []
    i = 0
    while i < len(text):
        sequence = next((s for s in _SEQUENCES if text.startswith(s, i)), None)
        if sequence:
            found.append((_SEQUENCES[sequence], None))
            i += len(sequence)
            continue
        char = text[i]
        i += 1
        if char in _CONTROL:
            found.append((_CONTROL[char], char if char in "\r\t" else None))
        elif char.isprintable():
            name = char if char.isalnum() else unicodedata.name(char, "").lower().replace("-", "_").replace(" ", "_")
            found.append((KEY_NAME_REPLACEMENTS.get(name, name), char))
    return found
