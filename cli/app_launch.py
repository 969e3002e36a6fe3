"""Open the Textual app. Imported only when the app is wanted: textual's import
alone costs more than a whole `spiegel add`."""

from __future__ import annotations

from cli.settings import Settings


def open_app(settings: Settings) -> None:
    from cli.settings import check_data_dir

    check_data_dir(settings)  # a typo or no access: one line, before the screen is taken over
    from cli.typeahead import keys, release, typed_ahead
    from tui.app import make_app

    app = make_app(settings.data_dir, today=settings.today, lang=settings.lang)
    app.typed_ahead = keys(typed_ahead())  # what was typed while spiegel loaded
    try:
        app.run()
    finally:
        release()  # Textual restores the raw mode it found; the terminal's own settings come back
