"""Where the data lives, in which language, and what day it is: built once by the
CLI, passed on.

Each setting comes from the command line, else the environment (SPIEGEL_DATA,
SPIEGEL_LANG), else the user's settings file (`$XDG_CONFIG_HOME/spiegel/settings.toml`,
by default `~/.config/spiegel/settings.toml`: `lang = "en"`, `data_dir = "/srv/spiegel"`,
`db = "postgresql://inge@db/spiegel"`, `reports_dir = "~/Documenten/spiegel"`),
else the default (Dutch; the platform's user data directory). LANG and LC_ALL are a
server's defaults, not the user's choice of language, so they play no part.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import namedtuple

# data_dir: str, a data directory or a database's postgresql:// URL; lang: "nl" or
# "en"; today: None for the real date (SPIEGEL_TODAY fixes it for demos and tests);
# named: the data directory was named by the user (option, environment or settings
# file), so a missing one is a typo to report, not a directory to create. A
# namedtuple: dataclasses costs start-up.
Settings = namedtuple("Settings", "data_dir lang today named", defaults=("nl", None, False))


def data_dir_from(option: str | None) -> str:
    """--data-dir, else $SPIEGEL_DATA, else the settings file, else the platform's
    user data directory."""
    return _data_dir(option)[0]


def _data_dir(option: str | None) -> tuple[str, bool]:
    """(the data directory, whether the user named it)."""
    named = option or os.environ.get("SPIEGEL_DATA") or user_settings().get("data_dir")
    if named and isinstance(named, str):
        return os.path.expanduser(named), True
    return user_data_dir(), False


def settings_file() -> str:
    """The user's settings file, by the XDG rule (XDG_CONFIG_HOME, else ~/.config)."""
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "spiegel", "settings.toml")


_USER_SETTINGS: list[dict] = []


def user_settings() -> dict:
    """The settings file's values ({} without one). tomllib only when there is a file:
    `list` and `add` stay cheap for everyone else. A file that does not parse is
    reported as one line (a SpiegelError), never ignored in silence."""
    if not _USER_SETTINGS:
        _USER_SETTINGS.append(_read_settings(settings_file()))
    return _USER_SETTINGS[0]


def _read_settings(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError:  # unreadable (mode, a directory): said, never half-used
        from store.errors import FileProblem
        from store.i18n import t

        raise FileProblem(path, t("settings.unreadable")) from None
    import tomllib

    try:
        found = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        from store.errors import CorruptFile
        from store.i18n import t

        raise CorruptFile(path, t("settings.unreadable")) from None
    return {k: v for k, v in found.items() if k in ("lang", "data_dir", "db", "reports_dir") and isinstance(v, str)}


def demo_dir_from(option: str | None) -> str:
    """The demo's own directory unless the user names one (demo's or the global --data-dir)."""
    if option:
        return os.path.expanduser(option)
    return os.path.join(user_data_dir(), "demo")


def language_from(option: str | None) -> str:
    """--lang, else $SPIEGEL_LANG, else the settings file's `lang`, else Dutch; and
    make it the language of every message from now on."""
    from store.i18n import set_language

    return set_language(option or os.environ.get("SPIEGEL_LANG") or user_settings().get("lang") or "nl")


def user_data_dir() -> str:
    """platformdirs' user data directory for spiegel. On Linux, in the usual case,
    the XDG rule is spelt out here: importing platformdirs (tempfile, shutil,
    typing) cost every `spiegel list` and `add` 23 ms (python -X importtime). A
    test checks this against platformdirs; anything unusual is left to it."""
    if sys.platform.startswith("linux"):
        xdg, home = os.environ.get("XDG_DATA_HOME", ""), os.environ.get("HOME", "")
        if os.path.isabs(xdg):
            return os.path.join(xdg, "spiegel")
        if os.path.isabs(home):
            return os.path.join(home, ".local", "share", "spiegel")
    import platformdirs

    return platformdirs.user_data_dir("spiegel", appauthor=False)


def today_from_env() -> dt.date | None:
    value = os.environ.get("SPIEGEL_TODAY")
    return dt.date.fromisoformat(value) if value else None


def today(settings: Settings) -> dt.date:
    """The date a command judges input by, as the Store made from `settings` has it
    (Store.today): known before the store is opened, so bad input is answered without
    reaching the data (on PostgreSQL: without importing psycopg and connecting)."""
    return settings.today or dt.date.today()


def settings_from(data_dir: str | None, lang: str | None, db: str | None = None) -> Settings:
    """The settings of one command line (--data-dir, --lang and --db as given, or
    None). The command line beats the environment, which beats the settings file;
    at each level a database beats a data directory, but --data-dir beats --db:
    --data-dir, --db, $SPIEGEL_DB, $SPIEGEL_DATA, the file's `db`, its `data_dir`."""
    lang = language_from(lang)
    reports_dir_from()
    database = None if data_dir else db or os.environ.get("SPIEGEL_DB")
    if not database and not data_dir and not os.environ.get("SPIEGEL_DATA"):
        database = user_settings().get("db")
    if database:
        return Settings(database, lang, today_from_env(), True)
    directory, named = _data_dir(data_dir)
    return Settings(directory, lang, today_from_env(), named)


def reports_dir_from() -> str:
    """$SPIEGEL_REPORTS_DIR, else the settings file's `reports_dir`, else "" (the
    directory spiegel was started in); made the folder reports go to without -o."""
    folder = os.environ.get("SPIEGEL_REPORTS_DIR") or user_settings().get("reports_dir") or ""
    if folder:  # store.exchange.reports only when a folder is set: `list` and `add` stay lean
        from store.exchange.reports.output import set_reports_dir

        set_reports_dir(folder)
    return folder


def with_data_dir(settings: Settings, option: str | None) -> Settings:
    """`settings` with a command's own --data-dir, which beats the global one."""
    return settings._replace(data_dir=os.path.expanduser(option), named=True) if option else settings


def make_store(settings: Settings, create: bool = False):
    """The store on the data directory. A directory the user named must exist
    unless `create` (units add, demo): a typo is reported, not made into an
    empty data directory. The default one is ours to create."""
    check_data_dir(settings, create)
    from store.persistence.repository import Store

    return Store(settings.data_dir, today=settings.today)


def check_data_dir(settings: Settings, create: bool = False) -> None:
    """NotFound (one line) if the named data directory is missing; NoAccess if the
    user may not read it (not in its group): said before anything else is tried."""
    from store.persistence.backend import is_database

    if is_database(settings.data_dir):
        return  # a database: the backend says what is wrong with it
    if os.path.isdir(settings.data_dir):
        if not os.access(settings.data_dir, os.R_OK | os.X_OK):
            from store.errors import NoAccess
            from store.i18n import t

            raise NoAccess(settings.data_dir, t("file.no_access"))
        return
    if settings.named and not create:
        from store.errors import NotFound
        from store.i18n import t
        from store.text import clean_line

        raise NotFound(t("data_dir.missing", path=clean_line(settings.data_dir)))
