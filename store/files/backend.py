"""A data directory of per-unit directories: what `Store` asks of its files.

`Store` keeps the records and rules; this keeps where they live: which units exist,
each unit's `UnitFile`, the id registry, and the old flat layout's leftovers
(store/files/migrate.py moves those; an ordinary user never does it implicitly).
"""

from __future__ import annotations

import os

from store.errors import CorruptFile, FileProblem, NoAccess, NotFound
from store.files import layout, safe
from store.files.ids import IdRegistry
from store.files.unitfile import UnitFile
from store.i18n import t


class FileBackend:
    def __init__(self, data_dir: str | os.PathLike) -> None:
        self.dir = ensure_data_dir(data_dir)
        self._top: os.stat_result | None = None
        self._files: dict[str, UnitFile] = {}
        self.ids = IdRegistry(self.dir, self.top_stat)

    def top_stat(self) -> os.stat_result:
        if self._top is None:
            self._top = os.stat(self.dir)
        return self._top

    def slugs(self) -> list[str]:
        """Every entry of the data directory named like a unit. Not only directories:
        anything else of such a name is reported as a problem by whoever opens it."""
        try:
            names = os.listdir(self.dir)
        except PermissionError:
            raise NoAccess(self.dir, t("file.no_access")) from None
        return sorted(name for name in names if layout.SLUG.fullmatch(name))

    def unit_file(self, slug: str) -> UnitFile:
        found = self._files.get(slug)
        if found is None:
            if not layout.SLUG.fullmatch(slug):
                raise NotFound(t("unit.not_found", text=slug))
            found = self._files[slug] = UnitFile(self.dir, slug, self.top_stat)
        return found

    def create(self, slug: str, data: dict, gid: int | None = None) -> None:
        self.ids.ensure()  # the admin who makes units makes the registry too
        top_fd = safe.open_dir(self.dir)
        try:
            self.unit_file(slug).create(data, top_fd, gid)
        finally:
            os.close(top_fd)

    def open_to_everyone(self, slug: str) -> str | None:
        """The data directory's group, if on a shared server this unit's directory
        is in it (every member may read the unit): worth a warning, not a refusal."""
        top = self.top_stat()
        try:
            gid = os.stat(os.path.join(self.dir, slug)).st_gid
        except OSError:
            return None
        return layout.group_name(gid) if layout.is_shared(top) and gid == top.st_gid else None

    def old_layout(self) -> list[FileProblem]:
        """Unit files of the flat layout (`<slug>.json` beside the units) that have no
        unit directory yet: an admin runs `spiegel migrate`. Once moved, the flat
        file stays as a marker older spiegels refuse to write, and is not listed."""
        try:
            names = set(os.listdir(self.dir))
        except OSError:
            return []
        return [
            CorruptFile(os.path.join(self.dir, name), t("file.old_layout"))
            for name in sorted(names)
            if name.endswith(".json") and layout.SLUG.fullmatch(name[:-5]) and name[:-5] not in names
        ]


def ensure_data_dir(path: str | os.PathLike) -> str:
    """Create the data directory 2770 (setgid: new units keep the directory's group)."""
    path = os.fspath(path)
    if not os.path.isdir(path):
        os.makedirs(path, exist_ok=True)
        os.chmod(path, layout.DIR_MODE)  # mkdir's mode is narrowed by umask and ignores setgid
    return path
