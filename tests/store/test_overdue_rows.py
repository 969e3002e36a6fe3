"""`list --overdue` narrows list rows before they become documents
(rules.overdue_rows); it must keep exactly the rows whose documents the overdue
rule (rules.overdue_doc) keeps, and the list the same actions as without it."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from store.model import rules
from store.persistence.files.listing import FIELDS, documents
from store.model.queries import ActionFilter, select
from store.model.records import Action
from store.model.vocab import Status

TODAY = dt.date(2026, 11, 23)
days = st.one_of(st.none(), st.dates(dt.date(2026, 10, 1), dt.date(2027, 1, 31)).map(dt.date.isoformat))
rows = st.lists(st.builds(lambda n, status, day: [f"A-{n}", status, 1, 1, day, "", "t", ""],
                          st.integers(1, 99), st.sampled_from([s.value for s in Status]), days), max_size=30)


@given(rows)
def test_the_rows_kept_are_those_whose_documents_are_overdue(found):
    narrow = ActionFilter(overdue=True).doc_prefilter(TODAY).rows
    by_doc = [doc for doc in documents(found) if rules.overdue_doc(doc, TODAY.isoformat())]
    assert documents(narrow(found)) == by_doc


def test_the_store_lists_the_same_overdue_actions_with_and_without_narrowing(store, unit):
    for n, (status, days) in enumerate([("planned", -3), ("done", -3), ("in_progress", -1), ("planned", 0),
                                        ("stopped", -9), ("planned", 5), ("in_progress", -40)]):
        store.add(Action(title=f"a{n}", status=Status(status), deadline=TODAY + dt.timedelta(days=days)), unit.id)
    store.add(Action(title="geen datum"), unit.id)
    flt = ActionFilter(overdue=True)
    where = flt.doc_prefilter(TODAY)
    plain = lambda doc: where(doc)  # noqa: E731  (the same test without `rows`)
    narrowed = select(store.listed_actions(where=where), flt, TODAY)
    assert [a.title for a in narrowed] == ["a6", "a0", "a2"]
    assert [a.id for a in narrowed] == [a.id for a in select(store.listed_actions(where=plain), flt, TODAY)]
    assert FIELDS.index("deadline") == 4 and FIELDS.index("status") == 1  # the rows' shape this test writes
