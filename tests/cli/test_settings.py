"""Where the CLI finds its data: the default directory is platformdirs' answer."""

from __future__ import annotations

import platformdirs
import pytest

from cli.settings import data_dir_from, demo_dir_from, user_data_dir


@pytest.mark.parametrize("xdg", [None, "", "/srv/xdg", "relatief/pad", "  "])
@pytest.mark.parametrize("home", ["/home/sanne", "/home/sanne/", None, "", "relatief"])
def test_the_default_data_dir_is_platformdirs_answer(monkeypatch, xdg, home):
    for name, value in (("XDG_DATA_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert user_data_dir() == platformdirs.user_data_dir("spiegel", appauthor=False)


def test_an_option_or_spiegel_data_wins(monkeypatch):
    monkeypatch.setenv("HOME", "/home/sanne")
    monkeypatch.setenv("SPIEGEL_DATA", "~/gedeeld")
    assert data_dir_from(None) == "/home/sanne/gedeeld"
    assert data_dir_from("~/eigen") == "/home/sanne/eigen"
    monkeypatch.delenv("SPIEGEL_DATA")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert data_dir_from(None) == "/home/sanne/.local/share/spiegel"
    assert demo_dir_from(None) == "/home/sanne/.local/share/spiegel/demo"
