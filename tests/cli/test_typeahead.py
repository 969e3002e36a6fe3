"""Issue 29: keys typed before the app is up are kept from the first byte, Enter
included. Through a pseudo-terminal: the keys are written into the terminal's queue
before spiegel is even started (not after some delay), while the terminal is still
in its cooked mode, which turns Enter into LF."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from store.model.records import Unit
from store.persistence.repository import Store

REPO = Path(__file__).resolve().parents[2]


def _screen_until(master: int, wanted: str, seconds: float = 60.0) -> str:
    seen = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            if wanted.encode() in seen:
                break
    return seen.decode("utf-8", "replace")


@pytest.mark.parametrize("typed", [b"/maasoever\r", b"/maasoever\n"])
def test_keys_typed_before_start_open_the_unit(tmp_path, typed):
    data = tmp_path / "data"
    store = Store(data, user="tester")
    store.create_unit(Unit(name="Praktijk De Hoek"))
    store.create_unit(Unit(name="Praktijk Maasoever"))
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.write(master, typed)  # typed ahead: the terminal (cooked, ICRNL) queues it as '/maasoever\n'
    env = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm-256color", "SPIEGEL_TODAY": "2026-11-23",
           "SPIEGEL_LANG": "", "LANG": "nl_NL.UTF-8"}
    env.pop("TEXTUAL", None)
    process = subprocess.Popen([sys.executable, "-m", "cli", "--data-dir", str(data)], stdin=slave, stdout=slave,
                               stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    try:
        shown = _screen_until(master, "Fase per route")
        assert "Fase per route" in shown  # the dashboard of the unit the typed filter chose
        assert "Maasoever" in shown
    finally:
        os.write(master, b"\x11")  # ctrl+q
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        os.close(master)


def test_keys_name_what_textual_would_post():
    from cli.typeahead import keys, opens_app

    assert keys("/ab\r\x1b[B\x7f") == [("slash", "/"), ("a", "a"), ("b", "b"), ("enter", "\r"), ("down", None),
                                        ("backspace", None)]
    assert opens_app([]) and opens_app(["--data-dir", "/x"]) and opens_app(["demo"])
    assert not opens_app(["list"]) and not opens_app(["--help"]) and not opens_app(["demo", "--help"])
