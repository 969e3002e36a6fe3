import datetime as dt

import pytest
from hypothesis import settings

from tests.pg_server import pg_cluster, pg_url  # noqa: F401  (fixtures)

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


BACKENDS = ("files", "postgresql")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config):
    """`-n auto` (pyproject's addopts): two workers per core, not one. The TUI tests
    spend most of their time asleep: Textual's pilot waits for the app to go idle in
    20 ms slices after every key (textual/_wait.py), so one worker per core left the
    cores idle about half the time (a TUI test: 3.7 s CPU in 11.7 s). Measured on 65
    TUI tests: 263 s with 2 workers, 168 s with 4. PYTEST_XDIST_AUTO_NUM_WORKERS
    still overrides, as xdist documents."""
    import os

    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


def pytest_configure(config):
    config.addinivalue_line("markers", "files_only: a test of the file backend itself (not run on PostgreSQL)")
    config.addinivalue_line("markers", "database_only: a test of the PostgreSQL backend's own keeping")


def pytest_report_header(config):
    """One line per missing need (tests/needs.py): what skips, and how to get it."""
    from tests.needs import missing_lines

    return missing_lines() or None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    from tests.needs import fold

    report = yield
    fold(report)
    return report


def pytest_generate_tests(metafunc):
    """Every test of Store's behaviour runs on both backends; `@pytest.mark.files_only`
    (or a module's `pytestmark`) keeps a test of the files themselves to files, and
    `@pytest.mark.database_only` one of the database's own keeping to PostgreSQL."""
    if "backend" in metafunc.fixturenames:
        marked = metafunc.definition.get_closest_marker
        chosen = BACKENDS[:1] if marked("files_only") else BACKENDS[1:] if marked("database_only") else BACKENDS
        metafunc.parametrize("backend", chosen, indirect=True)


@pytest.fixture
def backend(request):
    """Where the `store` fixture keeps its data: "files" or "postgresql"."""
    return request.param


@pytest.fixture
def location(backend, tmp_path, request):
    """A data directory, or a fresh database's URL: what `Store(...)` is given."""
    if backend == "files":
        return str(tmp_path / "data")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(location):
    from store.persistence.repository import Store

    opened = Store(location, user="tester", today=TODAY)
    yield opened
    opened.close()


@pytest.fixture
def unit(store):
    from store.model.records import Unit

    return store.create_unit(Unit(name="Huisartsenpraktijk De Hoek", relatiemanager="Els"))


def stored(store, slug: str):
    """What is stored of a unit, to compare before and after ("nothing was written"):
    the file's bytes, or the database unit's write counter."""
    if store.files is not None:
        from pathlib import Path

        return Path(store.unit_path(slug)).read_bytes()
    return store.fingerprint(slug)


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
