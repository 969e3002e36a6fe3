"""What a relatiemanager discusses at a visit (store/moments/visit_agenda.py): the previous
visit's agreements and what became of each, pilots past or near their year, every
overdue action (older ones too), every open leerpunt, and each KPI's latest value
against its baseline and target, with credit when the whole series is baseline."""

from __future__ import annotations

import datetime as dt

from store.model.records import Action, Finding, Kpi, Measurement, Visit
from store.moments.visit_agenda import BETTER, DONE, GONE, NO_ACTION, OPEN, OVERDUE, STOPPED, agenda_lines, kpi_credit, visit_agenda
from store.model.vocab import Direction, FindingKind, FindingState, Status

TODAY = dt.date(2026, 11, 23)


def _agreements():
    actions = [Action(id="A-1", title="Klaar", owner="Els", status=Status.DONE),
               Action(id="A-2", title="Gestopt", status=Status.STOPPED),
               Action(id="A-3", title="Te laat", owner="Piet", deadline=dt.date(2026, 1, 5)),
               Action(id="A-4", title="Loopt", deadline=dt.date(2027, 1, 5))]
    previous = Visit(id="B-1", date=dt.date(2026, 9, 1), agreements=[
        {"text": "a", "action": "A-1"}, {"text": "b", "action": "A-2"}, {"text": "c", "action": "A-3"},
        {"text": "d", "action": "A-4", "finding": "L-2"}, {"text": "e", "action": "A-9"}, {"text": "f", "action": ""}])
    return previous, actions


def test_each_previous_agreement_says_what_became_of_it():
    previous, actions = _agreements()
    agenda = visit_agenda(previous, actions, [], [], TODAY)
    assert [o.state for o in agenda.agreements] == [DONE, STOPPED, OVERDUE, OPEN, GONE, NO_ACTION]
    assert agenda.agreements[3].finding == "L-2"
    lines = dict(agenda_lines(agenda, str))
    assert lines["Afspraken van het vorige bezoek (2026-09-01)"][2] == "c: A-3 te laat (Piet)"


def test_every_overdue_action_counts_however_old_and_pilots_past_or_near_their_year():
    old = Action(id="A-1", title="Heel oud", deadline=dt.date(2024, 3, 1))
    past = Action(id="A-2", title="Pilot oud", phase=2, started_on=TODAY - dt.timedelta(days=400))
    near = Action(id="A-3", title="Pilot bijna", phase=2, started_on=TODAY - dt.timedelta(days=350))
    young = Action(id="A-4", title="Pilot jong", phase=2, started_on=TODAY - dt.timedelta(days=100))
    agenda = visit_agenda(None, [old, past, near, young], [], [], TODAY)
    assert agenda.overdue == [old]
    assert agenda.pilots_past == [past] and agenda.pilots_near == [near]
    pilots = dict(agenda_lines(agenda, str))["Pilots die hun jaar voorbij zijn of bijna"]
    assert pilots == ["A-2 Pilot oud (zonder eigenaar): 35 dagen over het jaar, nog niet geëvalueerd",
                      "A-3 Pilot bijna (zonder eigenaar): het jaar is over 15 dagen om; plan de evaluatie"]


def test_open_leerpunten_are_counted_as_the_portfolio_counts_them():
    findings = [Finding(id="L-1", text="open, oud"), Finding(id="L-2", text="al acties", state=FindingState.ACTIONS),
                Finding(id="L-3", text="tip", kind=FindingKind.TIP),
                Finding(id="L-4", text="geparkeerd", state=FindingState.PARKED, reason="later")]
    assert [f.id for f in visit_agenda(None, [], findings, [], TODAY).leerpunten] == ["L-1"]


def _waiting_time() -> tuple[Kpi, Action, Finding]:
    """The demo's telephone waiting time: 15 minutes down to about 7, no start date on
    its action, so the whole series is its baseline period."""
    values = [15.8, 13.3, 15.1, 14.6, 15.2, 14.9, 14.0, 13.8, 14.4, 12.1, 11.0, 10.2, 9.5, 9.1, 8.8, 8.0, 7.9, 7.7]
    start = dt.date(2025, 6, 1)
    kpi = Kpi(id="K-1", action="A-1", name="Gemiddelde wachttijd telefoon", measure_unit="min", direction=Direction.LOWER,
              baseline=14.0, target=5.0, measurements=[Measurement(start + dt.timedelta(days=28 * i), v)
                                                       for i, v in enumerate(values)])
    action = Action(id="A-1", title="Terugbelservice", findings=["L-2"])
    return kpi, action, Finding(id="L-2", text="Ik wist niet dat er een terugbelservice was.")


def test_a_kpi_shows_its_latest_value_against_baseline_and_target_and_the_leerpunt_it_serves():
    kpi, action, finding = _waiting_time()
    status = visit_agenda(None, [action], [finding], [kpi], TODAY).kpis[0]
    assert (status.latest.value, status.baseline, status.change, status.reached) == (7.7, 14.0, BETTER, False)
    lines = dict(agenda_lines(visit_agenda(None, [action], [finding], [kpi], TODAY), str))
    kpi_lines = lines["Indicatoren: laatste waarde, nulmeting en doel"]
    assert kpi_lines[0] == ("K-1 Gemiddelde wachttijd telefoon: 7,7 min (2026-09-20); nulmeting 14 min, doel 5 min: "
                            "beter dan de nulmeting")
    assert kpi_lines[1] == "  voor leerpunt L-2 Ik wist niet dat er een terugbelservice was."


def test_an_improvement_gets_credit_when_the_whole_series_is_its_baseline():
    """The run chart rules call every signal 'in the baseline' here (no later period):
    the KPI's nulmeting still tells that 15 -> 7.7 minutes is an improvement."""
    kpi, action, finding = _waiting_time()
    status = visit_agenda(None, [action], [finding], [kpi], TODAY).kpis[0]
    assert status.whole_series_baseline and all(s.verdict == "baseline" for s in status.analysis.signals)
    credit = kpi_credit(status)
    assert credit.startswith("verbeterd: van 15,8 min (eerste meting) naar 7,7 min")
    # with a start date in the middle the rules judge the later period themselves: no extra credit
    action.started_on = dt.date(2026, 2, 1)
    assert kpi_credit(visit_agenda(None, [action], [finding], [kpi], TODAY).kpis[0]) == ""


def test_no_credit_for_one_lucky_point():
    kpi, action, finding = _waiting_time()
    kpi.measurements = [Measurement(m.date, 14.0 + (i % 2) * 0.5) for i, m in enumerate(kpi.measurements)]
    kpi.measurements[-1] = Measurement(kpi.measurements[-1].date, 6.0)
    assert kpi_credit(visit_agenda(None, [action], [finding], [kpi], TODAY).kpis[0]) == ""


def test_the_report_chart_has_a_legend_naming_what_is_drawn():
    from store.model.kpis import analyse_kpi
    from store.exchange.reports.charts import run_chart_svg

    kpi, _action, _finding = _waiting_time()
    plain = run_chart_svg(kpi, analyse_kpi(kpi), legend=False)
    with_legend = run_chart_svg(kpi, analyse_kpi(kpi))
    assert 'id="legend_1"' in with_legend and 'id="legend_1"' not in plain
