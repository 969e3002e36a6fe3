"""Where reports go: `-o` when given, else the reports folder of the settings file
(`reports_dir`) or $SPIEGEL_REPORTS_DIR, else the directory spiegel was started in;
the app's report keys use the same folder."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from store.model.records import Meeting


def _spiegel(run, cwd, *args, **env):
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True,
                          env={**run.env, **env}, cwd=cwd)


def test_reports_go_to_the_folder_of_the_settings_file(run, two_units, tmp_path):
    config, folder, started = tmp_path / "config", tmp_path / "verslagen", tmp_path / "ergens"
    (config / "spiegel").mkdir(parents=True)
    folder.mkdir()
    started.mkdir()
    (config / "spiegel" / "settings.toml").write_text(f'reports_dir = "{folder}"\n')
    two_units.add(Meeting(date=dt.date(2026, 11, 2), theme="Balie"), "praktijk-de-hoek")
    run("visit", "add", "hoek")
    env = {"XDG_CONFIG_HOME": str(config)}
    done = _spiegel(run, started, "visit", "report", "B-1", **env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(folder / "bezoekverslag-praktijk-de-hoek-B-1.md")
    done = _spiegel(run, started, "feedback", "document", "M-1", "--format", "html", **env)
    assert done.returncode == 0, done.stderr
    assert (folder / "terugkoppeling-M-1.html").exists() and not list(started.iterdir())
    named = _spiegel(run, started, "visit", "report", "B-1", "-o", "eigen.md", **env)  # -o wins
    assert named.returncode == 0 and (started / "eigen.md").exists()
    into = _spiegel(run, started, "feedback", "document", "M-1", "-o", str(tmp_path), **env)  # a folder named
    assert into.returncode == 0 and (tmp_path / "terugkoppeling-M-1.md").exists()
    by_env = _spiegel(run, started, "visit", "report", "B-1", SPIEGEL_REPORTS_DIR=str(tmp_path))
    assert by_env.stdout.strip() == str(tmp_path / "bezoekverslag-praktijk-de-hoek-B-1.md")
    missing = _spiegel(run, started, "visit", "report", "B-1", SPIEGEL_REPORTS_DIR=str(tmp_path / "weg"))
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr


def test_the_app_writes_into_the_same_folder(tmp_path, monkeypatch):
    from store.exchange.reports import output

    monkeypatch.setattr(output, "_FOLDER", [""])
    monkeypatch.chdir(tmp_path)
    assert output.report_path("x.html") == str(tmp_path / "x.html")  # nothing set: where spiegel started
    output.set_reports_dir(str(tmp_path / "verslagen"))
    assert output.reports_dir() == str(tmp_path / "verslagen")
    assert output.report_path("x.html") == str(tmp_path / "verslagen" / "x.html")
