"""Bad input on a database is answered before the database is reached (issue 27): no
psycopg import (~150 ms here, benchmarks/results.md), no connection. The URL below
names no server at all, so a command that reached for it would end with "kan de
database niet bereiken" instead of the line about the input."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOWHERE = "postgresql://niemand@/spiegel?host=/nonexistent-socket-dir"


def answer(*argv: str) -> tuple[str, bool]:
    """(the command's stderr, whether it imported psycopg)."""
    code = (f"import sys\nfrom cli.main import run\ncode = run({list(argv)!r})\n"
            "sys.stderr.write('\\npsycopg imported: %s' % ('psycopg' in sys.modules))\nsys.exit(code)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPIEGEL_")}
    env.update({"SPIEGEL_DB": NOWHERE, "SPIEGEL_TODAY": "2026-11-23", "PYTHONPATH": str(REPO)})
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=REPO)
    assert done.returncode != 0
    message, _, imported = done.stderr.rpartition("\npsycopg imported: ")
    return message, imported == "True"


@pytest.mark.parametrize("argv, says", [
    (["add", "Folder", "--unit", "hoek", "--due", "gisteravond laat"], "geen datum"),
    (["list", "--status", "klaar-ish"], "klaar-ish"),
    (["list", "--overdue", "--status", "klaar-ish"], "klaar-ish"),
    (["edit", "A-1", "--due", "gisteravond laat"], "geen datum"),
    (["edit", "A-1", "--veld-dat-niet-bestaat", "x"], "veld-dat-niet-bestaat"),
    (["edit", "A-1"], "--owner"),
    (["edit", "Q-1", "--owner", "Sanne"], "Q-1"),
    (["show", "Q-1"], "Q-1"),
])
def test_bad_input_on_a_database_is_one_line_without_importing_psycopg(argv, says):
    message, imported = answer(*argv)
    assert says in message and "database" not in message, message
    assert len(message.strip().splitlines()) == 1, message
    assert not imported


def test_good_input_does_reach_for_the_database():
    """The same command, well formed: it connects, and says it cannot (the test above could fail)."""
    message, imported = answer("list", "--status", "gepland")
    assert "database" in message and imported
