"""Where spiegel relies on Textual behaviour that is not public API, these tests pin
it, so a Textual release within pyproject's range that changes it fails here rather
than in front of a user. Checked on the lowest and the highest Textual the range
allows (8.2.0 and 8.2.8), with test_palette.py, test_key_rule.py and
test_no_lost_work.py: `pip install --target DIR textual==8.2.0`, then
`PYTHONPATH=DIR python -m pytest tests/tui/test_textual_pins.py ...`.

- tui/bindings.py replaces each node's bindings in `DOMNode._bindings`, a copy per
  instance made in `DOMNode.__init__`, to say them in the UI's language.
- tui/commands.py repeats `CommandPalette._start_no_matches_countdown` to say
  "Niets gevonden" (pinned in test_palette.py::test_palette_words_match_in_any_order).

Public API now does the rest: CaptureInput handles keys in `on_key` with
`prevent_default` (no `Input._on_key` override), MarkCheckbox shows its mark through
`label` (no `BUTTON_INNER` property), and focus moves with `Screen.set_focus`.
"""

from __future__ import annotations

from textual.widgets import Footer

from tests.tui.helpers import TODAY, screen_lines, settle
from tui.app import make_app
from tui.screens.portfolio_screen import PortfolioScreen


async def test_translated_bindings_are_per_instance_and_reach_footer_and_help(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        active = screen.active_bindings
        assert active["slash"].binding.description == "Zoeken"
        assert active["ctrl+q"].binding.description == "Stoppen"
        # The class's own bindings keep their catalog keys: the copy is the instance's.
        assert any(b.description == "tui.key.filter" for b in PortfolioScreen._merged_bindings.key_to_bindings["slash"])
        assert screen.query_one(Footer) is not None
        footer = screen_lines(app)[-1]
        assert "Zoeken" in footer and "tui.key" not in footer  # ^q Stoppen: in help when it does not fit
        await pilot.press("question_mark")
        await settle(pilot)
        assert "tui.key" not in "\n".join(screen_lines(app))
        descriptions = {entry.description for entry in app.screen.entries}
        assert {"Zoeken", "Stoppen", "Openen"} <= descriptions
