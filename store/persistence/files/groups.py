"""Unix groups for units an administrator brings back (a restore, a copy out of a
database): a unit's group by name, as GroupPolicy allows (made with `groupadd` only
when the run may, members added only to a group this run made, never a system
group). Root only: anyone else's restore makes ordinary unit directories in the data
directory's group.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import subprocess

from store.errors import NoAccess
from store.i18n import t

# What groupadd accepts on Debian (and nothing a shell or an option could misread).
NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


class GroupPolicy:
    """What one run of restore or `db copy` may do to the machine's groups (issue 26:
    root restoring an archive a member made ran `gpasswd -a bob praktijk-a`).

    It uses an existing group as it is (never adding a member to it), makes a missing
    group only when `may_create` (the archive file is root's, or the admin said
    `--make-groups`), adds members only to groups it made in this run, and never
    uses a system group (below GID_MIN in /etc/login.defs: sudo, shadow, adm)."""

    def __init__(self, may_create: bool, own_gid: int | None = None) -> None:
        self.may_create = may_create
        self.own_gid = own_gid  # the data directory's own group: used, whatever its number
        self.made: set[str] = set()

    def group_for(self, name: str, members: list[str] = ()) -> tuple[int, list[str]]:
        """(gid, what was done, in words); NoAccess naming why the group cannot be
        used (the caller leaves that unit out). Only as root."""
        if not NAME.fullmatch(name):
            raise NoAccess(name, t("groups.bad_name", group=name))
        done: list[str] = []
        try:
            group = grp.getgrnam(name)
        except KeyError:
            if not self.may_create:
                raise NoAccess(name, t("groups.not_made", group=name)) from None
            _run(["groupadd", name], name)
            self.made.add(name)
            done.append(t("groups.made", group=name))
            group = grp.getgrnam(name)
        if group.gr_gid < gid_min() and group.gr_gid != self.own_gid:
            raise NoAccess(name, t("groups.system", group=name, gid=group.gr_gid, gid_min=gid_min()))
        if name in self.made:
            done += _add_members(group, members)
        return group.gr_gid, done


def ensure_group(name: str, members: list[str] = ()) -> tuple[int, list[str]]:
    """The group's id, made if missing, with its named members added when this call
    made it (an existing group's members are never changed); (gid, what was done).
    Only as root. Kept for callers that decide nothing else: see GroupPolicy."""
    return GroupPolicy(may_create=True).group_for(name, members)


def _add_members(group, members: list[str]) -> list[str]:
    done = []
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
        _run(["gpasswd", "-a", member, group.gr_name], group.gr_name)
        done.append(t("groups.member_added", user=member, group=group.gr_name))
    return done


def gid_min(path: str = "/etc/login.defs") -> int:
    """The first group id for people's groups (GID_MIN in /etc/login.defs; 1000 if
    it does not say): ids below it are the system's own groups."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                words = line.split()
                if len(words) >= 2 and words[0] == "GID_MIN" and words[1].isdigit():
                    return int(words[1])
    except OSError:
        pass
    return 1000


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
