"""Where a data directory keeps what, and when a unit's directory may be trusted.

    DATA/                 the shared top directory (admin's; group-writable and
                          sticky on a shared server: nobody removes what is not theirs)
      .ids/               one empty file per id ever handed out (store/persistence/files/ids.py)
      <slug>/             one unit: owned by the unit's group, setgid, 2770
        unit.json         its records
        lock              the writers' flock
        index             what `spiegel list` shows (store/persistence/files/listing.py)
        .w<random>.tmp    a write in progress

Only the operating system can keep one practice's data from another's users, and it
can only do that per directory: a unit's directory closed to everyone outside its
group keeps its data, index, lock and temp files out of reach for reading,
renaming, deleting and planting alike. A unit directory is used only if its mode
gives nothing to others and keeps setgid, and its owner is root, the data
directory's owner or a member of its group (anyone else could chmod it open).
"""

from __future__ import annotations

import os
import re
import stat
from functools import cache

from store.errors import CorruptFile
from store.i18n import t

DIR_MODE = 0o2770  # setgid: files made inside keep the unit's group
SHARED_DIR_MODE = 0o3770  # plus sticky: for the top directory and .ids on a shared server
UNIT_FILE = "unit.json"
LOCK_FILE = "lock"
INDEX_FILE = "index"
TEMP_PREFIX = ".w"
IDS_DIR = ".ids"
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
ID = re.compile(r"[ABKLMT]-[1-9][0-9]{0,8}")  # B: visits, T: teams


def check_unit_dir(st: os.stat_result, path: str, top: os.stat_result) -> None:
    """Raise CorruptFile unless a unit directory can be trusted with its unit's data."""
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o007 or not mode & stat.S_ISGID:
        raise CorruptFile(path, t("unit_dir.bad_mode", mode=f"{mode:04o}"))
    if st.st_uid not in (0, top.st_uid, os.geteuid()) and not is_member(st.st_uid, st.st_gid):
        raise CorruptFile(path, t("unit_dir.bad_owner", owner=user_name(st.st_uid), group=group_name(st.st_gid)))


@cache  # the app asks at every refresh; memberships change with a new login anyway
def is_member(uid: int, gid: int) -> bool:
    """Whether user `uid` belongs to group `gid` (as primary or supplementary group)."""
    import grp
    import pwd

    try:
        user = pwd.getpwuid(uid)
    except KeyError:
        return False
    if user.pw_gid == gid:
        return True
    try:
        return user.pw_name in grp.getgrgid(gid).gr_mem
    except KeyError:
        return False


@cache  # asked per unit by every portfolio and unit list: pwd.getpwall() is slow with many users
def has_other_members(gid: int, owner: int) -> bool:
    """Whether anyone but `owner` belongs to group `gid` (by membership or as their
    primary group): a personal data directory's group is its owner's alone."""
    import grp
    import pwd

    try:
        members = set(grp.getgrgid(gid).gr_mem)
    except KeyError:
        return True  # an unknown group: assume the worst
    members |= {user.pw_name for user in pwd.getpwall() if user.pw_gid == gid}
    return bool(members - {user_name(owner)})


def user_name(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def group_name(gid: int) -> str:
    import grp

    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def group_id(name: str) -> int:
    """A group's id from its name (or number); CorruptFile-free: InvalidValue if unknown."""
    import grp

    from store.errors import InvalidValue

    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        if name.isdigit():
            return int(name)
        raise InvalidValue("group", t("group.unknown", group=name)) from None


def is_shared(top: os.stat_result) -> bool:
    """A top directory other users may write to (the shared-server layout)."""
    return bool(stat.S_IMODE(top.st_mode) & 0o022)
