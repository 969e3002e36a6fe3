"""`spiegel restore ARCHIVE`: a backup (store/persistence/files/backup.py) back into a data directory.

Nothing is replaced before the whole archive is checked, in memory, never extracted:
every member a regular file named `manifest.json` or `units/<slug>/unit.json` (no
absolute or `..` path, no link, device or directory), the manifest of a known format
and of no newer schema than this spiegel's, every unit it lists present with its
size and sha256, no unit it does not list, every unit file parsing as a spiegel file
of its slug with the record counts the manifest says. A unit the data directory has
already is refused unless `--replace`; with it, the unit's data is replaced under
its lock in one atomic write (`only`: just those units). Every record passes the
load-time check before anything is written. A new unit gets its directory (2770); as
root, in its group from the archive as store/persistence/files/groups.py's GroupPolicy allows (a
group made only for root's own archive or with --make-groups, members added only to a
group made in this run, no system group). Every id in the archive is registered with
its unit, so no new record repeats one and `show` opens the unit it was made for.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tarfile

from store import jsoncodec
from store.model import schema
from store.errors import AlreadyExists, FileProblem, SpiegelError
from store.persistence.files import groups, layout, safe
from store.persistence.files.backup import FORMAT, MANIFEST, counts, ids_of, member_name
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from store.persistence.files.backend import FileBackend

_UNIT_MEMBER = re.compile(rf"units/({layout.SLUG.pattern})/{re.escape(layout.UNIT_FILE)}")
MAX_MANIFEST = 64 << 20


class BadArchive(SpiegelError):
    """The archive is not one spiegel can restore: nothing was changed."""


def verify(path: str) -> tuple[dict, dict[str, dict]]:
    """(manifest, {slug: parsed data}) of a sound archive; BadArchive naming the first
    thing wrong otherwise. The manifest gains `_owner`: the archive file's owner (uid,
    from fstat of the file read)."""
    shown = os.path.abspath(path)
    try:
        fd = os.open(path, os.O_RDONLY | safe.NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise BadArchive(t("restore.cannot_open", path=shown, detail=exc.strerror)) from None
    try:
        with os.fdopen(fd, "rb") as raw:
            st = os.fstat(raw.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise BadArchive(t("restore.not_a_file", path=shown))
            payloads = _members(raw, shown)
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, SpiegelError):
            raise
        raise BadArchive(t("restore.not_an_archive", path=shown, detail=str(exc) or type(exc).__name__)) from None
    manifest = _manifest(payloads.pop(MANIFEST, None), shown)
    listed = manifest["units"]
    found = {m.group(1): payload for name, payload in payloads.items() if (m := _UNIT_MEMBER.fullmatch(name))}
    for slug in sorted(set(found) ^ set(listed)):
        raise BadArchive(t("restore.unit_mismatch", path=shown, unit=slug))
    units: dict[str, dict] = {}
    for slug, payload in sorted(found.items()):
        entry = listed[slug]
        if len(payload) != entry.get("bytes") or hashlib.sha256(payload).hexdigest() != entry.get("sha256"):
            raise BadArchive(t("restore.hash_mismatch", path=shown, unit=slug))
        try:
            data = schema.parse(f"{shown}:{member_name(slug)}", payload, slug)
        except FileProblem as problem:
            raise BadArchive(t("restore.unit_unreadable", path=shown, unit=slug, problem=problem.problem)) from None
        if not _counts_match(counts(data), entry.get("counts")):
            raise BadArchive(t("restore.count_mismatch", path=shown, unit=slug))
        _load_checked(data, slug, shown)
        units[slug] = data
    manifest["_owner"] = st.st_uid
    return manifest, units


def _counts_match(found: dict[str, int], listed: object) -> bool:
    """The manifest's counts; an archive from before visits and teams were counted
    lists the four older kinds only."""
    if not isinstance(listed, dict) or not {"meetings", "findings", "actions", "kpis"} <= listed.keys():
        return False
    return all(table in found and found[table] == listed[table] for table in listed)


def _load_checked(data: dict, slug: str, shown: str) -> None:
    """Every record through the load-time check (store/model/validate.py), as readers do:
    a matching hash says the archive is what its maker wrote, not that it is sound
    (a list as a title was installed as it was)."""
    from store.model.bad_records import first_bad_record

    bad = first_bad_record(data, slug)
    if bad is not None:
        raise BadArchive(t("restore.bad_record", path=shown, unit=slug, id=bad.record_id,
                           detail="; ".join(str(p) for p in bad.problems)))


class Outcomes(list):
    """[(unit, what was done)], and `whose`: whose archive it was, in words."""

    def __init__(self, whose: str) -> None:
        super().__init__()
        self.whose = whose


def restore(backend: FileBackend, path: str, replace: bool = False, only: list[str] | None = None,
            make_groups: bool = False) -> list[tuple[str, str]]:
    """Verify, then restore every unit (or those in `only`); [(unit, what was done)].
    Its `whose` says whose archive it is (the file's owner, from fstat). Groups as
    GroupPolicy allows: a missing one is made only if the archive file is root's or
    `make_groups`; members are added only to groups made in this run."""
    manifest, units = verify(path)
    if only:
        missing = sorted(set(only) - set(units))
        if missing:
            raise BadArchive(t("restore.no_such_unit", units=", ".join(missing), found=", ".join(sorted(units))))
        units = {slug: data for slug, data in units.items() if slug in only}
    existing = set(backend.slugs())
    clashes = sorted(set(units) & existing)
    if clashes and not replace:
        raise BadArchive(t("restore.exists", units=", ".join(clashes)))
    owner = manifest["_owner"]
    policy = groups.GroupPolicy(may_create=owner == 0 or make_groups, own_gid=backend.top_stat().st_gid)
    # The ids first: a unit restored and then a crash must not leave its ids free for
    # a new record to take. Every record's id with its unit, visits and teams too.
    ids: dict[str, str] = {record_id: "" for record_id in manifest.get("taken", [])
                           if isinstance(record_id, str) and layout.ID.fullmatch(record_id)}
    for slug, data in units.items():
        ids.update(ids_of(data, slug))
    backend.mark_ids_taken(ids)
    outcomes = Outcomes(t("restore.whose", owner=layout.user_name(owner), made=_shown(str(manifest.get("made", "?")))))
    for slug, data in units.items():
        if slug in existing:
            backend.unit_file(slug).overwrite(data)
            outcomes.append((slug, t("restore.replaced", count=sum(counts(data).values()))))
            continue
        try:
            gid, done = _group(manifest["units"][slug], policy)
        except FileProblem as problem:  # a group it may not make or use: that unit left out, said
            outcomes.append((slug, t("restore.left_out", problem=problem.problem)))
            continue
        try:
            backend.create(slug, data, gid)
        except AlreadyExists:  # made by someone meanwhile: left alone, said
            outcomes.append((slug, t("restore.appeared")))
            continue
        outcomes.append((slug, "; ".join([t("restore.made", count=sum(counts(data).values()),
                                             group=layout.group_name(os.stat(os.path.join(backend.dir, slug)).st_gid)),
                                           *done])))
    return outcomes


def _members(raw, shown: str) -> dict[str, bytes]:
    """Every member's bytes, read in memory; BadArchive for anything but regular files
    with the names a backup writes."""
    payloads: dict[str, bytes] = {}
    with tarfile.open(fileobj=raw, mode="r:gz") as tar:
        for member in tar:
            name = member.name
            if not member.isreg():
                raise BadArchive(t("restore.not_regular", path=shown, member=_shown(name)))
            if name != MANIFEST and not _UNIT_MEMBER.fullmatch(name):
                raise BadArchive(t("restore.bad_member", path=shown, member=_shown(name)))
            if name in payloads:
                raise BadArchive(t("restore.bad_member", path=shown, member=_shown(name)))
            if member.size > (MAX_MANIFEST if name == MANIFEST else safe.MAX_BYTES):
                raise BadArchive(t("restore.too_big", path=shown, member=_shown(name)))
            handle = tar.extractfile(member)
            payloads[name] = handle.read() if handle is not None else b""
    return payloads


def _manifest(raw: bytes | None, shown: str) -> dict:
    if raw is None:
        raise BadArchive(t("restore.no_manifest", path=shown))
    try:
        manifest = jsoncodec.loads(raw)
    except ValueError:
        manifest = None
    if not (isinstance(manifest, dict) and manifest.get("app") == "spiegel" and manifest.get("format") == FORMAT
            and isinstance(manifest.get("schema"), int) and isinstance(manifest.get("units"), dict)
            and all(isinstance(v, dict) for v in manifest["units"].values())
            and isinstance(manifest.get("taken", []), list)):
        raise BadArchive(t("restore.bad_manifest", path=shown))
    if manifest["schema"] > schema.SCHEMA_VERSION:
        raise BadArchive(t("restore.newer_schema", path=shown, found=manifest["schema"], known=schema.SCHEMA_VERSION))
    return manifest


def _group(entry: dict, policy: groups.GroupPolicy) -> tuple[int | None, list[str]]:
    """The unit's group from the archive: as root as the policy allows (NoAccess if
    it may not: the unit is left out rather than opened to the data directory's
    group); as anyone else used if they belong to it, so a member's restore keeps
    their practice's unit closed to the rest; else None (the data directory's group,
    as `spiegel units add` without --group: the command line warns)."""
    name = entry.get("group")
    if not isinstance(name, str) or not groups.NAME.fullmatch(name):
        return None, []
    if groups.is_root():
        members = [m for m in entry.get("members", []) if isinstance(m, str)]
        return policy.group_for(name, members)
    try:
        import grp

        gid = grp.getgrnam(name).gr_gid
    except KeyError:
        return None, []
    return (gid, []) if gid == os.getegid() or gid in os.getgroups() else (None, [])


def _shown(name: str) -> str:
    from store.text import clean_line

    return clean_line(name)[:200]
