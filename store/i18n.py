"""The one catalog of user-facing words, Dutch first, English second.

Kept in store/ (plain dicts, no dependencies) because the CLI, the TUI and the
store's own error messages all speak to users. Babel is not needed for this:
there are no plural rules beyond what the templates spell out.
"""

from __future__ import annotations

import os

_LANG = ["nl"]

NL: dict[str, str] = {
    # dates
    "date.invalid": "'{text}' is geen datum; probeer bv. 'vr', 'volgende week', '+2w', 'wk 12', '15-3', '15 maart 2027' of '2027-03-15'",
    "date.nonexistent": "'{text}' bestaat niet in de kalender",
    # values and fields
    "value.required": "verplicht; vul een waarde in",
    "value.choice": "'{value}' kan niet; kies uit: {allowed}",
    "value.int": "'{value}' is geen geheel getal",
    "value.number": "'{value}' is geen getal (gebruik bv. 12,5)",
    "value.bool": "'{value}' is geen ja/nee",
    "value.range": "moet tussen {low} en {high} liggen",
    "value.not_negative": "mag niet negatief zijn",
    "value.phases": "geef vier fasen (1–4), één per route, bv. 2,1,1,3",
    "value.pdsa": "alleen plan, do, study en act",
    "field.unknown": "'{name}' is geen veld; velden: {fields}",
    "field.not_editable": "'{name}' kan hier niet gewijzigd worden",
    "finding.reason_required": "geef een reden bij parkeren of afwijzen; deelnemers hebben recht op een antwoord",
    "status.transition": "van {old} naar {new} kan niet; vanuit {old} kan: {allowed}",
    "id.invalid": "'{id}' is geen id; een id ziet eruit als A-12 (actie), L-7 (bevinding), M-3 (bijeenkomst) of K-2 (indicator)",
    "record.not_found": "{id} bestaat niet (of staat in een eenheid die je niet mag lezen)",
    "record.not_found_in": "{id} bestaat niet in {unit}",
    "conflict": "{id} is intussen door {who} gewijzigd (jij begon bij revisie {mine}, nu {theirs}); laad opnieuw en kies per veld",
    "finding.expected": "{id} is geen bevinding; gebruik een L-id, bv. --from L-7",
    "undo.nothing": "{id} heeft geen wijziging meer om ongedaan te maken",
    "unit.not_found": "geen eenheid gevonden voor '{text}'; zie 'spiegel units'",
    "unit.ambiguous": "'{text}' past bij meer eenheden ({hits}); typ meer van de naam",
    # files
    "file.missing": "bestand bestaat niet (meer)",
    "file.no_access": "geen toegang (vraag de beheerder om lidmaatschap van de groep van dit bestand)",
    "file.no_write": "geen schrijfrechten; er is niets gewijzigd",
    "file.not_a_file": "is geen bestand",
    "file.empty": "leeg bestand; het is niet aangeraakt — zet een back-up terug",
    "file.not_json": "geen geldige JSON, mogelijk afgekapt ({detail}); het is niet aangeraakt — zet een back-up terug",
    "file.not_spiegel": "geen spiegel-bestand (verkeerde opbouw); het is niet aangeraakt",
    "file.newer_schema": "gemaakt door een nieuwere spiegel (schema {found}, deze versie kent t/m {known}); werk spiegel bij",
    "file.no_unit": "bevat geen eenheid; het is niet aangeraakt",
    "file.exists": "bestaat al; kies een andere naam",
    "file.busy": "een ander schrijft al meer dan 10 seconden; probeer het zo nog eens",
    # vocabularies
    "Status.planned": "gepland", "Status.in_progress": "in uitvoering", "Status.done": "afgerond", "Status.stopped": "gestopt",
    "UnitKind.practice": "praktijk", "UnitKind.hagro": "hagro", "UnitKind.municipality": "gemeente",
    "MeetingFormat.spiegelgesprek": "spiegelgesprek", "MeetingFormat.focusgroep": "focusgroep",
    "MeetingFormat.inloopavond": "inloopavond", "MeetingFormat.themabijeenkomst": "themabijeenkomst",
    "FindingKind.positive": "positief punt", "FindingKind.leerpunt": "leerpunt", "FindingKind.tip": "tip",
    "FindingKind.recommendation": "aanbeveling",
    "FindingState.open": "open", "FindingState.actions": "omgezet in acties", "FindingState.parked": "geparkeerd",
    "FindingState.declined": "afgewezen",
    "Direction.higher": "hoger is beter", "Direction.lower": "lager is beter",
    "phase.1": "Basis", "phase.2": "Experimenteren met de pioniers", "phase.3": "Aanbieden aan alle zorgverleners",
    "phase.4": "Uitbouw",
    "route.1": "Het andere gesprek", "route.2": "Inzet van e-health",
    "route.3": "Verwijzen naar samenwerkingspartners", "route.4": "Anders organiseren",
    # CLI
    "mark.overdue": "te laat", "mark.due_soon": "binnenkort",
    "list.empty": "geen acties gevonden",
    "col.id": "ID", "col.unit": "EENHEID", "col.status": "STATUS", "col.phase_route": "F/R",
    "col.deadline": "DEADLINE", "col.owner": "EIGENAAR", "col.title": "TITEL", "col.phases": "FASE PER ROUTE",
    "col.leerpunten": "LEERPUNTEN", "col.open": "OPEN", "col.overdue": "TE LAAT", "col.name": "NAAM",
    "show.revision": "revisie", "show.created": "aangemaakt", "show.log": "wijzigingslog:",
    "op.create": "aangemaakt", "op.update": "gewijzigd", "op.undo": "ongedaan gemaakt",
    "check.ok": "ok  ", "check.bad": "FOUT", "check.none": "geen eenheden in {path}",
    "undo.done": "{id}: teruggedraaid ({changes})",
    "add.unit_needed": "geef --unit EENHEID (er zijn meerdere eenheden; zie 'spiegel units')",
    "edit.expected_option": "'{arg}' verwacht als --veld waarde",
    "edit.missing_value": "--{option} mist een waarde",
    "edit.nothing": "geef minstens één --veld waarde, bv. --owner Sanne",
    "demo.exists": "demodata staat al in {path} (gebruik --fresh om opnieuw te beginnen)",
    "demo.made": "demodata gemaakt: {count} eenheden in {path}",
}

EN: dict[str, str] = {
    "date.invalid": "'{text}' is not a date; try e.g. 'fri', 'next week', '+2w', 'wk 12', '15-3', '15 March 2027' or '2027-03-15'",
    "date.nonexistent": "'{text}' does not exist in the calendar",
    "value.required": "required; fill in a value",
    "value.choice": "'{value}' is not possible; choose from: {allowed}",
    "value.int": "'{value}' is not a whole number",
    "value.number": "'{value}' is not a number (e.g. 12.5)",
    "value.bool": "'{value}' is not yes/no",
    "value.range": "must be between {low} and {high}",
    "value.not_negative": "must not be negative",
    "value.phases": "give four phases (1–4), one per route, e.g. 2,1,1,3",
    "value.pdsa": "only plan, do, study and act",
    "field.unknown": "'{name}' is not a field; fields: {fields}",
    "field.not_editable": "'{name}' cannot be changed here",
    "finding.reason_required": "give a reason when parking or declining; participants deserve an answer",
    "status.transition": "{old} to {new} is not possible; from {old}: {allowed}",
    "id.invalid": "'{id}' is not an id; ids look like A-12 (action), L-7 (finding), M-3 (meeting) or K-2 (indicator)",
    "record.not_found": "{id} does not exist (or is in a unit you may not read)",
    "record.not_found_in": "{id} does not exist in {unit}",
    "conflict": "{id} was changed meanwhile by {who} (you started from revision {mine}, now {theirs}); reload and choose per field",
    "finding.expected": "{id} is not a finding; use an L id, e.g. --from L-7",
    "undo.nothing": "{id} has no change left to undo",
    "unit.not_found": "no unit found for '{text}'; see 'spiegel units'",
    "unit.ambiguous": "'{text}' fits several units ({hits}); type more of the name",
    "file.missing": "file does not exist (any more)",
    "file.no_access": "no access (ask the administrator for membership of this file's group)",
    "file.no_write": "no write permission; nothing was changed",
    "file.not_a_file": "is not a file",
    "file.empty": "empty file; it was not touched — restore a backup",
    "file.not_json": "not valid JSON, perhaps truncated ({detail}); it was not touched — restore a backup",
    "file.not_spiegel": "not a spiegel file (wrong structure); it was not touched",
    "file.newer_schema": "made by a newer spiegel (schema {found}, this version knows up to {known}); upgrade spiegel",
    "file.no_unit": "holds no unit; it was not touched",
    "file.exists": "already exists; choose another name",
    "file.busy": "another writer has held it for over 10 seconds; try again shortly",
    "Status.planned": "planned", "Status.in_progress": "in progress", "Status.done": "done", "Status.stopped": "stopped",
    "UnitKind.practice": "practice", "UnitKind.hagro": "hagro", "UnitKind.municipality": "municipality",
    "MeetingFormat.spiegelgesprek": "mirror meeting", "MeetingFormat.focusgroep": "focus group",
    "MeetingFormat.inloopavond": "walk-in evening", "MeetingFormat.themabijeenkomst": "theme meeting",
    "FindingKind.positive": "positive point", "FindingKind.leerpunt": "learning point", "FindingKind.tip": "tip",
    "FindingKind.recommendation": "recommendation",
    "FindingState.open": "open", "FindingState.actions": "turned into actions", "FindingState.parked": "parked",
    "FindingState.declined": "declined",
    "Direction.higher": "higher is better", "Direction.lower": "lower is better",
    "phase.1": "Basis", "phase.2": "Experimenting with pioneers", "phase.3": "Offering to all care providers",
    "phase.4": "Build-out",
    "route.1": "The other conversation", "route.2": "Use of e-health",
    "route.3": "Referral to partners", "route.4": "Organising differently",
    "mark.overdue": "overdue", "mark.due_soon": "due soon",
    "list.empty": "no actions found",
    "col.id": "ID", "col.unit": "UNIT", "col.status": "STATUS", "col.phase_route": "P/R",
    "col.deadline": "DEADLINE", "col.owner": "OWNER", "col.title": "TITLE", "col.phases": "PHASE PER ROUTE",
    "col.leerpunten": "LEARNING PTS", "col.open": "OPEN", "col.overdue": "OVERDUE", "col.name": "NAME",
    "show.revision": "revision", "show.created": "created", "show.log": "change log:",
    "op.create": "created", "op.update": "changed", "op.undo": "undone",
    "check.ok": "ok  ", "check.bad": "BAD ", "check.none": "no units in {path}",
    "undo.done": "{id}: undone ({changes})",
    "add.unit_needed": "give --unit UNIT (there are several units; see 'spiegel units')",
    "edit.expected_option": "expected '{arg}' as --field value",
    "edit.missing_value": "--{option} needs a value",
    "edit.nothing": "give at least one --field value, e.g. --owner Sanne",
    "demo.exists": "demo data already in {path} (use --fresh to start over)",
    "demo.made": "demo data made: {count} units in {path}",
}

CATALOGS = {"nl": NL, "en": EN}


def set_language(lang: str | None) -> str:
    """Pick the UI language: 'nl' or 'en'. Unknown values fall back to Dutch."""
    code = (lang or "nl").lower()[:2]
    _LANG[0] = code if code in CATALOGS else "nl"
    return _LANG[0]


def language_from_env(explicit: str | None = None) -> str:
    """--lang wins, then SPIEGEL_LANG, then LANG/LC_ALL (en_* → English), else Dutch."""
    if explicit:
        return set_language(explicit)
    env = os.environ.get("SPIEGEL_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return set_language("en" if env.lower().startswith("en") else "nl")


def language() -> str:
    return _LANG[0]


def t(key: str, **values: object) -> str:
    """Look up `key` in the current language (Dutch as fallback) and fill it in."""
    template = CATALOGS[_LANG[0]].get(key) or NL.get(key) or key
    return template.format(**values) if values else template
