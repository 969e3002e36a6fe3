"""Dutch words of the click command line: each command's and option's help
(`cli.help.<command path>`, `cli.opt.<name>` or `cli.opt.<command path>.<name>` where
one command says it differently) and click's own texts (`click:<click's English
text>`). cli.group registers them with store.i18n; `list` and `add`'s fast path
never loads them."""

CLI_NL: dict[str, str] = {
    "cli.help.spiegel": "spiegel: van spiegelgesprek naar leerpunt naar verbeteractie.\n\n"
                        "Zonder opdracht opent spiegel het dashboard op de datamap. Taal en standaard-datamap "
                        "kunnen ook in ~/.config/spiegel/settings.toml (lang = \"en\", data_dir = \"/pad\").",
    "cli.help.list": "Verbeteracties, op deadline gesorteerd.",
    "cli.help.show": "Alles van één record (actie, bevinding, bijeenkomst, indicator), met wijzigingslog.",
    "cli.help.units": "De eenheden (praktijk, hagro, gemeente) met fase per route en open/te late acties.\n\n"
                      "'spiegel units add NAAM' maakt een nieuwe eenheid.",
    "cli.help.units.add": "Nieuwe eenheid in een eigen map; drukt de korte naam (slug) af waarmee je hem aanwijst.\n\n"
                          "Op een gedeelde server maakt de beheerder (root of de eigenaar van de datamap) elke "
                          "eenheid met --group, zodat alleen die groep haar gegevens kan lezen. Maakt de datamap "
                          "als die nog niet bestaat.",
    "cli.help.units.group": "Geef een eenheid (haar map en alle bestanden erin) een eigen Unix-groep.\n\n"
                            "Voor de beheerder (root, of de eigenaar die lid is van GROEP): daarna kunnen alleen "
                            "leden van GROEP de gegevens van deze eenheid lezen en schrijven.",
    "cli.help.check": "Controleer elk bestand in de datamap; exit 1 als er één niet in orde is.",
    "cli.help.migrate": "Zet een datamap in de oude indeling (één bestand per eenheid) over naar een map per eenheid.\n\n"
                        "Voor de beheerder (root, of de eigenaar van de bestanden). Elke eenheid houdt de groep van "
                        "haar oude bestand; het oude bestand blijft staan als merkteken dat oudere versies van "
                        "spiegel weigeren te beschrijven. Nog eens uitvoeren verandert niets.",
    "cli.help.add": "Nieuwe verbeteractie; drukt het id af, zoals A-12.",
    "cli.help.edit": "Velden wijzigen: spiegel edit A-12 --owner Sanne --deadline vr --status 'in uitvoering'.\n\n"
                     "Veldnamen mogen Nederlands (--eigenaar, --fase) of Engels; --plan/--do/--study/--act vullen "
                     "de PDSA-notitie.",
    "cli.help.done": "Actie afronden (status afgerond, voortgang 100%).",
    "cli.help.undo": "De laatste wijziging van een record terugdraaien (herhaalbaar); zegt wiens wijziging het was. "
                     "Met --rev N weigert het als iemand het record na revisie N wijzigde.",
    "cli.help.demo": "Demo: een paar praktijken, een hagro en een gemeente met bijeenkomsten, leerpunten, acties in "
                     "alle fasen en routes, en indicatoren met meetreeksen.",
    "cli.opt.data_dir": "Datamap voor deze opdracht.",
    "cli.opt.spiegel.data_dir": "Datamap (anders $SPIEGEL_DATA, het instellingenbestand of de standaardmap).",
    "cli.opt.demo.data_dir": "Map voor de demodata (standaard: de demomap van spiegel).",
    "cli.opt.lang": "Taal: nl of en (anders $SPIEGEL_LANG of het instellingenbestand; standaard nl).",
    "cli.opt.version": "Toon de versie en stop.",
    "cli.opt.as_json": "Uitvoer als JSON (voor scripts).",
    "cli.opt.unit": "Alleen deze eenheid (naam of deel ervan).",
    "cli.opt.add.unit": "Eenheid (naam of deel ervan); niet nodig met --from of bij één eenheid.",
    "cli.opt.overdue": "Alleen acties over hun deadline.",
    "cli.opt.owner": "Alleen acties van deze eigenaar (deel van de naam).",
    "cli.opt.add.owner": "Eigenaar: persoon of team.",
    "cli.opt.statuses": "gepland, in uitvoering, afgerond, gestopt (herhaalbaar).",
    "cli.opt.phase": "Fase 1–4.",
    "cli.opt.route": "Route 1–4.",
    "cli.opt.search": "Woorden in id, titel, eigenaar of omschrijving.",
    "cli.opt.due": "Deadline: vr, volgende week, +2w, wk 12, 15-3 (de eerstvolgende), 15 maart 2027, 2027-03-15.",
    "cli.opt.from_id": "Het leerpunt waar deze actie antwoord op is.",
    "cli.opt.kind": "praktijk, hagro of gemeente.",
    "cli.opt.relatiemanager": "De relatiemanager van de zorggroep.",
    "cli.opt.phases": "Fase per route 1–4, bv. 2,1,1,3 (standaard 1,1,1,1).",
    "cli.opt.group": "Unix-groep die de eenheid mag lezen en schrijven (beheerder).",
    "cli.opt.edit.rev": "Alleen wijzigen als het record nog op revisie N staat.",
    "cli.opt.undo.rev": "Alleen terugdraaien als het record nog op revisie N staat.",
    "cli.opt.no_tui": "Alleen de data maken, het dashboard niet openen.",
    "cli.opt.actions": "Precies N acties (voor benchmarks).",
    "cli.opt.fresh": "Eerst de spiegel-bestanden in de demomap weggooien.",
    "cli.opt.help": "Toon dit bericht en stop.",
    "cli.metavar.TITEL": "TITEL",
    "cli.metavar.NAAM": "NAAM",
    "cli.metavar.GROEP": "GROEP",
    "cli.metavar.MAP": "MAP",
    "cli.metavar.EENHEID": "EENHEID",
    "cli.metavar.DATUM": "DATUM",
    "cli.metavar.SOORT": "SOORT",
    "cli.metavar.TEKST": "TEKST",
    "cli.metavar.options": "[OPTIES]",
    "cli.metavar.command": "OPDRACHT [ARGUMENTEN]...",
    # click's own texts (click 8.1-8.x), by its English text
    "click:Show this message and exit.": "Toon dit bericht en stop.",
    "click:Show the version and exit.": "Toon de versie en stop.",
    "click:%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "click:Usage:": "Gebruik:",
    "click:Options": "Opties",
    "click:Commands": "Opdrachten",
    "click:Aborted!": "Afgebroken.",
    "click:Missing command.": "Geen opdracht gegeven.",
    "click:No such command {name!r}.": "Opdracht {name!r} bestaat niet.",
    "click:No such option {name!r}.": "Optie {name!r} bestaat niet.",
    "click:No such option: {name}": "Optie bestaat niet: {name}",
    "click:Did you mean {possibility}?": "Bedoelde je {possibility}?",
    "click:(Did you mean one of: {possibilities}?)": "(Bedoelde je een van: {possibilities}?)",
    "click:Missing argument": "Argument ontbreekt",
    "click:Missing option": "Optie ontbreekt",
    "click:Missing parameter": "Parameter ontbreekt",
    "click:Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "click:Missing {param_type}": "{param_type} ontbreekt",
    "click:argument": "argument",
    "click:option": "optie",
    "click:parameter": "parameter",
    "click:Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "click:Invalid value: {message}": "Ongeldige waarde: {message}",
    "click:Error: {message}": "Fout: {message}",
    "click:Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "click:Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "click:Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "click:Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "click:Option {name!r} requires an argument.": "Optie {name!r} heeft een waarde nodig.",
    "click:Option {name!r} requires {nargs} arguments.": "Optie {name!r} heeft {nargs} waarden nodig.",
    "click:Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "click:{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "click:{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "click:Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "click:{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "click:{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "click:{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen ja/nee. Bekende waarden: {states}",
    "click:integer": "geheel getal",
    "click:float": "getal",
    "click:default: {default}": "standaard: {default}",
    "click:env var: {var}": "omgevingsvariabele: {var}",
    "click:(dynamic)": "(dynamisch)",
    "click:deprecated": "verouderd",
    "click:Takes {nargs} values but 1 was given.": "Neemt {nargs} waarden maar kreeg er 1.",
    "click:Takes {nargs} values but {len} were given.": "Neemt {nargs} waarden maar kreeg er {len}.",
    "click:unknown error": "onbekende fout",
    "click:Do you want to continue?": "Wil je doorgaan?",
    "click:Press any key to continue...": "Druk op een toets om door te gaan...",
    "click:Error: invalid input": "Fout: ongeldige invoer",
}
