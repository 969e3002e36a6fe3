"""Screens that show a unit's data reload when another user saves it: a thread worker
sleeps in `Store.wait_for_change` (LISTEN/NOTIFY on a database: woken the moment a
colleague commits; on files a poll of the cheap fingerprint every REFRESH_SECONDS, as
before: a stat and a 96-byte read per unit)
against the fingerprint taken before the last load, and posts `DataChanged`.

A mixin for `Screen` subclasses that define `store`, `load()` (starts the load
worker) and optionally `watched_unit`. Call `start_watching()` from `on_mount` and
`reload()` to load (it takes the fingerprint first, so no change slips by).

The watcher only posts while the screen is on top. A screen beneath the top one is one
of Textual's "background screens" (8.x: always the one directly below): any message it
handles makes it repaint in full and pass that repaint on to the top screen, so a
covered screen's watcher sleeps until the screen is back on top (then a change made
meanwhile shows at once); benchmarks/idle_traffic.py measures the quiet.

No busy loop: after posting, the watcher waits until the screen has taken a new
fingerprint (`_seen` set by `reload` or by a screen that keeps typed edits). On
suspend and unmount it wakes the wait (`Store.wake`), so a closed screen's thread ends
at once instead of sleeping out its timeout (the app waits for it when it quits).
"""

from __future__ import annotations

import threading

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from store.errors import SpiegelError


class LiveRefresh:
    REFRESH_SECONDS = 1.5  # others' saves show within this: how often files are polled (a database tells at once)
    WAIT_SECONDS = 10.0  # how long one wait lasts: a change wakes it sooner, so only ends are paced by it

    class DataChanged(Message):
        """The watched unit(s) changed in the store since this screen last loaded."""

    @property
    def watched_unit(self) -> str | None:
        """The unit this screen shows, or None for all of them."""
        return getattr(self, "slug", None)

    @property
    def _seen(self) -> tuple | None:
        """The fingerprint taken before the last load (None: not loaded yet)."""
        return self.__dict__.get("_seen_value")

    @_seen.setter
    def _seen(self, value: tuple | None) -> None:
        self.__dict__["_seen_value"] = value
        if value is not None:
            self._events()[1].set()  # the watcher may wait again, against this one

    def _events(self) -> tuple[threading.Event, threading.Event]:
        """(on top: the watcher may post; fingerprint taken: a new wait may start)."""
        found = self.__dict__.get("_watch_events")
        if found is None:
            found = self.__dict__.setdefault("_watch_events", (threading.Event(), threading.Event()))
            found[0].set()
        return found

    def start_watching(self) -> None:
        self._events()
        self._watch()

    def _on_screen_suspend(self) -> None:
        """Another screen is on top: the watcher sleeps (see the module's docstring)."""
        self._events()[0].clear()
        self.store.wake()  # type: ignore[attr-defined]

    def _on_screen_resume(self) -> None:
        self._events()[0].set()

    def _on_unmount(self) -> None:
        # Textual cancels the worker only after this (Widget's handler comes later in
        # the MRO), so the loop is told here too.
        self.__dict__["_watch_closing"] = True
        for event in self._events():  # let the watcher run to its end
            event.set()
        self.store.wake()  # type: ignore[attr-defined]

    def reload(self) -> None:
        self._seen = self.store.fingerprint(self.watched_unit)  # type: ignore[attr-defined]
        self.load()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch")
    def _watch(self) -> None:
        worker = get_current_worker()
        on_top, loaded = self._events()
        try:
            self._watching(worker, on_top, loaded)
        finally:
            self.__dict__.setdefault("watch_ended", threading.Event()).set()  # tests wait on it

    def _watching(self, worker, on_top: threading.Event, loaded: threading.Event) -> None:
        while not (worker.is_cancelled or self.__dict__.get("_watch_closing")):
            seen = self._seen
            if seen is None or not on_top.is_set():
                (loaded if seen is None else on_top).wait(self.WAIT_SECONDS)
                continue
            try:
                changed = self.store.wait_for_change(  # type: ignore[attr-defined]
                    self.watched_unit, timeout=self.WAIT_SECONDS, seen=seen, poll=self.REFRESH_SECONDS)
            except SpiegelError:  # a database gone away: try again later, as a poll would
                loaded.clear()
                loaded.wait(self.WAIT_SECONDS)
                continue
            if changed and on_top.is_set() and not (worker.is_cancelled or self.__dict__.get("_watch_closing")):
                loaded.clear()
                self.post_message(self.DataChanged())  # type: ignore[attr-defined]
                if self._seen is seen:  # not yet taken anew: wait until it is
                    loaded.wait(self.WAIT_SECONDS)

    def on_live_refresh_data_changed(self, _: DataChanged) -> None:
        """Reload in place; what the user has typed or selected stays as it is."""
        if self.is_current:  # type: ignore[attr-defined]
            self.reload()
