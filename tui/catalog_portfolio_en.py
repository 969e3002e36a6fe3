"""The portfolio's words for my units and grouping (English); keys as in
tui/catalog_portfolio_nl.py. Registered by tui/__init__.py."""

EN_PORTFOLIO = {
    "tui.key.my_units": "My units",
    "tui.tip.my_units": "Only the units whose relatiemanager you are (by your login); again: all.",
    "tui.key.group": "Group",
    "tui.tip.group": "Group by Hagro, then by municipality, then not at all.",
    "tui.col.hagro": "Hagro",
    "tui.col.municipality": "Municip.",
    "tui.portfolio.keys_hint": "M mine · G group",
    "tui.portfolio.mine_count": "{shown} of your {total} units",
    "tui.portfolio.mine_count.one": "{shown} of your 1 unit",
    "tui.portfolio.mine_none": "No units with {user} as relatiemanager (M: all units).",
    "tui.portfolio.grouped": "by {what}",
    "tui.portfolio.no_group": "(none)",
    "tui.portfolio.belongs": "Hagro {hagro} · municipality {municipality}",
    "tui.portfolio.rm_login": "{rm} ({login})",
    "tui.portfolio.same_name": "Several units with this name: choose by group",
    "tui.portfolio.group_head": "({n}) {name}",
    "tui.portfolio.no_group_head": "({n}) none",
}
