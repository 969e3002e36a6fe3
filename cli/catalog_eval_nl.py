"""The evaluation meeting's command-line words (Dutch)."""

CLI_EVAL_NL = {
    "cli.help.kpi.correct": "Een meting verbeteren (METING: haar nummer, 1 = de oudste, of haar datum): --datum, --waarde of --notitie. Gelogd; spiegel undo zet hem terug.",
    "cli.help.kpi.delete": "Een meting verwijderen (METING: haar nummer of datum). Gelogd; spiegel undo zet hem terug.",
    "cli.help.delete": "Een record verwijderen (bv. een leerpunt). Het blijft bewaard met zijn log en verdwijnt uit lijsten; spiegel undo zet het terug.",
    "cli.help.review": "De evaluatierij van een eenheid: open acties waarvan de evaluatiedatum er is of de deadline nadert.",
    "cli.opt.kpi.correct.date": "De goede datum.",
    "cli.opt.kpi.correct.value": "De goede waarde.",
    "cli.opt.kpi.correct.note": "De goede notitie.",
    "cli.opt.kpi.correct.rev": "Alleen als de KPI nog op revisie N staat.",
    "cli.opt.kpi.delete.rev": "Alleen als de KPI nog op revisie N staat.",
    "cli.opt.delete.rev": "Alleen als het record nog op revisie N staat.",
    "cli.opt.review.as_json": "Uitvoer als JSON (voor scripts).",
    "cli.metavar.METING": "METING",
    "cli.metavar.EENHEID": "EENHEID",
    "cli.eval.corrected": "{id}: meting verbeterd; nu revisie {rev}",
    "cli.eval.measurement_deleted": "{id}: meting verwijderd; nu revisie {rev} (spiegel undo {id} zet hem terug)",
    "cli.eval.deleted": "{id} verwijderd (spiegel undo {id} zet het terug)",
    "cli.eval.queue_empty": "Geen acties om te evalueren.",
    "kpi.measure.same_day_hint": "{question} Kies met --vervang of --ook; er is niets opgeslagen",
    "kpi.measure.same_day_choices": "(v: vervangen, b: beide houden, n: niet opslaan)",
    "kpi.measure.same_day_none": "niets opgeslagen",
}
