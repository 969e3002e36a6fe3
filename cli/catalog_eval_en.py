"""The evaluation meeting's command-line words (English)."""

CLI_EVAL_EN = {
    "cli.help.kpi.correct": "Correct a measurement (MEASUREMENT: its number, 1 = the oldest, or its date): --date, --value or --note. Logged; spiegel undo restores it.",
    "cli.help.kpi.delete": "Delete a measurement (MEASUREMENT: its number or date). Logged; spiegel undo restores it.",
    "cli.help.delete": "Delete a record (e.g. a learning point). It is kept with its log and leaves the lists; spiegel undo restores it.",
    "cli.help.review": "A unit's review queue: open actions whose review date has come or whose deadline is near.",
    "cli.opt.kpi.correct.date": "The right date.",
    "cli.opt.kpi.correct.value": "The right value.",
    "cli.opt.kpi.correct.note": "The right note.",
    "cli.opt.kpi.correct.rev": "Only if the KPI is still at revision N.",
    "cli.opt.kpi.delete.rev": "Only if the KPI is still at revision N.",
    "cli.opt.delete.rev": "Only if the record is still at revision N.",
    "cli.opt.review.as_json": "Output as JSON (for scripts).",
    "cli.metavar.METING": "MEASUREMENT",
    "cli.metavar.EENHEID": "UNIT",
    "cli.eval.corrected": "{id}: measurement corrected; now revision {rev}",
    "cli.eval.measurement_deleted": "{id}: measurement deleted; now revision {rev} (spiegel undo {id} restores it)",
    "cli.eval.deleted": "{id} deleted (spiegel undo {id} restores it)",
    "cli.eval.queue_empty": "No actions to review.",
    "kpi.measure.same_day_hint": "{question} Choose with --replace or --keep-both; nothing was saved",
    "kpi.measure.same_day_choices": "(v: replace, b: keep both, n: don't save)",
    "kpi.measure.same_day_none": "nothing saved",
}
