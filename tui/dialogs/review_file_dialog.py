"""The file the evaluation meeting's overview is written to: the report dialog of
the visit, with its own title (`.md` is Markdown, anything else HTML)."""

from __future__ import annotations

from store.i18n import t
from tui.dialogs.visit_dialogs import ReportDialog


class OverviewFileDialog(ReportDialog):
    def __init__(self, suggested: str) -> None:
        super().__init__(suggested)
        self.title_text = t("tui.review.file_title")
