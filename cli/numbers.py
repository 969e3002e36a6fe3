"""Negative numbers typed as people type them: `spiegel kpi measure K-3 "1 nov" -5`.

click reads any argument that starts with '-' as an option, so '-5' would be
"Optie '-5' bestaat niet" and every negative value would need `--` before it.
`NumberArguments` sorts the command line before click parses it: options (with
their values) first, then `--`, then the positional arguments in the order typed,
a negative number among them. An option click does not know stays an option, so
click still names it; a negative number right after an option that takes a value
stays that option's value.
"""

from __future__ import annotations

import re

import click

NEGATIVE = re.compile(r"-\d[\d.,]*(?:[eE][-+]?\d+)?")


class NumberArguments(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._sorted(args))

    def _sorted(self, args: list[str]) -> list[str]:
        takes_value = {name for p in self.params if isinstance(p, click.Option) and not p.is_flag and not p.count
                       for name in (*p.opts, *p.secondary_opts)}
        options: list[str] = []
        positional: list[str] = []
        rest = iter(args)
        for arg in rest:
            if arg == "--":
                positional.extend(rest)
                break
            if NEGATIVE.fullmatch(arg) or not arg.startswith("-") or arg == "-":
                positional.append(arg)
                continue
            options.append(arg)
            if arg in takes_value:  # '--notitie -5': the next word is its value, whatever it looks like
                value = next(rest, None)
                if value is not None:
                    options.append(value)
        return [*options, "--", *positional] if positional else options
