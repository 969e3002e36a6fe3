"""What `Store` asks of the place where units' data lives: the storage seam.

`Store` (store/persistence/repository.py) keeps the domain: records, the rules, revisions and
conflicts, the change log, undo. A backend keeps only where each unit's data lives
and how it is read and written back whole:

- store/persistence/files/backend.py: a data directory of per-unit directories (the default;
  no server, the operating system keeps practices apart);
- store/persistence/pg/backend.py: a PostgreSQL database (a care group past one server).

A unit's data is one dict in the file format of store/model/schema.py (table ->
{number: document}, plus `_meta`), whichever backend holds it: the transaction
code and every rule run on that dict alone, so both backends behave the same.

A third backend subclasses `Backend` and implements the methods that raise
NotImplementedError (docs/architecture.md, "Adding a backend"); the tests'
parametrised `store` fixture then runs every behaviour test on it too.

A plain class, not a typing.Protocol: importing typing costs every `spiegel list`
a few milliseconds (store/model/recordtype.py).
"""

from __future__ import annotations

import os
import time

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable, ContextManager

    from store.errors import FileProblem


class Backend:
    """The storage interface. Every method that names a unit takes its slug; a
    unit that cannot be used raises a `FileProblem` (store/errors.py) whose `path`
    is `where(slug)`."""

    kind = "?"  # "files" or "postgresql"
    location = ""  # the data directory, or the database's URL without its password

    def default_user(self) -> str:
        """Who makes changes: the operating system's user (a database says its login
        role instead)."""
        return os_user()

    def repair_hint(self, slug: str) -> str:
        """How an administrator repairs a damaged record of the unit (for BadRecord)."""
        from store.i18n import t

        return t("repair.file", path=self.where(slug))

    def where(self, slug: str) -> str:
        """Where the unit's data lives, in words for a message: a file's path, or
        the unit in a named database."""
        raise NotImplementedError

    def slugs(self) -> list[str]:
        """Every unit this user may at least see the name of, sorted."""
        raise NotImplementedError

    def read(self, slug: str) -> dict:
        """The unit's data (shared and cached: never mutate it); inside an open
        transaction on this unit, that transaction's working copy."""
        raise NotImplementedError

    def transaction(self, slug: str) -> ContextManager[dict]:
        """Lock the unit against other writers and yield a private copy of its data,
        read fresh under that lock. When the block ends normally the copy is written
        back atomically (all of it or none); if it raises, nothing is written."""
        raise NotImplementedError

    def create(self, slug: str, data: dict, group: int | None = None) -> None:
        """Store a new unit with its first data; AlreadyExists if the slug is taken.
        `group`: the OS group (files) whose members may use it; None: the default."""
        raise NotImplementedError

    def next_ids(self, prefix: str, count: int, slug: str) -> list[str]:
        """Reserve `count` new ids (`A-12`) for unit `slug`: unique across all units,
        including units this user may not read, and never handed out twice."""
        raise NotImplementedError

    def mark_ids_taken(self, holders: dict[str, str]) -> int:
        """Make sure every id in `holders` ({"A-12": slug}) is taken, for its unit, and
        that no new id repeats one (a copy or restore); returns how many were new."""
        raise NotImplementedError

    def registered_holders(self, record_ids: list[str]) -> dict[str, str]:
        """{id: unit} for those of `record_ids` the backend's id register gives to a
        unit (a copy compares them before it writes anything)."""
        return {}

    def holders(self, record_id: str) -> list[str]:
        """The units to look for `record_id` in, likeliest first (only the unit it was
        made for, when the backend knows it: a copy elsewhere is never taken for it)."""
        raise NotImplementedError

    def fingerprint(self, slug: str) -> tuple:
        """Cheap to ask: differs after every write to the unit, or names its problem."""
        raise NotImplementedError

    def list_rows(self, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]],
                  ) -> tuple[str, list[list]]:
        """The unit's name and a row of store/persistence/files/listing.py's FIELDS per action,
        as cheaply as the backend can (`blank`: a new action's document, for fields a
        document leaves out). `checked(data)` is Store's check of a whole unit's
        data (raises while a bad action exists, returns the name and the portfolio
        figures), for a backend that builds rows from the whole data."""
        raise NotImplementedError

    def unit_figures(self, slug: str, blank: dict, checked: Callable[[dict], tuple[str, dict | None]]) -> object:
        """The unit's portfolio figures (store/model/figures.py) if the backend keeps them
        where they are cheap to read, as stored (Store checks them); None: Store
        computes them from the unit's records. `blank` and `checked` as for list_rows."""
        return None

    def prefetch_lists(self) -> None:
        """A list of every unit follows: a backend that can fetch all units' rows at
        once (one database round trip instead of one per unit) does it now."""

    def unit_name(self, slug: str) -> str | None:
        """The unit's name if the backend has it cheaply, else None (Store then reads it)."""
        return None

    def forget(self, slug: str) -> None:
        """Drop what is kept in memory of the unit's data (a backend with a read cache)."""
        return None

    def unit_group(self, slug: str) -> tuple[str, list[str]] | None:
        """Who may use the unit, as a group's name and its members' names (a database's
        group role and its login roles), for a copy into files made as root; None if
        the backend has no such group."""
        return None

    def outside_units(self) -> list[FileProblem]:
        """Problems that belong to no unit (the files' old flat layout)."""
        return []

    def wait_for_change(self, slug: str | None, seen: tuple, timeout: float, poll: float = 0.0) -> tuple:
        """Block until `fingerprint` of the unit (of every unit: None) differs from
        `seen`, `timeout` seconds passed, or `wake` was called; returns the
        fingerprint now. This default polls every `poll` seconds (POLL_SECONDS if
        not given); a backend that can be told (LISTEN/NOTIFY) overrides it."""
        poll = poll or POLL_SECONDS
        deadline = time.monotonic() + timeout
        woken = self._wake_event()
        wakes = self.__dict__.get("_wakes", 0)
        while True:
            now = self.fingerprints(slug)
            left = deadline - time.monotonic()
            if now != seen or left <= 0 or self.__dict__.get("_wakes", 0) != wakes:
                return now
            woken.wait(min(poll, left))

    def wake(self) -> None:
        """Make every `wait_for_change` under way return at once (a screen that
        watched is closing: its thread should not sleep out its timeout)."""
        woken = self._wake_event()
        self.__dict__["_wakes"] = self.__dict__.get("_wakes", 0) + 1  # seen by waits between their sleeps too
        woken.set()
        woken.clear()  # a pulse: those asleep now wake, later waits sleep again

    def _wake_event(self):
        event = self.__dict__.get("_woken")
        if event is None:
            import threading  # not on the CLI's path: only waiting needs it

            event = self.__dict__.setdefault("_woken", threading.Event())
        return event

    def fingerprints(self, slug: str | None) -> tuple:
        """`fingerprint` of one unit, or of every unit (which also changes when a unit
        appears or goes)."""
        return tuple((s, self.fingerprint(s)) for s in ([slug] if slug else self.slugs()))

    def close(self) -> None:
        """Release what the backend holds open (a database connection)."""


POLL_SECONDS = 0.25


def is_database(location: str | os.PathLike) -> bool:
    """Whether `location` names a database (a `postgresql://` URL), not a directory."""
    return os.fspath(location).startswith(("postgresql://", "postgres://"))


def os_user() -> str:
    """The OS user who makes a change: getpass.getuser's rule (LOGNAME, USER, LNAME,
    USERNAME, else the passwd entry), without importing getpass (and termios) on
    every `spiegel add`."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # no passwd entry, e.g. an arbitrary uid in a container
        return f"uid{os.getuid()}"
