"""Dutch help of `spiegel import`, `export` and `ical` (cli/io_commands.py)."""

IO_NL: dict[str, str] = {
    "cli.help.import": "Acties, leerpunten, bijeenkomsten of KPI-metingen uit een spreadsheet (CSV of XLSX) in een "
                       "eenheid zetten.\n\n"
                       "Eerst komen de kolommen: elke kolom met het veld dat hij vult, of 'genegeerd', en een regel "
                       "voor elke genegeerde kolom met datums, namen of statussen. Kolomkoppen worden op woorden "
                       "herkend ('Gereed per', 'Datum afgerond', '% gereed'); --kolom \"KOP=VELD\" wijst er een met "
                       "de hand toe. Een rij met een spiegel-id werkt dat record bij; is het sinds de export ook in "
                       "spiegel gewijzigd, dan blijft wat alleen daar veranderde, komt wat alleen in het bestand "
                       "veranderde erbij, en is een veld dat aan beide kanten veranderde een conflict. Rijen met "
                       "fouten worden overgeslagen en met hun rijnummer gemeld; de rest gaat in één keer in. Exit 1 "
                       "als er rijen zijn overgeslagen.",
    "cli.opt.import.unit": "De eenheid waarin geïmporteerd wordt.",
    "cli.opt.import.kind": "Wat de rijen zijn: actions (verbeteracties, standaard), findings (leerpunten), meetings (bijeenkomsten met hun leerpunten) of "
                            "measurements (KPI-metingen: een rij per meting, of een rij per KPI en een kolom per "
                            "periode zoals jan 2026, 2026-02, feb, Q1 2026).",
    "cli.opt.import.meeting": "Bijeenkomst waar nieuwe leerpunten bij horen (anders maakt spiegel een bijeenkomst "
                              "'geïmporteerd uit BESTAND').",
    "cli.opt.import.dry_run": "Alleen laten zien wat er zou gebeuren; niets opslaan.",
    "cli.opt.import.kolom": "Wijs een kolom met de hand toe: \"KOP=VELD\", bijvoorbeeld \"Gereed per=deadline\" of "
                            "\"Opmerkingen=genegeerd\". Mag vaker.",
    "cli.opt.import.tab": "Alleen dit blad van een Excel-bestand (anders elk blad met een tabel, met een regel per blad).",
    "cli.opt.import.action": "Bij --kind measurements: de actie waar een nieuwe KPI bij hoort (een KPI die de eenheid "
                             "nog niet kent wordt alleen zo, of met een kolom actie-id, gemaakt).",
    "cli.metavar.\"KOP=VELD\"": "\"KOP=VELD\"",
    "cli.metavar.BLAD": "BLAD",
    "cli.metavar.A-NR": "A-NR",
    "cli.help.export": "Acties, leerpunten, bijeenkomsten of KPI-metingen naar CSV, XLSX of JSON.\n\n"
                       "Zonder --unit: alle eenheden die je mag lezen. CSV is voor Nederlandse Excel (; en UTF-8 "
                       "met BOM); een cel die met =, +, -, @ begint krijgt een ' ervoor, zodat Excel hem niet als "
                       "formule uitvoert (import haalt die er weer af). Bestanden worden 0600 gemaakt.",
    "cli.opt.export.fmt": "Formaat: csv, xlsx of json (standaard: de extensie van -o, anders csv).",
    "cli.opt.export.what": "Wat: actions (standaard), findings, meetings of measurements.",
    "cli.opt.export.unit": "Alleen deze eenheid.",
    "cli.opt.export.output": "Bestand om naar te schrijven (anders de standaarduitvoer; xlsx vraagt een bestand).",
    "cli.help.ical": "Elke verplichting die spiegel toont als agendabestand (iCalendar, .ics): deadlines, "
                     "evaluatiedatums, het einde van het pilotjaar en terugkoppeldatums (gepland, of de standaarddatum "
                     "na een bijeenkomst).\n\n"
                     "Elk agenda-item heeft een vaste UID, dus opnieuw importeren werkt items bij. Items bevatten "
                     "alleen de titel en de naam van de eenheid: geen omschrijvingen, leerpunten of notities.",
    "cli.opt.ical.unit": "Alleen deze eenheid.",
    "cli.opt.ical.owner": "Alleen acties van deze eigenaar.",
    "cli.opt.ical.output": "Bestand om naar te schrijven (anders de standaarduitvoer).",
}
