"""The portfolio's words for my units and grouping (Dutch); keys as in
tui/catalog_portfolio_en.py. Registered by tui/__init__.py."""

NL_PORTFOLIO = {
    "tui.key.my_units": "Mijn eenheden",
    "tui.tip.my_units": "Alleen de eenheden waarvan jij (je inlognaam) de relatiemanager bent; nog eens: alle.",
    "tui.key.group": "Groeperen",
    "tui.tip.group": "Groepeer per hagro, dan per gemeente, dan niet meer.",
    "tui.col.hagro": "Hagro",
    "tui.col.municipality": "Gemeente",
    "tui.portfolio.keys_hint": "M mijn · G groep",
    "tui.portfolio.mine_count": "{shown} van jouw {total} eenheden",
    "tui.portfolio.mine_count.one": "{shown} van jouw 1 eenheid",
    "tui.portfolio.mine_none": "Geen eenheden met {user} als relatiemanager (M: alle eenheden).",
    "tui.portfolio.grouped": "per {what}",
    "tui.portfolio.no_group": "(geen)",
    "tui.portfolio.belongs": "hagro {hagro} · gemeente {municipality}",
    "tui.portfolio.rm_login": "{rm} ({login})",
    "tui.portfolio.same_name": "Meer eenheden met deze naam: kies op groep",
    "tui.portfolio.group_head": "({n}) {name}",
    "tui.portfolio.no_group_head": "({n}) geen",
}
