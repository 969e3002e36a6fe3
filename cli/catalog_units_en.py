"""The command line's words for unit editing and "my units" (English); keys as in
cli/catalog_units_nl.py. Registered by cli/group.py."""

CLI_UNITS_EN = {
    "cli.help.units.edit": "Change a unit: its name (the slug and directory stay), relatiemanager (name and "
                           "login), Hagro, municipality and phase per route (logged).\n\n"
                           "spiegel units edit linde --fase-route 2=3 --rm-login inge",
    "cli.opt.units.mine": "Only my units: those whose relatiemanager logs in as me.",
    "cli.opt.units.edit.new_name": "New name to show (the slug stays).",
    "cli.opt.units.edit.relatiemanager": "The relatiemanager (name to show).",
    "cli.opt.relatiemanager_login": "The relatiemanager's login name (for 'my units').",
    "cli.opt.units.edit.contact": "Contact line under the feedback document, e.g. 'Questions? Call the practice: 040-123 45 67'.",
    "cli.opt.hagro": "The Hagro the practice belongs to (name or slug).",
    "cli.opt.municipality": "The municipality the practice belongs to (name or slug).",
    "cli.opt.units.edit.phases": "Phase per route 1–4, e.g. 2,1,1,3 (logged).",
    "cli.opt.route_phase": "One route to a phase, e.g. 2=3 (repeatable; the other routes stay).",
    "cli.opt.units.edit.rev": "Only change it if the unit is still at revision N.",
    "cli.metavar.LOGIN": "LOGIN",
    "cli.metavar.HAGRO": "HAGRO",
    "cli.metavar.GEMEENTE": "MUNICIPALITY",
    "cli.metavar.ROUTE=FASE": "ROUTE=PHASE",
    "cli.opt.check.server": "For the administrator: check the shared server (data directory and sticky bit, unit directories, units open to the whole group, .ids, /proc with hidepid, fs.protected_regular and protected_hardlinks). Exit 1 for a problem, 0 for advice only. hidepid needs gid= for an admin group; systemd services (e.g. logind, polkit) that must see every process misbehave otherwise: see the README.",
}
