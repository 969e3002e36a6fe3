"""textual-serve with the guards it lacks (shared/pitfalls.md "textual-serve").

textual-serve 1.1.3 serves an app to a browser over a websocket, but has no
authentication and no Origin or Host check, lists /static, starts
`/bin/sh -c command` per connection with a full copy of the server's environment,
and takes any number of connections. On a shared server 127.0.0.1 is reachable by
every account, and any web page the user opens may try to talk to it. So:

- every path lives under `/<token>/` (the token is printed at start; `/?token=…`
  redirects there). A path, not a cookie: cookies ignore the port, so a cookie
  would be sent to any other user's server on the same host, token and all;
- the Host header must name the address we listen on (no DNS rebinding; any port,
  as `ssh -L` may forward another), and a websocket's Origin must be that same
  address (no foreign page drives the app);
- at most `max_sessions` apps run at once;
- each app runs as this user with a short, explicit environment; the command is a
  list of arguments joined with shlex.quote (a data directory may hold spaces).

Only textual-serve's public pieces are used: its `Server` (subclassed), its
`AppService` (its environment narrowed) and its template and static files.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
import pwd
import re
import signal
import socket
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from store.i18n import t

log = logging.getLogger("spiegel.serve")

# What textual-serve itself adds to the app's environment (its _build_environment);
# everything else of the server's environment stays out.
TEXTUAL_KEYS = ("TEXTUAL_DRIVER", "TEXTUAL_FPS", "TEXTUAL_COLOR_SYSTEM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION",
                "COLUMNS", "ROWS")
# Installation settings an app may need; passed on only when set.
PASSED_ON = ("PYTHONPATH", "TZ", "SPIEGEL_RUN_RULES", "SPIEGEL_BASELINE_MIN")


def app_environment(lang: str, database: str | None = None, source: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every served app starts with: who we are, where Python looks,
    the language, and (never on the command line, which every user can read in
    `ps`) a database URL."""
    source = os.environ if source is None else source
    user = pwd.getpwuid(os.getuid())
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": user.pw_dir, "USER": user.pw_name,
           "LOGNAME": user.pw_name, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "SPIEGEL_LANG": lang}
    env.update({key: source[key] for key in PASSED_ON if source.get(key)})
    if database:
        env["SPIEGEL_DB"] = database
    return env


class GuardedAppService(AppService):
    """textual-serve's AppService, started with our environment instead of a copy of ours."""

    def __init__(self, *args: Any, base_env: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_env = base_env

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        theirs = super()._build_environment(width=width, height=height)
        return {**self.base_env, **{key: theirs[key] for key in TEXTUAL_KEYS if key in theirs}}


class GuardedServer(Server):
    """A textual-serve Server behind a token, a Host and Origin check and a session limit."""

    def __init__(self, command: str, sock: socket.socket, token: str, env: dict[str, str],
                 max_sessions: int = 3, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(command, host=host, port=port, title="spiegel")
        self.sock, self.token, self.env, self.max_sessions = sock, token, env, max_sessions
        self.allowed_names = set(hosts)  # any port: `ssh -L 9000:127.0.0.1:PORT` makes the browser say 9000
        self.sessions = 0
        self.open_sockets: set[web.WebSocketResponse] = set()

    # the application ----------------------------------------------------------
    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path),
                             autoescape=True)
        prefix = f"/{self.token}"
        app.add_routes([
            web.get("/", self.handle_root),
            web.get(prefix + "/", self.handle_index, name="index"),
            web.get(prefix + "/ws", self.handle_websocket, name="websocket"),
            web.get(prefix + "/download/{key}", self.handle_download, name="download"),
            web.static(prefix + "/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Refuse what does not name our address and carry the token, before any handler."""
        if host_name(request.host) not in self.allowed_names:
            return _refuse(403, t("serve.refused.host"))
        path = request.path
        if path == "/":
            if not _same(request.query.get("token", ""), self.token):
                return _refuse(403, t("serve.refused.token"))
        elif not (path.startswith("/") and _same(path[1:].partition("/")[0], self.token)):
            return _refuse(403, t("serve.refused.token"))
        try:
            response = await handler(request)
        except web.HTTPException as exc:  # the redirect from /?token=, a 404: raised, not returned
            _protect(exc.headers)
            raise
        _protect(response.headers)  # a websocket's were sent with its upgrade (_run_app)
        return response

    async def handle_root(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"/{self.token}/")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's page, with URLs on the address the browser used (checked above)."""
        base = f"{request.host}/{self.token}"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{base}/ws",
            "config": {"static": {"url": f"http://{base}/static/"}},
            "application": {"name": self.title},
        }
        page = aiohttp_jinja2.render_template("app_index.html", request, context)
        # The template asks Google for a font: the laptop would tell Google about every
        # visit. The same font is served locally (static/fonts), so that link goes.
        page.text = re.sub(r'<link[^>]*fonts\.googleapis\.com[^>]*>', "", page.text)
        page.headers["Content-Security-Policy"] = (
            f"default-src 'self'; connect-src 'self' ws://{request.host}; img-src 'self' data:; "
            "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
        return page

    # the websocket: one app per connection ---------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Origin") != f"http://{request.host}":  # the page we served, nobody else's
            return _refuse(403, t("serve.refused.origin"))
        if self.sessions >= self.max_sessions:
            return _refuse(503, t("serve.refused.full", n=self.max_sessions))
        self.sessions += 1
        try:
            return await self._run_app(request)
        finally:
            self.sessions -= 1

    async def _run_app(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's handle_websocket, with our AppService."""
        websocket = web.WebSocketResponse(heartbeat=15)
        _protect(websocket.headers)  # on the 101 that upgrades it, like every other response
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        self.open_sockets.add(websocket)
        try:
            await websocket.prepare(request)
            app_service = GuardedAppService(
                self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager, debug=False,
                base_env=self.env)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one broken session must not end the server
            log.warning("%s", error)
        finally:
            self.open_sockets.discard(websocket)
            if app_service is not None:
                await app_service.stop()
        return websocket

    # running ---------------------------------------------------------------------
    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="spiegel serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Our own lines instead of textual-serve's logo (cli/serve_command.py prints them)."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every browser's connection, so each app is told to quit (and
        saves nothing half: it quits as on ctrl+q) instead of the server waiting on them."""
        for websocket in list(self.open_sockets):
            await websocket.close(code=1001)

    def serve(self, debug: bool = False) -> None:
        """Serve on the socket we bound (no race for the port) until Ctrl+C or SIGTERM."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_exit)
        web.run_app(self._make_app(), sock=self.sock, handle_signals=False, loop=loop, print=None,
                    shutdown_timeout=5)


HOST = re.compile(r"(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::[0-9]{1,5})?")


def host_name(host: str) -> str | None:
    """'127.0.0.1:8000' -> '127.0.0.1', '[::1]:8000' -> '::1', 'localhost' -> 'localhost';
    None for anything else (the Host header ends up in the page and its headers)."""
    found = HOST.fullmatch(host)
    return (found.group(1) or found.group(2)) if found else None


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode())


# On every response, refusals and redirects included (README "spiegel serve"): the
# token is in the path, so no Referer may carry it off and no cache may keep it;
# no other page may frame the app.
HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Frame-Options": "DENY",
           "X-Content-Type-Options": "nosniff"}


def _protect(headers) -> None:
    for name, value in HEADERS.items():
        headers.setdefault(name, value)


def _refuse(status: int, text: str) -> web.Response:
    response = web.Response(status=status, text=text + "\n")
    _protect(response.headers)
    return response
