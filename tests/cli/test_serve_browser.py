"""`spiegel serve` in a real headless browser: Playwright driving the system's
Chromium (shared/pitfalls.md: Playwright's own browser download is not reachable;
root needs --no-sandbox). The page loads, the app draws its first screen, keys typed
in the page reach the app (a finding typed in the browser lands in the data), and a
page without the token is refused.

Without Chromium it skips with one line; .ci/run installs it and sets
SPIEGEL_REQUIRE_CHROMIUM, under which it fails instead (tests/needs.py)."""

from __future__ import annotations

import datetime as dt
import os
import pwd
import re
import time

import pytest

from store.model.records import Finding, Meeting, Unit
from store.persistence.repository import Store
from tests import needs
from tests.cli.serve_server import Served

CHROMIUM = needs.CHROMIUM


@pytest.fixture(scope="module")
def browser():
    needs.need("chromium")
    from playwright.sync_api import sync_playwright  # the test extra brings it
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def served(tmp_path):
    path = tmp_path / "data met spaties"
    store = Store(path, user="tester")
    store.create_unit(Unit(name="Praktijk De Hoek"))
    store.add(Meeting(date=dt.date(2026, 11, 10), theme="Bereikbaarheid"), "praktijk-de-hoek")
    server = Served(path)
    server.store = store
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 700})
    opened = context.new_page()
    # The page asks Google for a font; nothing leaves this machine in a test.
    opened.route("**/*", lambda route: route.abort() if "127.0.0.1" not in route.request.url else route.continue_())
    yield opened
    context.close()


class Screen:
    """What the served app has drawn so far: the terminal bytes of the page's websocket,
    as Playwright sees them arrive (the page draws on a canvas: no text in the DOM)."""

    def __init__(self, page) -> None:
        self.page, self.received = page, []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        self.received.append(payload.decode("utf-8", "ignore") if isinstance(payload, bytes) else payload)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        """Until the app has drawn `text` (events arrive while Playwright waits)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in "".join(self.received):
                self.received.clear()
                return
            self.page.wait_for_timeout(100)
        shown = re.sub(r"\s+", " ", re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", "".join(self.received)))[-600:]
        raise AssertionError(f"the served app did not show {text!r} within {timeout} s; it drew: {shown}")


def test_page_loads_draws_the_app_and_keys_reach_it(served, page):
    screen = Screen(page)
    complaints: list[str] = []
    page.on("console", lambda message: complaints.append(message.text) if "Security Policy" in message.text else None)
    response = page.goto(served.url, wait_until="domcontentloaded")
    assert response.status == 200 and page.url.endswith(f"/{served.token}/")
    # textual.js marks the body when the app's first bytes arrive; then the terminal shows.
    page.wait_for_selector("body.-first-byte", timeout=30_000)
    screen.wait_for("Praktijk De Hoek")  # the portfolio lists the unit
    page.wait_for_timeout(500)
    shot = page.screenshot()
    assert len(set(shot[200:])) > 50  # a drawn screen, not one flat colour
    page.locator(".xterm-helper-textarea").focus()  # where xterm.js takes the keys
    page.keyboard.press("Enter")  # open the unit: its dashboard
    screen.wait_for("Fase per route")
    page.keyboard.press("m")  # its meetings, loaded
    screen.wait_for("1 van 1 bijeenkomst")
    page.keyboard.press("c")  # fast capture on the first meeting
    screen.wait_for("vastleggen")
    page.keyboard.type("- via de browser")
    page.keyboard.press("Enter")
    deadline = time.monotonic() + 20
    texts: list[str] = []
    while time.monotonic() < deadline and not texts:
        texts = [f.text for f in Store(served.store.location).records(Finding)]
        time.sleep(0.3)
    assert texts == ["via de browser"], "the keys typed in the browser did not reach the served app"
    assert not complaints  # the page's Content-Security-Policy blocks nothing it needs
    saved = Store(served.store.location).records(Finding)[0]
    assert saved.meeting == "M-1" and saved.created_by == pwd.getpwuid(os.getuid()).pw_name  # runs as who started it


def test_a_page_without_the_token_is_refused(served, page):
    for url in (served.base + "/", served.base + "/?token=raden", f"{served.base}/static/js/textual.js"):
        response = page.goto(url)
        assert response.status == 403, url
        assert "token" in page.inner_text("body")


def test_a_foreign_page_cannot_open_the_websocket(served, page):
    """A page from another origin (here: a file the browser opens) that knows the
    path still cannot start an app: the Origin is not ours."""
    page.goto(served.url, wait_until="domcontentloaded")
    page.wait_for_selector("body.-first-byte", timeout=30_000)
    foreign = page.context.new_page()
    foreign.set_content("<html><body>elders</body></html>")  # about:blank origin: 'null'
    outcome = foreign.evaluate("""url => new Promise(done => {
        const ws = new WebSocket(url);
        ws.onopen = () => { ws.close(); done("open"); };
        ws.onerror = () => done("refused");
    })""", f"ws://127.0.0.1:{served.port}/{served.token}/ws?width=80&height=24")
    assert outcome == "refused"
