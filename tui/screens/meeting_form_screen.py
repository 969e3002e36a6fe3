"""Every field of one meeting, with the sources' rules of thumb shown as warnings
while you type. Warnings never block: ctrl+s saves whatever parses."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, Select, Static, TextArea
from textual.worker import Worker, WorkerState

from store.model.advice import meeting_advice
from store.errors import Conflict, SpiegelError
from store.i18n import t
from store.model.records import Meeting
from store.persistence.repository import Store
from store.text import edited, for_editing, visible, visible_line
from store.model.vocab import INPUTS, MeetingFormat, Organiser
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.screens.live_refresh import LiveRefresh
from tui.screens.record_saving import SaveConflicted
from tui.dialogs.discard_dialog import DiscardDialog
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.meeting_fields import ORDER, TYPED, FormValues, apply, duty_line, hint, parse_form, values_of
from tui.widgets.marking_input import MarkingInput


class MarkCheckbox(Checkbox):
    """A checkbox that says its state in text ('[X] PREM+' / '[ ] PREM+'), not by
    colour alone: the mark is part of its label (kept current through the public
    `label`), and the drawn button is left empty."""

    BUTTON_LEFT = BUTTON_INNER = BUTTON_RIGHT = ""

    def __init__(self, text: str, value: bool, **kwargs) -> None:
        self.text = text
        super().__init__(self._marked(value), value, **kwargs)

    def _marked(self, value: bool) -> Content:
        return Content(f"{'[X]' if value else '[ ]'} {self.text}")  # Content: never read as markup

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.label = self._marked(event.value)  # the event bubbles on to the form


class MeetingFormScreen(LiveRefresh, Screen):
    BINDINGS = [
        Binding("ctrl+s", "save", "tui.key.save", tooltip="tui.tip.save_meeting", id="meeting.save"),
        Binding("ctrl+o", "capture", "tui.key.capture", tooltip="tui.tip.capture", id="meeting.capture"),
        Binding("escape", "back", "tui.key.back", tooltip="tui.tip.back_form", id="meeting.back"),
        Binding("down", "app.focus_next", "tui.key.focus_next", tooltip="tui.tip.focus_next", show=False),
        Binding("up", "app.focus_previous", "tui.key.focus_previous", tooltip="tui.tip.focus_previous", show=False),
        *FIELD_KEYS,
        Binding("enter", "next_field", "tui.key.focus_next", tooltip="tui.tip.focus_next", show=False, priority=True),
    ]

    class Saved(Message):
        def __init__(self, meeting: Meeting, key: tuple, then_capture: bool) -> None:
            super().__init__()
            self.meeting, self.key, self.then_capture = meeting, key, then_capture

    class SaveFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class Conflicted(SaveConflicted):
        pass

    class Loaded(Message):
        """The meeting as stored now (another user saved the unit)."""

        def __init__(self, meeting: Meeting) -> None:
            super().__init__()
            self.meeting = meeting

    def __init__(self, store: Store, slug: str, unit_name: str, meeting: Meeting | None) -> None:
        super().__init__()
        localize_bindings(self)
        self.store = store
        self.slug = slug
        self.unit_name = unit_name
        self.meeting = meeting
        self._initial = values_of(meeting or Meeting(date=None))
        self._saved_key: tuple | None = None
        self._saving = False
        self._set_title()

    # composition -----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="mf-fields"):
            for name in ORDER:
                with Horizontal(classes=f"mf-row mf-row-{name}"):
                    yield Static(t(f"tui.meeting.{name}"), classes="mf-label", markup=False)
                    yield from self._editor(name)
                    if name in TYPED:
                        yield Static("", id=f"mf-hint-{name}", classes="mf-hint", markup=False)
        yield Static("", id="mf-advice", markup=False)
        yield FittingFooter()

    def _editor(self, name: str) -> ComposeResult:
        initial = self._initial
        if name in TYPED:
            yield MarkingInput(for_editing(initial.typed[name]), id=f"mf-{name}",
                               placeholder=t(f"tui.meeting.{name}.placeholder"))
        elif name == "format":
            options = [(fmt.label, fmt) for fmt in MeetingFormat]
            yield Select(options, value=initial.format, allow_blank=False, id="mf-format")
        elif name == "organiser":
            yield Select([(o.label, o) for o in Organiser], value=initial.organiser, allow_blank=False, id="mf-organiser")
        elif name == "working_target":
            yield MarkCheckbox(t("tui.meeting.working_target_box"), initial.working_target, id="mf-working")
        elif name in ("questions", "notes"):
            text = initial.questions if name == "questions" else initial.notes
            yield TextArea(for_editing(text), id=f"mf-{name}", soft_wrap=True, tab_behavior="focus",
                           show_line_numbers=False)
        elif name == "feedback_given_unknown":
            yield MarkCheckbox(t("tui.meeting.given_unknown_box"), initial.given_unknown, id="mf-given")
        elif name == "inputs":
            with Horizontal(id="mf-inputs"):
                for code in INPUTS:
                    yield MarkCheckbox(t(f"tui.input.{code}"), code in initial.inputs, id=f"mf-input-{code}")

    def on_mount(self) -> None:
        self._saved_key = self.collect().key()
        self.set_focus(self.query_one("#mf-date", Input))  # at once: keys typed right after n land here
        self.refresh_feedback()
        self.start_watching()
        self._seen = self.store.fingerprint(self.slug)

    # others' saves -------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="meeting-load")
    def load(self) -> None:
        if self.meeting is not None:
            self.post_message(self.Loaded(self.store.get(self.meeting.id, self.slug)))  # type: ignore[arg-type]

    def on_live_refresh_data_changed(self, _: LiveRefresh.DataChanged) -> None:
        """Show a colleague's save of this meeting, unless something is typed here:
        that stays, and saving it shows both versions field by field."""
        if not self.is_current or self._saving or self.meeting is None:
            return
        if self.has_unsaved_changes():
            self._seen = self.store.fingerprint(self.slug)  # say it once per change
            self.notify(t("tui.detail.changed_elsewhere", id=self.meeting.id), severity="warning", markup=False)
            return
        self.reload()

    def on_meeting_form_screen_loaded(self, message: Loaded) -> None:
        shown = self.meeting
        if shown is None or self.has_unsaved_changes() or message.meeting.rev == shown.rev:
            return  # typed meanwhile (the typing wins), or nothing new for this meeting
        self._fill(message.meeting)
        self.notify(t("tui.detail.refreshed", id=shown.id, who=visible_line(message.meeting.updated_by)), markup=False)

    def _fill(self, meeting: Meeting) -> None:
        """Show `meeting` in every field; it is then the saved state."""
        values = self._initial = values_of(meeting)
        for name in TYPED:
            self.query_one(f"#mf-{name}", Input).value = for_editing(values.typed[name])
        self.query_one("#mf-format", Select).value = values.format
        self.query_one("#mf-questions", TextArea).text = for_editing(values.questions)
        self.query_one("#mf-notes", TextArea).text = for_editing(values.notes)
        for code in INPUTS:
            self.query_one(f"#mf-input-{code}", Checkbox).value = code in values.inputs
        self.query_one("#mf-given", Checkbox).value = values.given_unknown
        self.query_one("#mf-organiser", Select).value = values.organiser
        self.query_one("#mf-working", Checkbox).value = values.working_target
        self.meeting, self._saved_key = meeting, values.key()
        self._set_title()

    # state -----------------------------------------------------------------------------
    def collect(self) -> FormValues:
        """What the form would save: a field shows stored text with its hidden
        characters marked, and gives back what it showed (store.text.edited)."""
        stored = self._initial
        return FormValues(
            typed={name: edited(self.query_one(f"#mf-{name}", Input).value, stored.typed[name]) for name in TYPED},
            format=self.query_one("#mf-format", Select).value,  # type: ignore[arg-type]
            questions=edited(self.query_one("#mf-questions", TextArea).text, stored.questions),
            inputs=tuple(c for c in INPUTS if self.query_one(f"#mf-input-{c}", Checkbox).value),
            notes=edited(self.query_one("#mf-notes", TextArea).text, stored.notes),
            given_unknown=self.query_one("#mf-given", Checkbox).value,
            organiser=self.query_one("#mf-organiser", Select).value,  # type: ignore[arg-type]
            working_target=self.query_one("#mf-working", Checkbox).value,
        )

    def has_unsaved_changes(self) -> bool:
        """Typed or chosen since the form was filled or saved: a new meeting's form
        that nobody touched holds nothing to lose."""
        return self._saved_key is not None and self.collect().key() != self._saved_key

    def refresh_feedback(self) -> None:
        """Hints beside the fields and the rules of thumb below, from what is typed now."""
        values = self.collect()
        today = self.store.today()
        parsed, errors = parse_form(values, today)
        advice = meeting_advice(Meeting(**parsed), today)
        advised = {a.field for a in advice}
        for name in TYPED:
            text = hint(name, values.typed[name], parsed, errors, advised, today)
            self.query_one(f"#mf-hint-{name}", Static).update(Text(text))
        lines = [duty_line(parsed, today)] if parsed.get("date") else []
        lines += [t("tui.form.advice_title") if advice else t("tui.form.no_advice")]
        lines += [f"! {a.message}" for a in advice]
        self.query_one("#mf-advice", Static).update(Text("\n".join(lines)))

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self.refresh_feedback()

    def action_next_field(self) -> None:
        """Enter in a one-line field moves on; elsewhere (notes, the format list) it
        is the widget's own key. A priority binding, like Tab (tui/form_keys.py), so
        `26-11 Enter thema` typed in one burst lands in two fields."""
        if not isinstance(self.focused, Input):
            raise SkipAction()
        self.focus_next()

    # saving ------------------------------------------------------------------------------
    def action_save(self, then_capture: bool = False) -> None:
        if self._saving:
            return
        values = self.collect()
        parsed, errors = parse_form(values, self.store.today())
        if errors:
            name = next(n for n in ORDER if n in errors)
            message = t("tui.form.fix", field=t(f"tui.meeting.{name}"), error=errors[name])
            self.notify(message, severity="error", markup=False)
            self.query_one(f"#mf-{name}").focus()
            return
        self._saving = True
        self._save(apply(self.meeting, parsed), values.key(), then_capture)

    @work(thread=True, exclusive=True, exit_on_error=False, group="meeting-save")
    def _save(self, record: Meeting, key: tuple, then_capture: bool) -> None:
        try:
            saved = self.store.save(record) if record.id else self.store.add(record, self.slug)
        except Conflict as conflict:
            self.post_message(self.Conflicted(conflict, self.meeting))  # type: ignore[arg-type]
        except SpiegelError as error:
            self.post_message(self.SaveFailed(visible(str(error))))
        else:
            self.post_message(self.Saved(saved, key, then_capture))

    def on_meeting_form_screen_saved(self, message: Saved) -> None:
        self._saving = False
        if self.collect().key() == message.key:
            self._fill(message.meeting)  # what was saved, e.g. a merge after a conflict
        else:  # typed on while it saved: keep that typing, unsaved
            self.meeting = message.meeting
            self._set_title()
        self.notify(t("tui.form.saved", id=message.meeting.id), markup=False)
        if message.then_capture:
            self._open_capture()

    def on_meeting_form_screen_conflicted(self, message: Conflicted) -> None:
        from tui.screens.conflict_screen import resolve_conflict

        self._saving = False

        def save(merged: Meeting, base: Meeting) -> None:
            self._saving = True
            self.meeting = base  # the merge starts from their version
            self._save(merged, self.collect().key(), False)

        resolve_conflict(self, message.conflict, message.base, save, t("tui.detail.conflict_kept"))

    def on_meeting_form_screen_save_failed(self, message: SaveFailed) -> None:
        self._saving = False
        self.notify(t("tui.form.save_failed", error=message.error), severity="error", markup=False, timeout=10)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:  # not a SpiegelError: a bug or an OS error
            self._saving = False
            error = visible(str(event.worker.error))
            self.notify(t("tui.form.save_failed", error=error), severity="error", markup=False, timeout=10)

    # navigation --------------------------------------------------------------------------
    def action_capture(self) -> None:
        if self.meeting is None or self.has_unsaved_changes():  # capturing needs the meeting saved
            self.action_save(then_capture=True)
        else:
            self._open_capture()

    def _open_capture(self) -> None:
        from tui.screens.capture_screen import CaptureScreen

        self.app.push_screen(CaptureScreen(self.store, self.meeting))

    def action_back(self) -> None:
        if self._saving or not self.has_unsaved_changes():
            self.app.pop_screen()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(DiscardDialog(t("tui.form.unsaved")), answered)

    def _set_title(self) -> None:
        what = t("tui.form.edit", id=self.meeting.id) if self.meeting else t("tui.form.new")
        self.sub_title = f"{what} · {self.unit_name}"  # the id first: a long unit name is cut, never the id
