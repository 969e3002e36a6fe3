"""The command line's words for unit editing and "my units" (Dutch); keys as in
cli/catalog_units_en.py. Registered by cli/group.py."""

CLI_UNITS_NL = {
    "cli.help.units.edit": "Een eenheid wijzigen: naam (de slug en de map blijven), relatiemanager (naam en "
                           "inlognaam), hagro, gemeente en fase per route (gelogd).\n\n"
                           "spiegel units edit linde --fase-route 2=3 --rm-login inge",
    "cli.opt.units.mine": "Alleen mijn eenheden: die waarvan de relatiemanager inlogt als ik.",
    "cli.opt.units.edit.new_name": "Nieuwe naam om te tonen (de slug blijft).",
    "cli.opt.units.edit.relatiemanager": "De relatiemanager (naam om te tonen).",
    "cli.opt.relatiemanager_login": "De inlognaam van de relatiemanager (voor 'mijn eenheden').",
    "cli.opt.units.edit.contact": "Contactregel onder de terugkoppeling, bv. 'Vragen? Bel de praktijk: 040-123 45 67'.",
    "cli.opt.hagro": "De hagro waar de praktijk bij hoort (naam of slug).",
    "cli.opt.municipality": "De gemeente waar de praktijk bij hoort (naam of slug).",
    "cli.opt.units.edit.phases": "Fase per route 1–4, bv. 2,1,1,3 (gelogd).",
    "cli.opt.route_phase": "Eén route naar een fase, bv. 2=3 (herhaalbaar; de andere routes blijven).",
    "cli.opt.units.edit.rev": "Alleen wijzigen als de eenheid nog op revisie N staat.",
    "cli.metavar.LOGIN": "LOGIN",
    "cli.metavar.HAGRO": "HAGRO",
    "cli.metavar.GEMEENTE": "GEMEENTE",
    "cli.metavar.ROUTE=FASE": "ROUTE=FASE",
    "cli.opt.check.server": "Voor de beheerder: controleer de gedeelde server (datamap en sticky bit, eenheidsmappen, eenheden open voor de hele groep, .ids, /proc met hidepid, fs.protected_regular en protected_hardlinks). Exit 1 bij een probleem, 0 bij alleen advies. hidepid heeft gid= nodig voor een beheergroep; systemd-diensten (bv. logind, polkit) die alle processen moeten zien werken anders slecht: zie README.",
}
