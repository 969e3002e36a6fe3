"""`spiegel backup`: one archive (tar.gz) of a data directory.

Each unit is read under its own lock, one unit after another (never all at once:
writers would wait, and time out, for the whole backup), so every unit in the archive
is a consistent snapshot of that unit. Root reads every unit; a member reads what the
operating system lets them, and every unit left out is named with the reason.

The archive is created 0600 with O_CREAT|O_EXCL|O_NOFOLLOW (never over an existing
file, never through a link) and never inside the data directory: there every member
of the shared group could read or remove it. It holds

    manifest.json             format, schema version, per unit: group, members,
                              record counts, size and sha256 of its unit.json;
                              every id the registry has handed out
    units/<slug>/unit.json    the unit's file, byte for byte as it was under the lock

`spiegel restore` (store/persistence/files/restore.py) checks all of that before it writes.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import time

from store import jsoncodec
from store.model import schema
from store.errors import FileProblem, SpiegelError
from store.persistence.files import groups, layout, safe
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from store.persistence.files.backend import FileBackend

FORMAT = 1
MANIFEST = "manifest.json"
RECORD_TABLES = schema.RECORD_TABLES


def member_name(slug: str) -> str:
    return f"units/{slug}/{layout.UNIT_FILE}"


def counts(data: dict) -> dict[str, int]:
    return {table: len(data.get(table, {})) for table in RECORD_TABLES}


def ids_of(data: dict, slug: str) -> dict[str, str]:
    """{id: slug} of every record of every kind (schema.RECORD_TABLES) in a unit's
    data: what restore, migrate and `db copy` register, so `show B-1` opens the unit
    the visit was made for and never a colleague's copy of its id."""
    return {doc["id"]: slug for table in RECORD_TABLES for doc in data.get(table, {}).values()
            if isinstance(doc, dict) and isinstance(doc.get("id"), str) and layout.ID.fullmatch(doc["id"])}


def backup(backend: FileBackend, archive: str) -> tuple[str, dict, list[tuple[str, FileProblem]]]:
    """Write the archive; (its absolute path, its manifest, [(unit, the FileProblem
    that left it out)])."""
    archive = refuse_inside(backend.dir, archive)
    fd = _create_private(archive)
    units: dict[str, dict] = {}
    left_out: list[tuple[str, str]] = []
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            for slug in backend.slugs():
                try:
                    payload, gid = _snapshot(backend, slug)
                    data = schema.parse(backend.where(slug), payload, slug)
                except FileProblem as problem:
                    left_out.append((slug, problem))
                    continue
                _add(tar, member_name(slug), payload)
                units[slug] = {"group": layout.group_name(gid), "members": groups.members_of(gid),
                               "counts": counts(data), "bytes": len(payload),
                               "sha256": hashlib.sha256(payload).hexdigest()}
            manifest = {"format": FORMAT, "app": "spiegel", "schema": schema.SCHEMA_VERSION,
                        "made": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "units": units,
                        "left_out": [slug for slug, _ in left_out], "taken": _taken_ids(backend)}
            _add(tar, MANIFEST, jsoncodec.dumps(manifest))
            raw.flush()
            os.fsync(raw.fileno())
    except BaseException:
        safe.unlink_quietly(archive)  # no half-written archive that looks like a backup
        raise
    return archive, manifest, left_out


def refuse_inside(data_dir: str, archive: str) -> str:
    """The archive's path, unless it lies inside the data directory (InvalidValue)."""
    archive = os.path.abspath(os.path.expanduser(archive))
    parent = os.path.realpath(os.path.dirname(archive))
    top = os.path.realpath(data_dir)
    if parent == top or parent.startswith(top + os.sep):
        raise SpiegelError(t("backup.inside_data_dir", path=archive, data_dir=data_dir))
    return archive


def default_name() -> str:
    return f"spiegel-backup-{time.strftime('%Y%m%d-%H%M%S')}.tar.gz"


def _create_private(path: str) -> int:
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | safe.NOFOLLOW, 0o600)
    except FileExistsError:
        raise SpiegelError(t("backup.exists", path=path)) from None
    except OSError as exc:
        raise SpiegelError(t("backup.cannot_create", path=path, detail=exc.strerror)) from None


def _snapshot(backend: FileBackend, slug: str) -> tuple[bytes, int]:
    """The unit file's bytes read under the unit's lock, and the unit's group."""
    unit_file = backend.unit_file(slug)
    with unit_file.opened_dir() as (dir_fd, dir_st), unit_file.locked(dir_fd):
        fd, st = safe.open_regular(layout.UNIT_FILE, dir_fd, path=unit_file.path)
        try:
            return safe.read_fd(fd, st, unit_file.path), dir_st.st_gid
        finally:
            os.close(fd)


def _taken_ids(backend: FileBackend) -> list[str]:
    """Every id the registry has handed out (names only): a restore into a fresh
    directory marks them taken, so no number of a unit left out is handed out again."""
    try:
        names = os.listdir(backend.ids.path)
    except OSError:
        return []
    return sorted(name for name in names if layout.ID.fullmatch(name))


def _add(tar: tarfile.TarFile, name: str, payload: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(payload), 0o600, int(time.time())
    tar.addfile(info, io.BytesIO(payload))
