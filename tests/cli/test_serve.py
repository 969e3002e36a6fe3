"""`spiegel serve` without a browser: what it prints, what it refuses (no token, a
wrong Host, a foreign or missing Origin, one session too many), the address flag,
and the environment and command each app starts with. The browser test is
test_serve_browser.py."""

from __future__ import annotations

import asyncio
import shlex
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from store.model.records import Unit
from store.persistence.repository import Store
from tests.cli.serve_server import REPO, Served

aiohttp = pytest.importorskip("aiohttp", reason="pip install 'spiegel[serve]'")  # comes with textual-serve


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data met spaties"
    Store(path, user="tester").create_unit(Unit(name="Praktijk De Hoek"))
    return path


@pytest.fixture
def served(data_dir):
    server = Served(data_dir, "--sessions", "1")
    yield server
    server.stop()


def status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


async def ws_status(url: str, origin: str | None) -> int:
    """101 when the websocket opens (then closed at once), else the refusal's status."""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=5)) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_it_prints_the_address_with_its_token_and_the_ssh_line(served):
    assert served.host == "127.0.0.1" and len(served.token) >= 32
    text = "\n".join(served.lines)
    assert f"ssh -L {served.port}:127.0.0.1:{served.port} " in text
    assert "deel het met niemand" in text and "Hoogstens 1 sessie tegelijk" in text


def test_every_http_request_needs_the_token(served):
    assert status(f"{served.base}/?token={served.token}") [0] == 302
    assert status(f"{served.base}/{served.token}/")[0] == 200
    assert status(f"{served.base}/{served.token}/static/js/textual.js")[0] == 200
    for path in ("/", "/?token=wrong", "/static/js/textual.js", "/static/", "/ws", "/wrong/", f"/{served.token[:-1]}/",
                 f"/{served.token}x/static/js/textual.js", "/download/x"):
        code, body = status(served.base + path)
        assert code == 403 and "token" in body, path
    assert status(f"{served.base}/{served.token}/static/")[0] in (403, 404)  # no directory listing


def test_page_is_not_cached_framed_or_leaking_its_address(served):
    with urllib.request.urlopen(f"{served.base}/{served.token}/", timeout=10) as response:
        headers, page = response.headers, response.read().decode()
    assert headers["Referrer-Policy"] == "no-referrer" and headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"
    assert f'ws://127.0.0.1:{served.port}/{served.token}/ws' in page
    assert "googleapis" not in page and "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def headers_of(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_every_response_has_the_documented_headers_redirects_and_refusals_included(served):
    urls = [(f"{served.base}/?token={served.token}", 302), (f"{served.base}/{served.token}/", 200),
            (f"{served.base}/{served.token}/static/js/textual.js", 200), (f"{served.base}/", 403),
            (f"{served.base}/{served.token}/nergens", 404), (f"{served.base}/{served.token}/static/", 403)]
    for url, code in urls:
        got, headers = headers_of(url)
        assert got == code or (code == 403 and got == 404), url
        assert headers["Cache-Control"] == "no-store" and headers["Referrer-Policy"] == "no-referrer", url
        assert headers["X-Frame-Options"] == "DENY", url
    got, headers = headers_of(f"{served.base}/{served.token}/", {"Host": "evil.example"})
    assert got == 403 and headers["Referrer-Policy"] == "no-referrer"
    _code, redirect = headers_of(f"{served.base}/?token={served.token}")
    assert redirect["Location"] == f"/{served.token}/"

    def upgrade() -> str:
        """The head of the 101 that opens the websocket, as a browser receives it."""
        import base64
        import os
        import socket

        key = base64.b64encode(os.urandom(16)).decode()
        with socket.create_connection(("127.0.0.1", served.port), timeout=10) as conn:
            conn.sendall((f"GET /{served.token}/ws?width=80&height=24 HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
                          f"Origin: {served.base}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
            head = b""
            while b"\r\n\r\n" not in head:
                head += conn.recv(4096)
        return head.decode("latin-1").partition("\r\n\r\n")[0]

    sent = upgrade()
    assert sent.startswith("HTTP/1.1 101") and "Cache-Control: no-store" in sent
    assert "Referrer-Policy: no-referrer" in sent


@pytest.mark.parametrize("host, name", [
    ("127.0.0.1:8000", "127.0.0.1"), ("localhost", "localhost"), ("[::1]:8000", "::1"),
    ("127.0.0.1:1; script-src *", None), ("127.0.0.1:80<x>", None), ("a b:1", None), ("", None),
])
def test_host_names(host, name):
    from cli.serve_server import host_name

    assert host_name(host) == name


def test_a_foreign_host_header_is_refused(served):
    code, body = status(f"{served.base}/{served.token}/", {"Host": f"evil.example:{served.port}"})
    assert code == 403 and "Host" in body
    assert status(f"{served.base}/{served.token}/", {"Host": f"localhost:{served.port + 1}"})[0] == 200  # ssh -L elsewhere
    assert status(f"{served.base}/{served.token}/", {"Host": "127.0.0.1:1; script-src *"})[0] == 403


def test_websocket_needs_token_and_our_origin_and_one_session_at_most(served):
    ws = f"ws://127.0.0.1:{served.port}"
    ours = served.base

    async def check():
        assert await ws_status(f"{ws}/ws", ours) == 403
        assert await ws_status(f"{ws}/wrong/ws", ours) == 403
        assert await ws_status(f"{ws}/{served.token}/ws", "http://evil.example") == 403
        assert await ws_status(f"{ws}/{served.token}/ws", f"http://localhost:{served.port}") == 403  # not the page's
        assert await ws_status(f"{ws}/{served.token}/ws", None) == 403
        headers = {"Origin": ours}
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{ws}/{served.token}/ws?width=80&height=24", headers=headers) as first:
                assert await ws_status(f"{ws}/{served.token}/ws", ours) == 503  # --sessions 1
                await first.close()
        for _ in range(50):  # the server counts the session closed a moment later
            if await ws_status(f"{ws}/{served.token}/ws", ours) == 101:
                return
            await asyncio.sleep(0.1)
        raise AssertionError("the session limit did not free up")

    asyncio.run(check())


def test_another_address_needs_the_flag_and_warns(data_dir):
    env = {"PYTHONPATH": str(REPO), "SPIEGEL_LANG": ""}
    done = subprocess.run([sys.executable, "-m", "cli", "--data-dir", str(data_dir), "serve", "--host", "127.0.0.2"],
                          capture_output=True, text=True, env=env, timeout=20)
    assert done.returncode == 2 and "--allow-remote" in done.stderr and len(done.stderr.splitlines()) == 1
    server = Served(data_dir, "--host", "127.0.0.2", "--allow-remote")
    try:
        assert server.host == "127.0.0.2" and "ssh -L" not in "\n".join(server.lines)
        assert status(f"{server.base}/{server.token}/")[0] == 200
    finally:
        stderr = server.stop()
    assert "let op: de app is bereikbaar op 127.0.0.2" in stderr


def test_a_missing_data_directory_is_one_line(tmp_path):
    env = {"PYTHONPATH": str(REPO), "SPIEGEL_LANG": ""}
    done = subprocess.run([sys.executable, "-m", "cli", "--data-dir", str(tmp_path / "nee"), "serve"],
                          capture_output=True, text=True, env=env, timeout=20)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_each_app_gets_a_short_explicit_environment():
    from cli.serve_server import GuardedAppService, app_environment

    server_env = {"PYTHONPATH": "/x y", "AWS_SECRET_ACCESS_KEY": "geheim", "SSH_AUTH_SOCK": "/tmp/agent",
                  "SPIEGEL_RUN_RULES": "anhoej", "LD_PRELOAD": "/tmp/evil.so"}
    env = app_environment("en", "postgresql://inge:pw@db/spiegel", server_env)
    assert env["PYTHONPATH"] == "/x y" and env["SPIEGEL_RUN_RULES"] == "anhoej" and env["SPIEGEL_LANG"] == "en"
    assert env["SPIEGEL_DB"] == "postgresql://inge:pw@db/spiegel"  # never on a command line `ps` shows
    assert not {"AWS_SECRET_ACCESS_KEY", "SSH_AUTH_SOCK", "LD_PRELOAD"} & set(env)
    service = GuardedAppService("true", write_bytes=None, write_str=None, close=None, download_manager=None,
                                base_env=env)
    built = service._build_environment(100, 30)
    assert built["TEXTUAL_DRIVER"].endswith("WebDriver") and (built["COLUMNS"], built["ROWS"]) == ("100", "30")
    assert set(built) - set(env) <= {"TEXTUAL_DRIVER", "TEXTUAL_FPS", "TEXTUAL_COLOR_SYSTEM", "TERM_PROGRAM",
                                     "TERM_PROGRAM_VERSION", "COLUMNS", "ROWS"}


def test_the_command_quotes_a_data_directory_with_spaces(monkeypatch, data_dir):
    """The command each connection runs through /bin/sh: the data directory one argument."""
    import cli.serve_server as module

    seen = {}

    class Capture(module.GuardedServer):
        def serve(self, debug=False):
            seen["command"] = self.command
            self.sock.close()

    monkeypatch.setattr(module, "GuardedServer", Capture)
    from cli.main import run

    assert run(["--data-dir", str(data_dir), "serve"]) == 0
    words = shlex.split(seen["command"])
    assert words[:4] == [sys.executable, "-P", "-m", "cli"] and words[-2:] == ["--data-dir", str(data_dir)]


def test_the_textual_serve_we_subclass():
    """GuardedServer relies on these parts of textual-serve 1.1 (pyproject pins <1.2)."""
    from importlib.metadata import version

    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    assert version("textual-serve").startswith("1.1.")
    assert all(hasattr(Server, name) for name in ("_process_messages", "handle_download", "request_exit"))
    assert hasattr(AppService, "_build_environment")


def test_ctrl_c_closes_the_browsers_and_their_apps(data_dir):
    """With a browser connected, Ctrl+C ends the server at once and every app it started."""
    import os
    import signal
    import time

    server = Served(data_dir)

    async def connect_then_interrupt():
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(f"ws://127.0.0.1:{server.port}/{server.token}/ws?width=80&height=24",
                                          headers={"Origin": server.base})
            await asyncio.sleep(2)  # the app has started
            os.kill(server.proc.pid, signal.SIGINT)
            ends = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
            while (await ws.receive(timeout=10)).type not in ends:  # the app's last frames, then the close
                pass

    try:
        asyncio.run(connect_then_interrupt())
        assert server.proc.wait(10) == 0
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(server.proc.pid, 0)  # the server's process group: the apps it started
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("an app outlived the server")
    finally:
        stderr = server.stop()
    assert "Traceback" not in stderr
