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

# ~ orjson's import cost at stdlib json's extra cost per byte. Measured on the demo's
# data (10k actions; Python 3.11, orjson 3.11): importing orjson costs 18-30 ms (it
# brings dataclasses, inspect, uuid); stdlib json parses the 50 list indexes (2.1 MB)
# in 14 ms where orjson takes 10, and unit files at 15 ms/MB where orjson takes 8.
# At 1.5 MB `list` switched halfway through its indexes and paid the import for ~1 ms.
SWITCH_BYTES = 4_000_000
_read = [0]


def loads(raw: bytes):
    """Parsed JSON, or ValueError; also for nesting deeper than the parsers go (a
    colleague's 10 KB of `[[[[…` raised RecursionError: a crash, not a bad file).
    Caught here rather than scanned for beforehand: a scan would cost every `add`."""
    _read[0] += len(raw)
    if _read[0] > SWITCH_BYTES or "orjson" in sys.modules:
        import orjson

        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass  # stdlib json decides: it also reads escaped lone surrogates, which a hand-edit may hold
    try:
        return json.loads(raw, parse_constant=_not_a_number, parse_float=_finite)
    except RecursionError:
        raise TooDeep("nested too deeply") from None


class TooDeep(ValueError):
    """JSON nested deeper than a parser can follow."""


def _not_a_number(word: str) -> float:
    raise ValueError(f"{word} is no JSON number")  # NaN, Infinity: orjson refuses them too


def _finite(text: str) -> float:
    number = float(text)
    if number in (_INF, -_INF):
        raise ValueError(f"{text} is too big for a number")  # 1e999, as orjson says
    return number


_INF = float("inf")


def dumps(data) -> bytes:
    """Compact UTF-8 JSON. Numbers are finite: store.model.fields refuses NaN and infinity.
    Documents spiegel did not write (a bad record kept as it was, see
    store/model/validate.py) may hold what orjson will not write (an int beyond 64 bits, a
    lone surrogate): stdlib json writes those, escaping such characters."""
    orjson = sys.modules.get("orjson")
    if orjson is not None:
        try:
            return orjson.dumps(data)
        except TypeError:
            pass
    try:
        return _stdlib_dumps(data, ensure_ascii=False).encode()
    except UnicodeEncodeError:  # a lone surrogate: kept, as an escape
        return _stdlib_dumps(data, ensure_ascii=True).encode()


def _stdlib_dumps(data, ensure_ascii: bool) -> str:
    """What json.dumps writes, compact and without NaN; a dict with text keys (a unit
    file: tables of documents) one value at a time. The same text, but json's encoder
    keeps every small piece of its output alive until the end (tens of thousands for a
    unit file): value by value they are fewer at once, and an `add` in a fresh process
    spends ~0.4 ms less on new memory (benchmarks/results.md)."""
    encode = json.JSONEncoder(ensure_ascii=ensure_ascii, separators=(",", ":"), allow_nan=False).encode
    if type(data) is dict and all(type(key) is str for key in data):
        return "{" + ",".join(f"{encode(key)}:{encode(value)}" for key, value in data.items()) + "}"
    return encode(data)
