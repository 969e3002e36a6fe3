"""Bindings are declared with catalog keys (`"tui.key.quit"`) and translated per
instance, because class bodies run at import time, before `make_app` has chosen
the language. Textual's own bindings (tab, ctrl+q, ctrl+p, …) carry English
descriptions; they are translated by action so footer and help speak one language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from store.i18n import NL, t

TEXTUAL_ACTIONS = {
    "quit": "quit",
    "app.quit": "quit",
    "command_palette": "palette",
    "app.command_palette": "palette",
    "app.focus_next": "focus_next",
    "app.focus_previous": "focus_previous",
    "screen.copy_text": "copy",
}


def tr(text: str) -> str:
    """Translate `text` if it is a catalog key; any other text stays as it is."""
    return t(text) if text in NL else text


def localize_bindings(node: DOMNode) -> None:
    """Replace the catalog keys in `node`'s bindings with words in the active language."""
    table = node._bindings.key_to_bindings  # a per-instance copy (DOMNode.__init__)
    for key, bindings in table.items():
        table[key] = [_localized(b) for b in bindings]


def _localized(binding: Binding) -> Binding:
    name = TEXTUAL_ACTIONS.get(binding.action)
    if name and not binding.description.startswith("tui."):
        return replace(binding, description=t(f"tui.key.{name}"), tooltip=t(f"tui.tip.{name}"))
    return replace(binding, description=tr(binding.description), tooltip=tr(binding.tooltip))
