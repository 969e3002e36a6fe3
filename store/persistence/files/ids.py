"""Short ids a person can type (`A-12`, `L-7`), unique across the data directory.

Unique across units so `spiegel show A-12` needs no unit, including units this user
may not read. A shared counter file cannot promise that on a shared server: any
member could roll it back or delete it, and a counter rebuilt from the files one
user can read misses the rest. So every id ever handed out is an empty file in
`DATA/.ids/`, made with O_CREAT|O_EXCL: the kernel hands each name out once, to one
process. The directory is sticky on a shared server, so nobody removes an entry
they did not make, and a planted entry (a file, a FIFO, a link) only makes that
number taken. The next number is found by galloping and bisecting over which names
exist (about 2·log2(n) lstat calls: 34 for 100,000 ids), so no hint file is needed
either. Nothing here ever tells a user to delete anything.

An entry holds the slug of the unit its id was made for, written by its maker and
read-only (0444): `spiegel show A-12` opens that unit directly, and a record with
a copied id in another unit (a colleague's forgery in a unit they made) is never
taken for it.
"""

from __future__ import annotations

import os
import stat

from store.errors import CorruptFile, NoAccess
from store.persistence.files import layout, safe
from store.i18n import t


class IdRegistry:
    def __init__(self, top: str, top_stat) -> None:
        self.path = os.path.join(top, layout.IDS_DIR)
        self._top_stat = top_stat

    def next_ids(self, prefix: str, count: int, slug: str) -> list[str]:
        """Reserve `count` new ids with this prefix for unit `slug`, durable before
        they are used."""
        fd = self._open()
        try:
            found: list[str] = []
            number = _first_free(fd, prefix)
            tries = attempts = 0
            while len(found) < count:
                attempts += 1
                if attempts > count + 10 * MAX_TRIES:  # bounded, whatever the directory holds
                    raise CorruptFile(self.path, t("ids.no_free"))
                if number > MAX_NUMBER or tries > MAX_TRIES:
                    # Planted entries pushed the run to the end of the layout's digits, or
                    # filled a stretch: a random free number, in bounded time whatever
                    # was planted (a member cannot plant a billion files).
                    number = int.from_bytes(os.urandom(4), "big") % MAX_NUMBER + 1  # no `secrets` import on `add`
                if _claim(fd, f"{prefix}-{number}", slug, self.path):
                    found.append(f"{prefix}-{number}")
                    tries = 0
                else:
                    tries += 1
                number += 1
            os.fsync(fd)  # an id whose entry a crash lost could be handed out again
            return found
        finally:
            os.close(fd)

    def holder(self, record_id: str) -> str | None:
        """The slug of the unit `record_id` was made for, if its entry says so."""
        try:
            fd = self._open()
        except (CorruptFile, NoAccess):
            return None
        try:
            entry, st = safe.open_regular(record_id, fd, path=self.path)
        except OSError:
            return None
        finally:
            os.close(fd)
        try:
            slug = safe.read_fd(entry, st, self.path, limit=128).decode("ascii", "replace")
        finally:
            os.close(entry)
        return slug if layout.SLUG.fullmatch(slug) else None

    def mark_taken(self, holders: dict[str, str]) -> int:
        """Make sure every id in `holders` ({id: slug or ""}) is taken (migration,
        restore); returns how many were new."""
        fd = self._open()
        try:
            made = sum(_claim(fd, record_id, slug, self.path) for record_id, slug in holders.items())
            os.fsync(fd)
            return made
        finally:
            os.close(fd)

    def _open(self) -> int:
        try:
            fd = safe.open_dir(self.path)
        except CorruptFile:
            self.create()
            fd = safe.open_dir(self.path)
        st = os.fstat(fd)
        top = self._top_stat()
        mode = stat.S_IMODE(st.st_mode)
        if st.st_uid not in (0, top.st_uid, os.geteuid()) or (mode & 0o022 and not mode & stat.S_ISVTX):
            os.close(fd)
            raise CorruptFile(self.path, t("ids.untrusted", mode=f"{mode:04o}", owner=layout.user_name(st.st_uid)))
        return fd

    def ensure(self) -> None:
        """Make the registry if it is missing and this user may (see `create`)."""
        if not os.path.lexists(self.path) and os.geteuid() in (0, self._top_stat().st_uid):
            self.create()

    def create(self) -> None:
        """Make the registry: only its data directory's owner (or root) may, since the
        owner of the directory could remove anyone's entries. On a shared server it is
        sticky and group-writable, like the top directory."""
        top = self._top_stat()
        if os.geteuid() not in (0, top.st_uid):
            raise CorruptFile(self.path, t("ids.missing"))
        try:
            os.mkdir(self.path, 0o700)
        except FileExistsError:
            return
        os.chmod(self.path, layout.SHARED_DIR_MODE if layout.is_shared(top) else 0o700)
        if os.geteuid() == 0:
            os.chown(self.path, top.st_uid, top.st_gid)


MAX_NUMBER = 10 ** 9 - 1  # ids have at most nine digits (layout.ID)
MAX_TRIES = 1000  # taken numbers in a row before a random one is tried


def _exists(dir_fd: int, name: str) -> bool:
    """Whether `name` is taken; a name that cannot even be looked at (a planted
    oddity) counts as taken: it is skipped, never a crash."""
    try:
        os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        return True
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _first_free(dir_fd: int, prefix: str) -> int:
    """A number past the run of taken ones from 1 (the lowest free one while entries
    are only ever added in order). Galloping stops at the layout's last number:
    entries planted at A-2, A-4, … A-2^840 made it ask for names too long to exist.
    Planted entries also fool the bisection into a run that is not there (A-2^29 + 1),
    so a run it finds is checked at a few random numbers below its end; a missing one
    bounds a new search below it (a member cannot plant every number of a run)."""
    ceiling = MAX_NUMBER + 1  # past the last: treated as free, never asked for
    for _ in range(64):  # each round lowers the ceiling: bounded whatever was planted
        found = _run_end(dir_fd, prefix, ceiling)
        gap = _missing_below(dir_fd, prefix, found - 1)
        if gap is None:
            return found
        ceiling = gap
    return found


def _run_end(dir_fd: int, prefix: str, ceiling: int) -> int:
    if ceiling <= 1 or not _exists(dir_fd, f"{prefix}-1"):
        return 1
    low, high = 1, 2
    while high < ceiling and _exists(dir_fd, f"{prefix}-{high}"):
        low, high = high, high * 2
    high = min(high, ceiling)
    while high - low > 1:
        middle = (low + high) // 2
        if _exists(dir_fd, f"{prefix}-{middle}"):
            low = middle
        else:
            high = middle
    return high


def _missing_below(dir_fd: int, prefix: str, last: int, samples: int = 8) -> int | None:
    """A number in 2..last whose entry is missing, among a few random ones; None if
    all are there (a run spiegel made is whole)."""
    if last < 3:
        return None
    for _ in range(samples):
        number = 2 + int.from_bytes(os.urandom(4), "big") % (last - 1)
        if not _exists(dir_fd, f"{prefix}-{number}"):
            return number
    return None


def _claim(dir_fd: int, name: str, slug: str, path: str) -> bool:
    """Create the entry `name` holding `slug`; False if it exists (someone has that id)."""
    try:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o444, dir_fd=dir_fd)
        try:
            os.write(fd, slug.encode("ascii"))
        finally:
            os.close(fd)
        return True
    except FileExistsError:
        return False
    except PermissionError:
        if _exists(dir_fd, name):  # fs.protected_regular refuses an O_CREAT of another's file
            return False
        raise NoAccess(path, t("ids.no_write")) from None
    except OSError as exc:
        failed = safe.write_failed(exc, path)
        if failed is exc:  # not the disk's or the permissions' problem: a planted oddity, skipped
            return False
        raise failed from None
