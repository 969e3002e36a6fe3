"""`spiegel list …` and `spiegel add …` without click.

click costs ~40 ms to import, more than the rest of an add; these two commands are
the ones typed and scripted most (shared/pitfalls.md). So their everyday forms are
parsed here from the same option table click uses (cli.spec). Anything else — help,
an unknown or misspelt option, a bad value, a missing argument — returns None and
click handles the whole command line, with its usual messages."""

from __future__ import annotations

import os
import sys

from cli.spec import ADD, GLOBAL, LANGUAGES, LIST, Opt

RANGE_1_4 = {"1": 1, "2": 2, "3": 3, "4": 4}


def parse(spec: tuple[Opt, ...], args: list[str], positional: int) -> dict | None:
    """Option values by dest (plus "args"), or None if click should see this."""
    flags = {flag: opt for opt in spec for flag in opt.flags}
    values: dict = {opt.dest: opt.default for opt in spec}
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-") or arg == "-":
            rest.append(arg)
            continue
        name, eq, value = arg.partition("=")
        opt = flags.get(name)
        if opt is None:  # --help, --, -uX, a typo: click explains
            return None
        if opt.kind == "flag":
            if eq:
                return None
            values[opt.dest] = True
            continue
        if not eq:
            if i >= len(args) or args[i].startswith("-"):
                return None
            value, i = args[i], i + 1
        if opt.kind == "1-4":
            if value not in RANGE_1_4:
                return None
            value = RANGE_1_4[value]
        elif opt.kind == "nl|en" and value not in LANGUAGES:
            return None
        values[opt.dest] = values[opt.dest] + (value,) if opt.kind == "multi" else value
    if len(rest) != positional:
        return None
    values["args"] = rest
    return values


def run(argv: list[str], whole_process: bool = False) -> bool:
    """Run argv if it is an everyday list or add; False if click should take it.
    `whole_process`: nothing runs after it in this process (cli.main)."""
    split = next((i for i, arg in enumerate(argv) if arg in ("list", "add")), None)
    if split is None:
        return False
    top = parse(GLOBAL, argv[:split], 0)
    command = argv[split]
    values = parse(LIST if command == "list" else ADD, argv[split + 1:], 0 if command == "list" else 1)
    if top is None or values is None:
        return False
    if whole_process:
        # The cyclic garbage collector, off for the rest of this short process: parsing
        # the list indexes or a unit file makes tens of thousands of lists and dicts,
        # and the collector walked them again and again (~5 ms of a list or an add,
        # benchmarks/results.md) to free nothing. They hold no cycles, so reference
        # counting frees them as before; the few cycles a command may make (a bad
        # record's error with its traceback) last until the process ends, moments
        # later. The app and every caller in a process that goes on keep it on.
        import gc

        gc.disable()
    from cli.hot import run_add, run_list
    from cli.settings import settings_from

    # A command's --data-dir beats the global one, as in cli.group.settings.
    settings = settings_from(values.pop("data_dir") or top["data_dir"], top["lang"], top["db"])
    args = values.pop("args")
    if command == "list":
        run_list(settings, **values)
    else:
        run_add(settings, args[0], **values)
    if whole_process:
        from store.persistence.backend import is_database  # imported by now

        if not is_database(settings.data_dir):  # a database connection is closed as usual, not dropped
            _end_process()
    return True


def _end_process() -> None:
    """End the process now that the command is done and its output written: what
    is left, freeing every object and module one by one, is the operating system's
    to do at once (~5 ms of a list or an add, benchmarks/results.md). Nothing
    waits for the exit: the files were written and closed (durably, for an add),
    and these commands register no exit handler. If the output cannot be flushed
    (`spiegel list | head -1`), Python's own exit reports it, as it always did."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return
    os._exit(0)
