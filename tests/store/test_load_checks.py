"""Documents edited by hand: every field checked and cleaned when loaded.

Table-driven over every record type and every field kind: a wrong value written
straight into the unit's JSON makes that one record a bad record. It is left out
of reads and reported (record, unit, field), the unit's other records stay usable
and writable, the bad document survives another record's edit byte for byte, and
editing or undoing the bad record itself is refused with a message naming the field.
"""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import pytest

from store import jsoncodec
from store.errors import BadRecord, CorruptFile, InvalidRecord, InvalidValue
from store.model.records import Action, Finding, Kpi, Measurement, Meeting, Team, Unit, record_type
from store.persistence.repository import Store
from store.model.limits import MAX_COUNT
from store.model.vocab import Status, TeamKind
from store.text import visible
from tests.conftest import TODAY


DELETE = object()  # the field is taken out of the document


def read_doc(store: Store, slug: str) -> dict:
    """The unit's data as stored: its file parsed, or its rows in the database."""
    if store.files is not None:
        with open(store.unit_path(slug), "rb") as f:
            return jsoncodec.loads(f.read())
    from store.model.schema import TABLES

    data: dict = {name: {} for name in TABLES}
    for kind, number, doc in store.backend.conn.execute(
            "SELECT kind, number::text, doc::text FROM spiegel.records WHERE unit = %s", (slug,)):
        data[kind][number] = jsoncodec.loads(doc)
    return data


def stored_bytes(store: Store, slug: str) -> bytes:
    """Every byte stored of the unit: the file, or its documents' text in the database."""
    if store.files is not None:
        with open(store.unit_path(slug), "rb") as f:
            return f.read()
    rows = store.backend.conn.execute(
        "SELECT doc::text FROM spiegel.records WHERE unit = %s ORDER BY kind, number", (slug,))
    return b"\n".join(doc.encode("utf-8", "surrogatepass") for (doc,) in rows)


def hand_edit(store: Store, slug: str, record_id: str, field: str, value: object) -> dict:
    """Write `value` into one field of a stored document, as a colleague with a text
    editor (or an administrator with SQL) would; returns the document as written."""
    cls = record_type(record_id) if not record_id.islower() else Unit
    data = read_doc(store, slug)
    number = "1" if cls is Unit else record_id.partition("-")[2]
    doc = data[cls.TABLE][number]
    if value is DELETE:
        del doc[field]
    else:
        doc[field] = value
    if store.files is not None:
        with open(store.unit_path(slug), "wb") as f:
            f.write(jsoncodec.dumps(data))
    else:
        store.backend.conn.execute("UPDATE spiegel.records SET doc = %s::json WHERE unit = %s AND kind = %s"
                                   " AND number = %s", (jsoncodec.dumps(doc).decode(), slug, cls.TABLE, int(number)))
        store.backend.conn.execute("UPDATE spiegel.units SET version = version + 1 WHERE slug = %s", (slug,))
    return doc


@pytest.fixture
def records(store, unit):
    """One record of every type (the action with an update to undo) and a second
    action, `other`, to edit while something else in the unit is bad."""
    meeting = store.add(Meeting(date=TODAY, participants=8), unit.id)
    finding = store.add(Finding(text="Lang wachten", meeting=meeting.id), unit.id)
    action = store.add(Action(title="Terugbellen", findings=[finding.id], pdsa={"plan": "bellen"}), unit.id)
    store.change(action.id, {"owner": "Sanne"})
    kpi = store.add(Kpi(name="Wachttijd", action=action.id, measurements=[Measurement(TODAY, 3.0)]), unit.id)
    other = store.add(Action(title="Andere actie"), unit.id)
    team = store.add(Team(name="Kernteam", kind=TeamKind.CORE, providers=["Els"], patients=2), unit.id)
    return {"M": meeting, "L": finding, "A": action, "K": kpi, "T": team, "other": other}


# (record: M/L/A/K, field, hand-edited value): every kind, and the meta fields.
CASES = [
    ("A", "deleted", 5), ("A", "review_cycle", ["kwartaal"]), ("M", "deleted", []), ("L", "deleted", None),
    ("M", "organiser", "de buurman"), ("M", "afspiegeling", 3), ("M", "working_target", "ja"), ("M", "start_time", 1930),
    ("K", "deleted", {"x": 1}), ("T", "deleted", 7),
    # Action: Line, Text, OptDate, code, int, Ids, Pdsa
    ("A", "title", 123), ("A", "title", None), ("A", "description", ["x"]), ("A", "owner", {"naam": "x"}),
    ("A", "deadline", "2026-13-45"), ("A", "deadline", "20261231"), ("A", "deadline", "vrijdag"), ("A", "deadline", 5),
    ("A", "status", "misschien"), ("A", "status", ["done"]), ("A", "phase", 99), ("A", "phase", "2"),
    ("A", "phase", 2.0), ("A", "route", True), ("A", "progress", "50"), ("A", "progress", 101),
    ("A", "progress", -1), ("A", "review_date", []), ("A", "findings", "L-1"), ("A", "findings", [1]),
    ("A", "findings", ["zomaar"]), ("A", "pdsa", ["plan"]), ("A", "pdsa", {"plan": 3}), ("A", "pdsa", {"wish": "x"}),
    ("A", "started_on", {}), ("A", "done_on", "2026/01/01"), ("A", "evaluated_on", "2026-W01-1"),
    # meta fields
    ("A", "id", 7), ("A", "id", "K-3"), ("A", "id", DELETE), ("A", "rev", "3"), ("A", "rev", 0), ("A", "rev", None),
    ("A", "created_at", 5), ("A", "created_by", ["ik"]), ("A", "updated_at", False), ("A", "updated_by", None), ("A", "log", "x"), ("A", "log", [1]),
    ("A", "log", [{"at": "nu", "by": "ik", "op": "hack"}]), ("A", "log", [{"op": "create"}]),
    ("A", "log", [{"at": "nu", "by": "ik", "op": "update", "changes": {"title": "x"}}]),
    # Meeting: OptDate, code, Lines, OptInt, Text
    ("M", "date", "gisteren"), ("M", "format", "webinar"), ("M", "questions", "a, b"), ("M", "questions", [1, 2]),
    ("M", "participants", MAX_COUNT + 1), ("M", "participants", -1), ("M", "participants", "12"),
    ("M", "listeners", 2.5), ("M", "duration_min", True), ("M", "rounds", [2]), ("M", "inputs", [None]),
    ("M", "feedback_given_unknown", "ja"), ("M", "feedback_given_unknown", 1),
    # Team (schema 3): Line, code, Lines, counted people, Text, meta
    ("T", "name", None), ("T", "kind", "stuurgroep"), ("T", "coordinator", 3), ("T", "providers", "Els, Jan"),
    ("T", "providers", [1]), ("T", "patients", -1), ("T", "patients", "2"), ("T", "partners", MAX_COUNT + 1),
    ("T", "assignment", []), ("T", "id", "A-3"), ("T", "rev", 0), ("T", "log", "x"), ("T", "created_at", 1),
    ("T", "created_by", []), ("T", "updated_at", {}), ("T", "updated_by", 2),
    ("M", "notes", 5), ("M", "feedback_due", "2026-02-30"), ("M", "feedback_sent", 20260101), ("M", "theme", []),
    ("M", "facilitator", 0), ("M", "minute_taker", {}), ("M", "id", "A-1"), ("M", "rev", -3), ("M", "log", {}),
    ("M", "created_at", None), ("M", "created_by", 1), ("M", "updated_at", []), ("M", "updated_by", True),
    # Finding: Line, code, Text, bool
    ("L", "meeting", 1), ("L", "kind", "klacht"), ("L", "text", None), ("L", "quick_win", 1),
    ("L", "quick_win", "ja"), ("L", "state", 3), ("L", "reason", []), ("L", "theme", 2), ("L", "id", "L-"),
    ("L", "rev", 1.5), ("L", "log", [[]]), ("L", "created_at", {}), ("L", "created_by", None),
    ("L", "updated_at", 1), ("L", "updated_by", []),
    # Kpi: Line, code, OptFloat, Measurements
    ("K", "name", 1), ("K", "direction", "up"), ("K", "baseline", "abc"), ("K", "target", True),
    ("K", "target", 1e13), ("K", "measurements", {}), ("K", "measurements", [{"date": "2026-01-01", "value": [1]}]),
    ("K", "measurements", [{"date": "1 jan", "value": 1}]), ("K", "baseline_points", "tien"),
    ("K", "baseline_end", "gisteren"), ("K", "rules", 5),
    ("K", "measurements", [{"date": "x", "value": 1}]),
    ("K", "measurements", [{"date": "2026-01-01", "value": 1, "note": 5}]), ("K", "measurements", [3]),
    ("K", "action", ["A-1"]), ("K", "measure_unit", 3), ("K", "id", "K 1"), ("K", "rev", True), ("K", "log", None),
    ("K", "created_at", 1), ("K", "created_by", {}), ("K", "updated_at", None), ("K", "updated_by", 2),
]


def _case_id(case) -> str:
    kind, field, value = case
    return f"{kind}.{field}={'deleted' if value is DELETE else repr(value)}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_a_hand_edited_bad_value_isolates_that_record(store, unit, records, case):
    kind, field, value = case
    bad = records[kind]
    cls, other = type(bad), records["other"]
    written = hand_edit(store, unit.id, bad.id, field, value)
    fresh = Store(store.location, user="collega", today=TODAY)

    # Reads leave it out and say which record, unit and field.
    skipped: list = []
    assert bad.id not in [r.id for r in fresh.records(cls, unit.id, skipped=skipped)]
    assert [(type(p), p.unit, p.problems[0].field) for p in skipped] == [(BadRecord, unit.id, field)]
    assert [(p.unit, p.problems[0].field) for p in fresh.bad_records(unit.id)] == [(unit.id, field)]
    assert fresh.problems() == fresh.bad_records(unit.id)
    # Lists (`spiegel list`, one unit or all) leave a bad action out too, on both backends.
    if cls is Action:
        for listed in (fresh.listed_actions(unit.id), fresh.listed_actions()):
            assert bad.id not in [a.id for a in listed] and other.id in [a.id for a in listed]
    # `spiegel check`: one line naming unit, record and field; not ok.
    out = io.StringIO()
    from cli.render import check_report

    with redirect_stdout(out):
        assert check_report(fresh, as_json=False) is False
    report = out.getvalue()
    shown_id = skipped[0].record_id
    assert f"  {unit.id}, {shown_id}, {field}: " in report

    # The rest of the unit: fully usable, and writable.
    assert fresh.unit(unit.id).name == unit.name
    assert fresh.get(other.id).title == "Andere actie"
    for kept in (r for k, r in records.items() if k not in (kind, "other")):
        assert fresh.get(kept.id).id == kept.id
    before = stored_bytes(fresh, unit.id)
    segment = jsoncodec.dumps(written)
    assert segment in before
    assert fresh.change(other.id, {"title": "Nieuwe titel"}).rev == 2
    added = fresh.add(Action(title="Nog een"), unit.id)
    after = stored_bytes(fresh, unit.id)
    assert after != before and segment in after  # the bad document, byte for byte
    assert fresh.get(added.id).title == "Nog een"

    # The bad record itself: refused, naming the field, and nothing written.
    if shown_id == bad.id:  # an id that is no id cannot even be asked for
        for attempt in (lambda: fresh.change(bad.id, {"owner" if cls is Action else "theme": "x"}),
                        lambda: fresh.undo(bad.id), lambda: fresh.get(bad.id)):
            with pytest.raises(BadRecord) as refused:
                attempt()
            assert f"{bad.id} in eenheid {unit.id} is beschadigd: {field}: " in str(refused.value)
            assert fresh.unit_path(unit.id) in str(refused.value)
        assert stored_bytes(fresh, unit.id) == after


@pytest.mark.parametrize("field, value", [("name", 5), ("phases", [1, 2]), ("phases", {"1": 9}),
                                          ("kind", "ziekenhuis"), ("last_visit", "ooit"), ("rev", "1")])
def test_a_bad_unit_record_is_the_units_problem(store, unit, records, field, value):
    good = store.create_unit(Unit(name="Gemeente Best"))
    store.add(Action(title="Elders"), good.id)
    hand_edit(store, unit.id, unit.id, field, value)
    fresh = Store(store.location, user="collega", today=TODAY)
    entries = {e.slug: e for e in fresh.units()}
    assert type(entries[unit.id].problem) is CorruptFile and f"{field}: " in entries[unit.id].problem.problem
    assert entries[good.id].problem is None
    assert [a.title for a in fresh.records(Action)] == ["Elders"]


def test_every_field_of_every_record_type_is_covered_by_the_table():
    """A new field needs its own bad value here."""
    from store.model.records import field_kinds

    covered = {(kind, field) for kind, field, _ in CASES}
    for kind, cls in (("A", Action), ("M", Meeting), ("L", Finding), ("K", Kpi), ("T", Team)):
        missing = {f for f in field_kinds(cls) if f != "unit"} - {f for k, f in covered if k == kind}
        assert not missing, f"{cls.__name__}: no bad value for {sorted(missing)}"


def test_values_are_never_coerced(store, unit, records):
    """`"50"` is not 50 and `1` is not true: the record is refused, not converted."""
    action = records["A"]
    hand_edit(store, unit.id, action.id, "progress", "50")
    with pytest.raises(BadRecord, match="progress: moet een geheel getal van 0 tot en met 100 zijn, maar is \"50\""):
        Store(store.location, today=TODAY).get(action.id)
    hand_edit(store, unit.id, action.id, "progress", 50)
    assert Store(store.location, today=TODAY).get(action.id).progress == 50
    finding = records["L"]
    hand_edit(store, unit.id, finding.id, "quick_win", 1)
    with pytest.raises(BadRecord, match="quick_win: moet true of false zijn, maar is 1"):
        Store(store.location, today=TODAY).get(finding.id)


def test_a_list_filter_skips_a_document_it_cannot_judge(store, unit, records):
    """`list --overdue` compares deadlines as stored; a number there is a bad record
    reported by the list, not a crash."""
    from store.model.queries import ActionFilter

    hand_edit(store, unit.id, records["A"].id, "deadline", 5)
    fresh = Store(store.location, today=TODAY)
    skipped: list = []
    where = ActionFilter(overdue=True).doc_prefilter(TODAY)
    assert fresh.records(Action, where=where, skipped=skipped) == []
    assert [(p.record_id, p.problems[0].field) for p in skipped] == [(records["A"].id, "deadline")]
    skipped.clear()
    assert fresh.listed_actions(where=where, skipped=skipped) == []
    assert [(p.record_id, p.problems[0].field) for p in skipped] == [(records["A"].id, "deadline")]


def test_control_characters_from_a_file_are_cleaned_on_load(store, unit, records):
    action = records["A"]
    hostile = "Titel\x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07\u202eeulb\u202c\u200b"
    hand_edit(store, unit.id, action.id, "title", hostile)
    hand_edit(store, unit.id, action.id, "pdsa", {"plan": "a\x1b[2Jb\nc"})
    fresh = Store(store.location, today=TODAY)
    loaded = fresh.get(action.id)
    # controls dropped; the bidi override and zero-width space kept as stored, marked when shown
    assert loaded.title == "Titel]0;pwned ]52;c;ZXZpbA==\u202eeulb\u202c\u200b"
    assert visible(loaded.title) == "Titel]0;pwned ]52;c;ZXZpbA==⟨U+202E⟩eulb⟨U+202C⟩⟨U+200B⟩"
    assert loaded.pdsa == {"plan": "a[2Jb\nc"}
    listed = next(a for a in fresh.listed_actions(unit.id) if a.id == action.id)
    assert listed.title == loaded.title
    assert fresh.bad_records(unit.id) == []  # cleaned, not bad


def test_the_change_log_is_cleaned_too(store, unit, records):
    action = records["A"]
    doc = read_doc(store, unit.id)["actions"][action.id.partition("-")[2]]
    log = doc["log"]
    log[-1]["by"] = "ik\x1b]0;x\x07"
    log[-1]["changes"] = {"owner": ["\x1b[31m", "Sanne\u202e"]}
    hand_edit(store, unit.id, action.id, "log", log)
    entry = Store(store.location, today=TODAY).get(action.id).log[-1]
    assert entry["by"] == "ik]0;x" and entry["changes"] == {"owner": ["[31m", "Sanne\u202e"]}


# --- input limits, links, ids -------------------------------------------------------

@pytest.mark.parametrize("record, field, words", [
    (Action(title="x" * 301), "title", "te lang (301 tekens); het maximum is 300"),
    (Action(title="t", description="x" * 20_001), "description", "het maximum is 20000"),
    (Action(title="t", pdsa={"plan": "x" * 20_001}), "pdsa", "het maximum is 20000"),
    (Meeting(date=TODAY, questions=["v"] * 201), "questions", "te veel (201); het maximum is 200"),
    (Meeting(date=TODAY, participants=99999999999999999999999), "participants", "tussen 0 en 100000"),
    (Meeting(date=TODAY, duration_min=-5), "duration_min", "tussen 0 en 100000"),
    (Action(title="t", progress=101), "progress", "tussen 0 en 100"),
    (Action(title="t", phase=5), "phase", "tussen 1 en 4"),
    (Kpi(name="k", action="A-1", baseline=1e13), "baseline", "te groot"),
    (Kpi(name="k", action="A-1", measurements=[Measurement(TODAY, 1.0, "n" * 301)]), "measurements",
     "te lang (301 tekens); het maximum is 300"),
    (Kpi(name="k", action="A-1", measurements=[Measurement(TODAY, 1.0)] * 10_001), "measurements",
     "te veel (10001); het maximum is 10000"),
])
def test_input_beyond_its_limit_is_refused_saying_the_limit(store, unit, record, field, words):
    with pytest.raises(InvalidRecord) as refused:
        store.add(record, unit.id)
    assert [p.field for p in refused.value.problems] == [field]
    assert words in str(refused.value)


def test_an_action_links_only_findings_of_its_own_unit(store, unit, records):
    elsewhere = store.create_unit(Unit(name="Gemeente Best"))
    foreign = store.add(Finding(text="Elders"), elsewhere.id)
    for missing in ("L-999", foreign.id):
        with pytest.raises(InvalidRecord, match=f"Leerpunten: leerpunt {missing} bestaat niet in eenheid {unit.id}"):
            store.change(records["other"].id, {"findings": [missing]})
        with pytest.raises(InvalidRecord, match=missing):
            store.add(Action(title="Nieuw", findings=[missing]), unit.id)
    assert store.change(records["other"].id, {"findings": [records["L"].id]}).findings == [records["L"].id]


def test_a_unit_is_not_addressed_as_u_1(store, unit, records):
    for text in ("U-1", "u-1"):
        with pytest.raises(InvalidValue, match="een eenheid wijs je aan met haar naam"):
            store.get(text)
        with pytest.raises(InvalidValue):
            store.change(text, {"name": "x"})


def test_transactions_replace_only_the_documents_they_change(store, unit, records):
    """Every other document, bad or good, comes back from a write exactly as it was."""
    hand_edit(store, unit.id, records["K"].id, "baseline", "abc")
    before = read_doc(store, unit.id)
    store.change(records["other"].id, {"status": Status.DONE})
    after = read_doc(store, unit.id)
    number = records["other"].id.partition("-")[2]
    for table in ("unit", "meetings", "findings", "actions", "kpis"):
        for key, doc in before[table].items():
            if not (table == "actions" and key == number):
                assert after[table][key] == doc, (table, key)


def test_what_orjson_will_not_write_is_kept_and_the_unit_stays_writable(store, unit, records):
    """A hand-edit may hold an escaped lone surrogate or an int beyond 64 bits: the
    text is shown visibly, the number makes a bad record, and writing the unit back
    keeps both as they were (stdlib json writes what orjson refuses)."""
    hand_edit(store, unit.id, records["A"].id, "title", "x\udcffy")
    hand_edit(store, unit.id, records["M"].id, "rounds", 2**70)
    fresh = Store(store.location, today=TODAY)
    assert fresh.get(records["A"].id).title == "x⟨U+DCFF⟩y"
    assert [(b.record_id, b.problems[0].field) for b in fresh.bad_records(unit.id)] == [(records["M"].id, "rounds")]
    fresh.change(records["other"].id, {"owner": "Sanne"})
    stored = read_doc(fresh, unit.id)
    assert stored["actions"][records["A"].id.partition("-")[2]]["title"] == "x\udcffy"
    assert stored["meetings"][records["M"].id.partition("-")[2]]["rounds"] in (2**70, float(2**70))  # orjson: a float


@pytest.mark.files_only  # bytes of a file that are not JSON; a database's json column refuses them
@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"1e999"])
def test_numbers_json_cannot_hold_make_the_file_not_json(store, unit, number):
    path = store.unit_path(unit.id)
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, "wb") as f:
        f.write(raw.replace(b'"rev":1', b'"rev":' + number, 1))
    with pytest.raises(CorruptFile, match="geen geldige JSON"):
        Store(store.location, today=TODAY).unit(unit.id)
