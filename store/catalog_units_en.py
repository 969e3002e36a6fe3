"""The store's words for unit editing and the portfolio figures (English); keys as in
store/catalog_units_nl.py. Registered by store/i18n.py."""

UNITS_EN = {
    "value.login": "must be a login name (letters, digits, _ . @ -), but is {found}",
    "unit.nothing_to_change": "nothing to change: give e.g. --naam, --rm, --rm-login, --hagro, --gemeente or --fase",
    "unit.route_phase": "give route=phase, e.g. 2=3 (route and phase 1–4), not {text}",
    "unit.route_twice": "route {route} is given twice in --fase-route",
    "unit.phases_and_route": "give --fase or --fase-route, not both",
    "unit.changed": "{unit} rev {rev}",
    "unit.phase_changed": "{unit}: route {route} from phase {old} to {new}",
    "field.relatiemanager_login": "Relatiemanager's login",
    "field.hagro": "Hagro",
    "field.municipality": "Municipality",
    "unit.ambiguous_place": "'{text}' fits more than one unit: {hits}. Type the short name or more of the name, e.g. with the place added",
    "unit.name_unknown": "name unreadable",
    "unit.group_of": "group {group}",
    "unit.group_open": "group {group}: open to the whole shared group",
    "col.group": "GROUP",
    "units.open_mark": "(all)",
    "units.open_mark_explained": "{mark}: everyone in the shared group can read this unit; whoever made it chose its name",
    "load.date_range": "must be a date between the years {low} and {high}, but is {found}",
    "value.date_range": "must be a date between the years {low} and {high}",
    "file.too_deep": "not a spiegel file: the JSON is nested deeper than a spiegel file ever is",
    "file.bad_schema": "not a spiegel file: schema version {found} does not exist",
    "file.over_limit": "is too large ({size} bytes; a unit may be at most {limit} bytes); it was not read",
    "ids.no_free": "no free id to be found; ask the administrator to run 'spiegel check --server'",
}
