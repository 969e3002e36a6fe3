"""`spiegel check --server`: what an administrator should know about a shared server.

Each finding is a problem (something a colleague can use against another practice,
or a setup spiegel does not trust: exit 1) or advice (what the README allows but the
admin should have chosen knowingly: a unit open to the whole shared group, a unit
group still without members: exit 0). It reads; it changes nothing.

What it looks at, and why:
- the data directory: group-writable needs the sticky bit (else any member removes
  or replaces another's unit), nothing for others;
- every unit directory: as store/persistence/files/layout.py trusts it (2770, setgid, owner);
- units in the data directory's own group: every member reads and writes them, and
  one a member made may be a squat on a name the admin meant to use;
- `.ids`: sticky and the admin's, so nobody removes what is not theirs;
- /proc mounted with `hidepid`: without it every member sees every command line
  (`spiegel add "…"` with its title);
- fs.protected_regular and fs.protected_hardlinks: the kernel's guards against
  files planted in shared directories.
"""

from __future__ import annotations

import os
import stat

from store.errors import FileProblem
from store.persistence.files import layout
from store.i18n import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from store.persistence.files.backend import FileBackend

PROBLEM, ADVICE, OK = "problem", "advice", "ok"


def server_findings(backend: FileBackend, proc: str = "/proc") -> list[tuple[str, str]]:
    """[(PROBLEM | ADVICE | OK, what, in words)], in the order an admin fixes them."""
    found = _top(backend)
    found += _units(backend)
    found += _ids(backend)
    found += _proc(proc)
    found += _kernel(proc)
    found += [(PROBLEM, t("server.old_layout", path=p.path)) for p in backend.old_layout()]
    return found


def _top(backend: FileBackend) -> list[tuple[str, str]]:
    st = os.stat(backend.dir, follow_symlinks=False)
    mode = stat.S_IMODE(st.st_mode)
    where = dict(path=backend.dir, mode=f"{mode:04o}", owner=layout.user_name(st.st_uid),
                 group=layout.group_name(st.st_gid))
    found = []
    if mode & 0o007:
        found.append((PROBLEM, t("server.top_others", **where)))
    if mode & 0o022 and not mode & stat.S_ISVTX:
        found.append((PROBLEM, t("server.top_not_sticky", **where)))
    if not mode & 0o020:
        found.append((ADVICE, t("server.top_personal", **where)))
    return found or [(OK, t("server.top_ok", **where))]


def _units(backend: FileBackend) -> list[tuple[str, str]]:
    from store.persistence.files.admin import squat_line
    from store.persistence.files.groups import members_of

    top = backend.top_stat()
    found = []
    for slug in backend.slugs():
        path = os.path.join(backend.dir, slug)
        try:
            st = os.stat(path, follow_symlinks=False)
            if not stat.S_ISDIR(st.st_mode):
                raise FileProblem(path, t("file.not_a_directory"))
            layout.check_unit_dir(st, path, top)
        except FileProblem as problem:
            found.append((PROBLEM, t("server.unit_bad", unit=slug, problem=problem.problem)))
            continue
        except OSError as exc:
            found.append((PROBLEM, t("server.unit_bad", unit=slug, problem=exc.strerror or str(exc))))
            continue
        if st.st_gid == top.st_gid and layout.is_shared(top):
            found.append((ADVICE, squat_line(backend, slug) or t("server.unit_open", unit=slug,
                                                                  group=layout.group_name(st.st_gid))))
        elif not members_of(st.st_gid):
            found.append((ADVICE, t("server.group_empty", unit=slug, group=layout.group_name(st.st_gid))))
    return found or [(OK, t("server.no_units"))]


def _ids(backend: FileBackend) -> list[tuple[str, str]]:
    path = backend.ids.path
    try:
        st = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return [(ADVICE, t("server.ids_missing", path=path))]
    top = backend.top_stat()
    mode = stat.S_IMODE(st.st_mode)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid not in (0, top.st_uid) or (mode & 0o022 and not mode & stat.S_ISVTX):
        return [(PROBLEM, t("server.ids_bad", path=path, mode=f"{mode:04o}", owner=layout.user_name(st.st_uid)))]
    return [(OK, t("server.ids_ok", path=path))]


def _proc(proc: str) -> list[tuple[str, str]]:
    """hidepid on the /proc mount: members must not see each other's command lines."""
    try:
        with open(os.path.join(proc, "self", "mounts"), encoding="utf-8", errors="replace") as handle:
            mounts = [line.split() for line in handle]
    except OSError:
        return [(ADVICE, t("server.proc_unknown"))]
    options = next((m[3].split(",") for m in reversed(mounts) if len(m) > 3 and m[1] == "/proc" and m[2] == "proc"), [])
    hidepid = next((o.split("=", 1)[1] for o in options if o.startswith("hidepid=")), "0")
    if hidepid in ("0", "off"):
        return [(PROBLEM, t("server.proc_open"))]
    if not any(o.startswith("gid=") for o in options):
        return [(ADVICE, t("server.proc_no_gid", hidepid=hidepid))]
    return [(OK, t("server.proc_ok", hidepid=hidepid))]


def _kernel(proc: str) -> list[tuple[str, str]]:
    found = []
    for name, wanted in (("protected_regular", 1), ("protected_hardlinks", 1)):
        try:
            with open(os.path.join(proc, "sys", "fs", name), encoding="ascii") as handle:
                value = int(handle.read().strip() or 0)
        except (OSError, ValueError):
            found.append((ADVICE, t("server.sysctl_unknown", name=name)))
            continue
        if value < wanted:
            found.append((PROBLEM, t("server.sysctl_off", name=name, value=value)))
        else:
            found.append((OK, t("server.sysctl_ok", name=name, value=value)))
    return found
