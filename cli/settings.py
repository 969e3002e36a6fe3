"""Where the data lives and who is working: built once by the CLI, passed on."""

from __future__ import annotations

import datetime as dt
import os
from collections import namedtuple
from pathlib import Path


# data_dir: Path; lang: "nl" or "en"; today: None for the real date (SPIEGEL_TODAY
# fixes it for demos and tests). A namedtuple: dataclasses costs start-up.
Settings = namedtuple("Settings", "data_dir lang today", defaults=("nl", None))


def data_dir_from(option: str | None) -> Path:
    """--data-dir, else $SPIEGEL_DATA, else the platform's user data directory."""
    if option:
        return Path(option).expanduser()
    if os.environ.get("SPIEGEL_DATA"):
        return Path(os.environ["SPIEGEL_DATA"]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("spiegel", appauthor=False))


def demo_dir_from(option: str | None) -> Path:
    if option:
        return Path(option).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("spiegel", appauthor=False)) / "demo"


def today_from_env() -> dt.date | None:
    value = os.environ.get("SPIEGEL_TODAY")
    return dt.date.fromisoformat(value) if value else None


def settings_from(data_dir: str | None, lang: str | None, command_data_dir: str | None = None) -> Settings:
    """The settings of one command line: a command's --data-dir beats the global one."""
    from store.i18n import language_from_env

    return Settings(data_dir_from(command_data_dir or data_dir), language_from_env(lang), today_from_env())


def make_store(settings: Settings):
    from store.repository import Store

    return Store(settings.data_dir, today=settings.today)
