"""Writing a report file: born 0600 (a report names a practice's leerpunten and
owners), never through a symlink or into a FIFO someone planted at that name, and
whole or not at all (a temp file beside it, then rename).

Where a report goes when the user names no file: the reports folder
(`reports_dir` in the settings file, or $SPIEGEL_REPORTS_DIR; cli/settings.py
sets it at start-up), else the directory spiegel was started in. `-o` on the
command line (or the name typed in the app) always wins."""

from __future__ import annotations

import os
import secrets
import stat

from store.errors import FileProblem
from store.i18n import t


_FOLDER = [""]  # set once at start-up, like the language (store.i18n.set_language)


def set_reports_dir(folder: str) -> None:
    _FOLDER[0] = os.path.expanduser(folder) if folder else ""


def reports_dir() -> str:
    """The folder reports go to when no file is named."""
    return _FOLDER[0] or os.getcwd()


def report_path(name: str, output: str | os.PathLike | None = None) -> str:
    """`output` when the user named a file (a folder named: the report in it under
    `name`), else `name` in the reports folder."""
    if output:
        output = os.path.expanduser(os.fspath(output))
        return os.path.join(output, name) if os.path.isdir(output) else output
    return os.path.join(reports_dir(), name)


def write_report(path: str | os.PathLike, text: str) -> str:
    """Write `text` (UTF-8) to `path`, replacing a regular file there; returns the
    path written. FileProblem naming the path when it cannot be written."""
    path = os.path.abspath(os.fspath(path))
    folder, name = os.path.split(path)
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise FileProblem(path, t("report.cannot_write", reason=exc.strerror or str(exc))) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise FileProblem(path, t("report.not_a_file"))
    temp, fd = _new_temp(folder, name, path)
    try:
        try:
            os.write(fd, text.encode("utf-8"))  # reports are small: one write
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)  # rename replaces a name, never follows it
    except OSError as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise FileProblem(path, t("report.cannot_write", reason=exc.strerror or str(exc))) from None
    return path


def report_file_name(kind: str, slug: str, key: str, fmt: str) -> str:
    """The name a report is offered under, the same for every report and for the app
    and the CLI alike: 'evaluatie-de-hoek-2026-11-23.html', 'bezoekverslag-de-hoek-B-3.md'."""
    return f"{kind}-{slug}-{key}.{fmt}"


def _new_temp(folder: str, name: str, path: str) -> tuple[str, int]:
    """A temp file beside the target with a random name, made with O_EXCL: a name
    from the pid could be guessed and planted (issue 26); a planted or leftover name
    is skipped, never opened and never removed."""
    for _ in range(20):
        temp = os.path.join(folder, f".{name}.{secrets.token_hex(8)}.tmp")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise FileProblem(path, t("report.cannot_write", reason=exc.strerror or str(exc))) from None
    raise FileProblem(path, t("report.cannot_write", reason="no free temp name"))
