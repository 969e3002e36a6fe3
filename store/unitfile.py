"""One unit's JSON file: cached reads, locked atomic writes, clear errors.

Why not TinyDB's JSONStorage: it rewrites the file in place (a crash leaves invalid
JSON) and has no locking (shared/pitfalls.md). So a write here is: exclusive flock on
a separate `<slug>.lock` (os.replace swaps the data file's inode, so the data file
itself cannot carry the lock), re-read the file fresh, let the caller change it,
write a temp file in the same directory, fsync it, give it the old file's group and
mode 0660, os.replace, fsync the directory, release the lock. Readers never lock:
they see the old file or the new one. A file that fails to load is never written.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager

from store import schema
from store.errors import AlreadyExists, Busy, CorruptFile, NoAccess
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/recordtype.py); only type checkers need it
    from typing import Iterator

FILE_MODE = 0o660
DIR_MODE = 0o2770
LOCK_TIMEOUT = 10.0
HEAD_BYTES = 96


class UnitFile:
    """The data of one unit file, reloaded only when its (inode, size, mtime) changes."""

    def __init__(self, path: str | os.PathLike) -> None:
        # Plain strings, not pathlib: its import (with urllib.parse) cost every CLI
        # call about 7 ms (python -X importtime), and os.path does all we need.
        self.path = os.fspath(path)
        stem = os.path.splitext(self.path)[0]
        self.slug = os.path.basename(stem)
        self.lock_path = stem + ".lock"
        self._data: dict | None = None
        self._key: tuple | None = None
        self._working: dict | None = None

    # reading ---------------------------------------------------------------
    def read(self) -> dict:
        """The parsed file (shared: do not mutate), or the open transaction's copy."""
        if self._working is not None:
            return self._working
        key = self.stat_key()
        if key != self._key or self._data is None:
            self._data, self._key = self._load(), key
        return self._data

    def mentions(self, needle: bytes) -> bool:
        """Whether the file's bytes contain `needle` (False if it cannot be read:
        readers that parse it report why)."""
        try:
            return needle in _read_bytes(self.path)
        except OSError:
            return False

    def fingerprint(self) -> tuple:
        """Cheap to poll: differs after every write, or names the problem."""
        try:
            return self.stat_key()
        except (CorruptFile, NoAccess) as problem:
            return ("problem", str(problem))

    def stat_key(self) -> tuple:
        """What tells us the file changed: inode, size and mtime, plus its first bytes.
        Inode numbers are reused at once and mtimes are coarse, so two quick writes
        can leave all three alike; the first bytes hold a write counter (schema.dump)."""
        try:
            with open(self.path, "rb") as f:
                st = os.fstat(f.fileno())
                head = f.read(HEAD_BYTES)
        except FileNotFoundError:
            raise CorruptFile(self.path, t("file.missing")) from None
        except PermissionError:
            raise NoAccess(self.path, t("file.no_access")) from None
        except IsADirectoryError:
            raise CorruptFile(self.path, t("file.not_a_file")) from None
        return (st.st_ino, st.st_size, st.st_mtime_ns, head)

    def _load(self) -> dict:
        try:
            raw = _read_bytes(self.path)
        except PermissionError:
            raise NoAccess(self.path, t("file.no_access")) from None
        except IsADirectoryError:
            raise CorruptFile(self.path, t("file.not_a_file")) from None
        return schema.parse(self.path, raw)

    # writing ---------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[dict]:
        """Lock, yield a private fresh copy of the data, write it atomically on success.

        The yielded dict is the caller's to change; if the block raises, nothing is
        written and the cache is untouched.
        """
        with self._lock():
            self._remove_stale_temp_files()
            working = self._load()  # fresh from disk under the lock: no lost update
            self._working = working
            try:
                yield working
            finally:
                self._working = None
            self._data, self._key = working, self._write(working)

    def create(self, data: dict) -> None:
        """Write a new unit file; refuses to replace an existing one."""
        with self._lock():
            if os.path.exists(self.path):
                raise AlreadyExists(self.path, t("file.exists"))
            self._data, self._key = data, self._write(data)

    def _write(self, data: dict) -> tuple:
        try:
            replace_file(self.path, self.slug, schema.dump(data), self._existing_gid(), durable=True)
        except PermissionError:
            raise NoAccess(self.path, t("file.no_write")) from None
        return self.stat_key()

    def _existing_gid(self) -> int | None:
        try:
            return os.stat(self.path).st_gid
        except FileNotFoundError:
            return None

    @contextmanager
    def _lock(self) -> Iterator[None]:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except PermissionError:
            raise NoAccess(self.path, t("file.no_write")) from None
        try:
            _fix_mode(fd)
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise Busy(self.path, t("file.busy")) from None
                    time.sleep(0.005)
            yield
        finally:
            os.close(fd)  # closing releases the flock

    def _remove_stale_temp_files(self) -> None:
        """A writer killed mid-write leaves its temp file; under the lock none is live."""
        prefix = f".{self.slug}."
        directory = os.path.dirname(self.path)
        for name in os.listdir(directory or "."):
            if name.startswith(prefix) and name.endswith(".tmp"):
                unlink_quietly(os.path.join(directory, name))


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def replace_file(path: str, slug: str, payload: bytes, gid: int | None, durable: bool) -> None:
    """Put `payload` at `path` atomically: a temp file beside it gets group `gid`
    (None: the directory's) and mode 0660 before its content, then os.replace. With
    `durable`, the file and the directory are fsynced. Used for unit files and, not
    durable, for their list indexes; the temp file never outlives a failure."""
    directory = os.path.dirname(path)
    fd, tmp = mkstemp_beside(directory, slug)
    try:
        with os.fdopen(fd, "wb") as out:
            # Group and mode before the content: the temp file starts in the data
            # directory's group, which may be wider than this practice's.
            if gid is not None and os.fstat(out.fileno()).st_gid != gid:
                os.fchown(out.fileno(), -1, gid)  # keep the practice's group
            os.fchmod(out.fileno(), FILE_MODE)  # umask may have narrowed it
            out.write(payload)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise
    if durable:
        _fsync_dir(directory)


def mkstemp_beside(directory: str, slug: str) -> tuple[int, str]:
    """A new temp file `.<slug>.<pid>-<clock>.tmp` beside the unit's file (also used
    for its list index). Not `tempfile.mkstemp`: pid + clock is unique within one
    machine, and importing tempfile costs a `spiegel add` several milliseconds.
    O_EXCL still refuses any leftover name."""
    path = os.path.join(directory, f".{slug}.{os.getpid()}-{time.monotonic_ns()}.tmp")
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), path


def _fix_mode(fd: int) -> None:
    """umask may have narrowed a new lock file; widen it to 0660 if we own it."""
    st = os.fstat(fd)
    if st.st_uid == os.geteuid() and (st.st_mode & 0o777) != FILE_MODE:
        os.fchmod(fd, FILE_MODE)


def _fsync_dir(directory: str) -> None:
    fd = os.open(directory or ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def unlink_quietly(path: str) -> None:
    """Remove a temp file that may already be gone; any other error is real and raised."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def ensure_data_dir(path: str | os.PathLike) -> str:
    """Create the data directory 2770 (setgid: new files keep the directory's group)."""
    path = os.fspath(path)
    if not os.path.isdir(path):
        os.makedirs(path, exist_ok=True)
        os.chmod(path, DIR_MODE)  # mkdir's mode is narrowed by umask and ignores setgid
    return path
