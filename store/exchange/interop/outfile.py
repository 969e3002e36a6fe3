"""Writing an export where the user asked, safely: the file is born 0600 (an
export holds a practice's learning points), a symlink planted at the name is never
followed, and an existing file is replaced only if it is the user's own regular
file (store/persistence/files/safe.py opens the data files the same way)."""

from __future__ import annotations

import errno
import os
import stat

from store.errors import WriteFailed
from store.i18n import t
from store.text import clean_line

FLAGS = os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def write_file(path: str, payload: bytes) -> None:
    """Create (0600) or replace the user's own file at `path` with `payload`."""
    shown = clean_line(path)
    try:
        try:
            fd = os.open(path, FLAGS | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            fd = os.open(path, FLAGS)
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid():
                os.close(fd)
                raise WriteFailed(shown, t("interop.out_exists_other")) from None
            os.ftruncate(fd, 0)
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except WriteFailed:
        raise
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO):
            raise WriteFailed(shown, t("interop.out_exists_other")) from None
        reason = clean_line(exc.strerror or str(exc))
        raise WriteFailed(shown, t("interop.out_failed", reason=reason)) from None
