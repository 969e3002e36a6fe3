"""Short ids a person can type (`A-12`, `L-7`), unique across the data directory.

Unique across units so `spiegel show A-12` needs no unit. The counters live in one
small file beside the unit files, written like a unit file (lock, temp, fsync,
replace). It holds only numbers, so sharing it between practices' groups reveals
nothing. If it is missing, the counters are rebuilt from the highest ids found.
"""

from __future__ import annotations

import os

from store import jsoncodec
from store.errors import AlreadyExists, CorruptFile
from store.i18n import t
from store.unitfile import UnitFile

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/recordtype.py); only type checkers need it
    from typing import Callable, Iterable

COUNTER_FILE = ".spiegel-ids"


class IdCounter:
    def __init__(self, data_dir: str, existing: Callable[[], Iterable[str]]) -> None:
        self._file = _CounterFile(os.path.join(data_dir, f"{COUNTER_FILE}.json"))
        self._existing = existing

    def next_ids(self, prefix: str, count: int = 1) -> list[str]:
        """Reserve `count` new ids with this prefix."""
        if not os.path.exists(self._file.path):
            self._seed()
        with self._file.transaction() as counters:
            first = counters.get(prefix, 0) + 1
            counters[prefix] = first + count - 1
        return [f"{prefix}-{n}" for n in range(first, first + count)]

    def _seed(self) -> None:
        highest: dict[str, int] = {}
        for record_id in self._existing():
            prefix, _, number = record_id.partition("-")
            if number.isdigit():
                highest[prefix] = max(highest.get(prefix, 0), int(number))
        try:
            self._file.create(highest)
        except AlreadyExists:
            return  # another process created it between our check and our lock: use theirs


class _CounterFile(UnitFile):
    """A UnitFile whose content is a flat {prefix: last number} map."""

    def _load(self) -> dict:
        with open(self.path, "rb") as f:
            raw = f.read()
        try:
            data = jsoncodec.loads(raw)
        except ValueError as exc:  # json's and orjson's decode errors alike
            raise CorruptFile(self.path, t("file.not_json", detail=str(exc))) from None
        if not isinstance(data, dict) or not all(isinstance(v, int) for v in data.values()):
            raise CorruptFile(self.path, t("file.not_spiegel"))
        return data
