"""`spiegel serve`: the app in a browser, safely (cli/serve_server.py does the guarding).

    spiegel serve                         # 127.0.0.1, a free port, a fresh token
    spiegel serve --port 8765 --sessions 2
    spiegel serve --host 10.0.0.5 --allow-remote   # another address: only with the flag, and a warning

It prints the address with its token and the `ssh -L` line a relatiemanager types on
a laptop. Each browser tab runs its own app as the user who started the server."""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=0, metavar="POORT")
@click.option("--host", default="127.0.0.1", metavar="ADRES")
@click.option("--allow-remote", is_flag=True)
@click.option("--sessions", type=click.IntRange(1, 50), default=3, metavar="N")
@data_dir_option
@click.pass_context
def serve(ctx, port, host, allow_remote, sessions, data_dir):
    """Serve the app to a browser (help: cli.help.serve)."""
    import secrets
    import shlex
    import sys

    from cli.output import fail
    from cli.settings import check_data_dir
    from store.persistence.backend import is_database
    from store.i18n import t

    chosen = settings(ctx, data_dir)
    check_data_dir(chosen)  # a typo: one line now, not in every browser tab
    host = host.strip()
    if host not in LOOPBACK and not allow_remote:
        raise click.UsageError(t("serve.remote_needs_flag", host=host))
    if host in ("0.0.0.0", "::", ""):
        raise click.UsageError(t("serve.no_wildcard"))
    try:
        from cli.serve_server import GuardedServer, app_environment
    except ImportError as missing:  # textual-serve is an optional part of an install
        raise click.ClickException(t("serve.not_installed", name=missing.name or "textual-serve")) from None
    sock = _bind(host, port)
    database = chosen.data_dir if is_database(chosen.data_dir) else None
    command = [sys.executable, "-P", "-m", "cli", "--lang", chosen.lang]  # -P: never a cli/ in the cwd
    if database is None:
        import os

        command += ["--data-dir", os.path.abspath(chosen.data_dir)]
    names = LOOPBACK if host in LOOPBACK else (host,)
    token = secrets.token_urlsafe(24)
    server = GuardedServer(shlex.join(command), sock, token, app_environment(chosen.lang, database),
                           max_sessions=sessions, hosts=names)
    if host not in LOOPBACK:
        fail(t("serve.remote_warning", host=host))
    _announce(host, server.port, token, sessions)
    server.serve()


def _bind(host: str, port: int):
    """A listening socket on host:port (port 0: a free one), bound before we print it."""
    import socket

    from store.errors import SpiegelError
    from store.i18n import t

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise SpiegelError(t("serve.bind_failed", host=host, port=port, error=error.strerror or error)) from None
    sock.listen(16)
    return sock


def _announce(host: str, port: int, token: str, sessions: int) -> None:
    """What the user needs: the address with the token, and how to reach it from a laptop."""
    import getpass
    import socket
    import sys

    from cli.output import echo
    from store.i18n import t

    shown = f"[{host}]" if ":" in host else host
    echo(t("serve.started", url=f"http://{shown}:{port}/?token={token}"))
    echo(t("serve.secret"))
    if host in LOOPBACK:
        name = socket.getfqdn()
        if name.startswith("localhost"):
            name = socket.gethostname()
        echo(t("serve.ssh", line=f"ssh -L {port}:127.0.0.1:{port} {getpass.getuser()}@{name}"))
        echo(t("serve.ssh_then", url=f"http://127.0.0.1:{port}/?token={token}"))
    echo(t("serve.limits", n=sessions))
    sys.stdout.flush()
