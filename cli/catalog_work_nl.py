"""Dutch words of `spiegel meetings`, `spiegel findings` and `spiegel serve`: help,
option help and output. Registered by cli.group with the other CLI catalogs."""

# Meeting fields as options; the same words for `meetings add` and `meetings edit`.
_MEETING_FIELDS = {
    "organiser": "Wie organiseerde: 'één praktijk', 'meerdere praktijken', hagro of gemeente.",
    "afspiegeling": "Hoe goed de deelnemers de doelgroep spiegelen (afspiegeling).",
    "working_target": "ja als werkenden tot de doelgroep horen (dan: een avond), nee als niet.",
    "start_time": "Begintijd, bv. 19:30 (19.30, 1930 en 19u30 mag ook).",
    "date": "Datum van de bijeenkomst: 12 nov (de laatste zo'n datum), gisteren, 2026-11-12.",
    "format": "Vorm: spiegelgesprek, focusgroep, inloopavond of themabijeenkomst.",
    "theme": "Thema of vraag van de bijeenkomst.",
    "questions": "Een vraag aan de deelnemers (herhaalbaar: --vraag … --vraag …; bij edit vervangt het de lijst, '-' maakt hem leeg).",
    "participants": "Aantal deelnemers (ervaringsdeskundigen; minstens 5, 8–12 is ideaal). Geen namen.",
    "listeners": "Aantal toehoorders (zorgverleners; hoogstens 15–20).",
    "facilitator": "De gespreksleider.",
    "minute_taker": "De notulist.",
    "duration_min": "Duur in minuten (ongeveer 90).",
    "rounds": "Aantal rondes.",
    "inputs": "Gebruikte invoer naast de bijeenkomst: npa, prem, other (met komma's).",
    "feedback_due": "Terugkoppeling aan de deelnemers uiterlijk: 15-12 (de eerstvolgende), +2w.",
    "feedback_sent": "Datum waarop de terugkoppeling is verstuurd.",
    "notes": "Notities.",
}

CLI_WORK_NL: dict[str, str] = {
    "cli.help.meetings": "Bijeenkomsten (spiegelgesprek, focusgroep, inloopavond, themabijeenkomst) van een eenheid.",
    "cli.help.meetings.add": "Nieuwe bijeenkomst; drukt het id af (bv. M-3). Vuistregels (aantal deelnemers, "
                             "gespreksleider, notulist, duur) komen als advies op stderr en houden het opslaan nooit tegen.",
    "cli.help.meetings.list": "De bijeenkomsten, de laatste eerst, met het aantal bevindingen en de terugkoppeling.",
    "cli.help.meetings.show": "Alles van één bijeenkomst: velden, advies, bevindingen en wijzigingslog.",
    "cli.help.meetings.edit": "Velden van een bijeenkomst wijzigen (dezelfde opties als add); '-' maakt een veld leeg.",
    "cli.opt.meetings.add.unit": "Eenheid (naam of deel ervan); niet nodig bij één eenheid.",
    "cli.opt.rev": "Alleen als het record nog op revisie N staat (anders een conflict, niets overschreven).",
    "cli.help.findings": "Bevindingen van bijeenkomsten: vastleggen, en per leerpunt beslissen (acties, koppelen, "
                         "parkeren, afwijzen).",
    "cli.help.findings.capture": "Elke REGEL wordt een bevinding van de bijeenkomst, zoals in de app: '+' positief punt, "
                                 "'-' leerpunt, '?' of 't:' tip, 'a:' aanbeveling, '!' vooraan of achteraan een quick win. "
                                 "'-' als REGEL leest regels van stdin. Alles in één keer opgeslagen, of niets.",
    "cli.opt.findings.capture.kind": "Soort voor regels zonder teken: positief punt, leerpunt, tip, aanbeveling (standaard leerpunt).",
    "cli.help.findings.list": "Bevindingen, op id; --state open geeft de onbehandelde.",
    "cli.opt.findings.list.states": "open, omgezet in acties, geparkeerd, afgewezen (herhaalbaar).",
    "cli.opt.findings.list.kinds": "positief punt, leerpunt, tip, aanbeveling (herhaalbaar).",
    "cli.opt.findings.list.meeting_id": "Alleen de bevindingen van deze bijeenkomst (M-3).",
    "cli.help.findings.act": "Zet een leerpunt om in verbeteracties: één per --title (zonder --title: de tekst van het "
                             "leerpunt). Drukt de nieuwe ids af.",
    "cli.opt.findings.act.titles": "Een actie als 'titel;eigenaar;deadline' (eigenaar en deadline mogen weg; herhaalbaar).",
    "cli.opt.findings.act.route": "Route 1–4 van alle nieuwe acties (bv. 4 voor bereikbaarheid).",
    "cli.opt.findings.act.phase": "Fase 1–4 van alle nieuwe acties (zonder: de fase van de eenheid voor die route).",
    "cli.opt.findings.act.owner": "Eigenaar van de nieuwe acties: persoon of team.",
    "cli.help.findings.link": "Koppel een leerpunt aan een bestaande actie van dezelfde eenheid.",
    "cli.help.findings.park": "Parkeer een leerpunt, met de reden die de deelnemers horen.",
    "cli.help.findings.decline": "Wijs een leerpunt af, met de reden die de deelnemers horen.",
    "cli.opt.reason": "De reden (verplicht): wat de deelnemers te horen krijgen.",
    "cli.metavar.BIJEENKOMST": "BIJEENKOMST",
    "cli.metavar.LEERPUNT": "LEERPUNT",
    "cli.metavar.REGEL...": "REGEL...",
    "cli.metavar.TOESTAND": "TOESTAND",
    "cli.metavar.VORM": "VORM",
    # output
    "cli.work.date_needed": "geef --datum DATUM, bv. gisteren, 12 nov of 2026-11-12",
    "cli.work.advice": "advies: {text}",
    "cli.work.advice_heading": "Advies:",
    "cli.work.findings_heading": "Bevindingen ({n}):",
    "cli.work.meetings_empty": "geen bijeenkomsten gevonden",
    "cli.work.findings_empty": "geen bevindingen gevonden",
    "cli.work.quick_win": "quick win",
    "cli.work.feedback_due": "≤ {date}",
    "cli.work.stdin_not_utf8": "stdin is geen UTF-8-tekst; sla het bestand op als UTF-8",
    "cli.work.col.date": "DATUM", "cli.work.col.format": "VORM", "cli.work.col.participants": "DEELN.",
    "cli.work.col.findings": "BEV.", "cli.work.col.feedback": "TERUGKOPPELING", "cli.work.col.theme": "THEMA",
    "cli.work.col.meeting": "BIJEENK.", "cli.work.col.kind": "SOORT", "cli.work.col.text": "TEKST",
    # spiegel serve
    "cli.help.serve": "Serveer de app in een browser (textual-serve), veilig: alleen op 127.0.0.1, op een vrije poort, "
                      "met een geheime token in de adresregel, hoogstens een paar sessies tegelijk. Drukt het adres en "
                      "de ssh -L-regel af waarmee je vanaf je laptop verbindt. Ctrl+C stopt de server.",
    "cli.opt.serve.port": "Poort (standaard een vrije).",
    "cli.opt.serve.host": "Adres om op te luisteren (standaard 127.0.0.1; een ander alleen met --allow-remote).",
    "cli.opt.serve.allow_remote": "Sta een ander adres dan 127.0.0.1 toe (onversleuteld: liever ssh -L).",
    "cli.opt.serve.sessions": "Hoogstens N sessies (browsertabbladen) tegelijk (standaard 3).",
    "cli.metavar.POORT": "POORT",
    "cli.metavar.ADRES": "ADRES",
    "serve.started": "spiegel serveert de app op {url}",
    "serve.secret": "Wie dit adres heeft, werkt als jij in spiegel: deel het met niemand.",
    "serve.ssh": "Vanaf je laptop: {line}",
    "serve.ssh_then": "en open dan {url} in je browser.",
    "serve.limits": "Hoogstens {n} sessies tegelijk. Ctrl+C stopt de server.",
    "serve.limits.one": "Hoogstens {n} sessie tegelijk. Ctrl+C stopt de server.",
    "serve.remote_needs_flag": "{host} is geen adres van deze machine alleen; geef --allow-remote als je dat echt wilt "
                               "(liever: 127.0.0.1 met ssh -L)",
    "serve.no_wildcard": "geef het adres waarop de laptop deze server bereikt, niet 0.0.0.0 of ::",
    "serve.remote_warning": "let op: de app is bereikbaar op {host}, onversleuteld; alleen de token houdt anderen buiten. "
                            "Liever 127.0.0.1 met ssh -L.",
    "serve.not_installed": "spiegel serve heeft textual-serve nodig ({name} ontbreekt): pip install textual-serve",
    "serve.bind_failed": "kan niet luisteren op {host}:{port}: {error}",
    "serve.refused.host": "geweigerd: onbekend adres in de Host-kop",
    "serve.refused.token": "geweigerd: het adres mist de juiste token (zie de uitvoer van spiegel serve)",
    "serve.refused.origin": "geweigerd: deze verbinding komt van een andere pagina",
    "serve.refused.full": "te druk: er zijn al {n} sessies open; sluit er een en probeer het opnieuw",
    "serve.refused.full.one": "te druk: er is al {n} sessie open; sluit die en probeer het opnieuw",
}
for _name, _text in _MEETING_FIELDS.items():
    CLI_WORK_NL[f"cli.opt.meetings.add.{_name}"] = _text
    CLI_WORK_NL[f"cli.opt.meetings.edit.{_name}"] = _text
