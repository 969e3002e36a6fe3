"""Opening files where a colleague may have planted something.

Anyone in a shared group may be curious or hostile (shared/pitfalls.md, "Shared
directories"). So nothing here follows a symlink, blocks on a FIFO or trusts a path
twice: a directory is opened once with O_DIRECTORY|O_NOFOLLOW and every file in it
relative to that descriptor (`dir_fd`); a file is opened with O_NOFOLLOW|O_NONBLOCK
and refused unless `fstat` says it is a regular file; what we learn about a file
(inode, group) comes from the descriptor we read, never from a second look at the
path. New files are born 0600 and get their group and mode before a byte is written.

Written on `os` directly: no library offers dir_fd-relative, no-follow opens with
these checks, and each is a line or two.
"""

from __future__ import annotations

import errno
import os
import stat

from store.errors import CorruptFile, NoAccess, WriteFailed
from store.i18n import t

FILE_MODE = 0o660
NOFOLLOW = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
# A unit file of 200 actions with their history is ~275 KB; nothing spiegel writes
# comes near this, and a planted /dev/zero-like file is refused before it fills memory.
MAX_BYTES = 64 * 1024 * 1024  # ~48,000 actions with history; parsed, 15x that in memory
# (a colleague's 248 MB unit file cost every member's `list` 3.4 GB and 20 s: issue 26)
# Errors a write can meet that are the machine's, not the data's: one clear line each.
_WRITE_ERRORS = {
    errno.ENOSPC: "file.disk_full",
    errno.EDQUOT: "file.disk_full",
    errno.EROFS: "file.read_only",
    errno.EIO: "file.io_error",
}


def open_dir(name: str, dir_fd: int | None = None) -> int:
    """A directory's descriptor, refusing symlinks and anything not a directory."""
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | NOFOLLOW, dir_fd=dir_fd)
    except FileNotFoundError:
        raise CorruptFile(name, t("file.missing")) from None
    except PermissionError:
        raise NoAccess(name, t("file.no_access")) from None
    except OSError as exc:
        if exc.errno in (errno.ENOTDIR, errno.ELOOP):
            raise CorruptFile(name, t("file.not_a_directory")) from None
        raise


def open_regular(name: str, dir_fd: int, flags: int = os.O_RDONLY, path: str = "") -> tuple[int, os.stat_result]:
    """Open `name` in `dir_fd` without following a link or blocking on a FIFO, and
    return it with its fstat; anything but a regular file is refused (CorruptFile).
    `path` names the file in messages."""
    path = path or name
    try:
        fd = os.open(name, flags | NOFOLLOW, FILE_MODE & 0o600, dir_fd=dir_fd)
    except FileNotFoundError:
        raise CorruptFile(path, t("file.missing")) from None
    except PermissionError:
        raise NoAccess(path, t("file.no_access")) from None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.ENOTDIR):
            raise CorruptFile(path, t("file.not_a_file")) from None
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise CorruptFile(path, t("file.not_a_file"))
    return fd, st


def read_fd(fd: int, st: os.stat_result, path: str, limit: int = MAX_BYTES) -> bytes:
    """All of a regular file's bytes, refusing one larger than `limit`."""
    if st.st_size > limit:
        raise CorruptFile(path, t("file.over_limit", size=st.st_size, limit=limit))
    chunks, total = [], 0
    while True:
        chunk = os.read(fd, max(st.st_size - total, 0) + 65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:  # grew while we read it
            raise CorruptFile(path, t("file.over_limit", size=total, limit=limit))
        chunks.append(chunk)


def write_new(dir_fd: int, prefix: str, payload: bytes, gid: int, durable: bool) -> str:
    """A new file in `dir_fd` named `<prefix><random>.tmp` holding `payload`:
    created 0600 with O_EXCL (a leftover or planted name is skipped, never opened;
    random, not pid and clock: those a colleague could guess and plant first),
    given group `gid` and mode 0660 before the content. Returns its name; the file
    is removed again if anything fails."""
    for _ in range(100):
        name = f"{prefix}{os.urandom(8).hex()}.tmp"  # os.urandom: `secrets` costs `add` an import
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600,
                         dir_fd=dir_fd)
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - 100 planted names in a row
        raise CorruptFile(prefix, t("file.no_temp_name"))
    try:
        try:
            if os.fstat(fd).st_gid != gid:
                os.fchown(fd, -1, gid)
            os.fchmod(fd, FILE_MODE)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        unlink_quietly(name, dir_fd)
        raise
    return name


def replace(dir_fd: int, tmp: str, name: str, expected_ino: int | None, path: str, durable: bool) -> None:
    """Rename `tmp` over `name`, both in `dir_fd`. With `expected_ino`, refuse (and
    remove `tmp`) if `name` is no longer the file we read under the lock: something
    replaced it behind our back, and writing over it would hide that."""
    try:
        if expected_ino is not None:
            try:
                now = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_ino
            except FileNotFoundError:
                now = None
            if now != expected_ino:
                raise CorruptFile(path, t("file.replaced"))
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        unlink_quietly(tmp, dir_fd)
        raise
    if durable:
        os.fsync(dir_fd)


def unlink_quietly(name: str, dir_fd: int | None = None) -> None:
    """Remove a temp file that may already be gone; any other error is real and raised."""
    try:
        os.unlink(name, dir_fd=dir_fd)
    except FileNotFoundError:
        pass


def write_failed(exc: OSError, path: str) -> Exception:
    """The error to raise for an OSError met while writing: a clear one-line
    WriteFailed for a full, read-only or failing disk, NoAccess for permissions,
    else the error itself (a bug or something we cannot explain better)."""
    if isinstance(exc, PermissionError):
        return NoAccess(path, t("file.no_write"))
    key = _WRITE_ERRORS.get(exc.errno or 0)
    return WriteFailed(path, t(key)) if key else exc
