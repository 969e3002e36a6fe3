"""The store's words for unit editing and the portfolio figures (Dutch); keys as in
store/catalog_units_en.py. Registered by store/i18n.py."""

UNITS_NL = {
    "value.login": "moet een inlognaam zijn (letters, cijfers, _ . @ -), maar is {found}",
    "unit.nothing_to_change": "niets te wijzigen: geef bv. --naam, --rm, --rm-login, --hagro, --gemeente of --fase",
    "unit.route_phase": "geef route=fase, bv. 2=3 (route en fase 1–4), niet {text}",
    "unit.route_twice": "route {route} staat twee keer in --fase-route",
    "unit.phases_and_route": "geef --fase óf --fase-route, niet allebei",
    "unit.changed": "{unit} rev {rev}",
    "unit.phase_changed": "{unit}: route {route} van fase {old} naar {new}",
    "field.relatiemanager_login": "Inlognaam relatiemanager",
    "field.hagro": "Hagro",
    "field.municipality": "Gemeente",
    "unit.ambiguous_place": "'{text}' past bij meer dan een eenheid: {hits}. Typ de afkorting of meer van de naam, bv. met de plaats erbij",
    "unit.name_unknown": "naam onleesbaar",
    "unit.group_of": "groep {group}",
    "unit.group_open": "groep {group}: open voor de hele gedeelde groep",
    "col.group": "GROEP",
    "units.open_mark": "(alle)",
    "units.open_mark_explained": "{mark}: iedereen in de gedeelde groep kan deze eenheid lezen; wie haar maakte, bepaalt haar naam",
    "load.date_range": "moet een datum tussen de jaren {low} en {high} zijn, maar is {found}",
    "value.date_range": "moet een datum tussen de jaren {low} en {high} zijn",
    "file.too_deep": "geen spiegel-bestand: de JSON is dieper genest dan een spiegel-bestand ooit is",
    "file.bad_schema": "geen spiegel-bestand: schemaversie {found} bestaat niet",
    "file.over_limit": "is te groot ({size} bytes; een eenheid mag hoogstens {limit} bytes zijn); het is niet gelezen",
    "ids.no_free": "geen vrij id te vinden; laat de beheerder 'spiegel check --server' draaien",
}
