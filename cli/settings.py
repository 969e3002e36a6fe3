"""Where the data lives and who is working: built once by the CLI, passed on."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import namedtuple

# data_dir: str, a data directory or a database's postgresql:// URL; lang: "nl" or "en"; today: None for the real date (SPIEGEL_TODAY
# fixes it for demos and tests). A namedtuple: dataclasses costs start-up.
Settings = namedtuple("Settings", "data_dir lang today", defaults=("nl", None))


def data_dir_from(option: str | None) -> str:
    """--data-dir, else $SPIEGEL_DATA, else the platform's user data directory."""
    if option:
        return os.path.expanduser(option)
    if os.environ.get("SPIEGEL_DATA"):
        return os.path.expanduser(os.environ["SPIEGEL_DATA"])
    return user_data_dir()


def location_from(data_dir: str | None, db: str | None) -> str:
    """Where the units live: --data-dir, else --db, else $SPIEGEL_DB, else as
    `data_dir_from` says. A postgresql:// URL makes Store use the database."""
    if data_dir:
        return data_dir_from(data_dir)
    return db or os.environ.get("SPIEGEL_DB") or data_dir_from(None)


def demo_dir_from(option: str | None) -> str:
    if option:
        return os.path.expanduser(option)
    return os.path.join(user_data_dir(), "demo")


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


def settings_from(data_dir: str | None, lang: str | None, db: str | None = None) -> Settings:
    """The settings of one command line (--data-dir, --lang and --db as given, or None)."""
    from store.i18n import language_from_env

    return Settings(location_from(data_dir, db), language_from_env(lang), today_from_env())


def make_store(settings: Settings):
    from store.repository import Store

    return Store(settings.data_dir, today=settings.today)
