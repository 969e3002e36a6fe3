"""store/ is pure Python: the TUI depends on it, never the reverse."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import store

REPO = Path(__file__).resolve().parents[2]


def test_no_store_module_imports_textual_or_rich():
    modules = [f"store.{m.name}" for m in pkgutil.iter_modules(store.__path__)]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "bad = [m for m in ('textual', 'rich') if m in sys.modules]\nassert not bad, bad\n"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(modules) >= 10
