"""The portfolio at care-group scale: names that stay apart at 80 columns, my units
(M), grouping by Hagro and municipality (G) and the filter words for them."""

from __future__ import annotations

import datetime as dt

from store.model.records import Action, Unit
from store.model.vocab import UnitKind
from tests.tui.helpers import make_store, screen_lines, settle
from tui.app import make_app
from tui.widgets.row_table import RowTable

PRACTICES = [  # name, login, Hagro (by slug or by name), municipality
    ("Huisartsenpraktijk De Linde", "tester", "hagro-noord", "Eindhoven"),
    ("Huisartsenpraktijk Het Kastanjehof", "piet", "hagro-noord", "Eindhoven"),
    ("Huisartsenpraktijk Het Kastanjelaantje", "tester", "Hagro Zuid", "Best"),
    ("Gezondheidscentrum Veldhoven-Zuid", "", "Hagro Zuid", "Veldhoven"),
    ("Huisartsen Maasoever", "tester", "", "Best"),
]


def build(data_dir):
    store = make_store(data_dir)
    store.create_unit(Unit(name="Hagro Noord", kind=UnitKind.HAGRO, relatiemanager_login="piet"), "hagro-noord")
    for name, login, hagro, municipality in PRACTICES:
        store.create_unit(Unit(name=name, relatiemanager="Inge", relatiemanager_login=login, hagro=hagro,
                               municipality=municipality))
    return data_dir


def names(app) -> list[str]:
    return [row.item.unit.name for row in app.screen.query_one(RowTable).rows]


def text(app) -> str:
    return "\n".join(screen_lines(app))


async def test_names_keep_what_tells_them_apart_at_80_columns(tmp_path):
    app = make_app(build(tmp_path / "data"), today=None, user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = text(app)
        for short in ("Praktijk De Linde", "Praktijk Het Kastanjehof", "GC Veldhoven-Zuid", "Ha. Maasoever"):
            assert short in shown
        assert "Huisartsenpraktijk …" not in shown
        await pilot.press("slash", *"huisartsenpraktijk het k")  # the filter knows the whole name
        assert sorted(names(app)) == ["Huisartsenpraktijk Het Kastanjehof", "Huisartsenpraktijk Het Kastanjelaantje"]
        await pilot.press("down")
        assert "Huisartsenpraktijk Het Kastanjelaantje ·" in text(app)  # whole in the detail line


async def test_m_shows_my_units_and_again_all(tmp_path):
    app = make_app(build(tmp_path / "data"), user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(names(app)) == 6
        await pilot.press("M")
        assert sorted(names(app)) == ["Huisartsen Maasoever", "Huisartsenpraktijk De Linde",
                                      "Huisartsenpraktijk Het Kastanjelaantje"]
        assert "3 van jouw 3 eenheden" in text(app)
        await pilot.press("slash", *"linde")  # the filter works within my units
        assert names(app) == ["Huisartsenpraktijk De Linde"]
        await pilot.press("escape", "M")
        assert len(names(app)) == 6 and "6 van 6 eenheden" in text(app)


async def test_my_units_when_i_have_none_says_so(tmp_path):
    app = make_app(build(tmp_path / "data"), user="nobody")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("M")
        assert names(app) == [] and "Geen eenheden met nobody als relatiemanager" in text(app)


async def test_g_groups_by_hagro_then_municipality_then_not(tmp_path):
    app = make_app(build(tmp_path / "data"), user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        table = app.screen.query_one(RowTable)
        assert table.columns[1].label == "Hagro" and "per hagro" in text(app)
        groups = [row.cells[1] for row in table.rows]
        # The Hagro named by its slug shows its unit's name; units in no Hagro last; each
        # group's first row is its head with its count, the meetings column stays.
        assert groups == ["(2) Noord", "", "(2) Zuid", "", "(2) geen", ""]  # the count first: never cut
        assert [c.label for c in table.columns][-2:] == ["Bijeenk.", "Bezoek"] and "Bijeenk." in text(app)
        await pilot.press("G")
        assert table.columns[1].label == "Gemeente"
        assert [row.cells[1] for row in table.rows][:3] == ["(2) Best", "", "(2) Eindhoven"]
        await pilot.press("S")  # another order keeps the groups together
        assert [row.cells[1] for row in table.rows][:2] == ["(2) Best", ""]
        await pilot.press("slash", *"linde")  # a filter: the head follows what is shown
        await settle(pilot)
        assert [row.cells[1] for row in table.rows] == ["(1) Eindhoven"]
        await pilot.press("escape")
        await pilot.press("G")
        assert table.columns[1].label == "Soort" and "per " not in text(app).split("eenheden")[1][:5]


async def test_filter_words_find_a_hagro_and_a_municipality(tmp_path):
    app = make_app(build(tmp_path / "data"), user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hagro-noord")  # the Hagro itself (its slug) and its practices
        assert sorted(names(app)) == ["Hagro Noord", "Huisartsenpraktijk De Linde",
                                      "Huisartsenpraktijk Het Kastanjehof"]
        await pilot.press("escape", "slash", *"gemeente-best")
        assert sorted(names(app)) == ["Huisartsen Maasoever", "Huisartsenpraktijk Het Kastanjelaantje"]
        await pilot.press("escape", "slash", *"hagro-zuid gemeente-veldhoven")
        assert names(app) == ["Gezondheidscentrum Veldhoven-Zuid"]


async def test_the_detail_line_says_login_hagro_and_municipality(tmp_path):
    app = make_app(build(tmp_path / "data"), user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"linde")
        shown = " ".join(text(app).split())
        assert "Inge (tester)" in shown and "hagro Noord · gemeente Eindhoven" in shown


async def test_hostile_text_in_a_hagro_or_municipality_is_shown_literally(tmp_path):
    from tests.tui.helpers import HOSTILE

    store = make_store(tmp_path / "data")
    store.create_unit(Unit(name="Huisartsenpraktijk X", hagro=HOSTILE, municipality="Best\x1b]0;pwned\x07",
                           relatiemanager_login="tester"))
    app = make_app(tmp_path / "data", user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G", "M")
        assert app.is_running and "[@click=app.q" in text(app)  # as typed, not run
        await pilot.press("G")
        assert "\x1b" not in text(app) and "Best" in text(app)


async def test_typing_a_units_name_opens_that_unit_not_one_in_its_municipality(tmp_path):
    """`Gemeente Best` also matches the practices in municipality Best (`gemeente-best`):
    the cursor still goes to the unit of that name, so Enter opens it."""
    store = make_store(tmp_path / "data")
    build(tmp_path / "data")
    store.create_unit(Unit(name="Gemeente Best", kind=UnitKind.MUNICIPALITY))
    store.add(Action(title="Te laat", deadline=dt.date(2020, 1, 6)), "huisartsen-maasoever")  # needs attention first
    app = make_app(tmp_path / "data", today=None, user="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Gemeente Best")
        await settle(pilot)
        assert len(names(app)) > 1  # the practices in Best are listed too
        await pilot.press("enter")
        await settle(pilot)
        assert "Gemeente Best" in text(app).splitlines()[0]
