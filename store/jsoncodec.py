"""JSON for the unit files: stdlib `json` while little has been read, orjson after.

Why not always orjson: importing it costs ~25 ms here (it loads uuid, dataclasses
and platform at start-up), more than a whole small command spends parsing, so
`spiegel add` (one ~80 KB unit file) is faster with stdlib json. orjson parses
several times faster, so once a process has read enough bytes to repay its import
(the app, `spiegel list` over many units) it takes over. Both write the same JSON:
compact, UTF-8, no NaN. shared/pitfalls.md: "measure the add path with both and
keep whichever wins end to end" (benchmarks/results.md).
"""

from __future__ import annotations

import json
import sys

SWITCH_BYTES = 1_500_000  # ~ orjson's import cost at stdlib json's extra cost per byte
_read = [0]


def loads(raw: bytes):
    _read[0] += len(raw)
    if _read[0] > SWITCH_BYTES or "orjson" in sys.modules:
        import orjson

        return orjson.loads(raw)
    return json.loads(raw)


def dumps(data) -> bytes:
    """Compact UTF-8 JSON. Numbers are finite: store.fields refuses NaN and infinity."""
    orjson = sys.modules.get("orjson")
    if orjson is not None:
        return orjson.dumps(data)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
