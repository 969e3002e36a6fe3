"""The `spiegel` command. The everyday `list` and `add` run without click (cli.fast);
every other command line goes through click (cli.group). Either way, a problem the
user can fix is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    sys.exit(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    from cli import fast
    from cli.hot import UsageProblem

    try:
        if fast.run(argv):
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
