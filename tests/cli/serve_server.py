"""A `spiegel serve` in a subprocess for the tests: started on a data directory whose
name holds spaces, its address and token read from what it prints."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class Served:
    def __init__(self, data_dir: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.env = {**os.environ, "PYTHONPATH": str(REPO), "SPIEGEL_LANG": "", **(env or {})}
        self.proc = subprocess.Popen([sys.executable, "-m", "cli", "--data-dir", str(data_dir), "serve", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env,
                                     start_new_session=True)
        self.lines: list[str] = []
        self.url = self._wait_for_url()
        found = re.match(r"http://([^/]+):(\d+)/\?token=([\w-]+)$", self.url)
        assert found, self.url
        self.host, self.port, self.token = found.group(1), int(found.group(2)), found.group(3)
        self.base = f"http://{self.host}:{self.port}"

    def _wait_for_url(self, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if ready:
                line = self.proc.stdout.readline()
                self.lines.append(line.rstrip("\n"))
                if found := re.search(r"(http://\S+/\?token=\S+)", line):
                    while "Ctrl+C" not in self.lines[-1]:  # the rest of the announcement ends with it
                        self.lines.append(self.proc.stdout.readline().rstrip("\n"))
                    return found.group(1)
            if self.proc.poll() is not None:
                raise AssertionError(f"spiegel serve stopped: {self.proc.stderr.read()}")
        raise AssertionError(f"no address from spiegel serve within {timeout} s: {self.lines}")

    def stop(self) -> str:
        """Stop the server (and the apps it started); its stderr."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        return self.proc.stderr.read()
