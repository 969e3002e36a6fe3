"""Waiting for a unit to change on PostgreSQL: LISTEN on a connection of its own.

Every write sends an empty NOTIFY on channel `spiegel` (store/persistence/pg/backend.py); the
app's live-refresh threads sleep here until one arrives, then compare fingerprints.
`wake` sends a NOTIFY on a channel of this store's own (its name is all another role
could see), so a closing screen's thread returns at once.

One reader of the connection at a time (screens of one app share it): a notification
goes to whoever reads, so each waiter compares fingerprints only once it holds the
connection, and a change another waiter consumed is still seen.
"""

from __future__ import annotations

import os
import threading
import time

import psycopg

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable


class Listener:
    def __init__(self, channel: str, connect: Callable[[], psycopg.Connection]) -> None:
        self.channel = channel
        self.wake_channel = f"spiegel_wake_{os.getpid()}_{id(self):x}"
        self._connect = connect
        self._conn: psycopg.Connection | None = None
        self.statement_lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._conn is not None

    def wait(self, fingerprints: Callable[[], tuple], seen: tuple, timeout: float) -> tuple:
        """The fingerprint once it differs from `seen`, after `timeout`, or when woken.
        psycopg.Error from the connection is the caller's to translate."""
        deadline = time.monotonic() + timeout
        while True:
            with self.statement_lock:
                if self._conn is None:
                    conn = self._connect()
                    conn.execute(f"LISTEN {self.channel}")
                    conn.execute(f"LISTEN {self.wake_channel}")
                    self._conn = conn
                now = fingerprints()  # after LISTEN: a change from here on wakes us
                left = deadline - time.monotonic()
                if now != seen or left <= 0:
                    return now
                for note in self._conn.notifies(timeout=left, stop_after=1):
                    if note.channel == self.wake_channel:
                        return now

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
