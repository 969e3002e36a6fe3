"""One unit's directory: cached reads, locked atomic writes, clear errors.

Why not TinyDB's JSONStorage: it rewrites the file in place (a crash leaves invalid
JSON) and has no locking (shared/pitfalls.md). A write here: open the unit's
directory (trusted only as store/persistence/files/layout.py says), take an exclusive flock on
its `lock` file (os.replace swaps the data file's inode, so the data file cannot
carry the lock), read `unit.json` fresh from the descriptor, let the caller change
it, write a temp file born 0600 and given the directory's group and mode 0660
before its content, fsync it, check `unit.json` is still the file we read, rename
it over, fsync the directory, release the lock. Readers never lock: they see the
old file or the new one. A file that fails to load is never written.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from contextlib import contextmanager

from store.model import schema
from store.errors import AlreadyExists, Busy, FileProblem, NoAccess
from store.persistence.files import layout, safe
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable, Iterator

LOCK_TIMEOUT = 10.0
HEAD_BYTES = 96
INDEX_TEMP = ".i"  # list-index writes take no lock: their temp files are not a writer's to clean


class UnitFile:
    """The data of one unit, reloaded only when its (inode, size, mtime, head) changes."""

    def __init__(self, top: str, slug: str, top_stat: Callable[[], os.stat_result]) -> None:
        # Plain strings, not pathlib: its import cost every CLI call about 7 ms.
        self.slug = slug
        self.dir_path = os.path.join(top, slug)
        self.path = os.path.join(self.dir_path, layout.UNIT_FILE)
        self._top_stat = top_stat
        self._data: dict | None = None
        self._key: tuple | None = None
        self._working: dict | None = None

    # the directory -----------------------------------------------------------
    @contextmanager
    def opened_dir(self) -> Iterator[tuple[int, os.stat_result]]:
        """The unit directory's descriptor and stat, once trusted; closed after."""
        fd = safe.open_dir(self.dir_path)
        try:
            st = os.fstat(fd)
            layout.check_unit_dir(st, self.dir_path, self._top_stat())
            yield fd, st
        finally:
            os.close(fd)

    def _open_data(self, dir_fd: int) -> tuple[int, os.stat_result]:
        return safe.open_regular(layout.UNIT_FILE, dir_fd, path=self.path)

    # reading ---------------------------------------------------------------
    def read(self) -> dict:
        """The parsed file (shared: do not mutate), or the open transaction's copy."""
        if self._working is not None:
            return self._working
        with self.opened_dir() as (dir_fd, _), self._data_fd(dir_fd) as (fd, st):
            key = _key(fd, st)
            if key != self._key or self._data is None:
                self._data, self._key = self._parse(safe.read_fd(fd, st, self.path)), key
        return self._data

    def forget(self) -> None:
        """Drop the cached parse (the next read parses the file again)."""
        if self._working is None:
            self._data = self._key = None

    @contextmanager
    def _data_fd(self, dir_fd: int) -> Iterator[tuple[int, os.stat_result]]:
        fd, st = self._open_data(dir_fd)
        try:
            yield fd, st
        finally:
            os.close(fd)

    def _parse(self, raw: bytes) -> dict:
        return schema.parse(self.path, raw, self.slug)

    def mentions(self, needle: bytes) -> bool:
        """Whether the file's bytes contain `needle` (False if it cannot be read:
        readers that parse it report why)."""
        try:
            with self.opened_dir() as (dir_fd, _), self._data_fd(dir_fd) as (fd, st):
                return needle in safe.read_fd(fd, st, self.path)
        except OSError:
            return False

    def fingerprint(self) -> tuple:
        """Cheap to poll: differs after every write, or names the problem."""
        try:
            return self.stat_key()
        except FileProblem as problem:
            return ("problem", str(problem))

    def stat_key(self) -> tuple:
        """What tells us the file changed: inode, size and mtime, plus its first bytes.
        Inode numbers are reused at once and mtimes are coarse, so two quick writes
        can leave all three alike; the first bytes hold a write counter (schema.dump)."""
        with self.opened_dir() as (dir_fd, _), self._data_fd(dir_fd) as (fd, st):
            return _key(fd, st)

    # the list index (store/persistence/files/listing.py decides what is in it) ------------
    def read_index(self) -> bytes | None:
        """The index's bytes if it is a regular file of this unit's group, mode 0660,
        written by a member of that group; None otherwise (the caller rebuilds it)."""
        try:
            with self.opened_dir() as (dir_fd, dir_st):
                fd, st = safe.open_regular(layout.INDEX_FILE, dir_fd, path=self.path)
                try:
                    if not _index_trusted(st, dir_st):
                        return None
                    return safe.read_fd(fd, st, self.path)
                finally:
                    os.close(fd)
        except OSError:  # missing, unreadable, not a file: a cache miss
            return None

    def write_index(self, payload: bytes) -> None:
        """Write the index atomically with the unit's group, if we may. A cache: not
        fsynced, and a failure (no write access, a full disk) is no one's problem."""
        try:
            with self.opened_dir() as (dir_fd, dir_st):
                tmp = safe.write_new(dir_fd, INDEX_TEMP, payload, dir_st.st_gid, durable=False)
                safe.replace(dir_fd, tmp, layout.INDEX_FILE, None, self.path, durable=False)
        except OSError:
            return

    # writing ---------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[dict]:
        """Lock, yield a private fresh copy of the data, write it atomically on success.

        The yielded dict is the caller's to change; if the block raises, nothing is
        written and the cache is untouched.
        """
        with self.opened_dir() as (dir_fd, dir_st), self.locked(dir_fd):
            self._remove_stale_temp_files(dir_fd)
            with self._data_fd(dir_fd) as (fd, st):  # fresh from disk under the lock: no lost update
                working = self._parse(safe.read_fd(fd, st, self.path))
            self._working = working
            try:
                yield working
            finally:
                self._working = None
            self._data, self._key = working, self._write(dir_fd, dir_st.st_gid, working, st.st_ino)

    def overwrite(self, data: dict) -> None:
        """Replace unit.json by `data` under the lock in one atomic write, without
        reading it first: an empty or broken file is what a restore mends."""
        with self.opened_dir() as (dir_fd, dir_st), self.locked(dir_fd):
            try:
                ino = os.stat(layout.UNIT_FILE, dir_fd=dir_fd, follow_symlinks=False).st_ino
            except FileNotFoundError:
                ino = None
            self._write(dir_fd, dir_st.st_gid, data, ino)  # the read cache sees a new file by its key

    def _write(self, dir_fd: int, gid: int, data: dict, expected_ino: int | None) -> tuple:
        """Write `data` as unit.json; returns the new cache key. `expected_ino`: the
        inode read under the lock (None: a new unit, where none may exist yet)."""
        payload = schema.dump(data)
        try:
            tmp = safe.write_new(dir_fd, layout.TEMP_PREFIX, payload, gid, durable=True)
            if expected_ino is None:
                _link_new(dir_fd, tmp, self.path)
            else:
                safe.replace(dir_fd, tmp, layout.UNIT_FILE, expected_ino, self.path, durable=True)
            st = os.stat(layout.UNIT_FILE, dir_fd=dir_fd, follow_symlinks=False)
        except FileProblem:
            raise
        except OSError as exc:
            raise safe.write_failed(exc, self.path) from None
        return (st.st_ino, st.st_size, st.st_mtime_ns, payload[:HEAD_BYTES])

    def create(self, data: dict, top_fd: int, gid: int | None = None) -> None:
        """Make the unit's directory (group `gid`, else the data directory's; 2770)
        and its first unit.json. Refuses a name that is taken."""
        try:
            os.mkdir(self.slug, 0o700, dir_fd=top_fd)  # closed until group and mode are right
        except FileExistsError:
            raise AlreadyExists(self.dir_path, t("file.exists")) from None
        except OSError as exc:
            raise safe.write_failed(exc, self.dir_path) from None
        try:
            dir_fd = os.open(self.slug, os.O_RDONLY | os.O_DIRECTORY | safe.NOFOLLOW, dir_fd=top_fd)
            try:
                if gid is not None:
                    os.fchown(dir_fd, -1, gid)
                os.fchmod(dir_fd, layout.DIR_MODE)  # after chown, which may clear setgid
                with self.locked(dir_fd):
                    self._data, self._key = data, self._write(dir_fd, os.fstat(dir_fd).st_gid, data, None)
            finally:
                os.close(dir_fd)
        except BaseException as exc:
            _remove_tree(top_fd, self.slug)  # no half-made unit left behind
            if isinstance(exc, PermissionError) and gid is not None:
                raise NoAccess(self.dir_path, t("unit_dir.group_refused", group=layout.group_name(gid))) from None
            if isinstance(exc, OSError) and not isinstance(exc, FileProblem):
                raise safe.write_failed(exc, self.dir_path) from None
            raise

    @contextmanager
    def locked(self, dir_fd: int) -> Iterator[None]:
        """An exclusive flock on the unit's `lock` file, waiting at most LOCK_TIMEOUT.
        A lock file unlinked or replaced while we waited is no lock: try again on
        the one the name now holds."""
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            fd = self._open_lock(dir_fd)
            try:
                if flock_until(fd, deadline) and _still_named(fd, dir_fd):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
            if time.monotonic() > deadline:
                raise Busy(self.path, t("file.busy"))
        try:
            yield
        finally:
            os.close(fd)  # closing releases the flock

    def _open_lock(self, dir_fd: int) -> int:
        try:
            fd, st = safe.open_regular(layout.LOCK_FILE, dir_fd, os.O_RDWR | os.O_CREAT, path=self.path)
        except NoAccess:
            raise NoAccess(self.path, t("file.no_write")) from None
        except FileProblem:
            raise
        except OSError as exc:
            raise safe.write_failed(exc, self.path) from None
        if st.st_uid == os.geteuid() and (st.st_mode & 0o777) != safe.FILE_MODE:
            os.fchmod(fd, safe.FILE_MODE)  # born 0600: open it to the unit's group
        return fd

    def _remove_stale_temp_files(self, dir_fd: int) -> None:
        """A writer killed mid-write leaves its temp file; under the lock none is live.
        A lister's index temp file takes no lock: only one a minute old is stale.
        Only regular files are removed: a planted directory of that name stays."""
        a_minute_ago = time.time() - 60
        for name in os.listdir(dir_fd):
            if not name.endswith(".tmp"):
                continue
            if name.startswith(INDEX_TEMP) and _modified(name, dir_fd) > a_minute_ago:
                continue
            if name.startswith((layout.TEMP_PREFIX, INDEX_TEMP)):
                try:
                    safe.unlink_quietly(name, dir_fd)
                except (IsADirectoryError, PermissionError):
                    continue


def _key(fd: int, st: os.stat_result) -> tuple:
    return (st.st_ino, st.st_size, st.st_mtime_ns, os.pread(fd, HEAD_BYTES, 0))


def _modified(name: str, dir_fd: int) -> float:
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mtime
    except FileNotFoundError:
        return 0.0


def _index_trusted(st: os.stat_result, dir_st: os.stat_result) -> bool:
    if st.st_gid != dir_st.st_gid or (st.st_mode & 0o777) != safe.FILE_MODE:
        return False
    return st.st_uid in (0, os.geteuid()) or layout.is_member(st.st_uid, st.st_gid)


def flock_until(fd: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)


def _still_named(fd: int, dir_fd: int) -> bool:
    try:
        return os.stat(layout.LOCK_FILE, dir_fd=dir_fd, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def _link_new(dir_fd: int, tmp: str, path: str) -> None:
    """Give a new unit its unit.json: a hard link refuses an existing name, where a
    rename would replace it."""
    try:
        os.link(tmp, layout.UNIT_FILE, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=False)
    except FileExistsError:
        raise AlreadyExists(path, t("file.exists")) from None
    finally:
        safe.unlink_quietly(tmp, dir_fd)
    os.fsync(dir_fd)


def _remove_tree(top_fd: int, name: str) -> None:
    """Remove the unit directory `create` made (its regular files, then itself)."""
    try:
        dir_fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | safe.NOFOLLOW, dir_fd=top_fd)
    except OSError:
        return
    try:
        for entry in os.listdir(dir_fd):
            try:
                os.unlink(entry, dir_fd=dir_fd)
            except OSError:
                pass
    finally:
        os.close(dir_fd)
    try:
        os.rmdir(name, dir_fd=top_fd)
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTEMPTY):
            raise
