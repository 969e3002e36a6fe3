"""Correcting a measurement: the new-measurement form filled in with the one chosen.
Returns {"measurement": Measurement} (the corrected values) or None."""

from __future__ import annotations

import datetime as dt

from store.model.fields import show_date
from store.i18n import t
from store.model.records import Measurement
from store.model.runchart import number
from tui.widgets.form_row import FormRow
from tui.dialogs.kpi_dialogs import NewMeasurement, field_input
from tui.widgets.field_text import field_label


class CorrectMeasurement(NewMeasurement):
    def __init__(self, today: dt.date, measure_unit: str, measurement: Measurement) -> None:
        super().__init__(today, measure_unit)
        self.title_text = t("tui.measurement.correct_title", date=show_date("measurement", measurement.date, today))
        self.measurement = measurement

    def rows(self) -> list[FormRow]:
        m = self.measurement
        return [
            # The date as every screen shows it ('zo 1 nov'), which reads back as the same day.
            FormRow("date", field_label("date"), field_input("date", show_date("measurement", m.date, self.today),
                                                      classes="date"), aside=True),
            FormRow("value", field_label("value"), field_input("value", number(m.value), classes="number")),
            FormRow("note", field_label("note"), self.stored_text_input("note", m.note)),
        ]

    def hint(self) -> str:
        return t("tui.measurement.correct_hint")
