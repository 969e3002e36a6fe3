"""The meetings list's keys for after a meeting: write the feedback document for the
participants (Markdown and HTML, in a worker), mark the feedback sent (asks first),
and compare the meeting with another one of the unit (pick it, then the comparison).

A mixin for MeetingsScreen (it has `store`, `slug`, `unit_name`, `table`)."""

from __future__ import annotations


from textual import work

from store.errors import SpiegelError
from store.i18n import t
from store.model.records import Meeting
from store.text import visible, visible_line


class FeedbackKeys:
    def _selected_meeting(self) -> Meeting | None:
        row = self.table.current  # type: ignore[attr-defined]
        if row is None:
            self.notify(t("tui.meetings.none_selected"), severity="warning", markup=False)  # type: ignore[attr-defined]
            return None
        return row.item.meeting

    # the feedback document -------------------------------------------------------
    def action_feedback_doc(self) -> None:
        from store.exchange.reports.output import reports_dir  # the settings' reports folder, else where spiegel started

        meeting = self._selected_meeting()
        if meeting is not None:
            self.notify(t("tui.feedback.writing", id=meeting.id), markup=False)  # type: ignore[attr-defined]
            self._write_feedback(meeting.id, reports_dir())

    @work(thread=True, exclusive=True, exit_on_error=False, group="feedback-doc")
    def _write_feedback(self, meeting_id: str, folder: str) -> None:
        from store.exchange.reports.feedback import write_both  # matplotlib-free, but only when asked

        try:
            md, html = write_both(self.store, meeting_id, folder)  # type: ignore[attr-defined]
        except SpiegelError as error:
            message, severity = t("tui.feedback.write_failed", error=visible(str(error))), "error"
        else:
            message, severity = t("tui.feedback.written", md=visible_line(md), html=visible_line(html)), "information"
        self.app.call_from_thread(self.notify, message, severity=severity, markup=False, timeout=10)  # type: ignore[attr-defined]

    # marking it sent ---------------------------------------------------------------
    def action_feedback_sent(self) -> None:
        meeting = self._selected_meeting()
        if meeting is None:
            return
        from store.model.fields import show_date
        from tui.dialogs.yes_no_dialog import YesNoDialog

        today = self.store.today()  # type: ignore[attr-defined]
        question = t("tui.feedback.ask_sent", id=meeting.id, date=show_date("feedback_sent", today, today))
        if meeting.feedback_sent or meeting.feedback_given_unknown:  # say what it would replace
            from store.model.feedback_duty import duty_words

            question = t("tui.feedback.already", state=duty_words(meeting, today)) + " " + question
        dialog = YesNoDialog(question, t("tui.feedback.ask_yes"), t("tui.feedback.ask_no"))
        self.app.push_screen(dialog, lambda yes: self._mark_sent(meeting) if yes else None)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, exit_on_error=False, group="feedback-sent")
    def _mark_sent(self, meeting: Meeting) -> None:
        from store.model.feedback_duty import mark_sent
        from store.model.fields import show_date

        try:  # the revision on screen: a colleague's change in between is a Conflict, not overwritten
            saved = mark_sent(self.store, meeting.id, rev=meeting.rev)  # type: ignore[attr-defined]
        except SpiegelError as error:
            message, severity = t("tui.feedback.failed", error=visible(str(error))), "error"
        else:
            today = self.store.today()  # type: ignore[attr-defined]
            message = t("tui.feedback.marked", id=saved.id, date=show_date("feedback_sent", today, today))
            severity = "information"
        self.app.call_from_thread(self.notify, message, severity=severity, markup=False, timeout=8)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.load)  # type: ignore[attr-defined]

    # comparing ---------------------------------------------------------------------
    def action_compare(self) -> None:
        meeting = self._selected_meeting()
        if meeting is None:
            return
        others = [row.item.meeting for row in self.table.rows if row.item.meeting.id != meeting.id]  # type: ignore[attr-defined]
        if not others:
            self.notify(t("tui.compare.no_other"), severity="warning", markup=False)  # type: ignore[attr-defined]
            return
        from tui.dialogs.meeting_pick_dialog import MeetingPickDialog

        def picked(other_id: str | None) -> None:
            if other_id:
                from tui.screens.compare_screen import CompareScreen

                self.app.push_screen(CompareScreen(self.store, self.unit_name, meeting.id, other_id))  # type: ignore[attr-defined]

        title = t("tui.compare.pick_title", id=meeting.id)
        self.app.push_screen(MeetingPickDialog(title, others, self.store.today()), picked)  # type: ignore[attr-defined]
