import datetime as dt

import pytest
from hypothesis import settings

# Deterministic and 2-core friendly: no deadlines, derandomised examples.
settings.register_profile("ci", deadline=None, derandomize=True, max_examples=100, database=None)
settings.load_profile("ci")

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def dutch():
    """Every test starts in Dutch and leaves the language as it found it."""
    from store import i18n

    before = i18n.language()
    i18n.set_language("nl")
    yield
    i18n.set_language(before)


@pytest.fixture
def store(tmp_path):
    from store.repository import Store

    return Store(tmp_path / "data", user="tester", today=TODAY)


@pytest.fixture
def unit(store):
    from store.records import Unit

    return store.create_unit(Unit(name="Huisartsenpraktijk De Hoek", relatiemanager="Els"))


def write_unit_file(data_dir, slug: str, raw: bytes):
    """Plant a unit's `unit.json` by hand (a broken or hand-edited file), in a unit
    directory made as spiegel makes one; returns the file's Path."""
    from pathlib import Path

    unit_dir = Path(data_dir) / slug
    unit_dir.mkdir(parents=True, exist_ok=True)
    unit_dir.chmod(0o2770)
    path = unit_dir / "unit.json"
    path.write_bytes(raw)
    return path
