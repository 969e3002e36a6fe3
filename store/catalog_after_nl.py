"""Dutch words of the store for the time after a meeting: the feedback duty, teams
and comparing two meetings. English in catalog_after_en.py; registered by store.vocab."""

AFTER_NL = {
    # the feedback duty (store/feedback_duty.py)
    "duty.sent": "verstuurd {date}",
    "duty.given": "gegeven, datum onbekend",
    "duty.late": "te laat (uiterlijk {date})",
    "duty.open": "uiterlijk {date}",
    "duty.unplanned": "niet gepland",
    "duty.upcoming": "nog niet gehouden",
    "duty.sent_in_future": "verstuurd op {date} ligt in de toekomst; geef een datum van vandaag of eerder",
    "advice.feedback_default": "geen datum voor de terugkoppeling gepland: die is uiterlijk {due} ({weeks} weken na de bijeenkomst)",
    "field.feedback_given_unknown": "Terugkoppeling gegeven, datum onbekend",
    # teams (store/teams.py)
    "TeamKind.core": "kernteam",
    "TeamKind.project": "projectteam",
    "field.coordinator": "Coördinator",
    "field.providers": "Zorgverleners",
    "field.patients": "Patiënten (aantal)",
    "field.partners": "Partners (aantal)",
    "field.assignment": "Opdracht",
    "team.name_taken": "er is al een team '{name}' in deze eenheid; kies een andere naam",
    "team.not_team": "{id} is geen team (een team-id begint met T-)",
    "advice.team_size": "een projectteam telt het best {low} tot {high} leden; dit team telt er {n}",
    "advice.team_ratio": "twee patiënten of partners per zorgverlener: bij {providers} zorgverleners horen er {wanted}, dit team heeft er {points}",
    "advice.team_no_coordinator": "een kernteam heeft een coördinator",
    "advice.team_no_patients": "in een kernteam zitten ook patiënten of partners",
    "advice.team_no_providers": "in een kernteam zitten ook zorgverleners (liefst arts en verpleegkundige)",
    # comparing two meetings (store/compare.py)
    "compare.other_unit": "{first} en {second} horen bij verschillende eenheden; vergelijk bijeenkomsten van één eenheid",
    "compare.same": "kies twee verschillende bijeenkomsten",
    "compare.not_meeting": "{id} is geen bijeenkomst (een bijeenkomst-id begint met M-)",
    "compare.meeting": "{id} {date} · {theme}",
    "compare.earlier": "Eerder: {meeting}",
    "compare.later": "Later:  {meeting}",
    "compare.returned": "Thema's die terugkwamen ({n})",
    "compare.was": "      eerder: {point}",
    "compare.solved": "Sindsdien opgelost, alle acties afgerond ({n})",
    "compare.done_by": "      afgerond: {actions}",
    "compare.still_open": "Van toen, nog niet opgelost ({n})",
    "compare.new": "Nieuw ({n})",
}
