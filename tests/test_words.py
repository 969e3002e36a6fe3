"""The words: one dict literal per layer and language (store/words, tui/words,
cli/words), the same keys and placeholders in Dutch and English, a singular beside
every counted noun, no key written twice or held by two layers, and a language read
only when it is used (docs/architecture.md, "Words")."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("store", "tui", "cli")
COUNTED = re.compile(r"\{(n|count|total|points)\}\)? ?[^\W\d]")


def words(layer: str, lang: str) -> dict[str, str]:
    return importlib.import_module(f"{layer}.words.{lang}").WORDS


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)", text))


@pytest.mark.parametrize("layer", LAYERS)
def test_dutch_and_english_hold_the_same_keys_and_placeholders(layer):
    nl, en = words(layer, "nl"), words(layer, "en")
    assert sorted(set(nl) ^ set(en)) == []
    differ = [key for key in nl if placeholders(nl[key]) != placeholders(en[key])]
    assert differ == []


@pytest.mark.parametrize("lang", ("nl", "en"))
@pytest.mark.parametrize("layer", LAYERS)
def test_every_singular_has_its_plural(layer, lang):
    catalog = words(layer, lang)
    assert [key for key in catalog if key.endswith(".one") and key.removesuffix(".one") not in catalog] == []
    counted = [key for key, text in catalog.items() if COUNTED.search(text)]
    assert counted  # the check below sees something in every layer


@pytest.mark.parametrize("lang", ("nl", "en"))
@pytest.mark.parametrize("layer", LAYERS)
def test_each_file_is_one_dict_literal_with_every_key_once(layer, lang):
    path = ROOT / layer / "words" / f"{lang}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    assert len(body) == 1 and isinstance(body[0], ast.Assign) and isinstance(body[0].value, ast.Dict), path
    keys = [ast.literal_eval(key) for key in body[0].value.keys]
    assert all(isinstance(ast.literal_eval(value), str) for value in body[0].value.values)
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


def test_no_key_is_held_by_two_layers():
    held = [(layer, set(words(layer, "nl"))) for layer in LAYERS]
    shared = [(a, b, sorted(keys_a & keys_b)[:3]) for i, (a, keys_a) in enumerate(held)
              for b, keys_b in held[i + 1:] if keys_a & keys_b]
    assert shared == []


def test_the_lookup_holds_every_layer_it_was_given_and_nothing_else():
    import cli.group  # noqa: F401  (adds the command line's words)
    import tui  # noqa: F401  (adds the app's words)
    from store.i18n import CATALOGS

    for lang in ("nl", "en"):
        assert CATALOGS[lang] == {k: v for layer in LAYERS for k, v in words(layer, lang).items()}


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_language_is_read_when_it_is_first_used_and_a_layer_when_it_is_added():
    out = run_python(
        "import sys\n"
        "from store.i18n import set_language, t\n"
        "seen = lambda: ' '.join(m for m in ('store.words.en', 'tui.words.nl', 'cli.words.nl') if m in sys.modules)\n"
        "dutch = t('Status.done')\n"
        "print('dutch:', seen() or '-', '|', dutch)\n"
        "set_language('en'); english = t('tui.key.quit')\n"
        "import tui\n"
        "print('english:', seen(), '|', english, '|', t('tui.key.quit'))\n")
    dutch, english = out.splitlines()
    assert dutch == "dutch: - | afgerond"
    assert english == "english: store.words.en tui.words.nl | tui.key.quit | Quit"
