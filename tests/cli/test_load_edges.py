"""The CLI over hand-edited files and odd arguments: no escape sequence reaches the
terminal, bad records are reported (and `check` fails), odd input is refused in one
line before anything is written."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from store import jsoncodec
from store.model.records import Action, Finding, Meeting

HOSTILE = "Titel \x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07 \u202eeulb\u202c einde"
SHOWN = "Titel ]0;pwned ]52;c;ZXZpbA== ⟨U+202E⟩eulb⟨U+202C⟩ einde"
STORED = "Titel ]0;pwned ]52;c;ZXZpbA== \u202eeulb\u202c einde"  # what loading keeps: controls dropped only


def hand_edit(store, slug: str, table: str, number: str, **fields) -> bytes:
    """Write fields straight into a stored document; the file's new bytes."""
    with open(store.unit_path(slug), "rb") as f:
        data = jsoncodec.loads(f.read())
    data[table][number].update(fields)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    with open(store.unit_path(slug), "wb") as f:
        f.write(raw)
    return raw


@pytest.fixture
def hoek(two_units):
    """De Hoek with a good action (A-1), one whose title was hand-edited to hold
    escape sequences and a bidi override (A-2), and one hand-edited wrongly (A-3)."""
    ids = [two_units.add(Action(title=title), "praktijk-de-hoek").id for title in ("Goed", "Wordt vijandig", "Wordt kapot")]
    assert ids == ["A-1", "A-2", "A-3"]
    hand_edit(two_units, "praktijk-de-hoek", "actions", "2", title=HOSTILE)
    hand_edit(two_units, "praktijk-de-hoek", "actions", "3", progress="50")
    return two_units


def test_escape_sequences_from_the_file_never_reach_the_terminal(run, hoek):
    outputs = [run(*args) for args in (("show", "A-2"), ("show", "A-2", "--json"), ("list",), ("list", "--json"),
                                       ("list", "--search", "pwned"))]
    outputs += [run("check", ok=False), run("check", "--json", ok=False)]
    for done in outputs:
        assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
    for done in (outputs[0], outputs[2], outputs[4], outputs[5]):  # text on a terminal: the override marked
        assert "\u202e" not in done.stdout + done.stderr
    assert SHOWN in outputs[0].stdout
    # --json keeps the stored text (issue 29): control characters dropped, the override as stored
    assert json.loads(outputs[1].stdout)["title"] == STORED
    assert SHOWN in outputs[2].stdout
    assert STORED in [a["title"] for a in json.loads(outputs[3].stdout)]
    assert "A-2" in outputs[4].stdout


def test_list_shows_the_good_records_and_names_the_bad_one_on_stderr(run, hoek):
    for args in (("list",), ("list", "--json"), ("list", "--unit", "hoek")):
        done = run(*args)
        assert "Goed" in done.stdout and "Wordt kapot" not in done.stdout
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and "A-3 in eenheid praktijk-de-hoek is beschadigd: progress: " in lines[0]


def test_check_names_unit_record_and_field_and_fails(run, hoek):
    done = run("check", ok=False)
    assert done.returncode == 1
    assert "  praktijk-de-hoek, A-3, progress: moet een geheel getal van 0 tot en met 100 zijn, maar is \"50\"" \
        in done.stdout.splitlines()
    assert "1 beschadigd record" in done.stdout
    report = {item["unit"]: item for item in json.loads(run("check", "--json", ok=False).stdout)}
    assert report["praktijk-de-hoek"]["ok"] is False and report["gemeente-best"]["ok"] is True
    assert report["praktijk-de-hoek"]["actions"] == 2  # the good ones
    assert [(b["id"], b["field"]) for b in report["praktijk-de-hoek"]["bad_records"]] == [("A-3", "progress")]
    assert "maar is \"50\"" in report["praktijk-de-hoek"]["bad_records"][0]["reason"]
    hand_edit(hoek, "praktijk-de-hoek", "actions", "3", progress=50)
    assert run("check").returncode == 0


def test_units_counts_the_good_records_and_names_how_many_are_bad(run, hoek):
    units = {u["slug"]: u for u in json.loads(run("units", "--json").stdout)}
    assert units["praktijk-de-hoek"]["open_actions"] == 2 and units["praktijk-de-hoek"]["bad_records"] == 1
    assert units["gemeente-best"]["bad_records"] == 0
    assert "Praktijk De Hoek (! 1 beschadigd record)" in run("units").stdout


def test_editing_the_bad_record_is_refused_and_the_rest_of_the_unit_is_writable(run, hoek):
    before = open(hoek.unit_path("praktijk-de-hoek"), "rb").read()
    for args in (("edit", "A-3", "--owner", "Sanne"), ("undo", "A-3"), ("done", "A-3"), ("show", "A-3")):
        done = run(*args, ok=False)
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and "A-3 in eenheid praktijk-de-hoek is beschadigd: progress: " \
            in done.stderr and "teksteditor" in done.stderr
    assert open(hoek.unit_path("praktijk-de-hoek"), "rb").read() == before
    run("edit", "A-1", "--owner", "Sanne")
    run("add", "Nieuw", "--unit", "hoek")
    after = open(hoek.unit_path("praktijk-de-hoek"), "rb").read()
    assert b'"id":"A-3","rev":1' in after and b'"progress":"50"' in after


def test_a_huge_number_edited_into_the_file_is_kept_as_it_was(run, two_units):
    from tests.conftest import TODAY

    meeting = two_units.add(Meeting(date=TODAY, participants=8), "praktijk-de-hoek")
    two_units.add(Action(title="Ander"), "praktijk-de-hoek")
    number = meeting.id.partition("-")[2]
    hand_edit(two_units, "praktijk-de-hoek", "meetings", number, participants=99999999999999999999999)
    assert "participants: " in run("check", ok=False).stdout
    run("edit", "A-1", "--owner", "Sanne")
    assert b'"participants":99999999999999999999999' in open(two_units.unit_path("praktijk-de-hoek"), "rb").read()
    assert json.loads(run("show", "A-1", "--json").stdout)["owner"] == "Sanne"


def test_a_huge_count_is_refused_at_input_and_show_still_works(run, two_units):
    from tests.conftest import TODAY

    assert two_units.add(Meeting(date=TODAY, participants=8), "praktijk-de-hoek").id == "M-1"
    done = run("edit", "M-1", "--deelnemers", "99999999999999999999999", ok=False)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "Deelnemers: moet tussen 0 en 100000 liggen" in done.stderr
    assert json.loads(run("show", "M-1", "--json").stdout)["participants"] == 8
    run("add", "Kort", "--unit", "hoek")
    done = run("edit", "A-1", "--titel", "x" * 301, ok=False)
    assert "Titel: te lang (301 tekens); het maximum is 300" in done.stderr  # the field as the screen names it


def test_a_unit_is_not_edited_as_u_1(run, two_units):
    before = open(two_units.unit_path("gemeente-best"), "rb").read()
    for args in (("edit", "U-1", "--naam", "Overgenomen"), ("show", "U-1")):
        done = run(*args, ok=False)
        assert done.returncode == 1 and done.stderr.count("\n") == 1
        assert "'U-1' is geen record-id: een eenheid wijs je aan met haar naam" in done.stderr
    assert open(two_units.unit_path("gemeente-best"), "rb").read() == before


def test_linking_a_finding_that_is_not_in_the_unit_is_refused(run, two_units):
    assert two_units.add(Finding(text="Elders"), "gemeente-best").id == "L-2"
    assert run("add", "Actie", "--unit", "hoek").stdout.strip() == "A-1"
    for missing in ("L-999", "L-2"):
        done = run("edit", "A-1", "--findings", missing, ok=False)
        assert done.returncode == 1
        assert f"Leerpunten: leerpunt {missing} bestaat niet in eenheid praktijk-de-hoek" in done.stderr
    run("edit", "A-1", "--leerpunten", "L-1")
    assert json.loads(run("show", "A-1", "--json").stdout)["findings"] == ["L-1"]


def test_arguments_that_are_not_utf8_are_refused_before_an_id_is_taken(run, two_units):
    counter = two_units.data_dir / ".spiegel-ids.json"
    ids_before = counter.read_bytes() if counter.exists() else None
    env = {k: v for k, v in run.env.items()}
    for args in ([b"add", b"\xff\xfe titel", b"--unit", b"hoek"], [b"list", b"--owner", b"\xe9"],
                 [b"edit", b"L-1", b"--tekst", b"caf\xe9"]):
        done = subprocess.run([sys.executable.encode(), b"-m", b"cli", *args], capture_output=True, env=env)
        assert done.returncode == 2 and done.stdout == b""
        message = done.stderr.decode()
        assert message.count("\n") == 1 and "geen UTF-8" in message and "Traceback" not in message
        assert "⟨U+DC" in message  # the bytes, made visible
    assert (counter.read_bytes() if counter.exists() else None) == ids_before
    assert run("add", "Daarna", "--unit", "hoek").stdout.strip() == "A-1"


def test_hidden_characters_typed_are_stored_as_typed_and_shown_visibly(run, two_units):
    run("add", "Factuur\u202efdp.exe\u200b", "--unit", "hoek", "--owner", "An\u2066na")
    shown = json.loads(run("show", "A-1", "--json").stdout)  # issue 29: --json keeps what was typed
    assert shown["title"] == "Factuur\u202efdp.exe\u200b" and shown["owner"] == "An\u2066na"
    assert "Factuur⟨U+202E⟩fdp.exe" in run("list").stdout
