import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path):
    """Run the real `spiegel` command in a subprocess on a fresh data directory."""
    env = {**os.environ, "SPIEGEL_DATA": str(tmp_path / "data"), "SPIEGEL_TODAY": "2026-11-23",
           "PYTHONPATH": str(REPO), "LANG": "nl_NL.UTF-8", "LC_ALL": "", "SPIEGEL_LANG": ""}

    def spiegel(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, env=env)
        if ok:
            assert done.returncode == 0, done.stderr
        return done

    spiegel.env = env
    return spiegel


@pytest.fixture
def two_units(tmp_path):
    from store.model.records import Finding, Unit
    from store.persistence.repository import Store

    store = Store(tmp_path / "data", user="tester")
    store.create_unit(Unit(name="Praktijk De Hoek"))
    store.create_unit(Unit(name="Gemeente Best", kind="municipality"))
    store.add(Finding(text="Slecht bereikbaar"), "praktijk-de-hoek")
    return store
