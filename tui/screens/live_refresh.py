"""Screens that show a unit's data reload when another user saves it: a thread worker
sleeps in `Store.wait_for_change` (LISTEN/NOTIFY on a database: woken the moment a
colleague commits; on files a poll of the cheap fingerprint every REFRESH_SECONDS, as
before: a stat and a 96-byte read per unit)
against the fingerprint taken before the last load, and posts `DataChanged`.

A mixin for `Screen` subclasses that define `store`, `load()` (starts the load
worker) and optionally `watched_unit`. Call `start_watching()` from `on_mount` and
`reload()` to load (it takes the fingerprint first, so no change slips by).

A watcher runs only while its screen is on top. A screen beneath the top one is one of
Textual's "background screens" (8.x: always the one directly below): any message it
handles makes it repaint in full and pass that repaint on to the top screen
(benchmarks/idle_traffic.py measures the quiet). And Textual's thread workers share one
small pool (six threads on two cores): a stack of screens each holding a sleeping
thread would leave none to load with. So covering a screen ends its watcher, and
uncovering it starts a new one against the fingerprint of its last load (a change made
meanwhile shows at once).

No busy loop: after posting, the watcher waits until the screen has taken a new
fingerprint (`_seen` set by `reload` or by a screen that keeps typed edits). Ending a
run wakes its wait (`Store.wake`), so the thread is free at once instead of sleeping out
its timeout (the app waits for it when it quits).
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
            self._refresh_loaded().set()  # the watcher may wait again, against this one

    def _refresh_loaded(self) -> threading.Event:
        """Set when a fingerprint has been taken since the watcher last posted."""
        found = self.__dict__.get("_watch_loaded")
        if found is None:
            found = self.__dict__.setdefault("_watch_loaded", threading.Event())
        return found

    def start_watching(self) -> None:
        self.__dict__["_watch_wanted"] = True
        self._start_watcher()

    def _start_watcher(self) -> None:
        """A new watcher run; any earlier one ends (its run number is no longer current)."""
        run = self.__dict__["_watch_run"] = self.__dict__.get("_watch_run", 0) + 1
        self._watch(run)

    def _stop_watcher(self) -> None:
        """The current run ends at once: its thread is woken wherever it sleeps."""
        self.__dict__["_watch_run"] = self.__dict__.get("_watch_run", 0) + 1
        self._refresh_loaded().set()
        self.store.wake()  # type: ignore[attr-defined]

    def _on_screen_suspend(self) -> None:
        """Another screen is on top: no watcher (see the module's docstring). Its
        thread is freed too: Textual's thread workers share a small pool, and a stack of
        screens each holding a sleeping thread would leave none for loading."""
        if self.__dict__.get("_watch_wanted"):
            self._stop_watcher()

    def _on_screen_resume(self) -> None:
        if self.__dict__.get("_watch_wanted"):
            self._start_watcher()  # compares with the fingerprint of the last load: a change meanwhile shows at once

    def _on_unmount(self) -> None:
        # Textual cancels the worker only after this (Widget's handler comes later in
        # the MRO), so the run is ended here.
        self.__dict__["_watch_wanted"] = False
        self._stop_watcher()

    def reload(self) -> None:
        self._seen = self.store.fingerprint(self.watched_unit)  # type: ignore[attr-defined]
        self.load()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch")
    def _watch(self, run: int) -> None:
        try:
            self._watching(get_current_worker(), run)
        finally:
            if self.__dict__.get("_watch_run") != run or not self.__dict__.get("_watch_wanted"):
                self.__dict__.setdefault("watch_ended", threading.Event()).set()  # tests wait on it

    def _watching(self, worker, run: int) -> None:
        loaded = self._refresh_loaded()
        current = lambda: not worker.is_cancelled and self.__dict__.get("_watch_run") == run  # noqa: E731
        while current():
            seen = self._seen
            if seen is None:
                loaded.wait(self.WAIT_SECONDS)
                continue
            try:
                changed = self.store.wait_for_change(  # type: ignore[attr-defined]
                    self.watched_unit, timeout=self.WAIT_SECONDS, seen=seen, poll=self.REFRESH_SECONDS)
            except SpiegelError:  # a database gone away: try again later, as a poll would
                loaded.clear()
                loaded.wait(self.WAIT_SECONDS)
                continue
            if changed and current():
                loaded.clear()
                self.post_message(self.DataChanged())  # type: ignore[attr-defined]
                if self._seen is seen:  # not yet taken anew: wait until it is
                    loaded.wait(self.WAIT_SECONDS)

    def on_live_refresh_data_changed(self, _: DataChanged) -> None:
        """Reload in place; what the user has typed or selected stays as it is."""
        if self.is_current:  # type: ignore[attr-defined]
            self.reload()
