"""Unix groups for units an administrator brings back (a restore, a copy out of a
database): a unit's group by name, made with `groupadd` when it is missing, and its
members added where a user of that name exists. Root only: anyone else's restore
makes ordinary unit directories in the data directory's group.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import subprocess

from store.errors import NoAccess
from store.i18n import t
from store import backup_words  # noqa: F401  (registers the words used here)

# What groupadd accepts on Debian (and nothing a shell or an option could misread).
NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


def ensure_group(name: str, members: list[str] = ()) -> tuple[int, list[str]]:
    """The group's id, made if missing, with every named member that exists as a
    user added; (gid, what was done, in words). Only as root."""
    done: list[str] = []
    if not NAME.fullmatch(name):
        raise NoAccess(name, t("groups.bad_name", group=name))
    try:
        group = grp.getgrnam(name)
    except KeyError:
        _run(["groupadd", name], name)
        done.append(t("groups.made", group=name))
        group = grp.getgrnam(name)
    present = set(group.gr_mem)
    for member in members:
        if member in present or not NAME.fullmatch(member):
            continue
        try:
            user = pwd.getpwnam(member)
        except KeyError:
            continue  # no such person on this machine: nothing to add
        if user.pw_gid == group.gr_gid:
            continue
        _run(["gpasswd", "-a", member, name], name)
        done.append(t("groups.member_added", user=member, group=name))
    return group.gr_gid, done


def members_of(gid: int) -> list[str]:
    """The group's members by name (supplementary members; a primary group's users too)."""
    try:
        group = grp.getgrgid(gid)
    except KeyError:
        return []
    names = set(group.gr_mem) | {user.pw_name for user in pwd.getpwall() if user.pw_gid == gid}
    return sorted(names)


def is_root() -> bool:
    return os.geteuid() == 0


def _run(argv: list[str], name: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [str(done.returncode)])[0]
        raise NoAccess(name, t("groups.failed", command=argv[0], detail=detail))
