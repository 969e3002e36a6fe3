"""Dutch words of `spiegel visit` (cli/visit_commands.py registers them). Keys
match cli/catalog_visit_en.py."""

CLI_VISIT_NL: dict[str, str] = {
    "cli.help.visit": "Praktijkbezoeken: vastleggen, bekijken, verslag maken.",
    "cli.help.visit.add": "Nieuw bezoek; elke afspraak wordt een actie met eigenaar en deadline. Drukt het id af (bv. B-3).",
    "cli.opt.visit.add.date": "Datum van het bezoek (standaard vandaag). Zonder jaar ('15-3', 'vr', 'wk 49'): de laatste zo'n dag, vandaag meegerekend; vooruit alleen met jaar (11-12-2026).",
    "cli.opt.visit.add.present": "Wie er was (medewerkers, relatiemanager; geen patiënten). Herhaalbaar.",
    "cli.opt.visit.add.notes": "Notities bij het bezoek.",
    "cli.opt.visit.add.agreements": "Afspraak als 'titel;eigenaar;deadline'; wordt een actie. Herhaalbaar.",
    "cli.opt.visit.add.phases": "Fase van een route veranderen, bv. 1=2 (route 1 naar fase 2). Herhaalbaar.",
    "cli.help.visit.list": "Bezoeken, nieuwste eerst (van één eenheid of van alle).",
    "cli.help.visit.show": "Een bezoek: wie er was, afspraken, en wat er veranderde sinds het vorige bezoek.",
    "cli.help.visit.report": "Het bezoekverslag voor het praktijkontwikkelplan, als Markdown of HTML (A4).",
    "cli.opt.visit.report.fmt": "md (Markdown) of html (één bestand, print op A4).",
    "cli.opt.visit.report.output": "Het bestand om te schrijven (standaard bezoekverslag-EENHEID-BEZOEK.md of .html hier).",
    "cli.metavar.BEZOEK": "BEZOEK",
    "cli.metavar.ROUTE=FASE": "ROUTE=FASE",
    "cli.metavar.BESTAND": "BESTAND",
    "cli.visit.none": "Geen bezoeken.",
    "cli.visit.col.id": "id",
    "cli.visit.col.date": "datum",
    "cli.visit.col.unit": "eenheid",
    "cli.visit.col.present": "aanwezig",
    "cli.visit.col.agreements": "afspraken",
    "cli.visit.move": "Route {route}: fase {old} → {new}",
    "cli.visit.phase_format": "'{text}' is geen faseverandering; schrijf ROUTE=FASE, bv. 1=2",
}
