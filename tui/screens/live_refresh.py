"""Screens that show a unit's data reload when another user saves it: every
`REFRESH_SECONDS` a thread worker compares the store's fingerprint of the watched
file(s) with the one taken before the last load, and posts `DataChanged`.

A mixin for `Screen` subclasses that define `store`, `load()` (starts the load
worker) and optionally `watched_unit`. Call `start_watching()` from `on_mount` and
`reload()` to load (it takes the fingerprint first, so no change slips by).

The poll runs only while the screen is on top. A screen beneath the top one is one of
Textual's "background screens" (8.x: always the one directly below): any message it
handles, a timer tick included, makes it repaint in full and pass that repaint on to
the top screen. Polling from beneath therefore redrew the whole terminal every 1.5 s
(57-67 KB per 10 idle seconds over SSH; benchmarks/idle_traffic.py measures it)."""

from __future__ import annotations

from textual import work
from textual.message import Message


class LiveRefresh:
    REFRESH_SECONDS = 1.5  # others' saves show within about two seconds

    class DataChanged(Message):
        """The watched file(s) changed on disk since this screen last loaded."""

    @property
    def watched_unit(self) -> str | None:
        """The unit whose file this screen shows, or None for all of them."""
        return getattr(self, "slug", None)

    def start_watching(self) -> None:
        self._seen: tuple | None = None
        self._watch_timer = self.set_interval(self.REFRESH_SECONDS, self._watch)  # type: ignore[attr-defined]

    def _on_screen_suspend(self) -> None:
        """Another screen is on top: stop polling (see the module's docstring)."""
        timer = getattr(self, "_watch_timer", None)
        if timer is not None:
            timer.pause()

    def _on_screen_resume(self) -> None:
        timer = getattr(self, "_watch_timer", None)
        if timer is not None:
            timer.resume()

    def reload(self) -> None:
        self._seen = self.store.fingerprint(self.watched_unit)  # type: ignore[attr-defined]
        self.load()  # type: ignore[attr-defined]

    def _watch(self) -> None:
        if self.is_current:  # type: ignore[attr-defined]
            self._check_for_changes()

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch")
    def _check_for_changes(self) -> None:
        # Store's "has this unit changed since?": a fingerprint on files, LISTEN on a
        # database. No waiting here (timeout 0): the timer paces it, and a waiting
        # thread could not be stopped when the screen is covered or closed.
        if self.store.wait_for_change(self.watched_unit, timeout=0, seen=self._seen):  # type: ignore[attr-defined]
            self.post_message(self.DataChanged())  # type: ignore[attr-defined]

    def on_live_refresh_data_changed(self, _: DataChanged) -> None:
        """Reload in place; what the user has typed or selected stays as it is."""
        if self.is_current:  # type: ignore[attr-defined]
            self.reload()
