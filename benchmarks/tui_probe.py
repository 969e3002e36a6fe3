"""One measured TUI session, run in a fresh interpreter by `benchmarks.tui`.

    python -m benchmarks.tui_probe DATA_DIR SLUG TODAY

The parent passes the wall-clock time just before it started this process
(SPIEGEL_BENCH_T0), so "first frame" includes interpreter start-up and every
import, as a user waits for them. The app runs headless at 80×24 in Textual's
test harness; keys go through the same message queue as typed keys. Prints one
JSON line: first_paint, first_frame and open_list (s), keystrokes (s each), rss_mb (peak).
"""

from __future__ import annotations

import os
import time

START = float(os.environ.get("SPIEGEL_BENCH_T0", time.time()))

import asyncio  # noqa: E402  (after START: imports are part of what is measured)
import datetime as dt  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

from textual import events  # noqa: E402

# Typed into the filter, then erased again: every keystroke refilters all rows.
FILTER_TEXT = "terugbel 12"
ROUNDS = 3


async def measure(data_dir: str, slug: str, today: dt.date) -> dict:
    from tui.app import make_app
    from tui.screens.actions_screen import ActionsScreen

    app = make_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        # 1. Start-up: the first screen composed (its rows still loading), then the
        #    same screen with every unit's figures.
        while not app.screen.query("RowTable"):
            await asyncio.sleep(0.002)
        app.screen._compositor.render_update(full=True)
        first_paint = time.time() - START
        await rows_drawn(pilot, lambda: app.screen.query("RowTable").first())
        first_frame = time.time() - START
        # 2. Opening the unit's list of all its actions (Enter on a unit does this).
        started = time.perf_counter()
        screen = ActionsScreen(app.store, slug, app.store.unit(slug).name)
        await app.push_screen(screen)
        table = await rows_drawn(pilot, lambda: screen.query_one("#actions"))
        open_list = time.perf_counter() - started
        total = table.total
        # 3. Typing a filter and erasing it again, several times (after `/`, the
        #    one key rule: letters on a list are commands until the filter has focus).
        await keystroke(pilot, "slash")
        keystrokes, narrowest = [], total
        for _ in range(ROUNDS):
            for key in FILTER_TEXT:
                keystrokes.append(await keystroke(pilot, key))
            narrowest = min(narrowest, len(table.rows))
            for _ in FILTER_TEXT:
                keystrokes.append(await keystroke(pilot, "backspace"))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"first_paint": first_paint, "first_frame": first_frame, "open_list": open_list, "keystrokes": keystrokes, "rss_mb": rss_mb,
            "rows": total, "rows_filtered": narrowest}


async def rows_drawn(pilot, table_of):
    """Wait until the table has its rows, then until the frame showing them is composed."""
    while True:
        table = table_of()
        if table is not None and table.total:
            break
        await asyncio.sleep(0.002)
    await pilot._wait_for_screen()
    pilot.app.screen._compositor.render_update(full=True)
    return table


async def keystroke(pilot, key: str) -> float:
    """Seconds from a key arriving to the next frame being composed.

    Not `pilot.press`: that sleeps in steps of 20 ms to detect idleness, which
    would dominate the figure. Here the key goes to the driver's queue as a
    terminal's key would, the screen processes it and what it caused (the
    filter's Changed message), and the whole 80×24 frame is composed. Not
    included: waiting for the next display tick (at most 1/60 s)."""
    app = pilot.app
    started = time.perf_counter()
    name, char = ("space", " ") if key == " " else (key, key if len(key) == 1 else None)
    app._driver.send_message(events.Key(name, char))
    for _ in range(3):  # the key, the Input.Changed it posts, the refreshes that follow
        await pilot._wait_for_screen()
    app.screen._compositor.render_update(full=True)
    return time.perf_counter() - started


def main() -> None:
    data_dir, slug, today = sys.argv[1:4]
    print(json.dumps(asyncio.run(measure(data_dir, slug, dt.date.fromisoformat(today)))))


if __name__ == "__main__":
    main()
