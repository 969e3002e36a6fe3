"""Unit files read and write the same whichever JSON library a process uses."""

import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.errors import InvalidValue
from store.model.fields import parse_value
from store.model.records import Kpi

REPO = Path(__file__).resolve().parents[2]
texts = st.text(st.characters(blacklist_categories=("Cs",)))
docs = st.recursive(
    st.none() | st.booleans() | st.integers(-2**62, 2**62) | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@given(docs)
def test_stdlib_output_is_what_orjson_reads_and_the_reverse(doc):
    stdlib = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    assert orjson.loads(stdlib) == doc
    assert json.loads(orjson.dumps(doc)) == doc


any_text = st.text(st.characters(blacklist_categories=()))  # lone surrogates too


@given(st.dictionaries(any_text, st.dictionaries(any_text, docs | any_text, max_size=3), max_size=4) | docs)
def test_stdlib_writes_a_unit_file_value_by_value_as_json_writes_it_whole(data):
    """jsoncodec writes a dict of tables one value at a time (less memory at once); the
    text is exactly json.dumps's, lone surrogates included."""
    from store.jsoncodec import _stdlib_dumps

    for ascii_only in (False, True):
        whole = json.dumps(data, ensure_ascii=ascii_only, separators=(",", ":"), allow_nan=False)
        assert _stdlib_dumps(data, ensure_ascii=ascii_only) == whole


def test_a_unit_file_with_a_lone_surrogate_is_written_with_it_escaped():
    from store import jsoncodec

    data = {"_meta": {"1": {"schema": 8}}, "unit": {"1": {"name": "De\udc80Hoek", "n": 1.5}}, "x": {}}
    assert jsoncodec._stdlib_dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass") == json.dumps(
        data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    assert json.loads(jsoncodec._stdlib_dumps(data, ensure_ascii=True)) == data


def test_a_small_command_never_imports_orjson():
    code = ("import sys\nfrom store import jsoncodec\n"
            "assert jsoncodec.loads(jsoncodec.dumps({'a': [1, 'é']})) == {'a': [1, 'é']}\n"
            "assert 'orjson' not in sys.modules\n"
            "jsoncodec.loads(b'[' + b'1,' * jsoncodec.SWITCH_BYTES + b'1]')\n"
            "assert 'orjson' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e999"])
def test_numbers_that_json_cannot_hold_are_refused_when_typed(text):
    with pytest.raises(InvalidValue, match="geen getal"):
        parse_value(Kpi, "baseline", text)
