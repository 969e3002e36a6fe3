"""The one rule for tests that need root, Chromium, PostgreSQL or taskwarrior
(tests/needs.py): missing, they skip with the need's one line; with the need's flag
set (.ci/run) they fail; every skip of one need folds into one summary line."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests import needs

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def missing(monkeypatch):
    """taskwarrior as if it were not installed, its flag unset."""
    flag, _, line = needs.NEEDS["taskwarrior"]
    monkeypatch.setitem(needs.NEEDS, "taskwarrior", (flag, lambda: False, line))
    monkeypatch.delenv(flag, raising=False)
    return flag, line


def test_a_missing_need_skips_with_its_line(missing):
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y taskwarrior"):
        needs.need("taskwarrior")
    assert missing[1] in needs.missing_lines()


def test_with_its_flag_set_a_missing_need_fails(missing, monkeypatch):
    flag, line = missing
    monkeypatch.setenv(flag, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        needs.need("taskwarrior")
    assert flag in str(failed.value) and line in str(failed.value)


def test_a_present_need_does_nothing(monkeypatch):
    monkeypatch.setitem(needs.NEEDS, "root", ("SPIEGEL_REQUIRE_ROOT", lambda: True, "x"))
    needs.need("root")


def test_the_skips_of_one_need_are_one_summary_line(tmp_path):
    """Three tests skipping for one need, two of them through a fixture (which pytest
    places at each test's own line): one SKIPPED line, counting three."""
    (tmp_path / "conftest.py").write_text(
        "import pytest\nfrom tests.needs import fold\n\n"
        "@pytest.hookimpl(wrapper=True)\ndef pytest_runtest_makereport(item, call):\n"
        "    report = yield\n    fold(report)\n    return report\n")
    (tmp_path / "test_x.py").write_text(
        "import pytest\nfrom tests import needs\n"
        "needs.NEEDS['taskwarrior'] = (needs.NEEDS['taskwarrior'][0], lambda: False, needs.NEEDS['taskwarrior'][2])\n\n"
        "@pytest.fixture\ndef task():\n    needs.need('taskwarrior')\n\n"
        "def test_a(task):\n    pass\n\ndef test_b(task):\n    pass\n\n"
        "def test_c():\n    needs.need('taskwarrior')\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-rs",
                           "-c", "/dev/null", "--rootdir", str(tmp_path), str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "SPIEGEL_REQUIRE_TASKWARRIOR": ""})
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1 and skipped[0].startswith("SKIPPED [3] "), done.stdout
    assert skipped[0].endswith(f"tests/needs.py: {needs.hint('taskwarrior')}")
