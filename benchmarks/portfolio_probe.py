"""One measured start of the app on the portfolio, run by `benchmarks.portfolio`.

    python -m benchmarks.portfolio_probe DATA_DIR TODAY

Like benchmarks/tui_probe.py: the parent passes the wall-clock time just before it
started this process (SPIEGEL_BENCH_T0), so both figures include interpreter
start-up and every import. Prints one JSON line: first_paint (the portfolio
composed) and first_frame (composed with every unit's row), in seconds.
"""

from __future__ import annotations

import os
import time

START = float(os.environ.get("SPIEGEL_BENCH_T0", time.time()))

import asyncio  # noqa: E402  (after START: imports are part of what is measured)
import datetime as dt  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402


async def measure(data_dir: str, today: dt.date) -> dict:
    from benchmarks.tui_probe import rows_drawn
    from tui.app import make_app

    app = make_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.screen.query("RowTable"):
            await asyncio.sleep(0.002)
        app.screen._compositor.render_update(full=True)
        first_paint = time.time() - START
        table = await rows_drawn(pilot, lambda: app.screen.query("RowTable").first())
        first_frame = time.time() - START
        rows = table.total
    return {"first_paint": first_paint, "first_frame": first_frame, "rows": rows}


def main() -> None:
    data_dir, today = sys.argv[1:3]
    print(json.dumps(asyncio.run(measure(data_dir, dt.date.fromisoformat(today)))))


if __name__ == "__main__":
    main()
