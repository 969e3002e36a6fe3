"""Bytes the app writes to a real terminal while nobody touches it, per screen.

    python -m benchmarks.idle_traffic                  # the demo data, 10 s per screen
    python -m benchmarks.idle_traffic --seconds 5 --screens dashboard actions

Over SSH every byte the app writes crosses the network: an idle screen should send
nothing (goal: under 1 KB per 10 s) and a keystroke only what it changed. Each screen
is opened in a fresh `spiegel` under a pseudo-terminal of 80×24 (pty.fork), reached
with the keys a user types, left alone until it has drawn, and then its output is
counted for the idle period. Prints one line per screen and, with --json, a JSON list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time

TODAY = dt.date(2026, 11, 23)
GOAL_BYTES = 1024  # per 10 idle seconds

# Keys as the terminal sends them.
ENTER, ESC, F1 = "\r", "\x1b", "\x1bOP"
# Screen -> (keys from the portfolio, a word only that screen draws: proof it was reached).
SCREENS: dict[str, tuple[list[str], str]] = {
    "portfolio": ([], "relatiemanager:"),
    "help": ([F1], "sluit dit venster"),
    "dashboard": ([ENTER], "Fasebord"),
    "actions": ([ENTER, "a"], "Bijeenkomsten"),
    "action_detail": ([ENTER, "a", ENTER], "Bestuderen"),
    "meetings": ([ENTER, "m"], "Vastleggen"),
    "meeting_form": ([ENTER, "m", ENTER], "gespreksleider"),
    "inbox": ([ENTER, "l"], "Koppelen"),
    "board": ([ENTER, "f"], "Fase verder"),
    "kpis": ([ENTER, "k"], "nulmeting"),
    "run_chart": ([ENTER, "k", ENTER], "mediaan"),
}


def spawn(data_dir: str, env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: spiegel on the pty
        os.execvpe(sys.executable, [sys.executable, "-m", "cli", "--data-dir", data_dir], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def drain(fd: int, seconds: float) -> bytes:
    """Everything the app writes during `seconds` (answering nothing)."""
    out = bytearray()
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child has gone
                break
            if not chunk:
                break
            out += chunk
    return bytes(out)


def idle_bytes(data_dir: str, keys: list[str], seconds: float, start_wait: float = 6.0,
               key_wait: float = 2.5, then: tuple[str, ...] = ()) -> tuple[int, bytes]:
    """(bytes written in `seconds` of idleness on the screen `keys` lead to, what
    was drawn before: for checking the screen was reached). With `then`, those keys
    are pressed after the screen has settled and their output is what is counted."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24",
           "SPIEGEL_TODAY": TODAY.isoformat(), "SPIEGEL_LANG": "nl", "PYTHONPATH": os.getcwd()}
    env.pop("NO_COLOR", None)
    pid, fd = spawn(data_dir, env)
    try:
        drawn = drain(fd, start_wait)
        for key in keys:
            os.write(fd, key.encode())
            drawn += drain(fd, key_wait)
        for key in then:
            os.write(fd, key.encode())
        return len(drain(fd, seconds)), drawn
    finally:
        os.kill(pid, signal.SIGTERM)
        drain(fd, 0.5)
        os.waitpid(pid, 0)
        os.close(fd)


def demo_dir() -> str:
    path = tempfile.mkdtemp(prefix="spiegel-idle-")
    from store.moments.demo import build_demo
    from store.persistence.repository import Store

    build_demo(Store(path, today=TODAY))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--screens", nargs="*", default=list(SCREENS))
    parser.add_argument("--data-dir")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or demo_dir()
    results = []
    for name in args.screens:
        keys, marker = SCREENS[name]
        count, drawn = idle_bytes(data_dir, keys, args.seconds)
        if marker.encode() not in drawn:
            raise SystemExit(f"{name}: not reached ({marker!r} never drawn); have the keys changed?")
        per_10s = count * 10 / args.seconds
        results.append({"screen": name, "bytes": count, "seconds": args.seconds, "ok": per_10s < GOAL_BYTES})
        if not args.json:
            print(f"{name:14} {count:8d} bytes in {args.seconds:.0f} s  {'ok' if per_10s < GOAL_BYTES else 'TOO MUCH'}")
    # What one arrow key costs on a list (its two rows and the detail line, not the screen).
    down = "\x1b[B"
    keys, _ = SCREENS["actions"]
    count, _ = idle_bytes(data_dir, [*keys, down], 2.0, then=(down,))
    results.append({"screen": "actions: one arrow key", "bytes": count, "seconds": 2.0, "ok": count < 3 * GOAL_BYTES})
    if not args.json:
        print(f"{'actions ↓':14} {count:8d} bytes for one arrow key")
    if args.json:
        print(json.dumps(results))
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
