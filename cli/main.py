"""The `spiegel` command. The everyday `list` and `add` run without click (cli.fast);
every other command line goes through click (cli.group). Either way, a problem the
user can fix is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    sys.exit(run(sys.argv[1:], whole_process=True))


def run(argv: list[str], whole_process: bool = False) -> int:
    """Run one command line; its exit code. `whole_process`: the process ends with
    it (the `spiegel` script), so the everyday commands may skip what only a process
    that goes on needs (cli/fast.py); callers in a process that goes on leave it False."""
    from cli.typeahead import hold, opens_app

    if opens_app(argv):  # before anything slow: keys typed while spiegel loads are kept (cli/typeahead.py)
        hold()
    from cli import fast
    from cli.hot import UsageProblem

    if not all(map(_utf8, argv)):  # before anything is read, reserved or written
        from cli.group import lang_option
        from cli.output import fail
        from cli.settings import language_from
        from store.i18n import t

        language_from(lang_option([arg for arg in argv if _utf8(arg)]))
        fail(t("argv.not_utf8", arg=next(arg for arg in argv if not _utf8(arg))))  # fail shows the bytes
        return 2
    try:
        if fast.run(argv, whole_process):
            return 0
        from cli.group import run_click

        return run_click(argv)
    except UsageProblem as problem:
        from cli.output import fail_usage

        fail_usage(str(problem), problem.command)
        return 2
    except Exception as exc:  # a SpiegelError is the user's to fix: one line, no traceback
        from store.errors import SpiegelError

        if not isinstance(exc, SpiegelError):
            raise
        from cli.output import fail

        fail(str(exc))
        return 1


def _utf8(arg: str) -> bool:
    """Python hands bytes that are not UTF-8 over as lone surrogates (surrogateescape)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
