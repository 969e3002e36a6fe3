"""What an administrator runs, explicitly, as root or as the files' owner:
moving a data directory from the flat layout (`<slug>.json` beside each other) to a
directory per unit, and giving a unit its own group. An ordinary user's spiegel
never does either by itself: it reports old-layout files and untrusted directories
and leaves them alone.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from store import jsoncodec
from store.model import schema
from store.errors import CorruptFile, FileProblem, NoAccess
from store.persistence.files import layout, safe
from store.persistence.files.backend import make_top_sticky
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Iterator

    from store.persistence.files.backend import FileBackend

OLD_COUNTER = ".spiegel-ids.json"


def migrate(backend: FileBackend) -> list[tuple[str, str]]:
    """Move every flat unit file into its own directory; returns (unit, outcome) per
    file. Each move happens under the old layout's lock, so no older spiegel is
    writing meanwhile; the flat file then becomes a marker that older spiegels
    refuse to write (a newer schema), and the unit's data is in `<slug>/unit.json`,
    in the flat file's group. Running it again changes nothing."""
    top_fd = safe.open_dir(backend.dir)
    try:
        make_top_sticky(top_fd)
        outcomes = [
            (name[:-5], _move(backend, top_fd, name[:-5]))
            for name in sorted(os.listdir(top_fd))
            if name.endswith(".json") and layout.SLUG.fullmatch(name[:-5])
        ]
        registered = register_ids(backend, top_fd)
    finally:
        os.close(top_fd)
    outcomes.append((layout.IDS_DIR, t("migrate.ids", count=registered)))
    return outcomes


def _move(backend: FileBackend, top_fd: int, slug: str) -> str:
    """One flat unit file moved under the old layout's lock; a lock that cannot be
    taken (held past the timeout, a planted file refused) skips this unit, said."""
    name = f"{slug}.json"
    path = os.path.join(backend.dir, name)
    try:
        lock_fd = _old_lock(top_fd, slug, path)
    except (FileProblem, OSError) as problem:
        return t("migrate.lock_skipped", lock=f"{slug}.lock", problem=getattr(problem, "problem", None) or str(problem))
    try:
        return _move_locked(backend, top_fd, slug, name, path)
    finally:
        os.close(lock_fd)  # closing releases the flock


def _move_locked(backend: FileBackend, top_fd: int, slug: str, name: str, path: str) -> str:
    try:
        fd, st = safe.open_regular(name, top_fd, path=path)
        try:
            raw = safe.read_fd(fd, st, path)
        finally:
            os.close(fd)
        if schema.moved_marker(raw):
            return t("migrate.already")
        if os.geteuid() not in (0, st.st_uid):
            return t("migrate.not_owner", owner=layout.user_name(st.st_uid))
        data = schema.parse(path, raw, slug)
        backend.unit_file(slug).create(data, top_fd, st.st_gid)
    except FileProblem as problem:
        return t("migrate.left", problem=problem.problem)
    marker = schema.moved_marker_bytes(f"{slug}/{layout.UNIT_FILE}")
    tmp = safe.write_new(top_fd, f".{slug}.", marker, st.st_gid, durable=True)
    safe.replace(top_fd, tmp, name, st.st_ino, path, durable=True)
    safe.unlink_quietly(f".{slug}.list", top_fd)  # the old list index: a copy of the unit's text
    return t("migrate.moved", group=layout.group_name(st.st_gid))


def _old_lock(top_fd: int, slug: str, path: str) -> int:
    """The flat layout's `<slug>.lock`, as older spiegels take it, waited for at most
    LOCK_TIMEOUT (its descriptor: closing it releases the lock). A member holding
    it made migrate wait forever; a lock file of theirs that fs.protected_regular
    will not let root open stopped it."""
    import time

    from store.errors import Busy
    from store.persistence.files.unitfile import LOCK_TIMEOUT, flock_until

    fd, _ = safe.open_regular(f"{slug}.lock", top_fd, os.O_RDWR | os.O_CREAT, path=path)
    if not flock_until(fd, time.monotonic() + LOCK_TIMEOUT):
        owner = layout.user_name(os.fstat(fd).st_uid)
        os.close(fd)
        raise Busy(path, t("migrate.lock_busy", owner=owner))
    return fd


def register_ids(backend: FileBackend, top_fd: int) -> int:
    """Mark taken every id found in the units this user can read, and every number up
    to the old counter's (which also counted units this user cannot read)."""
    taken: dict[str, str] = {}
    for prefix, last in _old_counter(top_fd, backend.dir).items():
        taken.update((f"{prefix}-{n}", "") for n in range(1, last + 1))
    for slug in backend.slugs():
        try:
            data = backend.unit_file(slug).read()
        except FileProblem:
            continue
        from store.persistence.files.backup import ids_of

        taken.update(ids_of(data, slug))
    return backend.ids.mark_taken(taken)


def _old_counter(top_fd: int, top: str) -> dict[str, int]:
    try:
        fd, st = safe.open_regular(OLD_COUNTER, top_fd, path=os.path.join(top, OLD_COUNTER))
    except CorruptFile:
        return {}
    try:
        counters = jsoncodec.loads(safe.read_fd(fd, st, OLD_COUNTER, limit=1 << 20))
    except ValueError:
        return {}
    finally:
        os.close(fd)
    if not isinstance(counters, dict):
        return {}
    return {k: v for k, v in counters.items() if k in ("A", "K", "L", "M") and isinstance(v, int) and 0 < v < 10**7}


@contextmanager
def _group_refused(path: str, gid: int) -> Iterator[None]:
    """A PermissionError while giving a group: the one line that says why."""
    try:
        yield
    except PermissionError:
        raise NoAccess(path, t("unit_dir.group_refused", group=layout.group_name(gid))) from None


def _unit_files(dir_fd: int, dir_path: str) -> list[int]:
    """Every regular file of a unit directory, opened; CorruptFile before anything is
    changed if one has more than one link: a hard link a member made to a file
    elsewhere (/etc/shadow, with protected_hardlinks=0) would be given the group."""
    fds: list[int] = []
    try:
        for name in os.listdir(dir_fd):
            path = os.path.join(dir_path, name)
            try:
                fd, st = safe.open_regular(name, dir_fd, path=path)
            except CorruptFile:
                continue  # not a regular file: nothing of ours, and never followed
            fds.append(fd)
            if st.st_nlink != 1:
                raise CorruptFile(path, t("unit_dir.hard_link", links=st.st_nlink))
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    return fds


def squat_line(backend: FileBackend, slug: str) -> str | None:
    """For the admin, of a unit a member made in the data directory's own group
    (open to every member, and a name the admin's `units add` then finds taken):
    who made it and the line that removes it; None for a unit made by root or the
    data directory's owner, or one in a group of its own."""
    import shlex

    top = backend.top_stat()
    try:
        st = os.stat(os.path.join(backend.dir, slug), follow_symlinks=False)
    except OSError:
        return None
    if st.st_uid in (0, top.st_uid) or st.st_gid != top.st_gid:
        return None
    return t("squat.line", unit=slug, owner=layout.user_name(st.st_uid), group=layout.group_name(st.st_gid),
             command=f"rm -r -- {shlex.quote(os.path.join(backend.dir, slug))}")


def set_group(backend: FileBackend, slug: str, gid: int) -> int:
    """Give a unit's directory and every file in it group `gid`, the directory 2770
    and the files 0660, under the unit's lock; as root, the directory also becomes
    root's, so no former owner can open it again. Returns how many files changed."""
    unit_file = backend.unit_file(slug)
    dir_fd = safe.open_dir(unit_file.dir_path)
    try:
        with unit_file.locked(dir_fd), _group_refused(unit_file.dir_path, gid):
            fds = _unit_files(dir_fd, unit_file.dir_path)
            try:
                os.fchown(dir_fd, 0 if os.geteuid() == 0 else -1, gid)
                os.fchmod(dir_fd, layout.DIR_MODE)
                for fd in fds:
                    os.fchown(fd, -1, gid)
                    os.fchmod(fd, safe.FILE_MODE)
                return len(fds)
            finally:
                for fd in fds:
                    os.close(fd)
    finally:
        os.close(dir_fd)
