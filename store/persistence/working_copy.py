"""TinyDB's table API over a transaction's working copy of a unit file.

Kept apart from store/persistence/transaction.py so only the transactions that read or replace
documents import TinyDB; the UnitFile, not TinyDB, writes the file.
"""

from __future__ import annotations

from tinydb import TinyDB
from tinydb.storages import Storage


class _WorkingCopyStorage(Storage):
    """TinyDB storage over the transaction's data dict."""

    def __init__(self, data: dict) -> None:
        self._data = data

    def read(self) -> dict:
        return self._data

    def write(self, data: dict) -> None:
        self._data.update(data)  # TinyDB hands back the same tables it read


def tinydb_over(data: dict) -> TinyDB:
    return TinyDB(data, storage=_WorkingCopyStorage)
