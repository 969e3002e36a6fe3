"""Another user's save shows on open screens within about two seconds, and what
this user is typing in the filter is kept."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from store.model.records import Action, Unit
from tests.tui.helpers import make_store, open_actions, screen_lines, settle
from tui.app import make_app


async def wait_until(pilot, condition, seconds: float = 4.0) -> bool:
    for _ in range(int(seconds / 0.1)):
        await pilot.pause()
        if condition():
            return True
        await asyncio.sleep(0.1)
    return condition()


async def test_actions_screen_refreshes_and_keeps_the_filter(small_dir):
    app = make_app(small_dir, user="anna")
    someone_else = make_store(small_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("slash", *"telefoon")
        someone_else.add(Action(title="Telefoonlijst bijwerken", owner="Karim"), "de-hoek")
        appeared = await wait_until(pilot, lambda: "Telefoonlijst bijwerken" in "\n".join(screen_lines(app)))
        assert appeared
        assert app.screen.query_one("#filter", Input).value == "telefoon"


async def test_portfolio_shows_a_unit_someone_else_created(small_dir):
    app = make_app(small_dir, user="anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        make_store(small_dir).create_unit(Unit(name="Gezondheidscentrum Nieuwland"))
        # The name column shows "GC Nieuwland" at 80 columns; the detail line would show it whole.
        assert await wait_until(pilot, lambda: "GC Nieuwland" in "\n".join(screen_lines(app)))


async def test_on_a_database_a_colleagues_save_wakes_the_watcher_and_closing_ends_it(pg_url):
    """On PostgreSQL the watcher sleeps on LISTEN: a second Store's save shows without
    polling, and a closed screen's watcher thread ends at once (woken, not timed out)."""
    import time

    from tui.screens.actions_screen import ActionsScreen

    colleague = make_store(pg_url)
    colleague.create_unit(Unit(name="Huisartsenpraktijk De Hoek"), "de-hoek")
    colleague.add(Action(title="Eerste actie"), "de-hoek")
    app = make_app(pg_url, user="anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        watchers = [w for w in app.workers if w.group == "watch" and w.node is screen]
        assert len(watchers) == 1 and watchers[0].is_running
        started = time.monotonic()
        colleague.add(Action(title="Telefoonlijst bijwerken", owner="Karim"), "de-hoek")
        assert await wait_until(pilot, lambda: "Telefoonlijst bijwerken" in "\n".join(screen_lines(app)))
        assert time.monotonic() - started < screen.WAIT_SECONDS / 2  # told, not timed out
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen and not screen.is_attached, (app.screen, screen.is_attached)
        started = time.monotonic()
        assert await wait_until(pilot, lambda: "watch_ended" in screen.__dict__, seconds=2)
        assert time.monotonic() - started < 2
    colleague.close()


def watcher_threads() -> int:
    """Threads inside a live-refresh watcher right now."""
    import sys

    return sum(any(f.f_code.co_name == "_watching" for f in _stack(frame))
               for frame in sys._current_frames().values())


def _stack(frame):
    while frame is not None:
        yield frame
        frame = frame.f_back


async def test_only_the_screen_on_top_holds_a_watcher_thread(small_dir):
    """Textual's thread pool is small (six threads on two cores): covered screens give
    their watcher's thread back, so a deep stack of screens still loads."""

    app = make_app(small_dir, user="anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert await wait_until(pilot, lambda: watcher_threads() == 1), watcher_threads()
        await open_actions(pilot, "hoek")  # portfolio, dashboard, actions: three screens
        assert await wait_until(pilot, lambda: watcher_threads() == 1), (watcher_threads(), app.screen)
        await pilot.press("enter")  # the action's detail: a fourth
        await settle(pilot)
        assert await wait_until(pilot, lambda: watcher_threads() == 1), (watcher_threads(), app.screen)
        make_store(small_dir).add(Action(title="Zeepbel"), "de-hoek")
        await pilot.press("escape")  # back to the list: the change made meanwhile shows
        assert await wait_until(pilot, lambda: "Zeepbel" in "\n".join(screen_lines(app)))
        assert await wait_until(pilot, lambda: watcher_threads() == 1)
