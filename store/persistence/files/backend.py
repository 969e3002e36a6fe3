"""A data directory of per-unit directories: the file backend (store/persistence/backend.py).

`Store` keeps the records and rules; this keeps where they live: which units exist,
each unit's `UnitFile` (cached reads, locked atomic writes), its list index, the id
registry, and the old flat layout's leftovers (`spiegel migrate` moves those; an
ordinary user never does it implicitly).
"""

from __future__ import annotations

import os

from store.persistence.backend import Backend
from store.errors import CorruptFile, FileProblem, NoAccess, NotFound
from store.persistence.files import layout, safe
from store.persistence.files.ids import IdRegistry
from store.persistence.files.unitfile import UnitFile
from store.i18n import t


TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable, ContextManager


class FileBackend(Backend):
    kind = "files"

    def __init__(self, data_dir: str | os.PathLike) -> None:
        self.dir = self.location = ensure_data_dir(data_dir)
        self._top: os.stat_result | None = None
        self._files: dict[str, UnitFile] = {}
        self.ids = IdRegistry(self.dir, self.top_stat)
        self.made_sticky = False  # `create` set the top directory's sticky bit

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

    def where(self, slug: str) -> str:
        return self.unit_file(slug).path

    def read(self, slug: str) -> dict:
        return self.unit_file(slug).read()

    def transaction(self, slug: str) -> ContextManager[dict]:
        return self.unit_file(slug).transaction()

    def next_ids(self, prefix: str, count: int, slug: str) -> list[str]:
        return self.ids.next_ids(prefix, count, slug)

    def mark_ids_taken(self, holders: dict[str, str]) -> int:
        return self.ids.mark_taken(holders)

    def registered_holders(self, record_ids: list[str]) -> dict[str, str]:
        found = {record_id: self.ids.holder(record_id) for record_id in record_ids}
        return {record_id: slug for record_id, slug in found.items() if slug is not None}

    def holders(self, record_id: str) -> list[str]:
        """The unit the id registry says `A-12` was made for, alone (a copy of the id
        in another unit is never taken for it). For an id from before the registry
        (or an archive's bare `taken` list): the units whose file mentions `"A-12"`,
        all of them, so Store.get sees a copy beside the original and refuses to
        choose. Finding them by a byte search instead of parsing every file keeps
        `spiegel edit A-12` as cheap with 50k actions as with 1k; where no file
        mentions it (an oddly escaped one), every unit."""
        holder = self.ids.holder(record_id)
        if holder is not None:
            return [holder]
        needle = f'"{record_id}"'.encode()
        slugs = self.slugs()
        return [slug for slug in slugs if self.unit_file(slug).mentions(needle)] or slugs

    def fingerprint(self, slug: str) -> tuple:
        return self.unit_file(slug).fingerprint()

    def list_rows(self, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]],
                  ) -> tuple[str, list[list]]:
        """From the unit's list index (store/persistence/files/listing.py), rebuilt when stale."""
        from store.persistence.files.listing import read_index

        return read_index(self.unit_file(slug), blank, checked)[:2]

    def unit_figures(self, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> object:
        """From the header of the unit's list index, rebuilt when stale."""
        from store.persistence.files.listing import indexed_figures

        return indexed_figures(self.unit_file(slug), blank, checked)

    def forget(self, slug: str) -> None:
        """A unit whose list index cannot be kept (a bad record) is parsed for every
        list; keeping each such parse for the life of the process let a colleague's
        big units fill memory (issue 26)."""
        found = self._files.get(slug)
        if found is not None:
            found.forget()

    def unit_name(self, slug: str) -> str | None:
        """From the header of a current list index: parsing every unit file to match
        `--unit noord` took 0.4 s with 10k actions."""
        from store.persistence.files.listing import indexed_name

        return indexed_name(self.unit_file(slug))

    def outside_units(self) -> list[FileProblem]:
        return self.old_layout()

    def create(self, slug: str, data: dict, gid: int | None = None) -> None:
        self.ids.ensure()  # the admin who makes units makes the registry too
        top_fd = safe.open_dir(self.dir)
        try:
            self.made_sticky = make_top_sticky(top_fd)
            self.unit_file(slug).create(data, top_fd, gid)
        finally:
            os.close(top_fd)

    def on_shared_server(self) -> bool:
        """A data directory others write to: group-writable, in a group with members
        besides its owner (a personal data directory's group is its owner's alone)."""
        top = self.top_stat()
        return layout.is_shared(top) and layout.has_other_members(top.st_gid, top.st_uid)

    def unit_readers(self, slug: str) -> str | None:
        """The name of the group of the unit's directory (who can read it), on a shared
        server; None in a personal data directory (its groups tell nothing)."""
        if not self.on_shared_server():
            return None
        try:
            return layout.group_name(os.stat(os.path.join(self.dir, slug), follow_symlinks=False).st_gid)
        except OSError:
            return None

    def open_to_everyone(self, slug: str) -> str | None:
        """The data directory's group, if on a shared server this unit's directory
        is in it (every member may read the unit): worth a warning, not a refusal."""
        top = self.top_stat()
        try:
            gid = os.stat(os.path.join(self.dir, slug), follow_symlinks=False).st_gid
        except OSError:
            return None
        if not (layout.is_shared(top) and gid == top.st_gid and layout.has_other_members(gid, top.st_uid)):
            return None  # a personal data directory: its group is its owner's alone
        return layout.group_name(gid)

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


def make_top_sticky(top_fd: int) -> bool:
    """In a group-writable top directory, the sticky bit keeps members from removing
    or replacing what is not theirs (an install by the round-1 README lacks it).
    Only its owner or root may set it; True if it was set now."""
    import stat

    st = os.fstat(top_fd)
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o022 and not mode & stat.S_ISVTX and os.geteuid() in (0, st.st_uid):
        os.fchmod(top_fd, mode | stat.S_ISVTX)
        return True
    return False


def ensure_data_dir(path: str | os.PathLike) -> str:
    """Create the data directory 2770 (setgid: new units keep the directory's group)."""
    path = os.fspath(path)
    if not os.path.isdir(path):
        os.makedirs(path, exist_ok=True)
        os.chmod(path, layout.DIR_MODE)  # mkdir's mode is narrowed by umask and ignores setgid
    return path
