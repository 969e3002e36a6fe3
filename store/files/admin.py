"""What an administrator runs, explicitly, as root or as the files' owner:
moving a data directory from the flat layout (`<slug>.json` beside each other) to a
directory per unit, and giving a unit its own group. An ordinary user's spiegel
never does either by itself: it reports old-layout files and untrusted directories
and leaves them alone.
"""

from __future__ import annotations

import fcntl
import os
import stat
from contextlib import contextmanager

from store import jsoncodec, schema
from store.errors import CorruptFile, FileProblem, NoAccess
from store.files import layout, safe
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/recordtype.py); only type checkers need it
    from typing import Iterator

    from store.files.backend import FileBackend

OLD_COUNTER = ".spiegel-ids.json"


def migrate(backend: FileBackend) -> list[tuple[str, str]]:
    """Move every flat unit file into its own directory; returns (unit, outcome) per
    file. Each move happens under the old layout's lock, so no older spiegel is
    writing meanwhile; the flat file then becomes a marker that older spiegels
    refuse to write (a newer schema), and the unit's data is in `<slug>/unit.json`,
    in the flat file's group. Running it again changes nothing."""
    top_fd = safe.open_dir(backend.dir)
    try:
        _make_top_sticky(top_fd)
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


def _make_top_sticky(top_fd: int) -> None:
    """In a group-writable top directory, the sticky bit keeps members from removing
    or replacing what is not theirs."""
    st = os.fstat(top_fd)
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o022 and not mode & stat.S_ISVTX and os.geteuid() in (0, st.st_uid):
        os.fchmod(top_fd, mode | stat.S_ISVTX)


def _move(backend: FileBackend, top_fd: int, slug: str) -> str:
    name = f"{slug}.json"
    path = os.path.join(backend.dir, name)
    with _old_lock(top_fd, slug, path):
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


@contextmanager
def _old_lock(top_fd: int, slug: str, path: str) -> Iterator[None]:
    """The flat layout's `<slug>.lock`, as older spiegels take it."""
    fd, _ = safe.open_regular(f"{slug}.lock", top_fd, os.O_RDWR | os.O_CREAT, path=path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


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
        from store.files.backup import ids_of

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


def set_group(backend: FileBackend, slug: str, gid: int) -> int:
    """Give a unit's directory and every file in it group `gid`, the directory 2770
    and the files 0660, under the unit's lock; as root, the directory also becomes
    root's, so no former owner can open it again. Returns how many files changed."""
    unit_file = backend.unit_file(slug)
    dir_fd = safe.open_dir(unit_file.dir_path)
    try:
        with unit_file.locked(dir_fd), _group_refused(unit_file.dir_path, gid):
            os.fchown(dir_fd, 0 if os.geteuid() == 0 else -1, gid)
            os.fchmod(dir_fd, layout.DIR_MODE)
            changed = 0
            for name in os.listdir(dir_fd):
                try:
                    fd, _ = safe.open_regular(name, dir_fd, path=os.path.join(unit_file.dir_path, name))
                except CorruptFile:
                    continue  # not a regular file: nothing of ours, and never followed
                try:
                    os.fchown(fd, -1, gid)
                    os.fchmod(fd, safe.FILE_MODE)
                    changed += 1
                finally:
                    os.close(fd)
            return changed
    finally:
        os.close(dir_fd)
